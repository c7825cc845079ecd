using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Worker.Demo;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed partial class DemoTimingsTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-demo-timings-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Covered_OverlappingSpansCountOnce_AndGapsNotAtAll()
    {
        // 0–100 and 50–150 overlap (150 ms), 120–130 lies inside them, 200–250 after a gap: 200 ms covered.
        Activity[] spans = [Span(50, 150), Span(0, 100), Span(200, 250), Span(120, 130)];

        Assert.Equal(TimeSpan.FromMilliseconds(200), DemoTimings.Covered(spans));
        Assert.Equal(TimeSpan.Zero, DemoTimings.Covered([]));
    }

    [Fact]
    public async Task Demo_WithTimings_PrintsEachPhaseAndTheSyncPhaseNextToItsRequests()
    {
        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, null, "demo", "--days", "30", "--timings");

        Assert.True(exitCode == 0, error);
        foreach (var phase in new[] { "start InfluxDB and sandboxes", "build the worker", "authorise at both", "backfill, both at once", "blood work and derived", "alert rules", "report" })
        {
            Assert.Matches(new Regex($@"^  {Regex.Escape(phase)} +\d+ ms$", RegexOptions.Multiline), output);
        }

        Assert.Matches(new Regex(@"^  sync withings +\d+ ms; requests in it: (?=.*\b\d+ Withings \d+ ms)(?=.*\b\d+ InfluxDB \d+ ms)", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^  sync fitbit +\d+ ms; requests in it: (?=.*\b\d+ Google Health \d+ ms)(?=.*\b\d+ InfluxDB \d+ ms)", RegexOptions.Multiline), output);
        var ratio = RatioLine().Match(output);
        Assert.True(ratio.Success, output);
        double Value(string name) => double.Parse(ratio.Groups[name].Value, CultureInfo.InvariantCulture);

        // The runs ran side by side: the phase is at most their sum, and at least the longer one.
        Assert.InRange(Value("phase"), 1, Value("runs"));
        Assert.True(Value("requests") > 0, ratio.Value);
        Assert.Equal(Math.Round(Value("phase") / Value("requests"), 2), Value("ratio"), 0.02);
    }

    private static Activity Span(int fromMs, int toMs)
    {
        var span = new Activity("sync test").SetStartTime(Start.AddMilliseconds(fromMs));
        span.SetEndTime(Start.AddMilliseconds(toMs));
        return span;
    }

    [GeneratedRegex(@"Sync phase (?<phase>\d+) ms \(runs side by side, (?<runs>\d+) ms summed\); its provider and InfluxDB requests (?<requests>\d+) ms summed; ratio (?<ratio>[\d.]+)")]
    private static partial Regex RatioLine();
}
