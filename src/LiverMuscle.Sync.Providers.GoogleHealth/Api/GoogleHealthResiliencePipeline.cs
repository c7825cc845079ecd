using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// Retries 429, 500, 502, 503, 504 and network errors with exponential backoff and jitter, waiting what Google asked
/// for (<c>Retry-After</c> or <c>RetryInfo</c>) when it did. Other 4xx answers are never retried.
/// </summary>
public sealed class GoogleHealthResiliencePipeline
{
    private readonly ResiliencePipeline<GoogleHealthResponse> _pipeline;

    public GoogleHealthResiliencePipeline(IOptions<FitbitOptions> options, TimeProvider time)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<GoogleHealthResponse> { TimeProvider = time };
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<GoogleHealthResponse>
            {
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : (TimeSpan?)null),
            });
        }

        _pipeline = builder.Build();
    }

    public ValueTask<GoogleHealthResponse> ExecuteAsync(Func<CancellationToken, ValueTask<GoogleHealthResponse>> attempt, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(static (attempt, ct) => attempt(ct), attempt, cancellationToken);

    public static bool IsRetryable(Outcome<GoogleHealthResponse> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Result.Status: HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };
}
