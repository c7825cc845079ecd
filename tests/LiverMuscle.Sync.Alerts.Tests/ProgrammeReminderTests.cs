using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State.Programmes;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>The self-test, re-check and protein reminders in fake time, over the real InfluxDB and real notifier servers.</summary>
[Collection(InfluxCollection.Name)]
public sealed class ProgrammeReminderTests(InfluxDbFixture influx) : IDisposable
{
    private static readonly DateTimeOffset November2 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("livermuscle-reminders-test-");

    [Fact]
    public async Task SelfTest_IsRemindedWhenSwitchedOn_ThenAMonthAfterTheLastTest_AndWeeklyWhileOverdue()
    {
        using var smtp = await SmtpServer.StartAsync();
        var database = await influx.NewDatabaseAsync("reminders");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, November2.AddHours(8), ReminderSetup.Mail(smtp.Port));
        await harness.PersonAsync("alice", "Europe/Berlin", new ProgrammeChanges { SelfTestMonthly = "true", TrainingHour = "9" });
        await harness.PersonAsync("bob", "Europe/Berlin", new ProgrammeChanges { TrainingHour = "9" });
        await harness.PersonAsync("carol", "Europe/Berlin", new ProgrammeChanges { SelfTestMonthly = "true", TrainingHour = "9" });
        await harness.WriteAsync(Points.Marker("bob", "grip_strength", 30, "kg", November2.AddMonths(-3)), Points.Marker("carol", "stairs_climbed", 3, "floors", November2.AddMonths(-3)));

        // 09:00 in Berlin is 08:00 UTC: the reminder comes at the training hour; carol's last test is overdue already; bob has not switched it on.
        Assert.Equal(["alice SelfTest Remind delivered", "carol SelfTest Remind delivered"], (await harness.RemindAsync()).Summary());
        await harness.WriteAsync(Points.Marker("alice", "grip_strength", 24.5, "kg", November2.AddHours(10)), Points.Marker("carol", "grip_strength", 22, "kg", November2.AddHours(11)));
        Assert.Empty(await harness.RemindAtAsync(November2.AddDays(7).AddHours(8)));
        Assert.Empty(await harness.RemindAtAsync(November2.AddMonths(1).AddHours(7).AddMinutes(55)));
        Assert.Equal(["alice SelfTest Remind delivered", "carol SelfTest Remind delivered"], (await harness.RemindAtAsync(November2.AddMonths(1).AddHours(8))).Summary());
        Assert.Empty(await harness.RemindAtAsync(November2.AddMonths(1).AddDays(1).AddHours(8)));
        Assert.Equal(["alice SelfTest Remind delivered", "carol SelfTest Remind delivered"], (await harness.RemindAtAsync(November2.AddMonths(1).AddDays(7).AddHours(8))).Summary());
        await harness.WriteAsync(Points.Marker("alice", "chair_stand_5x", 11.2, "s", November2.AddMonths(1).AddDays(8).AddHours(10)));
        Assert.Equal(["carol SelfTest Remind delivered"], (await harness.RemindAtAsync(November2.AddMonths(1).AddDays(14).AddHours(8))).Summary());

