using Refit;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// The part of Grafana's HTTP API (legacy <c>/api</c>, Grafana 10–13) that provisioning uses. Paths and parameter
/// names follow Grafana's OpenAPI spec; answers are read raw so every status can be turned into a clear message.
/// </summary>
public interface IGrafanaHttpApi
{
    [Get("/api/health")]
    Task<HttpResponseMessage> GetHealthAsync(CancellationToken cancellationToken);

    [Get("/api/datasources/uid/{uid}")]
    Task<HttpResponseMessage> GetDataSourceByUidAsync(string uid, CancellationToken cancellationToken);

    [Post("/api/datasources")]
    Task<HttpResponseMessage> AddDataSourceAsync([Body] DataSourceCommand body, CancellationToken cancellationToken);

    [Put("/api/datasources/uid/{uid}")]
    Task<HttpResponseMessage> UpdateDataSourceByUidAsync(string uid, [Body] DataSourceCommand body, CancellationToken cancellationToken);

    [Get("/api/folders/{folder_uid}")]
    Task<HttpResponseMessage> GetFolderByUidAsync([AliasAs("folder_uid")] string folderUid, CancellationToken cancellationToken);

    [Post("/api/folders")]
    Task<HttpResponseMessage> CreateFolderAsync([Body] CreateFolderCommand body, CancellationToken cancellationToken);

    [Put("/api/folders/{folder_uid}")]
    Task<HttpResponseMessage> UpdateFolderAsync([AliasAs("folder_uid")] string folderUid, [Body] UpdateFolderCommand body, CancellationToken cancellationToken);

    [Get("/api/dashboards/uid/{uid}")]
    Task<HttpResponseMessage> GetDashboardByUidAsync(string uid, CancellationToken cancellationToken);

    [Post("/api/dashboards/db")]
    Task<HttpResponseMessage> PostDashboardAsync([Body] SaveDashboardCommand body, CancellationToken cancellationToken);
}
