using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// The one retry pipeline for Withings calls, built once: exponential backoff with jitter for timeouts (522),
/// the "an error occurred" family, HTTP 5xx, network errors and non-JSON answers. Rate limiting (601) is not
/// retried here: the request budget holds every request until the next window.
/// </summary>
public sealed class WithingsResiliencePipeline
{
    private readonly ResiliencePipeline<WithingsResponse> _pipeline;

    public WithingsResiliencePipeline(IOptions<WithingsOptions> options, TimeProvider time)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<WithingsResponse> { TimeProvider = time };
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<WithingsResponse>
            {
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
            });
        }

        _pipeline = builder.Build();
    }

    public ValueTask<WithingsResponse> ExecuteAsync(Func<CancellationToken, ValueTask<WithingsResponse>> attempt, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(static (attempt, ct) => attempt(ct), attempt, cancellationToken);

    public static bool IsRetryable(Outcome<WithingsResponse> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Result.Kind: WithingsStatusKind.Transient or WithingsStatusKind.NotJson } => true,
        _ => false,
    };
}
