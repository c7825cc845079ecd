using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>Weight and body fat by UTC sample time (the filter these types accept), paired into <c>body_composition</c>.</summary>
internal sealed class BodySyncSource(GoogleHealthReading reading, ILogger<BodySyncSource> logger) : GoogleHealthSyncSource(reading, logger)
{
    public override string DataKind => FitbitDataKinds.Body;

    protected override string Measurement => Measurements.BodyComposition;

    protected override int WindowDays => Options.BodyWindowDays;

    protected override bool UsesLocalDates => false;

    protected override async Task<RecordRead> ReadWindowAsync(string userId, DateOnly from, DateOnly to, TimeZoneInfo zone, RequestTally tally, CancellationToken cancellationToken)
    {
        // Both types make one point: reading only one of them would strip the other's fields from it.
        var weights = await ListAsync(userId, "weight", "weight.sample_time.physical_time", civil: false, from, to, pageSize: MaxPageSize, tally, cancellationToken);
        var fats = await ListAsync(userId, "body-fat", "body_fat.sample_time.physical_time", civil: false, from, to, pageSize: MaxPageSize, tally, cancellationToken);
        return FitbitNormalizer.Body(userId, weights.Items, fats.Items).WithErrors([.. weights.Errors, .. fats.Errors]);
    }
}
