using LiverMuscle.Sync.Alerts.Reminders;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>People with programmes in a harness's state store, and the reminder settings the tests share.</summary>
internal static class ReminderSetup
{
    /// <summary>Reminders through one e-mail notifier on <paramref name="smtpPort"/>.</summary>
    public static Dictionary<string, string?> Mail(int smtpPort, string maxDelay = "06:00:00") => new()
    {
        ["Alerts:Reminders:Notifiers:0"] = "mail",
        ["Alerts:Reminders:MaxDelay"] = maxDelay,
        ["Alerts:Email:mail:Host"] = "127.0.0.1",
        ["Alerts:Email:mail:Port"] = smtpPort.ToString(),
        ["Alerts:Email:mail:Security"] = "None",
        ["Alerts:Email:mail:From"] = "reminders@example.org",
        ["Alerts:Email:mail:To:0"] = "operator@example.org",
    };

    /// <summary>Adds (or updates) a person with their own zone and address <c>ID@example.org</c>, and sets their programme.</summary>
    public static async Task PersonAsync(this AlertsHarness harness, string id, string zone, ProgrammeChanges programme)
    {
        var people = harness.Get<PersonRegistry>();
        Assert.True((await people.EnsureAsync(id, zone, CancellationToken.None)).Succeeded);
        Assert.True((await people.SetAsync(id, new PersonChanges { Recipients = [$"{id}@example.org"] }, CancellationToken.None)).Succeeded);
        var edit = await harness.Get<ProgrammeRegistry>().SetAsync(id, programme, CancellationToken.None);
        Assert.True(edit.Succeeded, string.Join("; ", edit.Errors));
    }

    public static Task<IReadOnlyList<ReminderResult>> RemindAsync(this AlertsHarness harness) =>
        harness.Get<ReminderEvaluator>().EvaluateAsync(CancellationToken.None);

    /// <summary>Advances the fake clock to <paramref name="at"/> and checks the reminders.</summary>
    public static Task<IReadOnlyList<ReminderResult>> RemindAtAsync(this AlertsHarness harness, DateTimeOffset at)
    {
        Assert.True(at >= harness.Time.GetUtcNow(), "the fake clock only moves forward");
        harness.Time.SetUtcNow(at);
        return harness.RemindAsync();
    }

    /// <summary>What was sent or decided: "person kind verdict" per result, in order.</summary>
    public static string[] Summary(this IEnumerable<ReminderResult> results) =>
        [.. results.Select(r => $"{r.PersonId} {r.Kind} {r.Verdict?.ToString() ?? "-"}{(r.Verdict == ReminderVerdict.Remind ? (r.Delivered ? " delivered" : " undelivered") : string.Empty)}")];
}
