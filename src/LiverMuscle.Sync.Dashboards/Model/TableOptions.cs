namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary><c>table.jsonschema.json#/definitions/Options</c>.</summary>
internal sealed record TableOptions : PanelOptions
{
    public int FrameIndex { get; init; }

    public bool ShowHeader { get; init; } = true;

    public string CellHeight { get; init; } = "sm";

    public IReadOnlyList<TableSortBy>? SortBy { get; init; }
}
