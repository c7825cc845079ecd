using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// The one retry pipeline for InfluxDB requests, built once: exponential backoff with jitter on network errors,
/// timeouts, 5xx and 429, honouring <c>Retry-After</c>; never on other 4xx, nor on a 5xx that reports a partial write
/// (InfluxDB 2.x answers "points beyond retention policy" with 500: resending cannot change it).
/// </summary>
internal sealed class InfluxResiliencePipeline
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public InfluxResiliencePipeline(IOptions<InfluxDbOptions> options, TimeProvider timeProvider)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => IsRetryableAsync(args.Outcome, args.Context.CancellationToken),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, o.MaxRetryDelay, timeProvider)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    public ValueTask<HttpResponseMessage> ExecuteAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(static async (send, ct) => await send(ct), send, cancellationToken);

    public static async ValueTask<bool> IsRetryableAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException or Refit.ApiRequestException or TaskCanceledException } => true,
        { Result: { } response } when IsRetryable(response.StatusCode) => !await ReportsPartialWriteAsync(response, cancellationToken),
        _ => false,
    };

    public static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<bool> ReportsPartialWriteAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffered, so the sender reads the same body again.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return RejectionParser.IsPartialWrite(await Http.InfluxErrorBody.ReadAsync(response, cancellationToken));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => null,
        };
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, max.Ticks)) : null;
    }
}
