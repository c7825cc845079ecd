using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Infrastructure.Http;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.GoogleHealth.Grants;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.Providers.GoogleHealth.Push;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Requests;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using LiverMuscle.Sync.Providers.GoogleHealth.Tokens;
using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

public static class FitbitServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Fitbit connector on the Google Health API (section <c>Fitbit</c>, bound strictly): Google OAuth
    /// with PKCE, the API client, what each person's grant covers per data kind, their time zone from the settings,
    /// the exercise, nutrition and body sources and the per-user request budget. Needs the provider framework
    /// (<c>AddProviderFramework</c>) and a state store.
    /// </summary>
    public static IServiceCollection AddFitbit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FitbitOptions>().BindStrictly(configuration).ValidateSection(configuration, new FitbitOptionsValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        var perUser = configuration.GetValue(nameof(FitbitOptions.RequestsPerMinutePerUser), new FitbitOptions().RequestsPerMinutePerUser);
        services.AddSingleton(new ProviderRateLimit(ProviderNames.Fitbit, PerApplication: null, PerUser: perUser, Window: TimeSpan.FromMinutes(1)));

        services.AddPooledHttpClient(GoogleHealthApiClient.HttpClientName, (provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<FitbitOptions>>().Value.ApiBaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddProviderRequestPath<GoogleHealthAnswers>(ProviderNames.Fitbit, RequestPath, sendsUserToken: true);
        services.AddPooledHttpClient(GoogleTokenClient.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<FitbitOptions>>().Value.RequestTimeout);

        services.TryAddSingleton<GoogleHealthApiClient>();
        services.TryAddSingleton<GoogleTokenClient>();
        services.AddSingleton<IOAuthTokenClient>(provider => provider.GetRequiredService<GoogleTokenClient>());
        services.TryAddSingleton<GoogleAuthorizationFlow>();
        services.AddSingleton<IAuthorizationFlow>(provider => provider.GetRequiredService<GoogleAuthorizationFlow>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITokenRevoker, GoogleTokenRevoker>());
        services.TryAddSingleton<GoogleGrants>();
        services.AddSingleton<IDataKindGrants>(provider => provider.GetRequiredService<GoogleGrants>());
        services.TryAddSingleton<GoogleTimeZone>();
        services.AddFitbitExportImport(configuration);
        services.TryAddSingleton<GoogleHealthReading>();
        services.TryAddSingleton<ExerciseSyncSource>();
        services.TryAddSingleton<NutritionSyncSource>();
        services.TryAddSingleton<BodySyncSource>();
        services.AddSingleton<ISyncSource>(provider => provider.GetRequiredService<ExerciseSyncSource>());
        services.AddSingleton<ISyncSource>(provider => provider.GetRequiredService<NutritionSyncSource>());
        services.AddSingleton<ISyncSource>(provider => provider.GetRequiredService<BodySyncSource>());
        services.TryAddSingleton<FitbitWebhookEndpoint>();
        services.AddSingleton<IPushEndpoint>(provider => provider.GetRequiredService<FitbitWebhookEndpoint>());
        return services;
    }

    /// <summary>
    /// Registers the Fitbit export importer alone (section <c>Fitbit</c> for the exercise types and the minimum session
    /// duration): an export is read from files, so it needs no Google OAuth client.
    /// </summary>
    public static IServiceCollection AddFitbitExportImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FitbitOptions>().BindStrictly(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FitbitExportImporter>();
        return services;
    }

    /// <summary>429 and 5xx retried with backoff or after the wait Google named; the per-user budget keeps below 429.</summary>
    private static RequestPathOptions RequestPath(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<FitbitOptions>>().Value;
        return new RequestPathOptions(options.MaxRetries, options.RetryBaseDelay, options.RequestTimeout);
    }
}
