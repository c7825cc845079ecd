using LiverMuscle.Sync.Dashboards.Serialization;

namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>Writes every catalog dashboard as <c>{uid}.json</c>; a file whose content is already right is left alone.</summary>
public static class DashboardExporter
{
    public static async Task<IReadOnlyList<ExportedFile>> ExportAsync(DirectoryInfo directory, CancellationToken cancellationToken)
    {
        directory.Create();
        var results = new List<ExportedFile>();
        foreach (var definition in DashboardCatalog.All)
        {
            var path = Path.Combine(directory.FullName, definition.FileName);
            var json = DashboardJson.Serialize(definition.Build());
            var unchanged = File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken) == json;
            if (!unchanged)
            {
                await File.WriteAllTextAsync(path, json, cancellationToken);
            }

            results.Add(new ExportedFile(path, definition.Uid, !unchanged));
        }

        return results;
    }
}
