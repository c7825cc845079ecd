using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.Alerts.Summary;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

[Collection(InfluxCollection.Name)]
public sealed class WeeklySummaryTests(InfluxDbFixture influx) : IDisposable
{
    // Monday 26 October 2026, 07:00 in Berlin (CET since Sunday).
    private static readonly DateTimeOffset MondayMorning = new(2026, 10, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("livermuscle-summary-test-");

    [Fact]
    public async Task WeeklySummary_IsMailedOnceOnTheConfiguredLocalWeekdayAndHour_EvenAcrossARestart()
    {
        using var smtp = await SmtpServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:WeeklySummary:Enabled"] = "true",
            ["Alerts:WeeklySummary:Weekday"] = "Monday",
            ["Alerts:WeeklySummary:Hour"] = "8",
            ["Alerts:WeeklySummary:Notifiers:0"] = "mail",
            ["Alerts:Email:mail:Host"] = "127.0.0.1",
            ["Alerts:Email:mail:Port"] = smtp.Port.ToString(),
            ["Alerts:Email:mail:Security"] = "None",
            ["Alerts:Email:mail:From"] = "alerts@example.org",
            ["Alerts:Email:mail:Recipients:alice"] = "alice@example.org",
        };
        var database = await influx.NewDatabaseAsync("summary");
        await using (var first = new AlertsHarness(influx.Url, database, _state.FullName, MondayMorning, settings))
        {
            await first.AddUserAsync("alice");
            await first.WriteAsync(
                Points.Session("alice", new DateTimeOffset(2026, 10, 19, 16, 0, 0, TimeSpan.Zero)),
                Points.Session("alice", new DateTimeOffset(2026, 10, 21, 16, 0, 0, TimeSpan.Zero)),
                Points.Session("alice", new DateTimeOffset(2026, 10, 25, 22, 30, 0, TimeSpan.Zero)),
                Points.Marker("alice", "alt", 30, "U/L", new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)),
                Points.Marker("alice", "albumin", 4.1, "g/dL", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)));
            var service = first.Get<WeeklySummaryService>();

            Assert.Empty(await service.SendDueAsync(CancellationToken.None));
            first.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(["alice"], await service.SendDueAsync(CancellationToken.None));
            first.Time.Advance(TimeSpan.FromHours(1));
            Assert.Empty(await service.SendDueAsync(CancellationToken.None));
        }

        await using (var restarted = new AlertsHarness(influx.Url, database, _state.FullName, MondayMorning.AddHours(5), settings))
        {
            Assert.Empty(await restarted.Get<WeeklySummaryService>().SendDueAsync(CancellationToken.None));
        }

        var (message, recipients) = Assert.Single(smtp.Messages());
        Assert.Equal(["alice@example.org"], recipients);
        Assert.Equal("[LiverMuscle] Weekly summary for alice, week of 2026-10-19", message.Subject);
        var text = message.TextBody!.ReplaceLineEndings("\n");
        // 3 sessions (the one at 22:30Z on Sunday is 23:30 local), no protein logged: mean(1, 0) = 50 %; the week before 0 %.
        Assert.Contains("Week of 2026-10-19: 3 of 2 resistance sessions (180 min); protein goal of 1.2 g/kg met on 0 of 0 logged days.", text, StringComparison.Ordinal);
        Assert.Contains("Adherence score 50 % (up 50 points from 0 % the week before).", text, StringComparison.Ordinal);
        Assert.Contains("Due for a re-check: alt (last 2026-05-01).", text, StringComparison.Ordinal);
        Assert.Contains(Disclaimer.Text, text, StringComparison.Ordinal);
        Assert.Contains("Adherence score 50 %", message.HtmlBody, StringComparison.Ordinal);
    }

    public void Dispose() => _state.Delete(recursive: true);
}
