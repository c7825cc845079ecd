using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>
/// Requests per synced year against the floor the API's page caps allow: every point of a type read in full pages of
/// the largest size (exercise 25, the others 10,000), Σ ⌈points ÷ cap⌉. The history: sandbox seed 3, three years,
/// every source's records (multi-source copies included), lists that end with a literal <c>{}</c> page as observed;
/// the sandbox's occasional empty pages that still carry a token are off here, as they are pages the API adds, not
/// the client.
/// </summary>
public sealed class RequestEfficiencyTests(InfluxDbFixture influx, ITestOutputHelper output) : IClassFixture<InfluxDbFixture>
{
    private const int Years = 3;
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ThreeYearBackfill_CostsAtMostTwelveTenthsOfThePageCapFloor_AndAnIncrementalRunOnePagePerList()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await GoogleHealthSandbox.StartAsync(
            new GoogleHealthSandboxOptions { TimeProvider = time, HistoryDays = Years * 365, Seed = 3, EmptyPageWithToken = false },
            CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, time);
        var id = await stack.AuthorizeAsync("ry", sandbox, time);

        var backfill = await stack.SyncAsync("ry", SyncMode.Backfill, Start.AddDays(-Years * 365 - 1));
        time.Advance(TimeSpan.FromMinutes(15));
        var incremental = await stack.SyncAsync("ry", SyncMode.Incremental);

        var copies = sandbox.Copies(id).ToLookup(c => c.DataType);
        var points = new (string Type, int Count, int Cap)[]
        {
            ("exercise", sandbox.Exercises(id).Count + copies["exercise"].Count(), GoogleHealthSyncSource.MaxExercisePageSize),
            ("nutrition-log", sandbox.NutritionLogs(id).Count + copies["nutrition-log"].Count(), GoogleHealthSyncSource.MaxPageSize),
            ("weight", sandbox.Weights(id).Count + copies["weight"].Count(), GoogleHealthSyncSource.MaxPageSize),
            ("body-fat", sandbox.BodyFats(id).Count + copies["body-fat"].Count(), GoogleHealthSyncSource.MaxPageSize),
        };
        var floor = points.Sum(p => (p.Count + p.Cap - 1) / p.Cap);
        output.WriteLine($"points served: {string.Join(", ", points.Select(p => $"{p.Type} {p.Count} (pages of {p.Cap})"))}");
        output.WriteLine($"backfill of {Years} years: {backfill.Requests} requests = {backfill.Requests / (double)Years:F1} per synced year; "
            + $"page-cap floor {floor} = {floor / (double)Years:F1} per year; ratio {backfill.Requests / (double)floor:F2}");
        output.WriteLine($"incremental run: {incremental.Requests} requests (4 lists of one page and the final empty page)");

        Assert.Equal((SyncOutcome.Ok, SyncOutcome.Ok), (backfill.Outcome, incremental.Outcome));
        Assert.True(backfill.Requests <= 1.2 * floor, $"{backfill.Requests} requests for a floor of {floor}");
        Assert.True(incremental.Requests <= 8, $"an incremental run sent {incremental.Requests} requests");
    }
}
