using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State.Programmes;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>
/// A month after the latest strength self-test (grip, 5× chair stand, stairs), or on the day the reminder was
/// switched on when there is none or it is overdue already, and again every
/// <see cref="RemindersOptions.OverdueRepeatInterval"/> until one is recorded.
/// </summary>
internal sealed class SelfTestReminder(LatestMarkerReader markers, IOptionsMonitor<RemindersOptions> options) : IReminder
{
    private static readonly string[] SelfTestMarkers = [MarkerIds.GripStrength, MarkerIds.ChairStand5x, MarkerIds.StairsClimbed];

    public ReminderKind Kind => ReminderKind.SelfTest;

    public TimeOnly? TimeOf(Programme programme) => programme.SelfTestSince is null ? null : programme.EffectiveTrainingTime;

    public async Task<ReminderCheck?> CheckAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var latest = await MarkerHistory.LatestAsync(markers, context, SelfTestMarkers, cancellationToken);
        var switchedOn = LocalCalendar.LocalDate(context.Programme.SelfTestSince!.Value, context.Zone);
        var due = latest is { } last && last.Date.AddMonths(1) > switchedOn ? last.Date.AddMonths(1) : switchedOn;
        if (!context.IsOccasion(due, options.CurrentValue.OverdueRepeatInterval.Days))
        {
            return null;
        }

        return ReminderCheck.Remind(
            "Time for the monthly strength self-test",
            latest is { } previous
                ? $"Your last strength self-test is from {ReminderContext.Date(previous.Date)} ({string.Join(", ", previous.Markers)}), a month ago or more."
                : "No strength self-test is recorded yet.",
            "Measure your grip strength, the time for 5 chair stands and the stairs you climb, and log them (grip_strength, chair_stand_5x, stairs_climbed).");
    }
}
