using LiverMuscle.Sync.Providers.GoogleHealth.Api;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// A list answer holds one data point per source, so one real event that several sources recorded (a weigh-in by the
/// scale and by a phone app, a session by the watch and by a gym app, a food entry synced through two apps) arrives
/// several times. Points of different sources that match are one event, and the point of the most direct source
/// stands for it: a device's own measurement, then the Fitbit platform, then Health Connect, then other integrations;
/// ties go by identity, so the same point stands for the event on every read.
/// </summary>
internal static class SourceMerge
{
    /// <summary>
    /// One candidate per event. <paramref name="reach"/> is the latest start a point of the same event can have
    /// (a sample's time plus the tolerance, a session's end); <paramref name="same"/> compares an event's first point
    /// with a later one. An event holds at most one point per source.
    /// </summary>
    public static List<T> Events<T>(
        IEnumerable<T> candidates,
        Func<T, DataPointDto> point,
        Func<T, string> identity,
        Func<T, DateTimeOffset> start,
        Func<T, DateTimeOffset> reach,
        Func<T, T, bool> same)
    {
        var events = new List<List<T>>();
        var open = new List<List<T>>();
        foreach (var candidate in candidates.OrderBy(start).ThenBy(identity, StringComparer.Ordinal))
        {
            open.RemoveAll(e => start(candidate) > reach(e[0]));
            var source = DataPointIdentity.SourceKey(point(candidate).DataSource);
            var home = open.Find(e => same(e[0], candidate) && e.TrueForAll(other => DataPointIdentity.SourceKey(point(other).DataSource) != source));
            if (home is null)
            {
                home = [];
                events.Add(home);
                open.Add(home);
            }

            home.Add(candidate);
        }

        return [.. events.Select(e => Preferred(e, point, identity))];
    }

    /// <summary>The candidate of the most direct source; ties by identity.</summary>
    public static T Preferred<T>(IEnumerable<T> candidates, Func<T, DataPointDto> point, Func<T, string> identity) =>
        candidates.OrderBy(c => Rank(point(c).DataSource)).ThenBy(identity, StringComparer.Ordinal).First();

    /// <summary>Whether two quantities (either may be absent) are the same reading, allowing <paramref name="absolute"/> or 1 %.</summary>
    public static bool Close(double? a, double? b, double absolute) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Math.Abs(x - y) <= Math.Max(absolute, 0.01 * Math.Max(Math.Abs(x), Math.Abs(y))),
            _ => false,
        };

    private static int Rank(DataSourceDto? source) => source switch
    {
        { Device.FormFactor.Length: > 0 } or { RecordingMethod: "ACTIVELY_MEASURED" or "PASSIVELY_MEASURED" } => 0,
        { Platform: "FITBIT" } => 1,
        { Platform: "HEALTH_CONNECT" } => 2,
        _ => 3,
    };
}
