using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>Section <c>Grafana:Datasource</c>: how Grafana reaches InfluxDB (may differ from the worker's URL, e.g. in docker-compose).</summary>
public sealed class GrafanaDatasourceOptions
{
    /// <summary>Default <c>LiverMuscle InfluxDB</c>. The uid is fixed (<see cref="DashboardDefaults.DatasourceUid"/>): the dashboards reference it.</summary>
    [RequiredSetting(Expectation = "must not be empty.")]
    public string Name { get; set; } = "LiverMuscle InfluxDB";

    /// <summary>InfluxDB URL as seen from Grafana. Default <c>InfluxDb:Url</c>.</summary>
    [HttpUrl(Required = true)]
    public Uri? Url { get; set; }

    /// <summary>Default <c>InfluxDb:Database</c>, else <c>livermuscle</c>.</summary>
    [RequiredSetting(Expectation = "must name a database.")]
    public string? Database { get; set; }

    /// <summary>InfluxDB 1.x user. Default <c>InfluxDb:Username</c>.</summary>
    public string? User { get; set; }

    /// <summary>InfluxDB 1.x password (secret). Default <c>InfluxDb:Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary>InfluxDB 2.x/3.x token, sent as <c>Authorization: Token …</c> header (secret). Default <c>InfluxDb:Token</c>.</summary>
    public string? Token { get; set; }

    public override string ToString() =>
        $"{{ Name = {Name}, Url = {Url}, Database = {Database}, User = {User}, Password = {(Password is null ? "(none)" : "***")}, Token = {(Token is null ? "(none)" : "***")} }}";
}
