using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LiverMuscle.Sync.Alerts.Notifications.Webhook;

/// <summary>POSTs a notification as JSON, signed with <c>X-Signature</c>, retried through a pipeline built once.</summary>
internal sealed class WebhookNotifier : INotifier
{
    public const string HttpClientName = "LiverMuscle.Sync.Alerts.Webhook";

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    private readonly WebhookOptions _options;
    private readonly IHttpClientFactory _clients;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebhookNotifier(string name, WebhookOptions options, IHttpClientFactory clients, TimeProvider time, ILogger logger)
    {
        Name = name;
        _options = options;
        _clients = clients;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, time)),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsRetryable),
                OnRetry = args =>
                {
                    Log.WebhookRetry(_logger, Name, args.AttemptNumber + 1, args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    public string Name { get; }

    /// <summary>The server's <c>Retry-After</c> (seconds or a date), at most a minute; null: the backoff decides.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, MaxRetryAfter.Ticks)) : null;
    }

    public static bool IsRetryable(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    public async Task SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        var body = WebhookBody.Render(notification, _options.Template);
        var signature = _options.Secret is { Length: > 0 } secret ? WebhookBody.Sign(body, secret) : null;
        var client = _clients.CreateClient(HttpClientName);
        using var response = await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url)
                {
                    Content = new StringContent(body, Encoding.UTF8, _options.ContentType),
                };
                request.Headers.TryAddWithoutValidation("Idempotency-Key", notification.IdempotencyKey);
                if (signature is not null)
                {
                    request.Headers.TryAddWithoutValidation("X-Signature", signature);
                }

                return await client.SendAsync(request, token);
            },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Webhook '{Name}' answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}
