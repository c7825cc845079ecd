using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// Measures what people cost the sandboxes through a running worker: each person is connected through the OAuth flow
/// (Withings subscribes them to notifications), caught up by a first poll, then polled again with nothing new, then
/// sent one notification per data kind through the worker's real push endpoints; every step counts the requests the
/// sandbox served (Withings: all of them, as its application budget counts them; Google: Health API requests only,
/// as its project quota counts them).
/// </summary>
internal sealed class CapacityProbe(IServiceProvider services, WithingsSandbox withings, GoogleHealthSandbox google, Uri listener, string webhookSecret)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly SyncRunner _runner = services.GetRequiredService<SyncRunner>();
    private readonly ISyncRunLog _runs = services.GetRequiredService<ISyncRunLog>();
    private readonly ITokenStore _tokens = services.GetRequiredService<ITokenStore>();

    public async Task<(ProviderCost Cost, NotificationRate Rate)> WithingsAsync(IReadOnlyList<string> people, int historyDays, TimeSpan triggerInterval, CancellationToken cancellationToken)
    {
        var events = new List<IReadOnlyList<(string, DateTimeOffset)>>();
        var polls = new List<long>();
        var pushes = new List<(string Kind, long Requests)>();
        TimeSpan lifetime = default;
        long Served() => withings.RequestsServed;
        foreach (var person in people)
        {
            await services.GetRequiredService<PersonRegistry>().EnsureAsync(person, null, cancellationToken);
            var wid = long.Parse(await SandboxAuthorization.ConnectAsync(services, ProviderNames.Withings, person, cancellationToken), CultureInfo.InvariantCulture);
            lifetime = await TokenLifetimeAsync(person, ProviderNames.Withings, cancellationToken);
            events.Add([.. withings.Groups(wid).Select(g => ("body_composition", DateTimeOffset.FromUnixTimeSeconds(g.Date))),
                .. withings.Workouts(wid).Select(w => ("workouts", DateTimeOffset.FromUnixTimeSeconds(w.EndDate)))]);
            await PollAsync(person, ProviderNames.Withings, cancellationToken);
            polls.Add(await CountAsync(Served, () => PollAsync(person, ProviderNames.Withings, cancellationToken)));

            var weighIn = await withings.AddWeighInAsync(wid, TimeProvider.System.GetUtcNow().AddMinutes(-10), 74.2, notify: false, cancellationToken);
            pushes.Add(("body_composition", await CountAsync(Served, () => PushedAsync(person, ProviderNames.Withings, () => withings.NotifyAsync(wid, 1, weighIn.Date, weighIn.Date + 1, cancellationToken), cancellationToken))));
            var workout = withings.Workouts(wid).MaxBy(w => w.EndDate)!;
            pushes.Add(("workouts", await CountAsync(Served, () => PushedAsync(person, ProviderNames.Withings, () => withings.NotifyAsync(wid, 16, workout.StartDate, workout.EndDate, cancellationToken), cancellationToken))));
        }

        return (Cost(ProviderNames.Withings, polls, pushes, lifetime), NotificationRate.Of(events, historyDays, triggerInterval));
    }

    public async Task<(ProviderCost Cost, NotificationRate Rate)> GoogleAsync(IReadOnlyList<string> people, int historyDays, TimeSpan triggerInterval, CancellationToken cancellationToken)
    {
        var events = new List<IReadOnlyList<(string, DateTimeOffset)>>();
        var polls = new List<long>();
        var pushes = new List<(string Kind, long Requests)>();
        TimeSpan lifetime = default;
        long Served() => google.DataRequests.Count;
        foreach (var person in people)
        {
            var hid = await SandboxAuthorization.ConnectAsync(services, ProviderNames.Fitbit, person, cancellationToken);
            lifetime = await TokenLifetimeAsync(person, ProviderNames.Fitbit, cancellationToken);
            events.Add([.. google.Exercises(hid).Select(e => ("exercise", e.End)),
                .. google.NutritionLogs(hid).Select(n => ("nutrition", n.Start)),
                .. google.Weights(hid).Concat(google.BodyFats(hid)).Select(s => ("body", s.Time))]);
            await PollAsync(person, ProviderNames.Fitbit, cancellationToken);
            polls.Add(await CountAsync(Served, () => PollAsync(person, ProviderNames.Fitbit, cancellationToken)));

            var now = TimeProvider.System.GetUtcNow();
            var meal = google.AddNutritionLog(hid, now.AddHours(-1), 32, 450);
            var session = google.AddExercise(hid, now.AddHours(-3), TimeSpan.FromMinutes(45), "STRENGTH_TRAINING");
            var weight = google.Weights(hid).MaxBy(w => w.Time)!;
            foreach (var (kind, type, start, end) in new[] { ("nutrition", "nutrition-log", meal.Start, meal.End), ("exercise", "exercise", session.Start, session.End), ("body", "weight", weight.Time, weight.Time) })
            {
                pushes.Add((kind, await CountAsync(Served, () => PushedAsync(person, ProviderNames.Fitbit, () => NotifyGoogleAsync(hid, type, start, end, cancellationToken), cancellationToken))));
            }
        }

        return (Cost(ProviderNames.Fitbit, polls, pushes, lifetime), NotificationRate.Of(events, historyDays, triggerInterval));
    }

    private static ProviderCost Cost(string provider, List<long> polls, List<(string Kind, long Requests)> pushes, TimeSpan lifetime) =>
        new(provider, polls.Average(), pushes.GroupBy(p => p.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Average(p => (double)p.Requests), StringComparer.Ordinal), lifetime);

    private static async Task<long> CountAsync(Func<long> served, Func<Task> action)
    {
        var before = served();
        await action();
        return served() - before;
    }

    private Task<SyncRunSummary> PollAsync(string person, string provider, CancellationToken cancellationToken) =>
        _runner.RunAsync(new SyncRequest(person, null, SyncMode.Incremental), provider, null, cancellationToken);

    /// <summary>Sends the notification and waits for the targeted sync the scheduler runs for it.</summary>
    private async Task PushedAsync(string person, string provider, Func<Task<int>> notify, CancellationToken cancellationToken)
    {
        var sent = TimeProvider.System.GetUtcNow();
        if (await notify() != 1)
        {
            throw new InvalidOperationException($"The {provider} notification for {person} was not accepted by the worker's push endpoint.");
        }

        var deadline = TimeProvider.System.GetUtcNow() + RunTimeout;
        while (!(await _runs.ListLatestAsync(person, cancellationToken)).Any(r => r.Provider == provider && r.StartedAt >= sent))
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"No {provider} sync of {person} ran within {RunTimeout.TotalSeconds:0} s of its notification.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>Posts one Google Health notification (the payload of the API's webhooks) to the worker's endpoint; 1 when it answered 204.</summary>
    private async Task<int> NotifyGoogleAsync(string healthUserId, string dataType, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var body = $$"""
            [ { "data": { "version": "1", "clientProvidedSubscriptionName": "{{Guid.NewGuid()}}", "healthUserId": "{{healthUserId}}", "operation": "UPSERT", "dataType": "{{dataType}}",
                "intervals": [ { "physicalTimeInterval": { "startTime": "{{Rfc3339(start)}}", "endTime": "{{Rfc3339(end)}}" } } ] } } ]
            """;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(listener, "/push/fitbit")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(webhookSecret);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode == System.Net.HttpStatusCode.NoContent ? 1 : 0;
    }

    private async Task<TimeSpan> TokenLifetimeAsync(string person, string provider, CancellationToken cancellationToken)
    {
        var connection = await _tokens.GetAsync(person, provider, cancellationToken);
        var left = connection!.Token!.AccessTokenExpiresAt - TimeProvider.System.GetUtcNow();
        return TimeSpan.FromMinutes(Math.Round(left.TotalMinutes));
    }

    private static string Rfc3339(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