        var messages = smtp.Messages();
        var alice = messages.Where(m => m.Recipients.SequenceEqual(["alice@example.org"])).Select(m => m.Message.TextBody!.ReplaceLineEndings("\n")).ToList();
        var carol = messages.Where(m => m.Recipients.SequenceEqual(["carol@example.org"])).Select(m => m.Message.TextBody!.ReplaceLineEndings("\n")).ToList();
        Assert.Equal((3, 4, 7), (alice.Count, carol.Count, messages.Count));
        Assert.Contains("No strength self-test is recorded yet.", alice[0], StringComparison.Ordinal);
        Assert.All(alice[1..], t => Assert.Contains("Your last strength self-test is from 2026-11-02 (grip_strength), a month ago or more.", t, StringComparison.Ordinal));
        Assert.Contains("Your last strength self-test is from 2026-08-02 (stairs_climbed), a month ago or more.", carol[0], StringComparison.Ordinal);
        Assert.All(alice.Concat(carol), t => Assert.Contains(Disclaimer.Reminder, t, StringComparison.Ordinal));
        Assert.Equal("[LiverMuscle] Reminder for alice: Time for the monthly strength self-test", messages[0].Message.Subject);
    }

    [Fact]
    public async Task Recheck_IsRemindedWhenTheLatestBloodWorkOrScanIsOlderThanTheInterval_ByDefaultQuarterly()
    {
        using var smtp = await SmtpServer.StartAsync();
        var database = await influx.NewDatabaseAsync("reminders");
        var august1 = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, august1.AddDays(89).AddHours(18), ReminderSetup.Mail(smtp.Port));
        await harness.PersonAsync("alice", "UTC", new ProgrammeChanges());
        await harness.PersonAsync("bob", "UTC", new ProgrammeChanges { RecheckIntervalDays = "30" });
        await harness.PersonAsync("carol", "UTC", new ProgrammeChanges());
        await harness.PersonAsync("dave", "UTC", new ProgrammeChanges { RecheckIntervalDays = "off" });
        await harness.WriteAsync(
            Points.Marker("alice", "alt", 41, "U/L", august1), Points.Marker("alice", "platelets", 210, "10^9/L", august1),
            Points.Marker("alice", "grip_strength", 25, "kg", august1.AddDays(60)),
            Points.Marker("bob", "cap", 290, "dB/m", august1.AddDays(61)),
            Points.Marker("dave", "alt", 41, "U/L", august1));

        // alice's latest result is 89 days old, bob's 29; carol has none to re-check, dave switched the reminder off.
        Assert.Empty(await harness.RemindAsync());
        Assert.Equal(["alice Recheck Remind delivered"], (await harness.RemindAtAsync(august1.AddDays(90).AddHours(18))).Summary());
        Assert.Equal(["bob Recheck Remind delivered"], (await harness.RemindAtAsync(august1.AddDays(91).AddHours(18))).Summary());
        await harness.WriteAsync(Points.Marker("alice", "ast", 30, "U/L", august1.AddDays(93)));
        Assert.Empty(await harness.RemindAtAsync(august1.AddDays(97).AddHours(18)));
        Assert.Equal(["bob Recheck Remind delivered"], (await harness.RemindAtAsync(august1.AddDays(98).AddHours(18))).Summary());

        var messages = smtp.Messages();
        Assert.Equal([["alice@example.org"], ["bob@example.org"], ["bob@example.org"]], messages.Select(m => m.Recipients));
        Assert.Equal("[LiverMuscle] Reminder for alice: Re-check due: liver blood work or scan", messages[0].Message.Subject);
        Assert.Contains("Your latest liver blood work or scan result is from 2026-08-01 (alt, platelets), 90 days ago; your re-check interval is 90 days.", messages[0].Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("from 2026-10-01 (cap), 37 days ago; your re-check interval is 30 days.", messages[2].Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protein_IsRemindedByTheHourWhenTodaysProteinIsBelowTheChosenFractionOfTheGoal()
    {
        using var receiver = new WebhookReceiver("hook-secret");
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Reminders:Notifiers:0"] = "hook",
            ["Alerts:Webhooks:hook:Url"] = receiver.Url.ToString(),
            ["Alerts:Webhooks:hook:Secret"] = "hook-secret",
        };
        var wednesday = November2.AddDays(2);
        var database = await influx.NewDatabaseAsync("reminders");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, wednesday.AddHours(19).AddMinutes(55), settings);
        var programme = new ProgrammeChanges { ProteinReminderHour = "20", ProteinReminderBelow = "0.5" };
        await harness.PersonAsync("alice", "UTC", programme);
        await harness.PersonAsync("bob", "UTC", programme);
        // Goal 1.2 g/kg (the default) × 70 kg = 84 g; the reminder comes below 42 g. bob has no weight: nothing to judge.
        await harness.WriteAsync(
            Points.Weight("alice", November2, 70), Points.Protein("alice", wednesday, 30), Points.Protein("alice", wednesday.AddDays(1), 50),
            Points.Protein("bob", wednesday, 10));

        Assert.Empty(await harness.RemindAsync());
        Assert.Equal(["alice Protein Remind delivered", "bob Protein NoData"], (await harness.RemindAtAsync(wednesday.AddHours(20))).Summary());
        Assert.Equal(["bob Protein NoData"], (await harness.RemindAtAsync(wednesday.AddHours(20).AddMinutes(5))).Summary());
        Assert.Equal(["alice Protein NotNeeded", "bob Protein NoData"], (await harness.RemindAtAsync(wednesday.AddDays(1).AddHours(20))).Summary());
        Assert.Equal("alice Protein Remind delivered", (await harness.RemindAtAsync(wednesday.AddDays(2).AddHours(21))).Summary()[0]);

        var bodies = receiver.Accepted.ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Equal(("reminder.protein", "alice", 30.0, 42.0), (bodies[0].GetProperty("rule").GetString(), bodies[0].GetProperty("user").GetString(),
            bodies[0].GetProperty("value").GetDouble(), bodies[0].GetProperty("threshold").GetDouble()));
        Assert.Equal("[LiverMuscle] Reminder for alice: Protein: 30 g of 84 g logged today", bodies[0].GetProperty("subject").GetString());
        Assert.Contains("30 g of protein is logged today by 20:00; your goal is 84 g (1.2 g/kg × 70 kg), and this reminder comes below 50 % of it (42 g).",
            bodies[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, bodies[1].GetProperty("value").GetDouble());
        Assert.Equal(Disclaimer.Reminder, bodies[1].GetProperty("disclaimer").GetString());
        Assert.All(receiver.Seen, s => Assert.True(s.SignatureValid));
    }

    public void Dispose() => _state.Delete(recursive: true);
}
