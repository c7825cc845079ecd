using System.Net;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>Sessions, forms and headers of the console over real HTTP on loopback, with the worker's whole composition in this process and fake time.</summary>
public sealed class ConsoleSessionTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly string[] Anonymous = ["/signin", "/signout", "/invite/{person}/{token}"];

    [Fact]
    public async Task EveryConsoleRoute_WithoutASession_AnswersARedirectToSignInOr401()
    {
        await using var host = await StartAsync();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null || e.Metadata.Any(m => m.GetType().Name == "PageRouteMetadata"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().Order().ToList();
        Assert.Superset(new HashSet<string> { "/", "/people/{id}", "/people/{id}/remove", "/me", "/connect/{provider}", "/oauth/{provider}/callback" }, routes.ToHashSet());
        using var client = new ConsoleClient(host.Url);

        foreach (var route in routes.Where(r => !Anonymous.Contains(r)))
        {
            var path = route.Replace("{id}", "ann").Replace("{provider}", "withings") + "?person=ann&state=abc&code=def";
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }) : null };
                using var answer = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Url }.SendAsync(request);
                var toSignIn = answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.AbsolutePath == "/signin";
                Assert.True(toSignIn || answer.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)answer.StatusCode} {answer.Headers.Location}");
            }
        }

        using var signOut = await client.GetAsync("/signout");
        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString.Split('?')[0].Replace(host.Url.ToString().TrimEnd('/'), string.Empty));
    }

    [Fact]
    public async Task FormPost_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        using var forged = await client.PostAsync("/?handler=Add", new Dictionary<string, string> { ["Add.Id"] = "mallory" }, formPage: null);
        using var forgedProfile = await client.PostAsync("/people/ann?handler=Profile", new Dictionary<string, string> { ["Profile.DisplayName"] = "Forged" }, formPage: null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedProfile.StatusCode);
        var people = host.Services.GetRequiredService<IPersonStore>();
        Assert.Null(await people.GetAsync("mallory", CancellationToken.None));
        Assert.Equal("Ann Example", (await people.GetAsync("ann", CancellationToken.None))!.DisplayName);
        await ConsoleFlows.AddPersonAsync(client, "mallory", "With the token");
        Assert.NotNull(await people.GetAsync("mallory", CancellationToken.None));
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheContentSecurityPolicy_AndTheSessionCookieItsFlags()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Console:TrustedProxies:0"] = "127.0.0.1" });
        using var client = new ConsoleClient(host.Url);

        using var signIn = await client.GetAsync("/signin");
        var csp = signIn.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", signIn.Headers.GetValues("Referrer-Policy").Single());
        using var signedIn = await client.SignInAsync(ConsoleFlows.Password);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("livermuscle.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", session, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", session, StringComparison.Ordinal);
        foreach (var path in new[] { "/", "/people/ann", "/people/ann/remove" })
        {
            using var page = await client.GetAsync(path);
            Assert.Equal(csp, page.Headers.GetValues("Content-Security-Policy").Single());
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(new Regex("<script|<style| style=\"| on[a-z]+=\"", RegexOptions.IgnoreCase), html);
        }

        using var behindHttps = new ConsoleClient(host.Url);
        using var secure = await behindHttps.PostAsync("/signin", new Dictionary<string, string> { ["Password"] = ConsoleFlows.Password }, "/signin", new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" });
        Assert.Contains("secure", Assert.Single(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith("livermuscle.session=", StringComparison.Ordinal)).ToLowerInvariant(), StringComparison.Ordinal);
        using var style = await client.GetAsync("/console-assets/site.css");
        Assert.Equal("text/css", style.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task SignIn_MoreAttemptsPerMinuteThanAllowed_Answers429()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Console:SignInAttemptsPerMinute"] = "3", ["Console:FailuresBeforeLockout"] = "50" });
        using var client = new ConsoleClient(host.Url);
        var token = ConsoleClient.AntiforgeryToken(await client.GetPageAsync("/signin"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var answer = await client.PostAsync("/signin", new Dictionary<string, string> { ["Password"] = "wrong password " + i, ["__RequestVerificationToken"] = token }, formPage: null);
            statuses.Add(answer.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterRepeatedFailures_LocksTheAccountUntilTheLockoutPassesInFakeTime()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Console:FailuresBeforeLockout"] = "3", ["Console:FirstLockout"] = "00:01:00" });
        using var client = new ConsoleClient(host.Url);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SignInAsync("not the password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await client.SignInAsync(ConsoleFlows.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("Too many failed attempts: try again in 60 seconds.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        host.Time.Advance(TimeSpan.FromSeconds(59));
        using (var stillLocked = await client.SignInAsync(ConsoleFlows.Password))
        {
            Assert.Contains("try again in 1 seconds", await stillLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        host.Time.Advance(TimeSpan.FromSeconds(2));
        using var open = await client.SignInAsync(ConsoleFlows.Password);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Contains("Console: a failed sign-in from 127.0.0.1", host.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrustedProxyHeader_FromTheProxy_IsTheOperator_FromElsewhereIsRefused()
    {
        var header = new Dictionary<string, string> { ["X-Forwarded-User"] = "carer@example.org" };
        await using (var trusting = await StartAsync(new Dictionary<string, string?> { ["Console:TrustedUserHeader"] = "X-Forwarded-User", ["Console:TrustedProxies:0"] = "127.0.0.1" }))
        {
            using var viaProxy = new ConsoleClient(trusting.Url);
            using var list = await viaProxy.GetAsync("/", header);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains("Ann Example", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var without = await viaProxy.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, without.StatusCode);
        }

        await using var elsewhere = await StartAsync(new Dictionary<string, string?> { ["Console:TrustedUserHeader"] = "X-Forwarded-User", ["Console:TrustedProxies:0"] = "192.0.2.10" });
        using var direct = new ConsoleClient(elsewhere.Url);
        using var refused = await direct.GetAsync("/", header);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var healthz = await direct.GetAsync("/healthz", header);
        Assert.Equal(HttpStatusCode.Forbidden, healthz.StatusCode);
        Assert.Contains("refused a request carrying X-Forwarded-User from 127.0.0.1", elsewhere.LogText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Console:TrustedProxies:0", "proxy.example.org", "Console:TrustedProxies:0 must be an IP address (e.g. 127.0.0.1 or ::1), got 'proxy.example.org'.")]
    [InlineData("Console:TrustedUserHeader", "X-Forwarded-User", "Console:TrustedProxies must name the reverse proxy's address when Console:TrustedUserHeader is set.")]
    [InlineData("Console:InviteLifetime", "00:00:10", "Console:InviteLifetime must be between 00:05:00 and 30.00:00:00, got 00:00:10.")]
    [InlineData("Console:Unknown", "1", "Console:Unknown")]
    public async Task ABadConsoleSetting_StopsTheStartNamingTheKey(string key, string value, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, failure is OptionsValidationException invalid ? string.Join('\n', invalid.Failures) : failure.ToString(), StringComparison.Ordinal);
    }

    private Task<ConsoleTestHost> StartAsync(IDictionary<string, string?>? settings = null) => ConsoleFlows.StartHostAsync(influx.Url, settings);

    private static Task<ConsoleClient> SignedInAsync(ConsoleTestHost host) => ConsoleFlows.SignedInAsync(host);
}
