using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Windows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// The framework every provider reuses (section <c>Sync</c>): token manager, request budget over the registered
    /// <see cref="ProviderRateLimit"/>s, the record ledger and its batches, the push trigger queue and
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
        services.TryAddSingleton<RecordLedger>();
        services.TryAddSingleton<LedgerBatches>();
        return services;
    }
}
