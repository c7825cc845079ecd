namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>One row of the data-type catalogue (§3.1): path id, filter prefix, read scope, default/max page size.</summary>
internal sealed record DataTypeInfo(string Id, string Prefix, string Scope, FilterKind Filter, int DefaultPageSize, int MaxPageSize, bool Listable = true);
