using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Where a point came from, rendered as <c>dataSource</c>.</summary>
internal sealed record PointSource(string RecordingMethod, string Platform, string? FormFactor = null, string? DeviceName = null, string? PackageName = null)
{
    public static readonly PointSource Watch = new("ACTIVELY_MEASURED", "FITBIT", "WATCH", "Pixel Watch 3");
    public static readonly PointSource WatchPassive = new("PASSIVELY_MEASURED", "FITBIT", "WATCH", "Pixel Watch 3");
    public static readonly PointSource Scale = new("PASSIVELY_MEASURED", "FITBIT", "SCALE", "Aria Air");
    public static readonly PointSource FitbitManual = new("MANUAL", "FITBIT");
    public static readonly PointSource HealthConnect = new("UNKNOWN", "HEALTH_CONNECT", PackageName: "com.example.macrocounter");

    public JsonObject Json()
    {
        var source = new JsonObject { ["recordingMethod"] = RecordingMethod };
        if (FormFactor is not null)
        {
            source["device"] = new JsonObject { ["formFactor"] = FormFactor, ["displayName"] = DeviceName };
        }
        else if (Platform == "HEALTH_CONNECT")
        {
            source["device"] = new JsonObject();
        }

        if (PackageName is not null)
        {
            source["application"] = new JsonObject { ["packageName"] = PackageName };
        }

        source["platform"] = Platform;
        return source;
    }
}
