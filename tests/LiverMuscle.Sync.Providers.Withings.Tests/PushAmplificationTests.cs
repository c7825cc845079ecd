using System.Globalization;
using System.Net;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>Notifications cost at most a sync per (person, data kind) and trigger interval, of the look-back window at most.</summary>
public sealed class PushAmplificationTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AThousandNotificationsForOnePerson_CauseAHandfulOfSyncs_NeverBeyondTheLookBack()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { TimeProvider = time, HistoryDays = 30 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, time, scheduler: true);
        var wid = await stack.AuthorizeAsync("gus");
        var callback = WithingsStack.CallbackOf(sandbox, wid);
        var before = sandbox.DataRequests.Count;
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var burst in Enumerable.Range(0, 1000).Chunk(10))
        {
            var answers = await Task.WhenAll(burst.Select(async _ =>
            {
                using var answer = await http.PostAsync(callback, PushSecurityTests.Form(wid, 1, ("startdate", "0"), ("enddate", time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))));
                return answer.StatusCode;
            }));
            statuses.AddRange(answers);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        List<string> Reads() => [.. sandbox.DataRequests.Skip(before)];

        // The first notification runs at once; the 999 others wait as one trigger for the interval.
        Assert.True(await Eventually.BecomesTrueWithinAsync(() => Reads().Count >= 1), "no sync followed the notifications");
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => Reads().Count > 1, TimeSpan.FromMilliseconds(500)), "more than one sync ran within the trigger interval");
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await Eventually.BecomesTrueWithinAsync(() => Reads().Count >= 2), "the merged notifications were not synced after the interval");
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => Reads().Count > 2, TimeSpan.FromMilliseconds(500)), "a third sync ran without a new notification");

        var earliest = (Start - TimeSpan.FromDays(7)).ToUnixTimeSeconds();
        Assert.All(Reads(), read =>
        {
            Assert.EndsWith("action=getmeas", read, StringComparison.Ordinal);
            Assert.InRange(long.Parse(Parameter(read, "startdate"), CultureInfo.InvariantCulture), earliest, Start.ToUnixTimeSeconds());
        });
    }

    [Fact]
    public async Task FullQueue_Answers503_ADuplicateIsMerged()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false, settings: new Dictionary<string, string?> { ["Sync:Push:QueueCapacity"] = "1" });
        var wid = await stack.AuthorizeAsync("hana");
        var callback = WithingsStack.CallbackOf(sandbox, wid);
        using var http = new HttpClient();

        using var weighIn = await http.PostAsync(callback, PushSecurityTests.Form(wid, 1));
        using var workout = await http.PostAsync(callback, PushSecurityTests.Form(wid, 16));
        using var again = await http.PostAsync(callback, PushSecurityTests.Form(wid, 1));

        Assert.Equal(HttpStatusCode.OK, weighIn.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, workout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static string Parameter(string request, string name) =>
        request.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1];
}
