using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.Alerts.Reminders;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State.Programmes;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Hosting;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>Training-day reminders in fake time, over the real InfluxDB, a SQLite state file and a real SMTP server.</summary>
[Collection(InfluxCollection.Name)]
public sealed class TrainingDayReminderTests(InfluxDbFixture influx) : IDisposable
{
    // Wednesday 4 November 2026 (UTC).
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly ProgrammeChanges MonWedFri18 = new() { TrainingDays = "mon,wed,fri", TrainingHour = "18" };
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("livermuscle-reminders-test-");

    [Fact]
    public async Task TrainingDay_IsRemindedAtTheHourWhenNoSessionIsRecorded_AndNotWhenOneOfAnySourceIs()
    {
        using var smtp = await SmtpServer.StartAsync();
        var database = await influx.NewDatabaseAsync("reminders");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, Wednesday.AddHours(17).AddMinutes(55), ReminderSetup.Mail(smtp.Port));
        foreach (var id in new[] { "alice", "bob", "carol" })
        {
            await harness.PersonAsync(id, "UTC", MonWedFri18);
        }

        await harness.WriteAsync(
            Points.Session("bob", Wednesday.AddHours(7), Sources.Manual, SessionKinds.Bodyweight),
            Points.Session("carol", Wednesday.AddHours(12), Sources.Fitbit, SessionKinds.CircuitTraining),
            Points.Session("alice", Wednesday.AddHours(-1)));

        Assert.Empty(await harness.RemindAsync());
        Assert.Equal(["alice TrainingDay Remind delivered", "bob TrainingDay NotNeeded", "carol TrainingDay NotNeeded"], (await harness.RemindAtAsync(Wednesday.AddHours(18))).Summary());
        Assert.Empty(await harness.RemindAtAsync(Wednesday.AddHours(18).AddMinutes(5)));
        Assert.Empty(await harness.RemindAtAsync(Wednesday.AddDays(1).AddHours(18).AddMinutes(5)));

        var (message, recipients) = Assert.Single(smtp.Messages());
        Assert.Equal(["alice@example.org"], recipients);
        Assert.Equal("[LiverMuscle] Reminder for alice: Training day: no strength session recorded yet", message.Subject);
        var text = message.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Today, Wednesday 2026-11-04, is one of your training days (mon, wed, fri), and no strength session is recorded yet by 18:00.", text, StringComparison.Ordinal);
        Assert.Contains(Disclaimer.Reminder, text, StringComparison.Ordinal);
        Assert.Contains("not medical advice", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Disclaimer.Text, text, StringComparison.Ordinal);

