using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Withings.Sync;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>
/// Withings' notification receiver at <c>{NotifyCallbackPath}/{token}</c>. Notifications are unsigned, so the secret
/// token of the person's callback URL is what authenticates one: without a token that hashes to a stored one a request
/// is refused (401) before its body is read. The HEAD probe Withings sends when subscribing is answered 200 for such a
/// URL. A notification (a small form, at most <see cref="MaxBodyBytes"/>) is answered at once and becomes a queued
/// targeted sync of the notified data kind, clamped to the look-back window; an unlink or delete only queues an
/// authenticated call that shows whether the grant still works, and never changes the connection by itself.
/// </summary>
internal sealed class WithingsPushEndpoint(
    ITokenStore tokens,
    IPushSubscriptionStore subscriptions,
    IPushHealth health,
    ISyncTriggerQueue queue,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger<WithingsPushEndpoint> logger) : IPushEndpoint
{
    public const int MaxBodyBytes = 4096;

    private const int MaxFields = 32;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var path = options.Value.NotifyCallbackPath;
        endpoints.MapMethods(path + "/{token?}", [HttpMethods.Head, HttpMethods.Get], async (string? token, CancellationToken cancellationToken) =>
            await PersonOfAsync(token, cancellationToken) is null ? Results.Unauthorized() : Results.Ok());
        endpoints.MapPost(path + "/{token?}", (Delegate)((HttpContext context, string? token) => HandleAsync(context.Request, token, context.RequestAborted)));
    }

    public async Task<IResult> HandleAsync(HttpRequest request, string? token, CancellationToken cancellationToken)
    {
        if (await PersonOfAsync(token, cancellationToken) is not { } userId)
        {
            return Results.Unauthorized();
        }

        if (!request.HasFormContentType)
        {
            return Results.BadRequest("expected application/x-www-form-urlencoded");
        }

        if (await PushRequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body
            || QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)) is not { Count: <= MaxFields } form)
        {
            return PushRequestBody.TooLarge(MaxBodyBytes);
        }

        var withingsUser = form.TryGetValue("userid", out var user) ? user.ToString() : string.Empty;
        if (!form.TryGetValue("appli", out var appliText) || !int.TryParse(appliText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var appli) || withingsUser.Length == 0)
        {
            return Results.BadRequest("userid and appli are required");
        }

        // From here on 200: an error status makes Withings retry or drop the subscription.
        var connection = await tokens.GetAsync(userId, ProviderNames.Withings, cancellationToken);
        if (connection?.Token?.ProviderUserId != withingsUser)
        {
            Log.NotificationForAnotherUser(logger, userId, appli);
            return Results.Ok();
        }

        await health.NotificationReceivedAsync(userId, ProviderNames.Withings, cancellationToken);
        var trigger = TriggerOf(userId, appli, form);
        if (trigger is null)
        {
            return Results.Ok();
        }

        if (queue.Enqueue(trigger) == SyncTriggerAdmission.Full)
        {
            Log.QueueFull(logger, userId, appli);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Log.NotificationQueued(logger, userId, appli);
        return Results.Ok();
    }

    private SyncTrigger? TriggerOf(string userId, int appli, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var now = time.GetUtcNow();
        var earliest = now - options.Value.LookBack;
        var since = UnixSeconds(form, "startdate") is { } start && start > earliest ? start : earliest;
        var until = UnixSeconds(form, "enddate") is { } end && end < now ? end : now;
        var kind = appli switch
        {
            WithingsAppli.Weight => WithingsDataKinds.BodyComposition,
            WithingsAppli.Activity => WithingsDataKinds.Workouts,
            _ => null,
        };
        if (appli == WithingsAppli.UserAction && form.TryGetValue("action", out var values) && values.ToString() is var action and ("unlink" or "delete"))
        {
            // An authenticated read of the last moment: a revoked grant fails it and is marked for re-authorisation.
            Log.UnlinkNotified(logger, userId, action);
            return new SyncTrigger(userId, ProviderNames.Withings, WithingsDataKinds.BodyComposition, now, now);
        }

        if (kind is null)
        {
            return null;
        }

        if (until < earliest)
        {
            Log.NotificationTooOld(logger, userId, appli);
            return null;
        }

        return new SyncTrigger(userId, ProviderNames.Withings, kind, since, until < since ? since : until);
    }

    private async Task<string?> PersonOfAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > 128 ? null : await subscriptions.FindByTokenHashAsync(ProviderNames.Withings, PushCallbackToken.Hash(token), cancellationToken);

    private static DateTimeOffset? UnixSeconds(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string key) =>
        form.TryGetValue(key, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
