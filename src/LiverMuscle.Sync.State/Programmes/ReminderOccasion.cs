namespace LiverMuscle.Sync.State.Programmes;

/// <summary>One occasion of a reminder, a local date of the person, and what became of it.</summary>
public sealed record ReminderOccasion(string PersonId, ReminderKind Kind, DateOnly Date, ReminderOutcome Outcome, DateTimeOffset DecidedAt);
