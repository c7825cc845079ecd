using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Hosting;

namespace LiverMuscle.Sync.Alerts.Tests;

[Collection(InfluxCollection.Name)]
public sealed class AlertLifecycleTests(InfluxDbFixture influx) : IDisposable
{
    private const string Secret = "test-secret";
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("livermuscle-alerts-test-");
    private readonly WebhookReceiver _receiver = new(Secret);

    private Dictionary<string, string?> Settings(string forDuration = "00:10:00") => new()
    {
        ["Alerts:Rules:0:Id"] = "alt-high",
        ["Alerts:Rules:0:Kind"] = "MarkerAbove",
        ["Alerts:Rules:0:Marker"] = "alt",
        ["Alerts:Rules:0:ThresholdBySex:female"] = "25",
        ["Alerts:Rules:0:Threshold"] = "33",
        ["Alerts:Rules:0:For"] = forDuration,
        ["Alerts:Rules:0:RepeatInterval"] = "01:00:00",
        ["Alerts:Rules:0:Notifiers:0"] = "hook",
        ["Alerts:EvaluationInterval"] = "00:01:00",
        ["Alerts:Webhooks:hook:Url"] = _receiver.Url.ToString(),
        ["Alerts:Webhooks:hook:Secret"] = Secret,
        ["Alerts:Webhooks:hook:RetryBaseDelay"] = "00:00:00.050",
    };

    [Fact]
    public async Task Alert_GoesPendingThenFiringAfterFor_RepeatsOnlyAfterTheInterval_SurvivesRestart_ResolvesOnce()
    {
        var database = await influx.NewDatabaseAsync("alerts");
        await using (var first = new AlertsHarness(influx.Url, database, _state.FullName, T0, Settings()))
        {
            await first.AddUserAsync("alice");
            // 30 U/L: above alice's (female) threshold of 25, below the general 33.
            await first.WriteAsync(Points.Marker("alice", "alt", 30, "U/L", T0.AddDays(-20)));

            Assert.Equal(AlertStatus.Pending, Assert.Single(await first.EvaluateAsync()).After);
            first.Time.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal(AlertStatus.Pending, Assert.Single(await first.EvaluateAsync()).After);
            Assert.Equal(0, _receiver.Attempts);

            first.Time.Advance(TimeSpan.FromMinutes(1));
            var firing = Assert.Single(await first.EvaluateAsync());
            Assert.Equal((AlertStatus.Firing, NotificationKind.Firing, true), (firing.After, firing.Notification, firing.Delivered));
            Assert.Single(_receiver.Accepted);

            first.Time.Advance(TimeSpan.FromMinutes(59));
            Assert.Null(Assert.Single(await first.EvaluateAsync()).Notification);
            Assert.Single(_receiver.Accepted);

            first.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(NotificationKind.Repeat, Assert.Single(await first.EvaluateAsync()).Notification);
            Assert.Equal(2, _receiver.Accepted.Count);
        }

        // A restarted process (new service provider, same SQLite file) 30 minutes later: firing, already notified.
        await using var second = new AlertsHarness(influx.Url, database, _state.FullName, T0.AddMinutes(100), Settings());
        var afterRestart = Assert.Single(await second.EvaluateAsync());
        Assert.Equal((AlertStatus.Firing, AlertStatus.Firing, (NotificationKind?)null), (afterRestart.Before, afterRestart.After, afterRestart.Notification));
        Assert.Equal(2, _receiver.Attempts);

        await second.WriteAsync(Points.Marker("alice", "alt", 21, "U/L", T0.AddDays(-1)));
        second.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((AlertStatus.Resolved, NotificationKind.Resolved), (Assert.Single(await second.EvaluateAsync()) is var r ? (r.After, r.Notification) : default));
        second.Time.Advance(TimeSpan.FromHours(3));
        Assert.Null(Assert.Single(await second.EvaluateAsync()).Notification);

        var messages = _receiver.Accepted.ToArray();
        Assert.Equal(["firing", "repeat", "resolved"], messages.Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal(3, messages.Select(m => m.GetProperty("idempotency_key").GetString()).Distinct().Count());
        Assert.All(messages, m => Assert.Contains("not diagnoses", m.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.All(_receiver.Seen, s => Assert.True(s.SignatureValid));
        Assert.Equal(25, messages[0].GetProperty("threshold").GetDouble());

        // Every transition is an alert_event point.
        using var events = await influx.ExecuteAsync("SELECT \"value\", \"threshold\" FROM \"alert_event\" WHERE \"rule\" = 'alt-high' GROUP BY \"state\"", database);
        var states = events.RootElement.GetProperty("results")[0].GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("tags").GetProperty("state").GetString()!, s => s.GetProperty("values").GetArrayLength());
        Assert.Equal(new Dictionary<string, int> { ["firing"] = 1, ["pending"] = 1, ["resolved"] = 1 }, states);
    }

    [Fact]
    public async Task DryRun_ReportsWhatWouldFireWithoutSendingOrSaving()
    {
        var database = await influx.NewDatabaseAsync("alerts");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, T0, Settings(forDuration: "00:00:00"));
        await harness.AddUserAsync("alice");
        await harness.WriteAsync(Points.Marker("alice", "alt", 30, "U/L", T0.AddDays(-20)));

        var outcome = Assert.Single(await harness.EvaluateAsync(dryRun: true));

        Assert.Equal((AlertStatus.Ok, AlertStatus.Firing, NotificationKind.Firing), (outcome.Before, outcome.After, outcome.Notification));
        Assert.Contains("Latest alt 30 U/L", outcome.Evaluation!.Summary, StringComparison.Ordinal);
        Assert.Equal(0, _receiver.Attempts);
        Assert.Empty(await harness.Get<IAlertStateStore>().ListAsync(CancellationToken.None));
        Assert.Equal(0, await influx.CountAsync(database, "alert_event", "value"));
    }

    [Fact]
    public async Task EvaluationService_EvaluatesOnItsScheduleInFakeTime()
    {
        var database = await influx.NewDatabaseAsync("alerts");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, T0, Settings(forDuration: "00:00:00"));
        await harness.AddUserAsync("alice");
        await harness.WriteAsync(Points.Marker("alice", "alt", 30, "U/L", T0.AddDays(-20)));
        var service = harness.GetAll<IHostedService>().Single(s => s.GetType().Name == "AlertEvaluationService");

        await service.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => _receiver.Accepted.Count == 1);
            await harness.WriteAsync(Points.Marker("alice", "alt", 20, "U/L", T0.AddDays(-1)));
            Assert.False(await Eventually.BecomesTrueWithinAsync(() => _receiver.Accepted.Count > 1, TimeSpan.FromMilliseconds(300)), "evaluated before its schedule came round");

            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await Eventually.TrueAsync(() => _receiver.Accepted.Count == 2);
            Assert.Equal("resolved", _receiver.Accepted.Last().GetProperty("status").GetString());
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _receiver.Dispose();
        _state.Delete(recursive: true);
    }
}
