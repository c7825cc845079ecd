using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

public sealed partial class GoogleHealthSandbox
{
    private void MapOAuth()
    {
        _app.MapGet("/o/oauth2/v2/auth", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapPost("/revoke", RevokeAsync);
    }

    /// <summary>
    /// Validates the request like Google's consent page, auto-consents for the asked scopes, and redirects with a code.
    /// Errors Google shows as a page (bad client, redirect, scope, state, PKCE parameters) answer 400/401 directly.
    /// </summary>
    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"].ToString() is var client && client != _options.ClientId)
        {
            return ErrorPage(401, "invalid_client", client.Length == 0 ? "Missing required parameter: client_id" : "The OAuth client was not found.");
        }

        var redirect = q["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || redirectUri.Scheme is not ("http" or "https") || redirectUri.Fragment.Length > 0)
        {
            return ErrorPage(400, "redirect_uri_mismatch", "redirect_uri must be an absolute http(s) URI without a fragment.");
        }

        var state = q["state"].ToString();
        if (q["response_type"].ToString() != "code")
        {
            return Redirect(redirect, new() { ["error"] = "unsupported_response_type", ["state"] = state });
        }

        var scopes = q["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (scopes.Count == 0)
        {
            return ErrorPage(400, "invalid_request", "Missing required parameter: scope");
        }

        if (scopes.FirstOrDefault(s => !GoogleHealthScopes.IsKnown(s)) is { } unknown)
        {
            return ErrorPage(400, "invalid_scope", $"Some requested scopes were invalid: {unknown}");
        }

        if (state.Length == 0)
        {
            return ErrorPage(400, "invalid_request", "Missing required parameter: state");
        }

        var accessType = q["access_type"].ToString();
        if (accessType is not ("" or "online" or "offline"))
        {
            return ErrorPage(400, "invalid_request", $"Invalid access_type: {accessType}");
        }

        var challenge = q["code_challenge"].ToString();
        var method = q["code_challenge_method"].ToString();
        if (challenge.Length == 0 && method.Length > 0)
        {
            return ErrorPage(400, "invalid_request", "code_challenge_method without code_challenge");
        }

        if (challenge.Length > 0)
        {
            method = method.Length == 0 ? "plain" : method;
            if (method is not ("S256" or "plain") || !PkceValue().IsMatch(challenge))
            {
                return ErrorPage(400, "invalid_request", "Invalid code_challenge or code_challenge_method.");
            }
        }

        var (deny, declined) = TakeConsentBehaviour();
        if (deny)
        {
            return Redirect(redirect, new() { ["error"] = "access_denied", ["state"] = state });
        }

        scopes.RemoveAll(declined.Contains);
        if (scopes.Count == 0)
        {
            return Redirect(redirect, new() { ["error"] = "access_denied", ["state"] = state });
        }

        var hint = q["login_hint"].ToString();
        var userId = hint.Length > 0 && TryGetUser(hint, out _) ? hint : CreateUser();
        var user = User(userId);
        bool issueRefresh;
        lock (user)
        {
            var prompts = q["prompt"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            issueRefresh = accessType == "offline" && (!_options.RefreshTokenOnlyOnFirstConsent || !user.HasConsented || prompts.Contains("consent"));
            user.HasConsented = true;
        }

        var code = OAuth.IssueCode(new AuthorizationCode(userId, redirect, scopes, challenge.Length > 0 ? challenge : null, challenge.Length > 0 ? method : null, issueRefresh, _options.TimeProvider.GetUtcNow()));
        return Redirect(redirect, new() { ["state"] = state, ["code"] = code, ["scope"] = string.Join(' ', scopes) });
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        CountRequest();
        if (!request.HasFormContentType)
        {
            return TokenError(400, "invalid_request", "Request must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var (clientId, clientSecret) = ClientCredentials(request, form);
        if (clientId.Length == 0)
        {
            return TokenError(400, "invalid_request", "Could not determine client ID from request.");
        }

        if (clientId != _options.ClientId)
        {
            return TokenError(401, "invalid_client", "The OAuth client was not found.");
        }

        if (clientSecret != _options.ClientSecret)
        {
            return TokenError(401, "invalid_client", "Unauthorized");
        }

        var grantType = form["grant_type"].ToString();
        TokenOutcome outcome;
        switch (grantType)
        {
            case "authorization_code":
                if (form["code"].ToString().Length == 0)
                {
                    return TokenError(400, "invalid_request", "Missing required parameter: code");
                }

                if (form["redirect_uri"].ToString().Length == 0)
                {
                    return TokenError(400, "invalid_request", "Missing parameter: redirect_uri");
                }

                outcome = OAuth.Redeem(form["code"].ToString(), form["redirect_uri"].ToString(), form["code_verifier"].ToString());
                break;
            case "refresh_token":
                if (form["refresh_token"].ToString().Length == 0)
                {
                    return TokenError(400, "invalid_request", "Missing required parameter: refresh_token");
                }

                outcome = OAuth.Refresh(form["refresh_token"].ToString());
                if (outcome.Grant is { } refreshed)
                {
                    var user = User(refreshed.User);
                    lock (user)
                    {
                        user.Refreshes++;
                    }
                }

                break;
            case "":
                return TokenError(400, "unsupported_grant_type", "Missing grant_type.");
            default:
                return TokenError(400, "unsupported_grant_type", $"Invalid grant_type: {grantType}");
        }

        if (outcome.Grant is not { } grant)
        {
            return TokenError(outcome.Status, outcome.Error!, outcome.Description!);
        }

        var body = new JsonObject
        {
            ["access_token"] = outcome.Access,
            ["expires_in"] = (long)ExpiresIn.TotalSeconds,
        };
        if (outcome.Refresh is not null)
        {
            body["refresh_token"] = outcome.Refresh;
        }

        if (grant.RefreshToken is not null && OAuth.RefreshTokenExpiresIn(grant) is { } remaining)
        {
            body["refresh_token_expires_in"] = remaining;
        }

        body["scope"] = grant.ScopeString;
        body["token_type"] = "Bearer";
        return new JsonAnswer(body, StatusCodes.Status200OK, NoStore);
    }

    private async Task<IResult> RevokeAsync(HttpRequest request)
    {
        CountRequest();
        var token = request.Query["token"].ToString();
        if (token.Length == 0 && request.HasFormContentType)
        {
            token = (await request.ReadFormAsync(request.HttpContext.RequestAborted))["token"].ToString();
        }

        if (token.Length == 0)
        {
            return TokenError(400, "invalid_request", "Missing required parameter: token");
        }

        return OAuth.RevokeToken(token)
            ? new JsonAnswer(new JsonObject(), StatusCodes.Status200OK)
            : TokenError(400, "invalid_token", "Token expired or revoked");
    }

    private static readonly Dictionary<string, string> NoStore = new() { ["Cache-Control"] = "no-cache, no-store, max-age=0, must-revalidate", ["Pragma"] = "no-cache" };

    private static (string Id, string Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (string.Empty, string.Empty);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static JsonAnswer TokenError(int status, string error, string description) =>
        new(new JsonObject { ["error"] = error, ["error_description"] = description }, status, NoStore);

    private static IResult ErrorPage(int status, string error, string description) =>
        Results.Content($"<!DOCTYPE html><html><title>Error {status}: {error}</title><p>Access blocked: Authorization Error</p><p>Error {status}: {error}</p><p>{System.Net.WebUtility.HtmlEncode(description)}</p></html>", "text/html; charset=utf-8", null, status);

    private static IResult Redirect(string redirectUri, Dictionary<string, string?> parameters) =>
        Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters.Where(p => !string.IsNullOrEmpty(p.Value))));

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex PkceValue();
}
