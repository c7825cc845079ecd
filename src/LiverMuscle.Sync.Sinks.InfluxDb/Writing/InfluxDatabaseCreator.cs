using LiverMuscle.Sync.Sinks.InfluxDb.Http;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Creates the 1.x database once (CREATE DATABASE is idempotent). 2.x/3.x buckets are provisioned out of band, so
/// nothing is sent there.
/// </summary>
internal sealed class InfluxDatabaseCreator(IInfluxHttpApi api, IOptions<InfluxDbOptions> options, ILogger<InfluxDatabaseCreator> logger)
{
    private volatile bool _done;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_done)
        {
            await CreateAsync(cancellationToken);
        }
    }

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.ApiFlavor != InfluxApiFlavor.V1 || !o.CreateDatabase)
        {
            _done = true;
            return;
        }

        var statement = $"CREATE DATABASE {InfluxQl.Identifier(o.Database)}";
        using var response = await api.ExecuteAsync(new Dictionary<string, string> { ["q"] = statement }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InfluxUnavailableException($"Could not create database '{o.Database}' ({(int)response.StatusCode}): {body}");
        }

        Log.DatabaseEnsured(logger, o.Database);
        _done = true;
    }
}
