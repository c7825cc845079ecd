using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Push;

/// <summary>
/// Google Health's webhook receiver (only mapped when <c>Fitbit:WebhookAuthorization</c> is set). Every request must
/// carry that exact <c>Authorization</c> value, checked before the body is read; a body beyond
/// <see cref="MaxBodyBytes"/> is refused (413) unparsed. The endpoint check on subscriber creation
/// (<c>{"type":"verification"}</c>) is answered 201; a notification — one object or an array — names a Health user, a
/// data type and time intervals, carries no values, and becomes a queued re-read of those days of that data type only,
/// never further back than the connector re-reads anyway (older days need a backfill), answered 204 at once (a data
/// type the connector does not sync is ignored; a full queue answers 503 and Google sends it again).
/// Polling stays the safety net: a lost notification only delays data. Google keeps no subscription per person that
/// could be checked (an AUTOMATIC subscriber covers everyone who consented), so a notification for a person is what
/// confirms that person's subscription in <see cref="IPushHealth"/>.
/// </summary>
internal sealed class FitbitWebhookEndpoint(
    ITokenStore tokens,
    ISyncTriggerQueue queue,
    IPushHealth health,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<FitbitWebhookEndpoint> logger) : IPushEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (!string.IsNullOrEmpty(options.Value.WebhookAuthorization))
        {
            endpoints.MapPost(options.Value.WebhookPath, (Delegate)((HttpContext context) => HandleAsync(context.Request, context.RequestAborted)));
        }
    }

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!Authorized(request.Headers.Authorization.ToString()))
        {
            return Results.Unauthorized();
        }

        if (await PushRequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return PushRequestBody.TooLarge(MaxBodyBytes);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Results.BadRequest("expected a JSON notification");
        }

        var full = false;
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "verification")
            {
                return Results.StatusCode(StatusCodes.Status201Created);
            }

            var notifications = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            var connections = await tokens.ListAsync(cancellationToken);
            foreach (var notification in notifications)
            {
                if (Parse(notification) is not { } parsed)
                {
                    Log.NotificationNotUnderstood(logger);
                    continue;
                }

                if (parsed.DataKind is null)
                {
                    Log.NotificationForUnsyncedType(logger, parsed.DataType);
                    continue;
                }

                var userId = connections.FirstOrDefault(c => c.Provider == ProviderNames.Fitbit && c.Token?.ProviderUserId == parsed.HealthUserId)?.UserId;
                if (userId is null)
                {
                    Log.NotificationForUnknownUser(logger, parsed.DataType);
                    continue;
                }

                await health.SubscriptionConfirmedAsync(userId, ProviderNames.Fitbit, cancellationToken);
                await health.NotificationReceivedAsync(userId, ProviderNames.Fitbit, cancellationToken);
                full |= Enqueue(userId, parsed);
            }
        }

        return full ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.NoContent();
    }

    /// <summary>Queues the re-read of the notified days, clamped to the connector's re-read window; true when the queue was full.</summary>
    private bool Enqueue(string userId, Notification parsed)
    {
        var now = time.GetUtcNow();
        var earliest = now.AddDays(-(parsed.DataKind == FitbitDataKinds.Body ? options.Value.BodyWindowDays : options.Value.ActivityWindowDays));
        if (parsed.Until < earliest)
        {
            PushLog.TooOld(logger, userId, parsed.DataType);
            return false;
        }

        var since = parsed.Since is { } start && start > earliest ? start : earliest;
        var until = parsed.Until is { } end && end < now ? end : now;
        if (queue.Enqueue(new SyncTrigger(userId, ProviderNames.Fitbit, parsed.DataKind, since, until < since ? since : until)) == SyncTriggerAdmission.Full)
        {
            PushLog.QueueFull(logger, userId, parsed.DataType);
            return true;
        }

        Log.NotificationQueued(logger, userId, parsed.DataType);
        return false;
    }

    private bool Authorized(string given)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookAuthorization);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
    }

    private static Notification? Parse(JsonElement notification)
    {
        var data = notification.ValueKind == JsonValueKind.Object && notification.TryGetProperty("data", out var d) ? d : notification;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("healthUserId", out var user) || user.ValueKind != JsonValueKind.String
            || !data.TryGetProperty("dataType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        DateTimeOffset? since = null, until = null;
        if (data.TryGetProperty("intervals", out var intervals) && intervals.ValueKind == JsonValueKind.Array)
        {
            foreach (var interval in intervals.EnumerateArray())
            {
                if (interval.ValueKind == JsonValueKind.Object && interval.TryGetProperty("physicalTimeInterval", out var physical) && physical.ValueKind == JsonValueKind.Object)
                {
                    var start = Time(physical, "startTime");
                    var end = Time(physical, "endTime") ?? start;
                    since = start is { } s && (since is null || s < since) ? s : since;
                    until = end is { } e && (until is null || e > until) ? e : until;
                }
            }
        }

        var kind = type.GetString() switch
        {
            "exercise" => FitbitDataKinds.Exercise,
            "nutrition-log" => FitbitDataKinds.Nutrition,
            "weight" or "body-fat" => FitbitDataKinds.Body,
            _ => null,
        };
        return new Notification(user.GetString()!, type.GetString()!, kind, since, until);
    }

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Rfc3339Converter.Parse(value.GetString()!) : null;

    private sealed record Notification(string HealthUserId, string DataType, string? DataKind, DateTimeOffset? Since, DateTimeOffset? Until);
}
