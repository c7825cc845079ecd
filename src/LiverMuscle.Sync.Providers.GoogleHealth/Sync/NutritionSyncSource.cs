using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// Nutrition-log entries by local start date, summed per day into <c>nutrition_daily</c>. A day whose entries were
/// all deleted is written as zeros.
/// </summary>
public sealed class NutritionSyncSource(
    GoogleHealthApiClient client,
    FitbitWrittenLedger ledger,
    IUserStore users,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<NutritionSyncSource> logger) : GoogleHealthSyncSource(client, ledger, users, options, time, logger)
{
    public override string DataKind => FitbitDataKinds.Nutrition;

    protected override string Measurement => Measurements.NutritionDaily;

    protected override int WindowDays => Options.ActivityWindowDays;

    protected override bool UsesLocalDates => true;

    protected override async Task<WindowRead> ReadWindowAsync(string userId, DateOnly from, DateOnly to, TimeZoneInfo zone, RequestTally tally, CancellationToken cancellationToken)
    {
        var (points, errors) = await ListAsync(userId, "nutrition-log", "nutrition_log.interval.civil_start_time", civil: true, from, to, pageSize: 1000, tally, cancellationToken);
        var read = FitbitNormalizer.NutritionDays(userId, points, zone);
        return read with { Errors = [.. errors, .. read.Errors] };
    }

    protected override (IReadOnlyList<Point> Points, IReadOnlyList<PointDeletion> Deletions) Vanished(string userId, IReadOnlyCollection<LedgerEntry> vanished, TimeZoneInfo zone) =>
        ([.. vanished.Select(v => FitbitNormalizer.EmptyNutritionDay(userId, v.Day, zone))], []);
}
