namespace LiverMuscle.Sync.State;

public enum AlertStatus
{
    Ok,
    Pending,
    Firing,
    Resolved,
}
