using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LiverMuscle.Sync.Sandbox.Withings;

public sealed partial class WithingsSandbox
{
    private void MapEndpoints()
    {
        _app.MapGet("/oauth2_user/authorize2", Authorize);
        _app.MapPost("/v2/oauth2", (HttpRequest request) => HandleAsync(request, authenticated: false, (_, form) => TokenAsync(form)));
        _app.MapPost("/measure", (HttpRequest request) => HandleAsync(request, authenticated: true, (user, form) =>
            Action(form) == "getmeas" ? Data.GetMeas(user!, form, Now) : SandboxResponses.Error(2554, "Not implemented")));
        _app.MapPost("/v2/measure", (HttpRequest request) => HandleAsync(request, authenticated: true, (user, form) =>
            Action(form) == "getworkouts" ? Data.GetWorkouts(user!, form) : SandboxResponses.Error(2554, "Not implemented")));
        _app.MapPost("/notify", (HttpRequest request) => HandleAsync(request, authenticated: true, (user, form) => Notify(user!, form)));
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        var redirect = query["redirect_uri"].ToString();
        if (query["client_id"] != _options.ClientId || query["response_type"] != "code" || query["state"].ToString().Length == 0 || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            return Results.BadRequest("client_id, response_type=code, state and an absolute redirect_uri are required");
        }

        var userId = query["mode"] == "demo" ? GetOrCreate(DemoUserId).UserId : CreateUser();
        var code = OAuth.IssueCode(userId, redirect);
        return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    private async Task<IResult> HandleAsync(HttpRequest request, bool authenticated, Func<SandboxUser?, IFormCollection, object> handle)
    {
        // Stamped in the rate window before it is counted: whoever sees the count sees the request's time taken.
        var admitted = Limiter.TryAcquire();
        CountRequest();
        if (!admitted)
        {
            CountRateLimited();
            return SandboxResponses.Error(601, "Too many request");
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        if (Action(form, request).Length == 0)
        {
            return SandboxResponses.Error(2554, "Not implemented: missing action");
        }

        SandboxUser? user = null;
        if (authenticated)
        {
            var header = request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
            if (OAuth.Authenticate(token) is not { } userId)
            {
                return SandboxResponses.Error(401, "XRequestID: Not provided invalid_token: The access token provided is invalid");
            }

            user = User(userId);
            _dataRequests.Enqueue(userId.ToString(CultureInfo.InvariantCulture) + "?" + string.Join('&', form.Where(f => f.Key != "action").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)) + "&action=" + Action(form));
            if (TakeInjectedFailure() is { } injected)
            {
                return injected == 0 ? SandboxResponses.Html() : SandboxResponses.Error(injected, "An error occurred");
            }

            if (Action(form) is "getmeas" or "getworkouts" && TakeMalformed() is { } shape)
            {
                return SandboxResponses.Malformed(shape, Action(form));
            }
        }

        var result = handle(user, form);
        return result is Task<IResult> pending ? await pending : (IResult)result;
    }

    private async Task<IResult> TokenAsync(IFormCollection form)
    {
        if (Action(form) != "requesttoken")
        {
            return SandboxResponses.Error(2554, "Not implemented");
        }

        if (_options.TokenDelay > TimeSpan.Zero)
        {
            await Task.Delay(_options.TokenDelay, _options.TimeProvider);
        }

        if (form["client_id"] != _options.ClientId || form["client_secret"] != _options.ClientSecret)
        {
            return SandboxResponses.Error(503, "Invalid Params: invalid client_id or client_secret");
        }

        var grant = form["grant_type"].ToString();
        var issued = grant switch
        {
            "authorization_code" => OAuth.RedeemCode(form["code"].ToString(), form["redirect_uri"].ToString()),
            "refresh_token" => OAuth.Refresh(form["refresh_token"].ToString()),
            _ => null,
        };
        if (issued is not { } pair)
        {
            return SandboxResponses.Error(503, grant == "refresh_token" ? "Invalid Params: invalid refresh_token" : "Invalid Params: invalid code");
        }

        var user = GetOrCreate(pair.User);
        if (grant == "refresh_token")
        {
            lock (user)
            {
                user.Refreshes++;
            }
        }

        return SandboxResponses.Ok(new JsonObject
        {
            ["userid"] = pair.User,
            ["access_token"] = pair.Access,
            ["refresh_token"] = pair.Refresh,
            ["expires_in"] = (long)_options.AccessTokenLifetime.TotalSeconds,
            ["scope"] = "user.info,user.metrics,user.activity",
            ["csrf_token"] = "sandbox",
            ["token_type"] = "Bearer",
        });
    }

    private static string Action(IFormCollection form, HttpRequest? request = null) =>
        form["action"].ToString() is { Length: > 0 } a ? a : request?.Query["action"].ToString() ?? string.Empty;

    private static int? Appli(IFormCollection form) =>
        int.TryParse(form["appli"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var appli) ? appli : null;
}