        var log = harness.Get<IReminderLog>();
        Assert.Equal(ReminderOutcome.Sent, Assert.Single(await log.ListAsync("alice", CancellationToken.None)).Outcome);
        Assert.Equal(ReminderOutcome.NotNeeded, Assert.Single(await log.ListAsync("bob", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task TrainingDay_IsSentOncePerOccasionAcrossARestart_AndAMissedOccasionOnlyWithinMaxDelay()
    {
        using var smtp = await SmtpServer.StartAsync();
        var database = await influx.NewDatabaseAsync("reminders");
        var settings = ReminderSetup.Mail(smtp.Port, maxDelay: "02:00:00");
        await using (var first = new AlertsHarness(influx.Url, database, _state.FullName, Wednesday.AddHours(18), settings))
        {
            await first.PersonAsync("alice", "UTC", MonWedFri18);
            Assert.Equal(["alice TrainingDay Remind delivered"], (await first.RemindAsync()).Summary());
        }

        // Restarted half an hour later on the same SQLite file: Wednesday's reminder went out already.
        await using (var restarted = new AlertsHarness(influx.Url, database, _state.FullName, Wednesday.AddHours(18).AddMinutes(30), settings))
        {
            Assert.Empty(await restarted.RemindAsync());
        }

        // Down over Friday 18:00 until 20:30, past the two hours a reminder may be late: Friday's is not sent.
        await using (var late = new AlertsHarness(influx.Url, database, _state.FullName, Wednesday.AddDays(2).AddHours(20).AddMinutes(30), settings))
        {
            Assert.Empty(await late.RemindAsync());

            // Back on Monday at 19:30, within the two hours: Monday's is sent, once.
            Assert.Equal(["alice TrainingDay Remind delivered"], (await late.RemindAtAsync(Wednesday.AddDays(5).AddHours(19).AddMinutes(30))).Summary());
            Assert.Empty(await late.RemindAtAsync(Wednesday.AddDays(5).AddHours(19).AddMinutes(45)));
        }

        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        Assert.Contains("Wednesday 2026-11-04", messages[0].Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Monday 2026-11-09", messages[1].Message.TextBody, StringComparison.Ordinal);
        Assert.NotEqual(messages[0].Message.MessageId, messages[1].Message.MessageId);
    }

    [Fact]
    public async Task TheTimeZoneOfThePerson_DecidesTheDayAndTheHour()
    {
        using var smtp = await SmtpServer.StartAsync();
        var database = await influx.NewDatabaseAsync("reminders");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, Wednesday, ReminderSetup.Mail(smtp.Port, maxDelay: "12:00:00"));
        var wednesday18 = new ProgrammeChanges { TrainingDays = "wed", TrainingHour = "18:00" };
        await harness.PersonAsync("alice", "Asia/Tokyo", wednesday18);
        await harness.PersonAsync("dave", "Asia/Tokyo", wednesday18);
        await harness.PersonAsync("carol", "UTC", wednesday18);
        // Tuesday 16:00 UTC is Wednesday 01:00 in Tokyo: a Wednesday session for alice, a Tuesday one for carol.
        await harness.WriteAsync(Points.Session("alice", Wednesday.AddHours(-8)), Points.Session("carol", Wednesday.AddHours(-8)));

        // 08:55 UTC is 17:55 in Tokyo.
        Assert.Empty(await harness.RemindAtAsync(Wednesday.AddHours(8).AddMinutes(55)));
        Assert.Equal(["alice TrainingDay NotNeeded", "dave TrainingDay Remind delivered"], (await harness.RemindAtAsync(Wednesday.AddHours(9))).Summary());
        Assert.Empty(await harness.RemindAtAsync(Wednesday.AddHours(17).AddMinutes(55)));
        // 18:00 UTC is Thursday 03:00 in Tokyo: no training day there any more.
        Assert.Equal(["carol TrainingDay Remind delivered"], (await harness.RemindAtAsync(Wednesday.AddHours(18))).Summary());

        var messages = smtp.Messages();
        Assert.Equal([["dave@example.org"], ["carol@example.org"]], messages.Select(m => m.Recipients));
        Assert.All(messages, m => Assert.Contains("Today, Wednesday 2026-11-04,", m.Message.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReminderNoNotifierDelivered_IsTriedAgainAtTheNextCheck_WithTheSameIdempotencyKey()
    {
        using var receiver = new WebhookReceiver("hook-secret", failFirst: 2);
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Reminders:Notifiers:0"] = "hook",
            ["Alerts:Webhooks:hook:Url"] = receiver.Url.ToString(),
            ["Alerts:Webhooks:hook:Secret"] = "hook-secret",
            ["Alerts:Webhooks:hook:MaxRetries"] = "1",
            ["Alerts:Webhooks:hook:RetryBaseDelay"] = "00:00:00",
        };
        var database = await influx.NewDatabaseAsync("reminders");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, Wednesday.AddHours(18), settings);
        await harness.PersonAsync("alice", "UTC", MonWedFri18);

        Assert.Equal(["alice TrainingDay Remind undelivered"], (await harness.RemindAsync()).Summary());
        Assert.Empty(await harness.Get<IReminderLog>().ListAsync("alice", CancellationToken.None));
        Assert.Equal(["alice TrainingDay Remind delivered"], (await harness.RemindAtAsync(Wednesday.AddHours(18).AddMinutes(5))).Summary());
        Assert.Empty(await harness.RemindAtAsync(Wednesday.AddHours(18).AddMinutes(10)));

        Assert.Equal(3, receiver.Attempts);
        Assert.Single(receiver.Seen.Select(s => s.Key).Distinct());
        var body = Assert.Single(receiver.Accepted);
        Assert.Equal(("reminder", "reminder.training-day", "alice", Disclaimer.Reminder),
            (body.GetProperty("kind").GetString(), body.GetProperty("rule").GetString(), body.GetProperty("user").GetString(), body.GetProperty("disclaimer").GetString()));
    }

    [Fact]
    public async Task ReminderService_ChecksOnItsScheduleInFakeTime()
    {
        using var smtp = await SmtpServer.StartAsync();
        var settings = ReminderSetup.Mail(smtp.Port);
        settings["Alerts:Reminders:CheckInterval"] = "00:05:00";
        var database = await influx.NewDatabaseAsync("reminders");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, Wednesday.AddHours(17).AddMinutes(50), settings);
        await harness.PersonAsync("alice", "UTC", MonWedFri18);
        var service = harness.GetAll<IHostedService>().Single(s => s.GetType().Name == "ReminderService");

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.False(await Eventually.BecomesTrueWithinAsync(() => smtp.Messages().Count > 0, TimeSpan.FromMilliseconds(500)));
            harness.Time.Advance(TimeSpan.FromMinutes(5));
            Assert.False(await Eventually.BecomesTrueWithinAsync(() => smtp.Messages().Count > 0, TimeSpan.FromMilliseconds(500)));
            harness.Time.Advance(TimeSpan.FromMinutes(5));
            await Eventually.TrueAsync(() => smtp.Messages().Count == 1, "the 18:00 reminder");
            harness.Time.Advance(TimeSpan.FromMinutes(5));
            Assert.False(await Eventually.BecomesTrueWithinAsync(() => smtp.Messages().Count > 1, TimeSpan.FromMilliseconds(500)));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _state.Delete(recursive: true);
}
