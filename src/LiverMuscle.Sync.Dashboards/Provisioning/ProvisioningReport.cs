namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>What one provisioning run did to each Grafana object.</summary>
public sealed record ProvisioningReport(string GrafanaVersion, IReadOnlyList<ProvisionedItem> Items)
{
    public bool Succeeded => Items.All(i => i.Outcome != ProvisionOutcome.Failed);

    /// <summary>True when the run wrote nothing: every object was already as the code describes it.</summary>
    public bool NothingChanged => Items.All(i => i.Outcome == ProvisionOutcome.Unchanged);
}

public sealed record ProvisionedItem(string Kind, string Uid, string Title, ProvisionOutcome Outcome, string? Detail = null)
{
    public override string ToString() =>
        $"{Kind,-10} {Uid,-26} {Outcome.ToString().ToLowerInvariant(),-9} {Title}{(Detail is null ? string.Empty : " — " + Detail)}";
}

public enum ProvisionOutcome
{
    Created,
    Updated,
    Unchanged,
    Failed,
}
