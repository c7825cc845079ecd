namespace LiverMuscle.Sync.State;

public enum SyncOutcome
{
    Ok,
    Partial,
    Failed,
}
