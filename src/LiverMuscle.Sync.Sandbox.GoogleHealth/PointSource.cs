using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Where a point came from, rendered as <c>dataSource</c>.</summary>
internal sealed record PointSource(
    string RecordingMethod,
    string Platform,
    string? FormFactor = null,
    string? DeviceName = null,
    string? PackageName = null,
    string? WebClientId = null)
{
    public static readonly PointSource Watch = new("ACTIVELY_MEASURED", "FITBIT", "WATCH", "Pixel Watch 3");
    public static readonly PointSource WatchPassive = new("PASSIVELY_MEASURED", "FITBIT", "WATCH", "Pixel Watch 3");
    public static readonly PointSource Scale = new("PASSIVELY_MEASURED", "FITBIT", "SCALE", "Aria Air");
    public static readonly PointSource FitbitManual = new("MANUAL", "FITBIT");
    public static readonly PointSource HealthConnect = new("UNKNOWN", "HEALTH_CONNECT", PackageName: "com.example.macrocounter");

    /// <summary>A phone app of a Bluetooth scale writing weigh-ins through Health Connect.</summary>
    public static readonly PointSource PhoneScaleApp = new("UNKNOWN", "HEALTH_CONNECT", PackageName: "com.example.smartscale");

    /// <summary>A gym logbook app writing its sessions through Health Connect.</summary>
    public static readonly PointSource GymApp = new("UNKNOWN", "HEALTH_CONNECT", PackageName: "com.example.gymlog");

    /// <summary>An integration still writing through the legacy Fitbit Web API (its old 6-character client id).</summary>
    public static readonly PointSource LegacyIntegration = new("MANUAL", "FITBIT_WEB_API", WebClientId: "22BX7Q");

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
        else if (WebClientId is not null)
        {
            source["application"] = new JsonObject { ["webClientId"] = WebClientId };
        }

        source["platform"] = Platform;
        return source;
    }
}
