using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>The local date of a person's latest result among some markers, and which of them were measured that day.</summary>
internal static class MarkerHistory
{
    public static async Task<(DateOnly Date, IReadOnlyList<string> Markers)?> LatestAsync(
        LatestMarkerReader markers, ReminderContext context, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var dates = (await markers.LatestTimesAsync(context.Person.Id, cancellationToken))
            .Where(m => ids.Contains(m.Key, StringComparer.Ordinal))
            .Select(m => (Marker: m.Key, Date: LocalCalendar.LocalDate(m.Value, context.Zone)))
            .ToList();
        if (dates.Count == 0)
        {
            return null;
        }

        var last = dates.Max(d => d.Date);
        return (last, [.. dates.Where(d => d.Date == last).Select(d => d.Marker).Order(StringComparer.Ordinal)]);
    }
}
