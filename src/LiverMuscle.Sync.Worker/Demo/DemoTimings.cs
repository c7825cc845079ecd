using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LiverMuscle.Sync.Infrastructure.Telemetry;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// <c>demo --timings</c>: listens to the <c>LiverMuscle.Sync</c> spans and the HTTP client's, times the demo's phases,
/// then sets the sync phase's wall time (while any run was running) next to the summed time of the HTTP requests in
/// the runs' traces, per server.
/// </summary>
internal sealed class DemoTimings : IDisposable
{
    private const string HttpSource = "System.Net.Http";
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly List<(string Phase, TimeSpan Took)> _phases = [];
    private readonly ActivityListener _listener;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _phaseStarted;

    public DemoTimings()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SyncTelemetry.Name or HttpSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Ends the phase running since the last call (or since the start).</summary>
    public void EndPhase(string phase)
    {
        var now = _clock.Elapsed;
        _phases.Add((phase, now - _phaseStarted));
        _phaseStarted = now;
    }

    /// <summary>Prints the phases, then each sync run with the HTTP requests of its trace by server (named by port).</summary>
    public async Task WriteAsync(TextWriter output, IReadOnlyDictionary<int, string> servers)
    {
        await output.WriteLineAsync("Timings (from the spans of this process):");
        foreach (var (phase, took) in _phases)
        {
            await output.WriteLineAsync(Line($"  {phase,-28} {took.TotalMilliseconds,8:F0} ms"));
        }

        var runs = _spans.Where(s => s.Source.Name == SyncTelemetry.Name && s.OperationName.StartsWith("sync ", StringComparison.Ordinal)).ToList();
        var requests = _spans.Where(s => s.Source.Name == HttpSource).ToLookup(s => s.TraceId);
        double runTime = 0, requested = 0;
        foreach (var run in runs)
        {
            var own = requests[run.TraceId].ToList();
            var byServer = own.GroupBy(s => s.GetTagItem("server.port") is int port && servers.TryGetValue(port, out var name) ? name : "other")
                .Select(g => Line($"{g.Count()} {g.Key} {Sum(g):F0} ms"));
            await output.WriteLineAsync(Line($"  {run.OperationName,-28} {run.Duration.TotalMilliseconds,8:F0} ms; requests in it: {string.Join(", ", byServer)}"));
            runTime += run.Duration.TotalMilliseconds;
            requested += Sum(own);
        }

        var syncPhase = Covered(runs).TotalMilliseconds;
        var inFlight = Covered(runs.SelectMany(run => requests[run.TraceId])).TotalMilliseconds;
        await output.WriteLineAsync(Line(
            $"Sync phase {syncPhase:F0} ms (runs side by side, {runTime:F0} ms summed); its provider and InfluxDB requests {requested:F0} ms summed; ratio {Ratio(syncPhase, requested):F2} (summed runs: {Ratio(runTime, requested):F2})."));
        await output.WriteLineAsync(Line(
            $"A request was in flight during {inFlight:F0} ms of the sync phase; the phase against that: {Ratio(syncPhase, inFlight):F2}."));
    }

    /// <summary>The wall time during which at least one of the spans ran.</summary>
    public static TimeSpan Covered(IEnumerable<Activity> spans)
    {
        var covered = TimeSpan.Zero;
        DateTime? start = null, end = null;
        foreach (var span in spans.OrderBy(s => s.StartTimeUtc))
        {
            var stop = span.StartTimeUtc + span.Duration;
            if (end is { } e && span.StartTimeUtc <= e)
            {
                end = stop > e ? stop : e;
                continue;
            }

            covered += end - start ?? TimeSpan.Zero;
            (start, end) = (span.StartTimeUtc, stop);
        }

        return covered + (end - start ?? TimeSpan.Zero);
    }

    public void Dispose() => _listener.Dispose();

    private static double Ratio(double time, double requested) => requested > 0 ? time / requested : 0;

    private static double Sum(IEnumerable<Activity> spans) => spans.Sum(s => s.Duration.TotalMilliseconds);

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
