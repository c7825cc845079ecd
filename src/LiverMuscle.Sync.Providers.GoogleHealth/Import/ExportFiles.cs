namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>Tells the files an import reads by their names, wherever they are in the export's folders.</summary>
internal static class ExportFiles
{
    public static ExportFileKind KindOf(string path)
    {
        var name = Path.GetFileName(path.Replace('\\', '/'));
        return name switch
        {
            _ when Is(name, "exercise-", ".json") => ExportFileKind.ExerciseJson,
            _ when Is(name, "UserExercises", ".csv") => ExportFileKind.ExerciseCsv,
            _ when Is(name, "weight-", ".json") => ExportFileKind.WeightJson,
            _ when name.Equals("weight.csv", StringComparison.OrdinalIgnoreCase) || Is(name, "weight_", ".csv") => ExportFileKind.WeightCsv,
            _ when Is(name, "body_fat_", ".csv") => ExportFileKind.BodyFatCsv,
            _ when name.Equals("Profile.csv", StringComparison.OrdinalIgnoreCase) => ExportFileKind.Profile,
            _ when name.Equals("UserAppSettingData.csv", StringComparison.OrdinalIgnoreCase) => ExportFileKind.AppSettings,
            _ => ExportFileKind.None,
        };
    }

    /// <summary>The files of <paramref name="root"/> an import reads, in a stable order, with their kinds.</summary>
    public static IReadOnlyList<(string Path, ExportFileKind Kind)> In(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (path, KindOf(path)))
            .Where(file => file.Item2 != ExportFileKind.None)];

    private static bool Is(string name, string prefix, string extension) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
}
