using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Windows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// The framework every provider reuses (section <c>Sync</c>): token manager, request budget over the registered
    /// <see cref="ProviderRateLimit"/>s, the record ledger and its batches, the push trigger queue, push health and
    /// <see cref="PushOptions"/> (<c>Sync:Push</c>). A provider adds its clients with <c>AddPooledHttpClient</c> and
    /// <c>AddProviderRequestPath</c>.
    /// </summary>
    public static IServiceCollection AddProviderFramework(this IServiceCollection services, IConfiguration configuration)
    {
        var tokens = configuration.GetSection("Tokens");
        services.AddOptions<TokenManagerOptions>().BindStrictly(tokens).ValidateSection(tokens, new TokenManagerOptionsValidator()).ValidateOnStart();
        var push = configuration.GetSection("Push");
        services.AddOptions<PushOptions>().BindStrictly(push).ValidateSection(push, new PushOptionsValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenManager, TokenManager>();
        services.TryAddSingleton<AuthorizationService>();
        services.TryAddSingleton<IRequestBudget, SlidingWindowRequestBudget>();
        services.TryAddSingleton<ISyncTriggerQueue, SyncTriggerQueue>();
        services.TryAddSingleton<IPushHealth, StoredPushHealth>();
        services.TryAddSingleton<RecordLedger>();
        services.TryAddSingleton<LedgerBatches>();

        // A push callback URL carries its secret token in the path: the host's per-request lines stay unlogged.
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }
}
