using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;

namespace LiverMuscle.Sync.Sinks.InfluxDb;

/// <summary>Section <c>InfluxDb</c>: the server, database and write behaviour.</summary>
public sealed class InfluxDbOptions
{
    /// <summary>Base URL of the server. Default <c>http://127.0.0.1:8086</c>.</summary>
    [HttpUrl(Required = true)]
    public Uri Url { get; set; } = new("http://127.0.0.1:8086");

    /// <summary>Database (1.x) or DBRP-mapped bucket (2.x/3.x). Default <c>livermuscle</c>.</summary>
    [RequiredSetting(Expectation = "must name a database.")]
    public string Database { get; set; } = "livermuscle";

    /// <summary>Retention policy; the database's default when empty.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>Which server speaks: 1.x, or the v1-compatibility API of 2.x / 3.x. Default V1.</summary>
    public InfluxApiFlavor ApiFlavor { get; set; } = InfluxApiFlavor.V1;

    /// <summary>1.x user for Basic auth (optional).</summary>
    public string? Username { get; set; }

    /// <summary>1.x password for Basic auth (optional, secret).</summary>
    public string? Password { get; set; }

    /// <summary>2.x/3.x API token, sent as <c>Authorization: Token …</c> (secret).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Timestamp precision on the wire. Default Milliseconds: source times are whole seconds, but the worker's own
    /// records (sync runs, health, alert transitions) of two runs within one second must not overwrite each other.
    /// </summary>
    public WritePrecision Precision { get; set; } = WritePrecision.Milliseconds;

    /// <summary>
    /// Most points per write request. Default 5,000 (InfluxDB's advice: 5,000–10,000). A batch is sent as soon as the
    /// writer is free, with whatever callers queued until then; no timer is waited on.
    /// </summary>
    [NumberRange(1, 100_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>Retries of one request on network errors, 5xx and 429 before the batch is spooled. Default 5.</summary>
    [NumberRange(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay; doubles each attempt with jitter. Default 1 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one retry delay (also caps Retry-After). Default 30 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one HTTP request. Default 30 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gzip request bodies. Default false: on loopback compression costs more than it saves.</summary>
    public bool Gzip { get; set; }

    /// <summary>Create the database when missing (1.x only; 2.x/3.x buckets are provisioned out of band). Default true.</summary>
    public bool CreateDatabase { get; set; } = true;

    /// <summary>How often the spool is replayed while it holds batches, once InfluxDB answers. Default 2 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan ReplayInterval { get; set; } = TimeSpan.FromSeconds(2);

    public override string ToString() =>
        $"InfluxDbOptions {{ Url = {Url}, Database = {Database}, ApiFlavor = {ApiFlavor}, Username = {Username}, Password = {(Password is null ? "(none)" : "***")}, Token = {(Token is null ? "(none)" : "***")} }}";
}

public enum InfluxApiFlavor
{
    /// <summary>InfluxDB 1.x: <c>/write</c>, <c>/query</c>, Basic auth.</summary>
    V1,

    /// <summary>InfluxDB 2.x v1-compatibility endpoints with <c>Authorization: Token</c>.</summary>
    V2Compat,

    /// <summary>InfluxDB 3.x v1-compatibility endpoints with <c>Authorization: Token</c>.</summary>
    V3Compat,
}
