using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

public sealed class OAuthTests
{
    private const string Redirect = "http://127.0.0.1:9/callback";
    private const string Verifier = "sandbox-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task AuthorizationCode_WithTheRightVerifier_GivesTokensForTheAskedScopes()
    {
        await using var h = await SandboxHarness.StartAsync();
        var (code, state) = await AuthorizeAsync(h, string.Join(' ', GoogleHealthScopes.Read));

        var answer = await ExchangeAsync(h, code, Verifier);

        Assert.Equal("xyz-state", state);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(3599, answer.Json!["expires_in"]!.GetValue<long>());
        Assert.Equal("Bearer", answer.Json!["token_type"]!.GetValue<string>());
        Assert.NotNull(answer.Json!["refresh_token"]);
        Assert.Null(answer.Json!["refresh_token_expires_in"]);
        Assert.Equal(GoogleHealthScopes.Read.Order(), answer.Json!["scope"]!.GetValue<string>().Split(' ').Order());
        var identity = await h.GetAsync("v4/users/me/identity", answer.Json!["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, identity.Status);
        Assert.Matches("^[0-9]{19}$", identity.Json!["healthUserId"]!.GetValue<string>());
        Assert.Matches("^[A-Z0-9]{6}$", identity.Json!["legacyUserId"]!.GetValue<string>());
        Assert.Contains(identity.Json!["healthUserId"]!.GetValue<string>(), h.Sandbox.UserIds);
    }

    [Fact]
    public async Task WrongVerifier_IsInvalidGrant_AndACodeWorksOnlyOnce()
    {
        await using var h = await SandboxHarness.StartAsync();
        var (code, _) = await AuthorizeAsync(h, string.Join(' ', GoogleHealthScopes.Read));

        var wrong = await ExchangeAsync(h, code, Verifier + "x");
        var missing = await ExchangeAsync(h, code, null);
        var right = await ExchangeAsync(h, code, Verifier);
        var again = await ExchangeAsync(h, code, Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("invalid_grant", wrong.OAuthError);
        Assert.Equal("invalid_grant", missing.OAuthError);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("invalid_grant", again.OAuthError);
    }

    [Fact]
    public async Task ExpiredCode_MismatchedRedirect_AndBadClient_AreRefused()
    {
        await using var h = await SandboxHarness.StartAsync();
        var (late, _) = await AuthorizeAsync(h, GoogleHealthScopes.Nutrition);
        h.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var (fresh, _) = await AuthorizeAsync(h, GoogleHealthScopes.Nutrition);
        var (secret, _) = await AuthorizeAsync(h, GoogleHealthScopes.Nutrition);

        var expired = await ExchangeAsync(h, late, Verifier);
        var elsewhere = await ExchangeAsync(h, fresh, Verifier, redirect: "http://127.0.0.1:9/other");
        var matching = await ExchangeAsync(h, fresh, Verifier);
        var badSecret = await h.PostFormAsync(h.Sandbox.TokenUrl, ("grant_type", "authorization_code"), ("code", secret), ("redirect_uri", Redirect), ("client_id", h.Sandbox.ClientId), ("client_secret", "nope"), ("code_verifier", Verifier));

        Assert.Equal("invalid_grant", expired.OAuthError);
        Assert.Equal("invalid_grant", elsewhere.OAuthError);
        Assert.Equal(HttpStatusCode.OK, matching.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, badSecret.Status);
        Assert.Equal("invalid_client", badSecret.OAuthError);
    }

    [Fact]
    public async Task Refresh_DoesNotRotate_TheSameRefreshTokenKeepsWorking()
    {
        await using var h = await SandboxHarness.StartAsync();

        var first = await RefreshAsync(h, h.RefreshToken);
        var second = await RefreshAsync(h, h.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(first.Json!["refresh_token"]);
        Assert.Null(second.Json!["refresh_token"]);
        Assert.NotEqual(first.Json!["access_token"]!.GetValue<string>(), second.Json!["access_token"]!.GetValue<string>());
        Assert.Equal(2, h.Sandbox.RefreshCount(h.User));
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("v4/users/me/identity", first.Json!["access_token"]!.GetValue<string>())).Status);
    }

    [Fact]
    public async Task TestingMode_RefreshTokenDiesAfterSevenDays()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.TestingMode = true);
        var (code, _) = await AuthorizeAsync(h, string.Join(' ', GoogleHealthScopes.Read));
        var exchanged = await ExchangeAsync(h, code, Verifier);
        var refresh = exchanged.Json!["refresh_token"]!.GetValue<string>();

        h.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var lastDay = await RefreshAsync(h, refresh);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var dead = await RefreshAsync(h, refresh);

        Assert.Equal(604800, exchanged.Json!["refresh_token_expires_in"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, lastDay.Status);
        Assert.Equal(60, lastDay.Json!["refresh_token_expires_in"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, dead.Status);
        Assert.Equal("""{"error":"invalid_grant","error_description":"Token has been expired or revoked."}""", dead.Text);
    }

    [Fact]
    public async Task AccessToken_ExpiresAfterAnHour()
    {
        await using var h = await SandboxHarness.StartAsync();

        var before = await h.GetAsync("v4/users/me/identity", h.AccessToken);
        h.Time.Advance(TimeSpan.FromHours(1));
        var after = await h.GetAsync("v4/users/me/identity", h.AccessToken);
        var missing = await h.GetAsync("v4/users/me/identity", null);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal("UNAUTHENTICATED", after.ErrorStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("CREDENTIALS_MISSING", missing.Reason);
    }

    [Fact]
    public async Task RevokedGrant_RefreshIsInvalidGrant_AndAccessTokensAre401()
    {
        await using var h = await SandboxHarness.StartAsync();

        h.Sandbox.RevokeGrant(h.User);

        Assert.Equal("invalid_grant", (await RefreshAsync(h, h.RefreshToken)).OAuthError);
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.ListAsync("weight")).Status);
    }

    [Fact]
    public async Task RevokeEndpoint_KillsTheGrantOfTheToken()
    {
        await using var h = await SandboxHarness.StartAsync();

        var revoked = await h.PostFormAsync(h.Sandbox.RevokeUrl, ("token", h.RefreshToken));
        var twice = await h.PostFormAsync(h.Sandbox.RevokeUrl, ("token", h.RefreshToken));

        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.ListAsync("weight")).Status);
    }

    [Fact]
    public async Task MissingScope_Is403ScopeInsufficient_ForThatTypeOnly()
    {
        await using var h = await SandboxHarness.StartAsync();
        var (code, _) = await AuthorizeAsync(h, $"{GoogleHealthScopes.ActivityAndFitness} {GoogleHealthScopes.HealthMetrics}");
        var token = (await ExchangeAsync(h, code, Verifier)).Json!["access_token"]!.GetValue<string>();

        var nutrition = await h.ListAsync("nutrition-log", token: token);
        var weight = await h.ListAsync("weight", token: token);
        var settings = await h.GetAsync("v4/users/me/settings", h.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, nutrition.Status);
        Assert.Equal("ACCESS_TOKEN_SCOPE_INSUFFICIENT", nutrition.Reason);
        Assert.Equal(HttpStatusCode.OK, weight.Status);
        Assert.Equal(HttpStatusCode.Forbidden, settings.Status);
        Assert.Equal("ACCESS_TOKEN_SCOPE_INSUFFICIENT", settings.Reason);
    }

    [Fact]
    public async Task SettingsScope_ServesTheUsersOffset()
    {
        await using var h = await SandboxHarness.StartAsync();
        var (code, _) = await AuthorizeAsync(h, $"{GoogleHealthScopes.Settings} {GoogleHealthScopes.HealthMetrics}", loginHint: h.User);
        var token = (await ExchangeAsync(h, code, Verifier)).Json!["access_token"]!.GetValue<string>();

        var settings = await h.GetAsync("v4/users/me/settings", token);

        Assert.Equal(HttpStatusCode.OK, settings.Status);
        Assert.Equal($"users/{h.User}/settings", settings.Json!["name"]!.GetValue<string>());
        Assert.Equal($"{(long)h.Sandbox.UtcOffset(h.User).TotalSeconds}s", settings.Json!["utcOffset"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithdrawnScope_NarrowsTheRefreshAnswer_AndItsTypeIsForbiddenAtOnce()
    {
        await using var h = await SandboxHarness.StartAsync();

        h.Sandbox.WithdrawScopes(h.User, GoogleHealthScopes.Nutrition);
        var refreshed = await RefreshAsync(h, h.RefreshToken);
        var nutrition = await h.ListAsync("nutrition-log");
        var weight = await h.ListAsync("weight");

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(
            [GoogleHealthScopes.ActivityAndFitness, GoogleHealthScopes.HealthMetrics],
            refreshed.Json!["scope"]!.GetValue<string>().Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal((HttpStatusCode.Forbidden, "ACCESS_TOKEN_SCOPE_INSUFFICIENT"), (nutrition.Status, nutrition.Reason));
        Assert.Equal(HttpStatusCode.OK, weight.Status);
    }

    [Fact]
    public async Task Settings_NameTheUsersTimeZone_AndFollowAMove()
    {
        await using var h = await SandboxHarness.StartAsync();
        var tokyo = h.Sandbox.CreateUser("Asia/Tokyo");
        var (access, _, _) = h.Sandbox.IssueTokens(tokyo, [GoogleHealthScopes.Settings, GoogleHealthScopes.Nutrition]);

        var before = await h.GetAsync("v4/users/me/settings", access);
        h.Sandbox.SetTimeZone(tokyo, "Europe/Lisbon");
        var after = await h.GetAsync("v4/users/me/settings", access);

        Assert.Equal("Asia/Tokyo", before.Json!["timeZone"]!.GetValue<string>());
        Assert.Equal("32400s", before.Json!["utcOffset"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromHours(9), h.Sandbox.UtcOffset(tokyo));
        Assert.All(h.Sandbox.NutritionLogs(tokyo), n => Assert.Equal(TimeSpan.FromHours(9), n.UtcOffset));
        Assert.Equal("Europe/Lisbon", after.Json!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlineAccess_AndRepeatedConsentWithoutPrompt_GiveNoRefreshToken()
    {
        await using var h = await SandboxHarness.StartAsync();
        var (online, _) = await AuthorizeAsync(h, GoogleHealthScopes.Nutrition, accessType: "online");
        var (again, _) = await AuthorizeAsync(h, GoogleHealthScopes.Nutrition, loginHint: h.User, prompt: null);
        var (prompted, _) = await AuthorizeAsync(h, GoogleHealthScopes.Nutrition, loginHint: h.User, prompt: "consent");

        Assert.Null((await ExchangeAsync(h, online, Verifier)).Json!["refresh_token"]);
        Assert.Null((await ExchangeAsync(h, again, Verifier)).Json!["refresh_token"]);
        Assert.NotNull((await ExchangeAsync(h, prompted, Verifier)).Json!["refresh_token"]);
    }

    [Theory]
    [InlineData("client_id", "someone-else", HttpStatusCode.Unauthorized)]
    [InlineData("redirect_uri", "/relative", HttpStatusCode.BadRequest)]
    [InlineData("scope", "https://www.googleapis.com/auth/fitness.activity.read", HttpStatusCode.BadRequest)]
    [InlineData("state", "", HttpStatusCode.BadRequest)]
    [InlineData("code_challenge_method", "S512", HttpStatusCode.BadRequest)]
    public async Task Authorize_RefusesBadParameters(string key, string value, HttpStatusCode status)
    {
        await using var h = await SandboxHarness.StartAsync();
        var parameters = AuthorizeParameters(h, string.Join(' ', GoogleHealthScopes.Read), "offline", null, "consent");
        parameters[key] = value;

        var answer = await h.GetAsync(QueryHelpers.AddQueryString(h.Sandbox.AuthorizeUrl.ToString(), parameters), null);

        Assert.Equal(status, answer.Status);
    }

    [Fact]
    public async Task UncheckedScope_IsMissingFromTheGrant_AndItsTypeIsForbidden()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Sandbox.UncheckScopesOnNextConsent(GoogleHealthScopes.Nutrition);
        var (code, _) = await AuthorizeAsync(h, string.Join(' ', GoogleHealthScopes.Read));
        var (later, _) = await AuthorizeAsync(h, string.Join(' ', GoogleHealthScopes.Read));

        var tokens = await ExchangeAsync(h, code, Verifier);
        var nutrition = await h.ListAsync("nutrition-log", token: tokens.Json!["access_token"]!.GetValue<string>());

        Assert.DoesNotContain(GoogleHealthScopes.Nutrition, tokens.Json!["scope"]!.GetValue<string>().Split(' '));
        Assert.Contains(GoogleHealthScopes.HealthMetrics, tokens.Json!["scope"]!.GetValue<string>().Split(' '));
        Assert.Equal("ACCESS_TOKEN_SCOPE_INSUFFICIENT", nutrition.Reason);
        Assert.Contains(GoogleHealthScopes.Nutrition, (await ExchangeAsync(h, later, Verifier)).Json!["scope"]!.GetValue<string>().Split(' '));
    }

    [Fact]
    public async Task DeclinedConsent_RedirectsWithAccessDenied()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Sandbox.DenyNextConsent();
        var users = h.Sandbox.UserIds.Count;

        var answer = await h.GetAsync(QueryHelpers.AddQueryString(h.Sandbox.AuthorizeUrl.ToString(), AuthorizeParameters(h, GoogleHealthScopes.Nutrition, "offline", null, "consent")), null);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        var query = QueryHelpers.ParseQuery(answer.Location!.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Equal("xyz-state", query["state"].ToString());
        Assert.False(query.ContainsKey("code"));
        Assert.Equal(users, h.Sandbox.UserIds.Count);
    }

    [Fact]
    public async Task DisallowedCloudPlatformScope_MakesUserCallsFail()
    {
        await using var h = await SandboxHarness.StartAsync();
        var (code, _) = await AuthorizeAsync(h, $"{GoogleHealthScopes.HealthMetrics} {GoogleHealthScopes.CloudPlatform}");
        var token = (await ExchangeAsync(h, code, Verifier)).Json!["access_token"]!.GetValue<string>();

        var answer = await h.ListAsync("weight", token: token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("DISALLOWED_OAUTH_SCOPES", answer.Reason);
    }

    private static Dictionary<string, string?> AuthorizeParameters(SandboxHarness h, string scope, string accessType, string? loginHint, string? prompt) => new()
    {
        ["client_id"] = h.Sandbox.ClientId,
        ["redirect_uri"] = Redirect,
        ["response_type"] = "code",
        ["scope"] = scope,
        ["state"] = "xyz-state",
        ["access_type"] = accessType,
        ["prompt"] = prompt,
        ["login_hint"] = loginHint,
        ["code_challenge"] = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        ["code_challenge_method"] = "S256",
    };

    private static async Task<(string Code, string State)> AuthorizeAsync(SandboxHarness h, string scope, string accessType = "offline", string? loginHint = null, string? prompt = "consent")
    {
        var parameters = AuthorizeParameters(h, scope, accessType, loginHint, prompt).Where(p => p.Value is not null);
        var answer = await h.GetAsync(QueryHelpers.AddQueryString(h.Sandbox.AuthorizeUrl.ToString(), parameters), null);
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith(Redirect + "?", answer.Location!.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(answer.Location!.Query);
        return (query["code"].ToString(), query["state"].ToString());
    }

    private static Task<Answer> ExchangeAsync(SandboxHarness h, string code, string? verifier, string redirect = Redirect)
    {
        var form = new List<(string, string)>
        {
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect), ("client_id", h.Sandbox.ClientId), ("client_secret", h.Sandbox.ClientSecret),
        };
        if (verifier is not null)
        {
            form.Add(("code_verifier", verifier));
        }

        return h.PostFormAsync(h.Sandbox.TokenUrl, [.. form]);
    }

    private static Task<Answer> RefreshAsync(SandboxHarness h, string refreshToken) =>
        h.PostFormAsync(h.Sandbox.TokenUrl, ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", h.Sandbox.ClientId), ("client_secret", h.Sandbox.ClientSecret));
}
