using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>The product's sink and state store, wired as the worker wires them, for measuring commands.</summary>
internal static class SinkHost
{
    public static IHost Create(Uri influx, string database, string statePath) =>
        Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(c => c.Sources.Clear())
            .ConfigureLogging(l => l.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(services =>
            {
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["InfluxDb:Url"] = influx.ToString(),
                    ["InfluxDb:Database"] = database,
                    ["InfluxDb:ReplayInterval"] = "00:00:00.500",
                    ["InfluxDb:RetryBaseDelay"] = "00:00:00.200",
                    ["InfluxDb:MaxRetries"] = "2",
                    ["State:Path"] = statePath,
                }).Build();
                services.AddSqliteStateStore(configuration.GetSection("State"));
                services.AddInfluxDbSink(configuration.GetSection("InfluxDb"));
            })
            .Build();
}
