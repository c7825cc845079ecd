using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Infrastructure.Http;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Requests;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Withings.Api;
using LiverMuscle.Sync.Providers.Withings.Push;
using LiverMuscle.Sync.Providers.Withings.Sync;
using LiverMuscle.Sync.Providers.Withings.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings;

public static class WithingsServiceCollectionExtensions
{
    /// <summary>The application-wide Withings limit: 120 requests per minute for all users together.</summary>
    public static readonly ProviderRateLimit RateLimit = new(ProviderNames.Withings, PerApplication: 120, PerUser: null, Window: TimeSpan.FromMinutes(1));

    /// <summary>
    /// Registers the Withings connector (section <c>Withings</c>): the data and token clients on the kit's request
    /// path, token client, authorization flow, the body-composition and workout sync sources, the push endpoint, the
    /// periodic subscription check and the rate limit. Needs the provider framework (<c>AddProviderFramework</c>) and a state store. Push
    /// subscriptions use <c>Sync:Push:PublicUrl</c> of the root configuration when the host registers it.
    /// </summary>
    public static IServiceCollection AddWithings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WithingsOptions>().BindStrictly(configuration).ValidateSection(configuration, new WithingsOptionsValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(RateLimit);

        services.AddPooledHttpClient(WithingsApiClient.HttpClientName, (provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<WithingsOptions>>().Value.ApiBaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddProviderRequestPath<WithingsAnswers>(ProviderNames.Withings, RequestPath, sendsUserToken: true);
        services.AddPooledHttpClient(WithingsTokenClient.HttpClientName, (_, client) => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddProviderRequestPath<WithingsAnswers>(ProviderNames.Withings, RequestPath, sendsUserToken: false);

        services.TryAddSingleton<WithingsApiClient>();
        services.TryAddSingleton<WithingsTokenClient>();
        services.AddSingleton<IOAuthTokenClient>(provider => provider.GetRequiredService<WithingsTokenClient>());
        services.TryAddSingleton(provider => new WithingsPushSettings(
            Uri.TryCreate(provider.GetService<IConfiguration>()?[WithingsPushSettings.PublicUrlKey], UriKind.Absolute, out var url) ? url : null));
        services.TryAddSingleton<WithingsNotificationSubscriber>();
        services.AddHostedService<WithingsSubscriptionCheck>();
        services.TryAddSingleton<WithingsAuthorizationFlow>();
        services.AddSingleton<IAuthorizationFlow>(provider => provider.GetRequiredService<WithingsAuthorizationFlow>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITokenRevoker, WithingsSubscriptionRevoker>());
        services.TryAddSingleton<WithingsTimeZones>();
        services.TryAddSingleton<BodyCompositionSyncSource>();
        services.TryAddSingleton<WorkoutSyncSource>();
        services.AddSingleton<ISyncSource>(provider => provider.GetRequiredService<BodyCompositionSyncSource>());
        services.AddSingleton<ISyncSource>(provider => provider.GetRequiredService<WorkoutSyncSource>());
        services.TryAddSingleton<WithingsPushEndpoint>();
        services.AddSingleton<IPushEndpoint>(provider => provider.GetRequiredService<WithingsPushEndpoint>());
        return services;
    }

    /// <summary>Timeouts and the error family retried with backoff; a 601 holds the whole application budget for a window.</summary>
    private static RequestPathOptions RequestPath(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<WithingsOptions>>().Value;
        return new RequestPathOptions(options.MaxRetries, options.RetryBaseDelay, options.RequestTimeout) { RateLimitHold = RateLimit.Window };
    }
}
