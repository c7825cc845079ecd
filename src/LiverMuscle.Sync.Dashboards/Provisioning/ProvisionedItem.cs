namespace LiverMuscle.Sync.Dashboards.Provisioning;

public sealed record ProvisionedItem(string Kind, string Uid, string Title, ProvisionOutcome Outcome, string? Detail = null)
{
    public override string ToString() =>
        $"{Kind,-10} {Uid,-26} {Outcome.ToString().ToLowerInvariant(),-9} {Title}{(Detail is null ? string.Empty : " — " + Detail)}";
}
