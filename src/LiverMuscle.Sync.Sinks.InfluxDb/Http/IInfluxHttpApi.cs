using Refit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Http;

/// <summary>The InfluxDB 1.x HTTP API (also served by the v1-compatibility layer of 2.x and 3.x).</summary>
internal interface IInfluxHttpApi
{
    [Post("/write")]
    Task<HttpResponseMessage> WriteAsync(string db, string? rp, string precision, [Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary>Read-only statements (SELECT, SHOW).</summary>
    [Get("/query")]
    Task<HttpResponseMessage> QueryAsync(string db, string q, string? epoch, CancellationToken cancellationToken);

    /// <summary>Statements that change data (CREATE, DELETE, DROP), form-encoded.</summary>
    [Post("/query")]
    Task<HttpResponseMessage> ExecuteAsync([Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken cancellationToken);

    [Get("/ping")]
    Task<HttpResponseMessage> PingAsync(CancellationToken cancellationToken);
}
