using System.Globalization;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.Budget;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>The table of <c>capacity</c> and the assumptions behind it.</summary>
internal static class CapacityReport
{
    public static void Write(
        TextWriter output,
        IReadOnlyList<(string Name, CapacityEstimate Estimate)> estimates,
        SyncOptions sync,
        TimeSpan triggerInterval,
        int people,
        ProviderRateLimit withings,
        ProviderRateLimit google,
        double googleProjectPerDay)
    {
        output.WriteLine(Line($"Measured with {people} sandbox people per provider through a running worker over loopback."));
        output.WriteLine();
        output.WriteLine("budget                 requests/day  poll  push sync  notif./day  syncs/day  req/person-day      people served");
        output.WriteLine("                       allowed       cost  cost       per person  per person  no push   push     no push   push");
        foreach (var (name, e) in estimates)
        {
            var push = e.Cost.PushRequests.Sum(k => k.Value * e.Rate.SyncsPerDay.GetValueOrDefault(k.Key)) / Math.Max(e.Rate.Syncs, double.Epsilon);
            output.WriteLine(Line($"{name,-22} {e.RequestsPerDayAllowed,12:N0}  {e.Cost.PollRequests,4:0.#}  {push,9:0.#}  {e.Rate.Notifications,10:0.0}  {e.Rate.Syncs,9:0.0}  {e.WithoutPush,7:0.#}  {e.WithPush,6:0.#}  {e.PeopleWithoutPush,8:N0}  {e.PeopleWithPush,8:N0}"));
        }

        output.WriteLine();
        output.WriteLine("Assumptions:");
        output.WriteLine(Line($"- Limits as the providers register them with the request budget: Withings {withings.PerApplication} requests per {withings.Window.TotalSeconds:0} s for the application (every request counts, token refreshes and subscription checks included); Google {google.PerUser} per {google.Window.TotalSeconds:0} s per person, no project limit registered, so the project's documented quota of {googleProjectPerDay:N0} requests a day (120,000 a minute) is the budget; Google's token endpoint is not part of it."));
        output.WriteLine(Line($"- Defaults: Sync:PollInterval {sync.PollInterval} plus on average half of Sync:PollJitter {sync.PollJitter}; with healthy push one reconciliation poll every Sync:ReconcileInterval {sync.ReconcileInterval}; notifications of one data kind within Sync:Push:TriggerInterval {triggerInterval} merge into one targeted sync."));
        foreach (var (name, e) in estimates)
        {
            var kinds = string.Join(", ", e.Rate.NotificationsPerDay.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:0.00}/day costing {e.Cost.PushRequests.GetValueOrDefault(k.Key):0.#}")));
            output.WriteLine(Line($"- {name}: a poll that finds nothing new costs {e.Cost.PollRequests:0.#} requests; notifications per person-day from the sandbox's history (one per entry): {kinds}; access tokens live {e.Cost.TokenLifetime.TotalHours:0.#} h{(e.SubscriptionChecksPerDay > 0 ? string.Create(CultureInfo.InvariantCulture, $"; with push the subscription check costs 1 request {e.SubscriptionChecksPerDay:0.#} time(s) a day") : string.Empty)}."));
        }

        output.WriteLine(Line($"- Everyone's push is healthy in the push column; a person whose push goes quiet for Sync:PushQuietAfter ({sync.PushQuietAfter}) costs the no-push figure until the next notification. Polls are spread over the interval only by the jitter, so each round must fit the budget: the no-push figure is also what one round allows. No headroom is kept for backfills or retries."));
        output.WriteLine("- Google's unverified apps are limited to 100 users in all; the figure assumes a verified app.");
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
