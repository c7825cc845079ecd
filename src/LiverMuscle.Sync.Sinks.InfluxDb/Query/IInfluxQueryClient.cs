namespace LiverMuscle.Sync.Sinks.InfluxDb.Query;

/// <summary>InfluxQL against the configured database. A statement error inside a 200 answer is an exception.</summary>
public interface IInfluxQueryClient
{
    /// <summary>Read-only statements (SELECT, SHOW), sent with GET. Times come back as RFC 3339 strings.</summary>
    Task<InfluxQueryResult> QueryAsync(string influxQl, CancellationToken cancellationToken);

    /// <summary>Statements that change data (DELETE, DROP, CREATE), sent with POST.</summary>
    Task<InfluxQueryResult> ExecuteAsync(string influxQl, CancellationToken cancellationToken);

    /// <summary><c>/ping</c>: the server's version, or null when it cannot be reached.</summary>
    Task<string?> PingAsync(CancellationToken cancellationToken);
}
