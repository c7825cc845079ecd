using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// A strength session as one file of an export tells it. The JSON log and <c>UserExercises_*.csv</c> describe the same
/// session (same kind, same UTC start second): <see cref="Merge"/> keeps what each adds, so it is one point.
/// </summary>
internal sealed class ExportSession(string kind, string activityType, DateTimeOffset start, TimeSpan duration, string sourceId)
{
    public string Kind { get; } = kind;

    public DateTimeOffset Start { get; } = new(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public TimeSpan? ActiveDuration { get; init; }

    public double? CaloriesKcal { get; private set; }

    public double? AverageHeartRate { get; private set; }

    public (string Kind, DateTimeOffset Start) Key => (Kind, Start);

    public ExportSession With(double? calories, double? heartRate)
    {
        CaloriesKcal = calories is > 0 ? calories : null;
        AverageHeartRate = heartRate is > 0 ? heartRate : null;
        return this;
    }

    /// <summary>Fills what this telling lacks from another telling of the same session.</summary>
    public ExportSession Merge(ExportSession other)
    {
        CaloriesKcal ??= other.CaloriesKcal;
        AverageHeartRate ??= other.AverageHeartRate;
        return this;
    }

    public PointBuilder Build(string userId)
    {
        var builder = FitbitNormalizer.Session(userId, Kind, Start, (long)duration.TotalSeconds, (long)(ActiveDuration ?? duration).TotalSeconds, sourceId, activityType);
        if (CaloriesKcal is { } kcal)
        {
            builder.Field(F.StrengthSession.CaloriesKcal, (long)Math.Round(kcal, MidpointRounding.AwayFromZero));
        }

        if (AverageHeartRate is { } hr)
        {
            builder.Field(F.StrengthSession.AvgHrBpm, (long)Math.Round(hr, MidpointRounding.AwayFromZero));
        }

        return builder;
    }
}
