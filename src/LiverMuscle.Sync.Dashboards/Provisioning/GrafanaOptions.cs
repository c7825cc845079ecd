using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Section <c>Grafana</c>. Provisioning is off while <see cref="Url"/> is empty. The datasource's InfluxDB settings
/// default to the <c>InfluxDb</c> section (Url, Database, Username, Password, Token).
/// </summary>
public sealed class GrafanaOptions
{
    public const string SectionName = "Grafana";

    /// <summary>Base URL of Grafana, e.g. <c>http://127.0.0.1:3000</c>; empty = no provisioning.</summary>
    [HttpUrl]
    public Uri? Url { get; set; }

    /// <summary>Service-account token (<c>glsa_…</c>), sent as <c>Authorization: Bearer</c> (secret). Role Admin to manage datasources.</summary>
    public string? ServiceAccountToken { get; set; }

    /// <summary>Folder the dashboards go to. Default <c>livermuscle</c>.</summary>
    [SettingPattern("^[A-Za-z0-9_-]{1,40}$", "must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_'")]
    public string FolderUid { get; set; } = DashboardDefaults.FolderUid;

    /// <summary>Default <c>LiverMuscle</c>.</summary>
    [RequiredSetting(Expectation = "must not be empty.")]
    public string FolderTitle { get; set; } = DashboardDefaults.FolderTitle;

    /// <summary>Provision once when the worker starts. Default true (only when <see cref="Url"/> is set).</summary>
    public bool ProvisionAtStart { get; set; } = true;

    /// <summary>
    /// Uid of the Grafana datasource of type <c>prometheus</c> that scrapes the worker's <c>/metrics</c>. When set, the
    /// "Worker" dashboard is provisioned too, its panels on this datasource. Default none.
    /// </summary>
    [SettingPattern("^[A-Za-z0-9_-]{1,40}$", "must be the uid of a Grafana datasource: 1-40 characters of A-Z, a-z, 0-9, '-' or '_'")]
    public string? PrometheusDatasource { get; set; }

#pragma warning disable SYSLIB1212 // Validated by GrafanaOptionsValidator under its own key, Grafana:Datasource.
    public GrafanaDatasourceOptions Datasource { get; set; } = new();
#pragma warning restore SYSLIB1212

    /// <summary>Retries of one request on network errors and 5xx. Default 3.</summary>
    [NumberRange(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles each attempt. Default 1 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one HTTP request. Default 30 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() =>
        $"GrafanaOptions {{ Url = {Url}, FolderUid = {FolderUid}, PrometheusDatasource = {PrometheusDatasource}, ServiceAccountToken = {(ServiceAccountToken is null ? "(none)" : "***")}, Datasource = {Datasource} }}";
}
