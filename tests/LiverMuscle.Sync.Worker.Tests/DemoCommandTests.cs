using System.Text.RegularExpressions;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed partial class DemoCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-demo-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Demo_OnEmbeddedDefaults_EverythingTheSandboxServedIsCountedInInfluxDb()
    {
        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, null, "demo", "--days", "120", "--user", "carol");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Started a private InfluxDB at http://127.0.0.1:", output, StringComparison.Ordinal);
        var rows = SummaryRow().Matches(output);
        Assert.Contains("Started the Withings sandbox at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("the Google Health sandbox at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Equal(
            ["withings weigh-ins", "withings strength sessions", "fitbit strength sessions", "fitbit nutrition days", "fitbit weigh-ins"],
            rows.Select(r => r.Groups["label"].Value.Trim()));
        foreach (Match row in rows)
        {
            Assert.True(int.Parse(row.Groups["written"].Value) > 0, row.Value);
            Assert.Equal(row.Groups["written"].Value, row.Groups["counted"].Value);
        }

        // 120 days: most mornings have a weigh-in, two to three strength sessions a week, food logged most days.
        Assert.InRange(int.Parse(rows[0].Groups["written"].Value), 60, 120);
        Assert.InRange(int.Parse(rows[1].Groups["written"].Value), 20, 60);
        Assert.InRange(int.Parse(rows[2].Groups["written"].Value), 20, 60);
        Assert.InRange(int.Parse(rows[3].Groups["written"].Value), 60, 121);
        Assert.Matches(@"Requests used: \d+ \(Withings allows 120 per minute per application", output);
        Assert.Matches(@"Blood work, scans and strength tests: 16 values stored \(0 refused\); derived values \(FIB-4, muscle mass index\): [1-9]", output);
        // 120 days fall in 17 to 19 local weeks, by the weekday and the zone the providers report.
        Assert.Matches(@"Weekly adherence computed after the syncs: 1[789] weeks", output);
        Assert.Matches(@"  alt-above-range +firing — Latest alt 42 U/L", output);
        Assert.Contains("notification thresholds, not diagnoses", output, StringComparison.Ordinal);

        // Logs are at Warning unless --verbose: the report alone, no log line per stored marker or point.
        Assert.DoesNotContain("info:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Stored ", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^  (?<label>[a-z -]+?)\s+(?<written>\d+) /\s+(?<counted>\d+)$", RegexOptions.Multiline)]
    private static partial Regex SummaryRow();
}
