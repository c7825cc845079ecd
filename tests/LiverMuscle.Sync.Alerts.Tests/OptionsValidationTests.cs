using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public void BadAlertSettings_StopTheStartWithMessagesNamingEachKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new Dictionary<string, string?>
        {
            ["Alerts:Rules:0:Id"] = "alt high",
            ["Alerts:Rules:0:Kind"] = "MarkerAbove",
            ["Alerts:Rules:0:Marker"] = "cholesterol",
            ["Alerts:Rules:0:Notifiers:0"] = "pager",
            ["Alerts:Rules:1:Id"] = "custom",
            ["Alerts:Rules:1:Kind"] = "InfluxQl",
            ["Alerts:Rules:1:Query"] = "DROP DATABASE livermuscle",
            ["Alerts:Rules:1:RepeatInterval"] = "00:00:00",
            ["Alerts:Webhooks:hook:Url"] = "ftp://example.org/x",
            ["Alerts:Email:mail:Host"] = "smtp.example.org",
            ["Alerts:Email:mail:From"] = "not an address",
        }));

        Assert.Equal(
            [
                "Alerts:Rules:0:Id must be non-empty letters, digits, '-', '_' or '.', got 'alt high'.",
                "Alerts:Rules:0:Notifiers names 'pager', which is neither under Alerts:Webhooks nor Alerts:Email.",
                "Alerts:Rules:0:Marker must name a known marker",
                "Alerts:Rules:0:Threshold (or ThresholdBySex) is required for MarkerAbove.",
                "Alerts:Rules:1:RepeatInterval must be positive, got 00:00:00.",
                "Alerts:Rules:1:Query must be an InfluxQL SELECT statement.",
                "Alerts:Rules:1:Threshold is required for InfluxQl rules.",
                "Alerts:Webhooks:hook:Url must be an absolute http(s) URL.",
                "Alerts:Email:mail:From 'not an address' is not an e-mail address.",
                "Alerts:Email:mail:To (or Recipients) must name at least one address.",
            ],
            error.Failures.Select(f => f.StartsWith("Alerts:Rules:0:Marker", StringComparison.Ordinal) ? "Alerts:Rules:0:Marker must name a known marker" : f));
    }

    [Fact]
    public void BadGoalsAndProfiles_NameTheirKeys()
    {
        var adherence = Assert.Throws<OptionsValidationException>(() => Validate(new Dictionary<string, string?> { ["Adherence:Users:alice:ProteinGPerKgPerDay"] = "0" }));
        Assert.Contains("Adherence:Users:alice:ProteinGPerKgPerDay must be above 0 and at most 5, got 0.", adherence.Failures);

        var markers = Assert.Throws<OptionsValidationException>(() => Validate(new Dictionary<string, string?> { ["Markers:Users:bob:Sex"] = "m" }));
        Assert.Contains("Markers:Users:bob:Sex must be 'male' or 'female', got 'm'.", markers.Failures);
    }

    [Fact]
    public void BadReminderSettings_StopTheStartWithMessagesNamingEachKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new Dictionary<string, string?>
        {
            ["Alerts:Reminders:Notifiers:0"] = "pager",
            ["Alerts:Reminders:MaxDelay"] = "2.00:00:00",
            ["Alerts:Reminders:OverdueRepeatInterval"] = "1.12:00:00",
        }));

        Assert.Equal(
            [
                "Alerts:Reminders:MaxDelay must be longer than 00:00:00 and at most 1.00:00:00, got 2.00:00:00.",
                "Alerts:Reminders:OverdueRepeatInterval must be whole days (e.g. 7.00:00:00), got 1.12:00:00.",
                "Alerts:Reminders:Notifiers names 'pager', which is neither under Alerts:Webhooks nor Alerts:Email.",
            ],
            error.Failures);

        var unknown = Assert.Throws<OptionsValidationException>(() => Validate(new Dictionary<string, string?> { ["Alerts:Reminders:Notifier"] = "mail" }));
        Assert.Contains(unknown.Failures, f => f.Contains("Alerts:Reminders:Notifier", StringComparison.Ordinal));
    }

    private static void Validate(Dictionary<string, string?> settings)
    {
        using var host = TestHost.Build(new TestHostOptions { Settings = settings });
    }
}
