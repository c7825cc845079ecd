using LiverMuscle.Sync.Dashboards.Catalog;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Section <c>Grafana</c>. Provisioning is off while <see cref="Url"/> is empty. The datasource's InfluxDB settings
/// default to the <c>InfluxDb</c> section (Url, Database, Username, Password, Token).
/// </summary>
public sealed class GrafanaOptions
{
    public const string SectionName = "Grafana";

    /// <summary>Base URL of Grafana, e.g. <c>http://127.0.0.1:3000</c>; empty = no provisioning.</summary>
    public Uri? Url { get; set; }

    /// <summary>Service-account token (<c>glsa_…</c>), sent as <c>Authorization: Bearer</c> (secret). Role Admin to manage datasources.</summary>
    public string? ServiceAccountToken { get; set; }

    /// <summary>Folder the dashboards go to. Default <c>livermuscle</c>.</summary>
    public string FolderUid { get; set; } = DashboardDefaults.FolderUid;

    /// <summary>Default <c>LiverMuscle</c>.</summary>
    public string FolderTitle { get; set; } = DashboardDefaults.FolderTitle;

    /// <summary>Provision once when the worker starts. Default true (only when <see cref="Url"/> is set).</summary>
    public bool ProvisionAtStart { get; set; } = true;

    public GrafanaDatasourceOptions Datasource { get; set; } = new();

    /// <summary>Retries of one request on network errors and 5xx. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles each attempt. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one HTTP request. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() =>
        $"GrafanaOptions {{ Url = {Url}, FolderUid = {FolderUid}, ServiceAccountToken = {(ServiceAccountToken is null ? "(none)" : "***")}, Datasource = {Datasource} }}";
}

/// <summary>Section <c>Grafana:Datasource</c>: how Grafana reaches InfluxDB (may differ from the worker's URL, e.g. in docker-compose).</summary>
public sealed class GrafanaDatasourceOptions
{
    /// <summary>Default <c>LiverMuscle InfluxDB</c>. The uid is fixed (<see cref="DashboardDefaults.DatasourceUid"/>): the dashboards reference it.</summary>
    public string Name { get; set; } = "LiverMuscle InfluxDB";

    /// <summary>InfluxDB URL as seen from Grafana. Default <c>InfluxDb:Url</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Default <c>InfluxDb:Database</c>, else <c>livermuscle</c>.</summary>
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
