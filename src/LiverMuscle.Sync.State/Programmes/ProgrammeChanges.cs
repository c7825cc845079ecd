namespace LiverMuscle.Sync.State.Programmes;

/// <summary>
/// Values to set on a person's programme, as typed on the command line or in a form. Null leaves a value unchanged;
/// an empty text clears it (its default applies again, or the reminder is off).
/// </summary>
public sealed record ProgrammeChanges
{
    /// <summary>Weekdays, e.g. <c>mon,wed,fri</c> (or full names).</summary>
    public string? TrainingDays { get; init; }

    /// <summary>A local hour, <c>18</c> or <c>18:30</c>; default 18:00.</summary>
    public string? TrainingHour { get; init; }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public string? SelfTestMonthly { get; init; }

    /// <summary>Days (1–730), or <c>0</c> / <c>off</c> to switch the re-check reminder off; default 90.</summary>
    public string? RecheckIntervalDays { get; init; }

    /// <summary>A local hour, <c>20</c> or <c>20:30</c>; unset, there is no protein reminder.</summary>
    public string? ProteinReminderHour { get; init; }

    /// <summary>A fraction of the day's protein goal, e.g. <c>0.5</c>; default 0.5.</summary>
    public string? ProteinReminderBelow { get; init; }

    public bool IsEmpty => this == new ProgrammeChanges();
}
