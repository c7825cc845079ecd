using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>One kind of reminder: when it is due in a programme, and what it says today.</summary>
internal interface IReminder
{
    ReminderKind Kind { get; }

    /// <summary>The local time of day its occasions are due; null when the programme does not ask for it.</summary>
    TimeOnly? TimeOf(Programme programme);

    /// <summary>Today's occasion judged now; null when today is no occasion of this reminder.</summary>
    Task<ReminderCheck?> CheckAsync(ReminderContext context, CancellationToken cancellationToken);
}
