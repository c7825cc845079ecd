using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Withings.Api;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames.StrengthSession;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// Workouts → <c>strength_session</c> points for the configured strength categories lasting at least the minimum
/// session duration (others are ignored, by <see cref="StrengthSessionRule"/>). Identity user + source + kind + start
/// time; the workout id and category are fields, so an edited category keeps its point unless it changes the kind.
/// </summary>
internal static class WorkoutNormalizer
{
    public static RecordRead Normalize(string userId, IEnumerable<Workout> workouts, IReadOnlyDictionary<int, string> categories, TimeSpan minimumDuration)
    {
        var records = new List<SourceRecord>();
        var errors = new List<RecordError>();
        foreach (var workout in workouts)
        {
            if (!categories.ContainsKey(workout.Category) || workout.Attrib is 1 or 4)
            {
                continue;
            }

            var id = workout.Id.ToString(CultureInfo.InvariantCulture);
            if (workout.StartDate <= 0 || workout.EndDate < workout.StartDate)
            {
                errors.Add(new RecordError(id, $"workout {id} has an invalid time span ({workout.StartDate}..{workout.EndDate})"));
                continue;
            }

            var duration = workout.EndDate - workout.StartDate;
            if (StrengthSessionRule.KindOf(categories, workout.Category, TimeSpan.FromSeconds(duration), minimumDuration) is not { } kind)
            {
                continue;
            }

            var pause = (long)Math.Round(workout.Data?.PauseDuration ?? 0);
            var builder = PointBuilder.For(Measurements.StrengthSession)
                .Tag(TagNames.User, userId)
                .Tag(TagNames.Source, Sources.Withings)
                .Tag(TagNames.Kind, kind)
                .At(DateTimeOffset.FromUnixTimeSeconds(workout.StartDate))
                .Field(F.DurationS, duration)
                .Field(F.ActiveDurationS, Math.Clamp(duration - pause, 0, duration))
                .Field(F.SourceId, id)
                .Field(F.ActivityType, "withings:" + workout.Category.ToString(CultureInfo.InvariantCulture));
            if (workout.Data?.Calories is > 0 and var calories)
            {
                builder.Field(F.CaloriesKcal, (long)Math.Round(calories));
            }

            if (workout.Data?.HrAverage is > 0 and var hr)
            {
                builder.Field(F.AvgHrBpm, (long)Math.Round(hr));
            }

            if (builder.TryBuild(out var point, out var error))
            {
                records.Add(new SourceRecord(id, point));
            }
            else
            {
                errors.Add(new RecordError(id, $"workout {id}: {error}"));
            }
        }

        return new RecordRead(records, errors);
    }
}
