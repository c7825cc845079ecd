using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Http;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace LiverMuscle.Sync.Sinks.InfluxDb;

public static class InfluxDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers the InfluxDB sink (section <c>InfluxDb</c>): <see cref="IPointSink"/> (batching writer over the
    /// durable spool), <see cref="ISinkStatus"/>, <see cref="IInfluxQueryClient"/>, and the hosted spool replayer.
    /// Needs an <see cref="IWriteSpool"/> from the state store.
    /// </summary>
    public static IServiceCollection AddInfluxDbSink(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InfluxDbOptions>().BindStrictly(configuration).ValidateSection(configuration, new InfluxDbOptionsValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<InfluxAuthenticationHandler>();
        services.AddRefitGeneratedClient<IInfluxHttpApi>(InfluxJsonContext.Default)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
                client.BaseAddress = options.Url;
                client.Timeout = options.RequestTimeout;
            })
            .AddHttpMessageHandler<InfluxAuthenticationHandler>();

        services.TryAddSingleton<InfluxResiliencePipeline>();
        services.TryAddSingleton<InfluxDatabaseCreator>();
        services.TryAddSingleton<InfluxBatchSender>();
        services.TryAddSingleton(provider => new SpoolingBatchSender(
            provider.GetRequiredService<InfluxBatchSender>(),
            provider.GetRequiredService<IWriteSpool>(),
            provider.GetRequiredService<IInfluxQueryClient>(),
            provider.GetRequiredService<IOptions<InfluxDbOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SpoolingBatchSender>>()));
        services.TryAddSingleton(provider => new BatchingPointWriter(
            provider.GetRequiredService<SpoolingBatchSender>(),
            provider.GetRequiredService<IOptions<InfluxDbOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BatchingPointWriter>>()));
        services.TryAddSingleton<IPointSink>(provider => provider.GetRequiredService<BatchingPointWriter>());
        services.TryAddSingleton<ISinkStatus, InfluxSinkStatus>();
        services.TryAddSingleton<IInfluxQueryClient, InfluxQueryClient>();
        services.AddHostedService<SpoolReplayService>();
        return services;
    }
}
