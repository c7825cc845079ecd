using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Polly;

namespace LiverMuscle.Sync.Providers.Requests;

public static class RequestPathRegistration
{
    /// <summary>
    /// The budgeted, token-aware request path of a provider's client, outermost first: rate-limit hold and transient
    /// retries (a resilience handler with the shared predicate and <c>Retry-After</c>), the user's bearer token with
    /// one refresh-and-resend after a refusal (when <paramref name="sendsUserToken"/>), the request budget and the
    /// run's tally per attempt, a span and a count per attempt, a timeout per attempt, and the provider's classification of each answer. Polly's
    /// clock is the <see cref="TimeProvider"/> from DI.
    /// </summary>
    public static IHttpClientBuilder AddProviderRequestPath<TClassifier>(
        this IHttpClientBuilder builder,
        string provider,
        Func<IServiceProvider, RequestPathOptions> options,
        bool sendsUserToken)
        where TClassifier : class, IAnswerClassifier
    {
        builder.Services.TryAddSingleton<TClassifier>();
        builder.AddResilienceHandler("retries", (pipeline, context) =>
            RequestRetries.Add(pipeline, context.ServiceProvider, provider, options(context.ServiceProvider)));
        if (sendsUserToken)
        {
            builder.AddHttpMessageHandler(services =>
                new BearerTokenHandler(services.GetRequiredService<ITokenManager>(), provider, services.GetRequiredService<ILogger<BearerTokenHandler>>()));
        }

        builder.AddHttpMessageHandler(services => new BudgetHandler(services.GetRequiredService<IRequestBudget>(), provider));
        builder.Services.AddSyncTelemetry();
        builder.AddHttpMessageHandler(services => new RequestTelemetryHandler(services.GetRequiredService<SyncMetrics>(), provider));
        builder.AddResilienceHandler("attempt", (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddTimeout(options(context.ServiceProvider).AttemptTimeout);
        });
        builder.AddHttpMessageHandler(services => new ClassifyingHandler(services.GetRequiredService<TClassifier>()));
        return builder;
    }
}
