namespace LiverMuscle.Sync.People;

/// <summary>One CSV file of a person's export: its name, what it holds, its header and its rows.</summary>
internal sealed record ExportTable(string Name, string Contents, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);
