using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Retries one Grafana request on network errors, timeouts and 5xx (e.g. 503 while Grafana's database starts),
/// with exponential backoff; never on 4xx, which retrying cannot fix. Built once, time from DI.
/// </summary>
public sealed class GrafanaResiliencePipeline
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public GrafanaResiliencePipeline(IOptions<GrafanaOptions> options, TimeProvider timeProvider)
    {
        var o = options.Value;
        Attempts = o.MaxRetries + 1;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>How many times a request is tried in all.</summary>
    public int Attempts { get; }

    public ValueTask<HttpResponseMessage> ExecuteAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(static async (send, ct) => await send(ct), send, cancellationToken);

    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: { } e } => IsTransportFailure(e, cancellationToken),
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };

    /// <summary>Connection refused or reset, DNS, or a request timeout (not the caller's cancellation); Refit wraps these.</summary>
    public static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        Refit.ApiRequestException { InnerException: { } inner } => IsTransportFailure(inner, cancellationToken),
        Refit.ApiRequestException => true,
        _ => false,
    };
}
