using LiverMuscle.Sync.Providers.GoogleHealth.Api;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>A weight (grams) or body-fat (percent) reading at its sample time, truncated to the second.</summary>
internal sealed record BodySample(DataPointDto Point, string Id, DateTimeOffset Time, double Value)
{
    /// <summary>
    /// Weight and body fat of one weigh-in arrive as separate points: each body fat joins the weight nearest to it
    /// within <paramref name="tolerance"/> (a phone app may stamp both a few seconds after the scale); the rest stand
    /// alone. The pair's time is the weight's.
    /// </summary>
    public static IEnumerable<(BodySample? Weight, BodySample? Fat)> Pair(IReadOnlyList<BodySample> weights, IReadOnlyList<BodySample> fats, TimeSpan tolerance)
    {
        var unpaired = fats.ToList();
        foreach (var weight in weights)
        {
            var fat = unpaired.Where(f => (f.Time - weight.Time).Duration() <= tolerance).MinBy(f => (f.Time - weight.Time).Duration());
            if (fat is not null)
            {
                unpaired.Remove(fat);
            }

            yield return (weight, fat);
        }

        foreach (var fat in unpaired)
        {
            yield return (null, fat);
        }
    }
}
