using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>
/// Settings the configuration binder would drop without a word — inside lists and dictionaries too — stop the start
/// with a message naming the full key, through the worker's composition root.
/// </summary>
public sealed class StrictBindingTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-binding-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    // Each of these used to vanish with exit 0: the rule, the notifier, FIB-4 (no birth date).
    [InlineData("Alerts:Rules:0:Kind", "MarkerAbov", "Alerts:Rules:0:Kind must be one of SessionsBehind, ProteinBelowGoal, MuscleMassDrop, MarkerAbove, MarkerBelow, Fib4Band, SourceSilent, NeedsReauthorization, InfluxQl, got 'MarkerAbov'.")]
    [InlineData("Alerts:Rules:0:Threshold", "forty", "Alerts:Rules:0:Threshold must be a number (e.g. 1.5), got 'forty'.")]
    [InlineData("Alerts:Email:ops:Port", "abc", "Alerts:Email:ops:Port must be a whole number, got 'abc'.")]
    [InlineData("Markers:Users:u1:BirthDate", "someday", "Markers:Users:u1:BirthDate must be a date as yyyy-MM-dd, got 'someday'.")]
    // Top-level values the binder threw on, and the other shapes of loss.
    [InlineData("Sync:PollInterval", "abc", "Sync:PollInterval must be a duration as [d.]hh:mm[:ss] (e.g. 00:15:00, 7.00:00:00), got 'abc'.")]
    [InlineData("InfluxDb:Gzip", "maybe", "InfluxDb:Gzip must be true or false, got 'maybe'.")]
    [InlineData("Alerts:Rules:0:Weekday", "Funday", "Alerts:Rules:0:Weekday must be one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, got 'Funday'.")]
    [InlineData("Alerts:Rules:0:Kind", "42", "Alerts:Rules:0:Kind must be one of SessionsBehind")]
    [InlineData("Alerts:Rules:0:ThresholdBySex:male", "high", "Alerts:Rules:0:ThresholdBySex:male must be a number (e.g. 1.5), got 'high'.")]
    [InlineData("Alerts:Rules:0:Treshold", "40", "Alerts:Rules:0:Treshold is not a setting (known here: Band, Comparison, Days, For, Id, Kind, Marker")]
    [InlineData("Alerts:Rules:0:Users", "alice", "Alerts:Rules:0:Users is a group of settings (a list: Users:0, Users:1, …), not a single value: got 'alice'.")]
    [InlineData("Sync:PollInterval:Minutes", "5", "Sync:PollInterval takes one value, not sub-keys (Minutes).")]
    [InlineData("Alerts:WeeklySummary:Weekday", "Funday", "Alerts:WeeklySummary:Weekday must be one of Sunday, Monday")]
    [InlineData("Grafana:Datasource:Name:First", "x", "Grafana:Datasource:Name takes one value, not sub-keys (First).")]
    [InlineData("Adherence:Users:bob:SessionsPerWeek", "2.5", "Adherence:Users:bob:SessionsPerWeek must be a whole number, got '2.5'.")]
    [InlineData("State:BusyTimeout", "soon", "State:BusyTimeout must be a duration")]
    [InlineData("Sync:Tokens:RefreshMargin", "-", "Sync:Tokens:RefreshMargin must be a duration")]
    public void UnbindableEntry_StopsTheStart_NamingTheFullKey(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Validate(new() { [key] = value }));

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void SectionsBoundOnTheirOwn_AreNotUnknownKeysOfTheirParent()
    {
        // Sync:Push and Sync:Tokens sit inside Sync but belong to their own options.
        Validate(new()
        {
            ["Sync:PollInterval"] = "00:20:00",
            ["Sync:Push:ListenUrl"] = "http://127.0.0.1:8089",
            ["Sync:Tokens:RefreshMargin"] = "00:10:00",
        });
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void ProviderOptions_GetTheSameCheckFromOneCall()
    {
        // How a provider applies it: services.AddOptions<WithingsOptions>().BindStrictly(section).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Withings:WorkoutCategories:abc"] = "weights",
            ["Withings:WorkoutCategories:16"] = "weights",
        }).Build();
        using var services = new ServiceCollection().AddOptions<WithingsOptions>().BindStrictly(configuration.GetSection("Withings")).Services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WithingsOptions>>().Value);

        Assert.Equal(["Withings:WorkoutCategories:abc: the key 'abc' must be a whole number."], failure.Failures);
    }

    [Theory]
    [InlineData("Withings:WorkoutCategories:abc", "weights", "Withings:WorkoutCategories:abc: the key 'abc' must be a whole number.")]
    [InlineData("Withings:WorkoutCategories:16", " ", "Withings:WorkoutCategories:16 must name a session kind")]
    [InlineData("Withings:MinimumSessionDuration", "-00:01:00", "Withings:MinimumSessionDuration must be between 00:00:00 and 1.00:00:00, got -00:01:00.")]
    [InlineData("Withings:LookBack", "120.00:00:00", "Withings:LookBack must be between 00:00:00 and 90.00:00:00, got 120.00:00:00.")]
    [InlineData("Withings:TokenUrl", "ftp://example.org", "Withings:TokenUrl must be an absolute http(s) URL, got 'ftp://example.org/'.")]
    [InlineData("Withings:NotifyCallbackPath", "push", "Withings:NotifyCallbackPath must be a path such as /push/withings, got 'push'.")]
    [InlineData("Withings:MaxPages", "lots", "Withings:MaxPages must be a whole number, got 'lots'.")]
    [InlineData("Sync:Push:QueueCapacity", "0", "Sync:Push:QueueCapacity must be between 1 and 1000000, got 0.")]
    public void BadWithingsSetting_StopsTheStartThroughTheCompositionRoot_NamingTheKey(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["Withings:ClientId"] = "client",
            ["Withings:ClientSecret"] = "secret",
            [key] = value,
        }));

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    private void Validate(Dictionary<string, string?> settings)
    {
        try
        {
            using var host = TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName, Settings = settings });
        }
        catch (AggregateException many)
        {
            throw new OptionsValidationException(string.Empty, typeof(object), many.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures));
        }
    }
}
