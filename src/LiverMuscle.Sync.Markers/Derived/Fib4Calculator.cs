using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers.Derived;

/// <summary>
/// Computes FIB-4 for a user from the stored AST, ALT and platelet values: at the time of every such sample, from
/// the latest value of each of the three on or before it, when all three lie within <see cref="MarkersOptions.Fib4Window"/>
/// and the user's birth date is known. Points are stamped at the newest of the three samples, so recomputing
/// rewrites the same points.
/// </summary>
public sealed class Fib4Calculator(IInfluxQueryClient query, IPointSink sink, MarkerProfiles profiles, IOptionsMonitor<MarkersOptions> options, ILogger<Fib4Calculator> logger)
{
    private static readonly string[] Inputs = [MarkerIds.Ast, MarkerIds.Alt, MarkerIds.Platelets];

    public async Task<IReadOnlyList<Fib4Result>> RecomputeAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var profile = await profiles.GetAsync(userId, cancellationToken);
        if (profile.BirthDate is null)
        {
            Log.Fib4SkippedNoAge(logger, userId);
            return [];
        }

        var samples = await ReadInputsAsync(userId, cancellationToken);
        var results = Compute(samples, profile, settings.Fib4Window);
        if (results.Count > 0)
        {
            var points = results.Select(r => PointBuilder.For(Measurements.HealthMarker)
                .Tag(TagNames.User, userId).Tag(TagNames.Marker, MarkerIds.Fib4).Tag(TagNames.Source, Sources.Computed)
                .Field(FieldNames.HealthMarker.Value, r.Value).Field(FieldNames.HealthMarker.Unit, "1")
                .At(r.Time).Build()).ToList();
            await sink.WriteAsync(points, cancellationToken);
        }

        return results;
    }

    /// <summary>The FIB-4 values a set of samples (marker → time-ordered values) gives.</summary>
    public static IReadOnlyList<Fib4Result> Compute(IReadOnlyDictionary<string, List<(DateTimeOffset Time, double Value)>> samples, MarkerUserProfile profile, TimeSpan window)
    {
        if (Inputs.Any(m => !samples.ContainsKey(m)))
        {
            return [];
        }

        var results = new SortedDictionary<DateTimeOffset, Fib4Result>();
        foreach (var time in samples.Values.SelectMany(s => s.Select(v => v.Time)).Distinct())
        {
            var latest = Inputs.Select(m => samples[m].LastOrDefault(v => v.Time <= time)).ToArray();
            if (latest.Any(v => v.Time == default))
            {
                continue;
            }

            var newest = latest.Max(v => v.Time);
            if (newest - latest.Min(v => v.Time) > window || results.ContainsKey(newest))
            {
                continue;
            }

            var age = profile.AgeOn(DateOnly.FromDateTime(newest.UtcDateTime))!.Value;
            var value = Fib4.Compute(age, ast: latest[0].Value, alt: latest[1].Value, platelets: latest[2].Value);
            results[newest] = new Fib4Result(newest, value, age, Fib4.Classify(value, age));
        }

        return results.Values.ToList();
    }

    private async Task<Dictionary<string, List<(DateTimeOffset, double)>>> ReadInputsAsync(string userId, CancellationToken cancellationToken)
    {
        var markers = string.Join(" OR ", Inputs.Select(m => $"{InfluxQl.Identifier(TagNames.Marker)} = {InfluxQl.Literal(m)}"));
        var result = await query.QueryAsync(
            $"SELECT {InfluxQl.Identifier(FieldNames.HealthMarker.Value)} FROM {InfluxQl.Identifier(Measurements.HealthMarker)} " +
            $"WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)} AND ({markers}) GROUP BY {InfluxQl.Identifier(TagNames.Marker)}",
            cancellationToken);
        return result.Rows()
            .Where(r => r.Double(FieldNames.HealthMarker.Value) is not null)
            .GroupBy(r => r.Tag(TagNames.Marker)!)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Time).Select(r => (r.Time, r.Double(FieldNames.HealthMarker.Value)!.Value)).ToList(), StringComparer.Ordinal);
    }
}
