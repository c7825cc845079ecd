using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Records;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// Google Health data points → the shared schema, tagged <c>source=fitbit</c>. Each point's own UTC offset decides its
/// local day. The records several sources hold of one event become one point (<see cref="SourceMerge"/>). Identity is
/// user + source (+ kind) + time, never a device, so a Takeout import of the same session or weigh-in lands on the
/// same point. A point is required to carry only what its computation needs.
/// </summary>
internal static partial class FitbitNormalizer
{
    /// <summary>How far apart two sources may stamp the same weigh-in or food entry.</summary>
    public static readonly TimeSpan SameEventTolerance = TimeSpan.FromMinutes(2);

    /// <summary>Strength sessions of the configured types, at least the minimum duration long; other types are ignored.</summary>
    public static RecordRead Exercises(string userId, IEnumerable<DataPointDto> points, FitbitOptions options)
    {
        var errors = new List<RecordError>();
        var sessions = new List<SessionCandidate>();
        foreach (var point in points)
        {
            if (point.Exercise is not { } exercise)
            {
                errors.Add(Missing(point, "exercise"));
                continue;
            }

            var start = exercise.Interval.StartTime;
            var label = DataPointIdentity.Label(point, "exercise", start);
            if (exercise.Interval.EndTime is not { } end)
            {
                errors.Add(new RecordError(label, $"{label} has no interval.endTime, so its duration is unknown"));
                continue;
            }

            if (end <= start)
            {
                errors.Add(new RecordError(label, $"{label} ends ({end:O}) before it starts ({start:O})"));
                continue;
            }

            if (StrengthSessionRule.KindOf(options.StrengthExerciseTypes, exercise.ExerciseType, end - start, options.MinimumSessionDuration) is { } kind)
            {
                sessions.Add(new SessionCandidate(point, exercise, DataPointIdentity.Of(point, "exercise", start), label, kind, start, end));
            }
        }

        // Sessions of different sources that overlap by half the shorter one are one session; what remains of one
        // kind in one second is one point of the schema, so it is one record.
        var merged = SourceMerge.Events(sessions, s => s.Point, s => s.Id, s => s.Start, s => s.End, (a, b) => Overlap(a, b) >= 0.5)
            .GroupBy(s => (s.Kind, TruncateToSecond(s.Start)))
            .Select(g => SourceMerge.Preferred(g, s => s.Point, s => s.Id));
        var records = new List<SourceRecord>();
        foreach (var session in merged)
        {
            var (exercise, duration) = (session.Exercise, session.End - session.Start);
            var builder = Session(userId, session.Kind, session.Start, (long)duration.TotalSeconds, (long)(exercise.ActiveDuration ?? duration).TotalSeconds, session.Id, exercise.ExerciseType);
            if (exercise.MetricsSummary?.CaloriesKcal is > 0 and var kcal)
            {
                builder.Field(F.StrengthSession.CaloriesKcal, (long)Math.Round(kcal, MidpointRounding.AwayFromZero));
            }

            if (exercise.MetricsSummary?.AverageHeartRateBeatsPerMinute is > 0 and var hr)
            {
                builder.Field(F.StrengthSession.AvgHrBpm, hr);
            }

            Add(records, errors, session.Label, builder, LocalDay(session.Start, exercise.Interval.StartUtcOffset), session.Id);
        }

        return new RecordRead(records, errors);
    }

    /// <summary>A <c>strength_session</c> point as the API and an export both describe it.</summary>
    public static PointBuilder Session(string userId, string kind, DateTimeOffset start, long durationS, long activeDurationS, string sourceId, string activityType) =>
        PointBuilder.For(Measurements.StrengthSession)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Fitbit)
            .Tag(TagNames.Kind, kind)
            .At(TruncateToSecond(start))
            .Field(F.StrengthSession.DurationS, durationS)
            .Field(F.StrengthSession.ActiveDurationS, Math.Clamp(activeDurationS, 0, durationS))
            .Field(F.StrengthSession.SourceId, sourceId)
            .Field(F.StrengthSession.ActivityType, activityType);

    public static string DayId(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeId(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The local date of an instant under its own UTC offset; a point without an offset is taken as UTC.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, TimeSpan? utcOffset) =>
        DateOnly.FromDateTime(instant.UtcDateTime + (utcOffset ?? TimeSpan.Zero));

    private static double Overlap(SessionCandidate a, SessionCandidate b)
    {
        var shared = (a.End < b.End ? a.End : b.End) - (a.Start > b.Start ? a.Start : b.Start);
        var shorter = Math.Min((a.End - a.Start).TotalSeconds, (b.End - b.Start).TotalSeconds);
        return shared <= TimeSpan.Zero || shorter <= 0 ? 0 : shared.TotalSeconds / shorter;
    }

    private static RecordError Missing(DataPointDto point, string member)
    {
        var label = point.Name ?? "a data point without name";
        return new RecordError(label, $"{label} has no {member} payload");
    }

    private static void Add(List<SourceRecord> records, List<RecordError> errors, string label, PointBuilder builder, DateOnly day, string id)
    {
        if (builder.TryBuild(out var point, out var error))
        {
            records.Add(new SourceRecord(id, point, day));
        }
        else
        {
            errors.Add(new RecordError(label, $"{label}: {error}"));
        }
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>Sums of values given with at most a few decimals, without binary noise (27.3 + 46.5 = 73.8).</summary>
    private static double Round(double value) => Math.Round(value, 6);

    private sealed record SessionCandidate(DataPointDto Point, ExerciseDto Exercise, string Id, string Label, string Kind, DateTimeOffset Start, DateTimeOffset End);
}
