using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>Exercise sessions by local start date (the only filter exercise accepts), 25 per page.</summary>
internal sealed class ExerciseSyncSource(GoogleHealthReading reading, ILogger<ExerciseSyncSource> logger) : GoogleHealthSyncSource(reading, logger)
{
    public override string DataKind => FitbitDataKinds.Exercise;

    protected override string Measurement => Measurements.StrengthSession;

    protected override int WindowDays => Options.ActivityWindowDays;

    protected override bool UsesLocalDates => true;

    protected override async Task<RecordRead> ReadWindowAsync(string userId, DateOnly from, DateOnly to, TimeZoneInfo zone, RequestTally tally, CancellationToken cancellationToken)
    {
        var points = await ListAsync(userId, "exercise", "exercise.interval.civil_start_time", civil: true, from, to, pageSize: MaxExercisePageSize, tally, cancellationToken);
        return FitbitNormalizer.Exercises(userId, points.Items, Options).WithErrors(points.Errors);
    }
}
