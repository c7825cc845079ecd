using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>Section <c>Fitbit</c> is bound strictly and validated at start, every message naming its key.</summary>
[Trait("Category", "Unit")]
public sealed class FitbitOptionsTests
{
    private static readonly Dictionary<string, string?> Credentials = new() { ["Fitbit:ClientId"] = "id", ["Fitbit:ClientSecret"] = "secret" };

    [Fact]
    public void Defaults_WithCredentials_AreValid_AndReadWholeHistoriesInOneBackfillWindow()
    {
        var options = Resolve(Credentials);

        Assert.Equal(3650, options.BackfillWindowDays);
        Assert.Equal(1, options.BackfillStopAfterEmptyWindows);
        Assert.Equal(TimeSpan.FromHours(1), options.TimeZoneRefreshInterval);
    }

    [Fact]
    public void BadSettings_AreRefused_EachNamingItsKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new Dictionary<string, string?>
        {
            ["Fitbit:ClientId"] = " ",
            ["Fitbit:ApiBaseUrl"] = "ftp://health.example",
            ["Fitbit:BackfillWindowDays"] = "0",
            ["Fitbit:RequestsPerMinutePerUser"] = "301",
            ["Fitbit:RequestTimeout"] = "00:00:00",
            ["Fitbit:TimeZoneRefreshInterval"] = "00:00:10",
            ["Fitbit:WebhookPath"] = "push",
            ["Fitbit:ExportWeightUnit"] = "stone",
            ["Fitbit:StrengthExerciseTypes:YOGA"] = " ",
        }));

        Assert.Contains("Fitbit:ClientId must be set (the OAuth client id of your Google Cloud project).", error.Failures);
        Assert.Contains("Fitbit:ClientSecret must be set.", error.Failures);
        Assert.Contains("Fitbit:ApiBaseUrl must be an absolute http(s) URL, got 'ftp://health.example/'.", error.Failures);
        Assert.Contains("Fitbit:BackfillWindowDays must be between 1 and 3650, got 0.", error.Failures);
        Assert.Contains("Fitbit:RequestsPerMinutePerUser must be between 1 and 300, got 301.", error.Failures);
        Assert.Contains("Fitbit:RequestTimeout must be positive, got 00:00:00.", error.Failures);
        Assert.Contains("Fitbit:TimeZoneRefreshInterval must be at least 00:01:00, got 00:00:10.", error.Failures);
        Assert.Contains("Fitbit:WebhookPath must start with '/', got 'push'.", error.Failures);
        Assert.Contains("Fitbit:ExportWeightUnit must be 'kg' or 'lb', got 'stone'.", error.Failures);
        Assert.Contains("Fitbit:StrengthExerciseTypes:YOGA must name a session kind, got ' '.", error.Failures);
    }

    [Theory]
    [InlineData("Fitbit:BackfilWindowDays", "30", "Fitbit:BackfilWindowDays")]
    [InlineData("Fitbit:MaxRetries", "four", "Fitbit:MaxRetries")]
    public void UnknownKeysAndValuesThatDoNotConvert_AreRefused_NotDropped(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new Dictionary<string, string?>(Credentials) { [key] = value }));

        Assert.Contains(error.Failures, f => f.StartsWith(named, StringComparison.Ordinal));
    }

    private static FitbitOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddFitbit(configuration.GetSection("Fitbit")).BuildServiceProvider();
        return services.GetRequiredService<IOptions<FitbitOptions>>().Value;
    }
}
