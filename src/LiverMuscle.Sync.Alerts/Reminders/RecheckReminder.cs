using System.Globalization;
using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.State.Programmes;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>
/// When the latest blood work (ALT, AST, platelets) or liver scan (CAP, stiffness) is older than the person's re-check
/// interval, and again every <see cref="RemindersOptions.OverdueRepeatInterval"/> until a newer result is recorded.
/// Someone without any such result is not reminded: there is nothing to re-check.
/// </summary>
internal sealed class RecheckReminder(LatestMarkerReader markers, IOptionsMonitor<RemindersOptions> options) : IReminder
{
    private static readonly string[] RecheckMarkers = [MarkerIds.Alt, MarkerIds.Ast, MarkerIds.Platelets, MarkerIds.Cap, MarkerIds.LiverStiffness];

    public ReminderKind Kind => ReminderKind.Recheck;

    public TimeOnly? TimeOf(Programme programme) => programme.EffectiveRecheckIntervalDays > 0 ? programme.EffectiveTrainingTime : null;

    public async Task<ReminderCheck?> CheckAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var interval = context.Programme.EffectiveRecheckIntervalDays;
        if (await MarkerHistory.LatestAsync(markers, context, RecheckMarkers, cancellationToken) is not { } latest ||
            !context.IsOccasion(latest.Date.AddDays(interval), options.CurrentValue.OverdueRepeatInterval.Days))
        {
            return null;
        }

        return ReminderCheck.Remind(
            "Re-check due: liver blood work or scan",
            string.Create(CultureInfo.InvariantCulture,
                $"Your latest liver blood work or scan result is from {ReminderContext.Date(latest.Date)} ({string.Join(", ", latest.Markers)}), {context.Today.DayNumber - latest.Date.DayNumber} days ago; your re-check interval is {interval} days."),
            "Blood work (ALT, AST, platelets) or a scan (CAP, liver stiffness) is due as planned with your clinician; log the results when you have them.");
    }
}
