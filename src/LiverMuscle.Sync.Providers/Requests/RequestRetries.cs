using LiverMuscle.Sync.Infrastructure.Http;
using LiverMuscle.Sync.Providers.Budget;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>The retry strategies of a provider's request path, built once per client from its options.</summary>
internal static class RequestRetries
{
    public static void Add(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services, string provider, RequestPathOptions options)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestRetries).FullName!);
        pipeline.TimeProvider = time;
        if (options.RateLimitHold is { } hold && options.MaxRateLimitedAttempts > 1)
        {
            var budget = services.GetRequiredService<IRequestBudget>();
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "RateLimitHold",
                ShouldHandle = args => ValueTask.FromResult(ProviderRequestOptions.AnswerOf(args.Outcome.Result)?.Kind == AnswerKind.RateLimited),
                MaxRetryAttempts = options.MaxRateLimitedAttempts - 1,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                OnRetry = async args =>
                {
                    // The wait happens in the budget, so every request of the scope waits, not only this one.
                    var until = time.GetUtcNow() + (ProviderRequestOptions.AnswerOf(args.Outcome.Result)?.RetryAfter ?? hold);
                    await budget.PenalizeAsync(provider, ProviderRequestOptions.UserOf(args.Outcome.Result?.RequestMessage), until, args.Context.CancellationToken);
                    Log.RateLimited(logger, provider, until);
                },
            });
        }

        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Transient",
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                DelayGenerator = args => ValueTask.FromResult(ProviderRequestOptions.AnswerOf(args.Outcome.Result)?.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    Log.TransientAnswer(logger, provider, ProviderRequestOptions.AnswerOf(args.Outcome.Result)?.Detail ?? args.Outcome.Exception?.Message ?? "?", args.RetryDelay);
                    return default;
                },
            });
        }
    }

    /// <summary>An answer counts as the provider classified it; a failure to get one by the shared rule.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) =>
        ProviderRequestOptions.AnswerOf(outcome.Result) is { } answer
            ? answer.Kind == AnswerKind.Transient
            : TransientHttpFailure.IsTransient(outcome, cancellationToken);
}
