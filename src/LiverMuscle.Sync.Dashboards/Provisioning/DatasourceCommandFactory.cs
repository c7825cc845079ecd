using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Catalog;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>The InfluxDB (InfluxQL) datasource as the dashboards need it, and whether Grafana already has it so.</summary>
internal static class DatasourceCommandFactory
{
    public static DataSourceCommand Create(GrafanaDatasourceOptions o)
    {
        var jsonData = new JsonObject
        {
            ["dbName"] = o.Database,
            ["httpMode"] = "GET",
            ["timeInterval"] = "1m",
        };
        var secure = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(o.Token))
        {
            jsonData["httpHeaderName1"] = "Authorization";
            secure["httpHeaderValue1"] = "Token " + o.Token;
        }
        else if (!string.IsNullOrEmpty(o.Password))
        {
            secure["password"] = o.Password;
        }

        return new DataSourceCommand
        {
            Uid = DashboardDefaults.DatasourceUid,
            Name = o.Name,
            Url = o.Url!.ToString().TrimEnd('/'),
            User = string.IsNullOrEmpty(o.Token) ? o.User : null,
            JsonData = jsonData,
            SecureJsonData = secure.Count == 0 ? null : secure,
        };
    }

    /// <summary>
    /// Compares what Grafana returns: secrets are write-only, so a secret counts as equal when Grafana says one is
    /// stored (<c>secureJsonFields</c>); a changed password alone is therefore not detected.
    /// </summary>
    public static bool Matches(DataSourceCommand desired, JsonObject existing)
    {
        var secureFields = existing["secureJsonFields"] as JsonObject;
        return Text(existing, "name") == desired.Name
            && Text(existing, "type") == desired.Type
            && Text(existing, "access") == desired.Access
            && Text(existing, "url") == desired.Url
            && (Text(existing, "user") ?? string.Empty) == (desired.User ?? string.Empty)
            && JsonSubset.IsContainedIn(desired.JsonData, existing["jsonData"])
            && (desired.SecureJsonData ?? new Dictionary<string, string>()).Keys.All(key => secureFields?[key]?.GetValue<bool>() == true);
    }

    private static string? Text(JsonObject json, string key) => json[key]?.GetValue<string>();
}
