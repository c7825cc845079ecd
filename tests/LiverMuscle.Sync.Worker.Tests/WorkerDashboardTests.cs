using System.Text.RegularExpressions;
using LiverMuscle.Sync.Alerts;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>The "Worker" dashboard's PromQL against a real scrape of <c>/metrics</c> after syncs, an alert and its notifications.</summary>
public sealed partial class WorkerDashboardTests
{
    private static readonly HashSet<string> PromQlWords = new(StringComparer.Ordinal) { "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless" };

    [Fact]
    public async Task WorkerDashboard_EveryQueryNamesSeriesAndLabelsTheWorkerExports_AndEveryInstrumentHasAPanel()
    {
        var scrape = await ScrapeWithEveryInstrumentAsync();
        var targets = new WorkerDashboard().Build().Panels.SelectMany(p => p.Targets.Select(t => (p.Title, Target: Assert.IsType<PromQlTarget>(t)))).ToList();
        var named = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (title, target) in targets)
        {
            var (metrics, labels) = Parse(target.Expr);
            Assert.True(metrics.Count > 0, $"'{title}': {target.Expr} names no metric");
            foreach (var metric in metrics)
            {
                Assert.True(scrape.LabelsOf(metric).Any(), $"'{title}': {metric} is not in the worker's /metrics");
                named.Add(metric);
            }

            var exported = metrics.SelectMany(scrape.LabelsOf).SelectMany(l => l.Keys).ToHashSet(StringComparer.Ordinal);
            var legend = LegendLabel().Matches(target.LegendFormat ?? string.Empty).Select(m => m.Groups[1].Value);
            foreach (var label in labels.Concat(legend))
            {
                Assert.True(exported.Contains(label), $"'{title}': label {label} is not on {string.Join(", ", metrics)}");
            }
        }

        var instruments = scrape.Names.Where(n => n.StartsWith("livermuscle_sync_", StringComparison.Ordinal)).Select(Instrument).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(15, instruments.Count);
        Assert.Equal(instruments.Order(StringComparer.Ordinal), named.Select(Instrument).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The metric names an expression selects and the labels it groups by.</summary>
    private static (IReadOnlyList<string> Metrics, IReadOnlyList<string> Labels) Parse(string expr)
    {
        var labels = Grouping().Matches(expr).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)).ToList();
        var selectors = RangeOrString().Replace(Grouping().Replace(expr, " "), " ");
        var metrics = Identifier().Matches(selectors)
            .Where(m => !PromQlWords.Contains(m.Value) && !IsCall(selectors, m))
            .Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        return (metrics, labels);
    }

    private static bool IsCall(string expr, Match identifier) => expr[(identifier.Index + identifier.Length)..].TrimStart().StartsWith('(');

    /// <summary>A histogram's series are one instrument.</summary>
    private static string Instrument(string name) => HistogramSuffix().Replace(name, string.Empty);

    private static async Task<Scrape> ScrapeWithEveryInstrumentAsync()
    {
        await using var worker = await TelemetryWorker.StartAsync();
        await worker.ConnectAsync("ann", ProviderNames.Withings, ProviderNames.Fitbit);
        await worker.ConnectAsync("bob", ProviderNames.Withings);
        var services = worker.Host.Services;
        await services.GetRequiredService<ITokenStore>().SetStatusAsync("bob", ProviderNames.Withings, ConnectionStatus.NeedsReauthorization, "invalid_grant", CancellationToken.None);
        await worker.SyncAsync("ann", ProviderNames.Withings);
        await worker.SyncAsync("ann", ProviderNames.Fitbit);
        await services.GetRequiredService<AlertEvaluator>().EvaluateAsync(dryRun: false, CancellationToken.None);
        Scrape? scrape = null;
        await Eventually.TrueAsync(async () => (scrape = await worker.ScrapeAsync()).Value("livermuscle_sync_connections_reauthorization_required", ("livermuscle_provider", "withings")) == 1, "the scraped metrics");
        return scrape!;
    }

    [GeneratedRegex(@"\b(?:by|without)\s*\(([^)]*)\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\[[^\]]*\]|""[^""]*""")]
    private static partial Regex RangeOrString();

    [GeneratedRegex(@"(?<![\w$.])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex LegendLabel();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();
}
