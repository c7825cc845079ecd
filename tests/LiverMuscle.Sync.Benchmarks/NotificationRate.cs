namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// How often a provider would notify about one person, from a sandbox's synthetic history: every entry of a synced
/// data type is one notification; the targeted syncs they cause are fewer, since the trigger queue merges the
/// notifications of one data kind within <c>Sync:Push:TriggerInterval</c> into one sync.
/// </summary>
internal sealed record NotificationRate(IReadOnlyDictionary<string, double> NotificationsPerDay, IReadOnlyDictionary<string, double> SyncsPerDay)
{
    public double Notifications => NotificationsPerDay.Values.Sum();

    public double Syncs => SyncsPerDay.Values.Sum();

    /// <param name="events">Per person, the time of every entry with the data kind its notification names.</param>
    public static NotificationRate Of(IReadOnlyList<IReadOnlyList<(string DataKind, DateTimeOffset At)>> events, int historyDays, TimeSpan triggerInterval)
    {
        var personDays = (double)events.Count * historyDays;
        var kinds = events.SelectMany(e => e).Select(e => e.DataKind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new NotificationRate(
            kinds.ToDictionary(k => k, k => events.Sum(person => person.Count(e => e.DataKind == k)) / personDays, StringComparer.Ordinal),
            kinds.ToDictionary(k => k, k => events.Sum(person => Merged(person.Where(e => e.DataKind == k).Select(e => e.At), triggerInterval)) / personDays, StringComparer.Ordinal));
    }

    /// <summary>Syncs started: a notification within the interval after the last start widens that one.</summary>
    private static int Merged(IEnumerable<DateTimeOffset> times, TimeSpan interval)
    {
        var syncs = 0;
        DateTimeOffset? started = null;
        foreach (var at in times.Order())
        {
            if (started is not { } last || at - last >= interval)
            {
                syncs++;
                started = at;
            }
        }

        return syncs;
    }
}
