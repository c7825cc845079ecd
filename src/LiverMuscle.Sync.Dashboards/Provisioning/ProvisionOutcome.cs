namespace LiverMuscle.Sync.Dashboards.Provisioning;

public enum ProvisionOutcome
{
    Created,
    Updated,
    Unchanged,
    Failed,
}
