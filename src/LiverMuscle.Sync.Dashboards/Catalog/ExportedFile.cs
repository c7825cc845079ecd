namespace LiverMuscle.Sync.Dashboards.Catalog;

public sealed record ExportedFile(string Path, string Uid, bool Written);
