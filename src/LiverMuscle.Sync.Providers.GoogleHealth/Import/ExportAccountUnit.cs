namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// The weight unit an export's account files state: <c>weight_unit</c> of <c>Profile.csv</c> (<c>METRIC</c>, <c>US</c>…)
/// or the latest <c>weight system</c> of <c>UserAppSettingData.csv</c> (<c>metric</c>, <c>imperial</c>…).
/// </summary>
internal static class ExportAccountUnit
{
    /// <summary>The unit and where it was read; null when no file states one this import understands.</summary>
    public static WeightUnitDecision? Read(IEnumerable<(string Path, ExportFileKind Kind)> files, string root, List<string> notes)
    {
        var candidates = files.Where(f => f.Kind is ExportFileKind.Profile or ExportFileKind.AppSettings).OrderBy(f => f.Kind).ToList();
        foreach (var (path, kind) in candidates)
        {
            var name = Path.GetRelativePath(root, path);
            var stated = kind == ExportFileKind.Profile ? FromProfile(path) : FromSettings(path);
            if (stated is null)
            {
                continue;
            }

            if (UnitOf(stated) is { } unit)
            {
                return new WeightUnitDecision(unit, $"{name} states the weight unit '{stated}'");
            }

            notes.Add($"{name} states the weight unit '{stated}', which an export's weights are not read in");
        }

        return null;
    }

    private static string? UnitOf(string stated) => stated.Trim().ToUpperInvariant() switch
    {
        "METRIC" or "KG" or "KILOGRAM" or "KILOGRAMS" => "kg",
        "US" or "EN_US" or "IMPERIAL" or "POUND" or "POUNDS" or "LB" or "LBS" => "lb",
        _ => null,
    };

    private static string? FromProfile(string path)
    {
        var (csv, _) = ExportCsv.Open(path, "weight_unit");
        using (csv)
        {
            return csv?.Next() == true ? csv["weight_unit"] : null;
        }
    }

    private static string? FromSettings(string path)
    {
        var (csv, _) = ExportCsv.Open(path, "setting_name", "setting_value");
        var latest = (Time: DateTimeOffset.MinValue, Value: (string?)null);
        using (csv)
        {
            while (csv?.Next() == true)
            {
                if (string.Equals(csv["setting_name"]?.Replace('_', ' '), "weight system", StringComparison.OrdinalIgnoreCase))
                {
                    var time = ExportTimes.TryInstant(csv["value_time"], out var t) ? t : DateTimeOffset.MinValue;
                    latest = time >= latest.Time ? (time, csv["setting_value"]) : latest;
                }
            }
        }

        return latest.Value;
    }
}
