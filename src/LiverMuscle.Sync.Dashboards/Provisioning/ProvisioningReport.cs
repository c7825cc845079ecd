namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>What one provisioning run did to each Grafana object.</summary>
public sealed record ProvisioningReport(string GrafanaVersion, IReadOnlyList<ProvisionedItem> Items)
{
    public bool Succeeded => Items.All(i => i.Outcome != ProvisionOutcome.Failed);

    /// <summary>True when the run wrote nothing: every object was already as the code describes it.</summary>
    public bool NothingChanged => Items.All(i => i.Outcome == ProvisionOutcome.Unchanged);
}
