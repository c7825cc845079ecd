namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary><c>stat.jsonschema.json#/definitions/Options</c>.</summary>
internal sealed record StatOptions : PanelOptions
{
    public string GraphMode { get; init; } = "area";

    public string ColorMode { get; init; } = "value";

    public string JustifyMode { get; init; } = "auto";

    public string TextMode { get; init; } = "auto";

    public bool WideLayout { get; init; } = true;

    public bool ShowPercentChange { get; init; }

    public required ReduceOptions ReduceOptions { get; init; }

    public string PercentChangeColorMode { get; init; } = "standard";

    public string Orientation { get; init; } = "auto";
}
