namespace LiverMuscle.Sync.Testing;

/// <summary>Which of the worker's own background services run once a <see cref="TestHost"/> starts.</summary>
public enum BackgroundWork
{
    /// <summary>All of them, as in <c>run</c>: scheduled syncs, adherence, alerts, reminders, provisioning, the spool.</summary>
    All,

    /// <summary>Only the sink's spool replay: syncs happen when a test asks for them, nothing else acts on its own.</summary>
    SpoolReplayOnly,
}
