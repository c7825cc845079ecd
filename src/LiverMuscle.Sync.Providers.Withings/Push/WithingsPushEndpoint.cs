using System.Globalization;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Withings.Sync;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>
/// Withings' notification receiver: answers the HEAD (and GET) probe with 200, and turns a form-encoded POST into a
/// queued targeted sync, answering at once (Withings wants 200 within 2 s; the fetch happens later). Notifications
/// carry no values and are unsigned, so the worst a forged one can cause is an extra sync.
/// </summary>
public sealed class WithingsPushEndpoint(
    ITokenStore tokens,
    ISyncTriggerQueue queue,
    IOptions<WithingsOptions> options,
    ILogger<WithingsPushEndpoint> logger) : IPushEndpoint
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        var path = options.Value.NotifyCallbackPath;
        endpoints.MapMethods(path, [HttpMethods.Head, HttpMethods.Get], () => Results.Ok());
        endpoints.MapPost(path, (Delegate)((HttpContext context) => HandleAsync(context.Request, context.RequestAborted)));
    }

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Results.BadRequest("expected application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var withingsUser = form["userid"].ToString();
        if (!int.TryParse(form["appli"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var appli) || withingsUser.Length == 0)
        {
            return Results.BadRequest("userid and appli are required");
        }

        // Always 200 once the form is understood: an error status makes Withings retry or drop the subscription.
        var userId = await FindUserAsync(withingsUser, cancellationToken);
        if (userId is null)
        {
            Log.NotificationForUnknownUser(logger, appli);
            return Results.Ok();
        }

        var since = UnixSeconds(form["startdate"]);
        var until = UnixSeconds(form["enddate"]);
        switch (appli)
        {
            case WithingsAppli.Weight:
                queue.Enqueue(new SyncTrigger(userId, ProviderNames.Withings, WithingsDataKinds.BodyComposition, since, until));
                break;
            case WithingsAppli.Activity:
                queue.Enqueue(new SyncTrigger(userId, ProviderNames.Withings, WithingsDataKinds.Workouts, since, until));
                break;
            case WithingsAppli.UserAction when form["action"] is var action && (action == "unlink" || action == "delete"):
                await tokens.SetStatusAsync(userId, ProviderNames.Withings, ConnectionStatus.Disconnected, $"the user chose '{action}' at Withings", cancellationToken);
                Log.Unlinked(logger, userId);
                return Results.Ok();
            default:
                return Results.Ok();
        }

        Log.NotificationQueued(logger, userId, appli);
        return Results.Ok();
    }

    private async Task<string?> FindUserAsync(string withingsUserId, CancellationToken cancellationToken)
    {
        var connections = await tokens.ListAsync(cancellationToken);
        return connections.FirstOrDefault(c => c.Provider == ProviderNames.Withings && c.Token?.ProviderUserId == withingsUserId)?.UserId;
    }

    private static DateTimeOffset? UnixSeconds(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
