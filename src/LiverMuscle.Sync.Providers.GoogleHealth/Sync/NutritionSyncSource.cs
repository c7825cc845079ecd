using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// Nutrition-log entries by local start date, summed per day into <c>nutrition_daily</c>. A day whose entries were
/// all deleted is written as zeros.
/// </summary>
internal sealed class NutritionSyncSource(GoogleHealthReading reading, ILogger<NutritionSyncSource> logger) : GoogleHealthSyncSource(reading, logger)
{
    public override string DataKind => FitbitDataKinds.Nutrition;

    protected override string Measurement => Measurements.NutritionDaily;

    protected override int WindowDays => Options.ActivityWindowDays;

    protected override bool UsesLocalDates => true;

    protected override async Task<RecordRead> ReadWindowAsync(string userId, DateOnly from, DateOnly to, TimeZoneInfo zone, RequestTally tally, CancellationToken cancellationToken)
    {
        var points = await ListAsync(userId, "nutrition-log", "nutrition_log.interval.civil_start_time", civil: true, from, to, pageSize: MaxPageSize, tally, cancellationToken);
        return FitbitNormalizer.NutritionDays(userId, points.Items, zone).WithErrors(points.Errors);
    }

    protected override Point? Replacement(string userId, LedgerEntry vanished, TimeZoneInfo zone) =>
        FitbitNormalizer.EmptyNutritionDay(userId, vanished.Day, zone);
}
