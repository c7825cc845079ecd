namespace LiverMuscle.Sync.State.Programmes;

/// <summary>The reminders a <see cref="Programme"/> asks for.</summary>
public enum ReminderKind
{
    /// <summary>A planned training day without a strength session by the training hour.</summary>
    TrainingDay,

    /// <summary>The monthly strength self-test (grip, 5× chair stand, stairs).</summary>
    SelfTest,

    /// <summary>Blood work (ALT, AST, platelets) or a liver scan (CAP, stiffness) older than the re-check interval.</summary>
    Recheck,

    /// <summary>Today's protein far below the goal by the protein reminder hour.</summary>
    Protein,
}
