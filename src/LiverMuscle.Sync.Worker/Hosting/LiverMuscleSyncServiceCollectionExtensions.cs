using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Alerts;
using LiverMuscle.Sync.Dashboards.Provisioning;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.People;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.GoogleHealth;
using LiverMuscle.Sync.Providers.Manual;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State.Sqlite;
using LiverMuscle.Sync.Web;
using LiverMuscle.Sync.Worker.Hosting.Telemetry;
using LiverMuscle.Sync.Worker.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>Every component of the worker, configured from the whole configuration: what each verb's host holds.</summary>
internal static class LiverMuscleSyncServiceCollectionExtensions
{
    public static IServiceCollection AddLiverMuscleSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSqliteStateStore(configuration.GetSection("State"));
        services.AddInfluxDbSink(configuration.GetSection("InfluxDb"));
        services.AddProviderFramework(configuration.GetSection("Sync"));
        services.AddSyncPipeline(configuration.GetSection("Sync"));
        services.AddGrafanaProvisioning(configuration);
        if (IsConfigured(configuration.GetSection("Withings")))
        {
            services.AddWithings(configuration.GetSection("Withings"));
        }

        if (IsConfigured(configuration.GetSection("Fitbit")))
        {
            services.AddFitbit(configuration.GetSection("Fitbit"));
        }
        else
        {
            services.AddFitbitExportImport(configuration.GetSection("Fitbit"));
        }

        services.AddManualEntries();
        services.AddFitbitExportRunner();
        services.AddHealthMarkers(configuration.GetSection("Markers"));
        services.AddAdherence(configuration.GetSection("Adherence"));
        services.AddAlerts(configuration.GetSection("Alerts"));
        services.AddPeople();
        services.AddWebConsole(configuration);
        services.AddWorkerTelemetry(configuration.GetSection("OpenTelemetry"));
        services.AddSingleton<StatusReporter>();
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, RequestPathLogCap>();
        services.AddHealthChecks()
            .AddCheck<InfluxDbReadinessCheck>("influxdb", tags: [WorkerEndpoints.ReadinessTag], timeout: WorkerEndpoints.ReadinessTimeout)
            .AddCheck<StateStoreReadinessCheck>("state", tags: [WorkerEndpoints.ReadinessTag], timeout: WorkerEndpoints.ReadinessTimeout);
        return services;
    }

    /// <summary>
    /// A connector is registered once its section names a client id or secret, so a half-configured one is refused by
    /// its validation naming what is missing; without either it stays off.
    /// </summary>
    private static bool IsConfigured(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section["ClientId"]) || !string.IsNullOrWhiteSpace(section["ClientSecret"]);
}
