namespace LiverMuscle.Sync.State.Programmes;

/// <summary>
/// The programme a person follows, which decides the reminders they get, in their time zone:
/// <list type="bullet">
/// <item>a training-day reminder on each of <paramref name="TrainingDays"/> at <paramref name="TrainingTime"/>
/// when no strength session is recorded that day by then;</item>
/// <item>a monthly strength self-test reminder while <paramref name="SelfTestSince"/> is set (when it was switched on);</item>
/// <item>a blood-work / scan re-check reminder when the latest result is older than <paramref name="RecheckIntervalDays"/>
/// (null: <see cref="DefaultRecheckIntervalDays"/>; 0: off);</item>
/// <item>a protein reminder at <paramref name="ProteinReminderTime"/> when today's protein is below
/// <paramref name="ProteinReminderBelow"/> (null: <see cref="DefaultProteinReminderBelow"/>) of the goal.</item>
/// </list>
/// The self-test and re-check reminders come at the training time too.
/// </summary>
public sealed record Programme(
    string PersonId,
    IReadOnlyList<DayOfWeek> TrainingDays,
    TimeOnly? TrainingTime,
    DateTimeOffset? SelfTestSince,
    int? RecheckIntervalDays,
    TimeOnly? ProteinReminderTime,
    double? ProteinReminderBelow,
    DateTimeOffset? UpdatedAt)
{
    public static readonly TimeOnly DefaultTrainingTime = new(18, 0);

    /// <summary>Quarterly.</summary>
    public const int DefaultRecheckIntervalDays = 90;

    public const double DefaultProteinReminderBelow = 0.5;

    /// <summary>The programme of a person who has not set one: only the re-check reminder, at its default interval.</summary>
    public static Programme None(string personId) => new(personId, [], null, null, null, null, null, null);

    public TimeOnly EffectiveTrainingTime => TrainingTime ?? DefaultTrainingTime;

    /// <summary>Days; 0 when the re-check reminder is off.</summary>
    public int EffectiveRecheckIntervalDays => RecheckIntervalDays ?? DefaultRecheckIntervalDays;

    public double EffectiveProteinReminderBelow => ProteinReminderBelow ?? DefaultProteinReminderBelow;

    /// <summary>Equal values, the training days compared by their days.</summary>
    public bool Equals(Programme? other) =>
        other is not null && PersonId == other.PersonId && TrainingDays.SequenceEqual(other.TrainingDays) && TrainingTime == other.TrainingTime &&
        SelfTestSince == other.SelfTestSince && RecheckIntervalDays == other.RecheckIntervalDays && ProteinReminderTime == other.ProteinReminderTime &&
        ProteinReminderBelow == other.ProteinReminderBelow && UpdatedAt == other.UpdatedAt;

    public override int GetHashCode() =>
        HashCode.Combine(PersonId, TrainingDays.Count, TrainingTime, SelfTestSince, RecheckIntervalDays, ProteinReminderTime, ProteinReminderBelow, UpdatedAt);
}
