using System.Net;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>Invite links and what an invite session may see and do, over real HTTP on loopback in fake time; no secret in any page or log.</summary>
public sealed class ConsoleInviteTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task InviteLink_WorksOnce_AndNotAfterItExpires()
    {
        await using var host = await StartAsync();
        using var operatorClient = await SignedInAsync(host);
        var invite = await ConsoleFlows.CreateInviteAsync(operatorClient, "ann");
        var later = await ConsoleFlows.CreateInviteAsync(operatorClient, "bob");
        Assert.Matches("^/invite/ann/[A-Za-z0-9_-]{43}$", invite.AbsolutePath);

        using var phone = new ConsoleClient(host.Url);
        Assert.Contains("Continue", await phone.GetPageAsync(invite.PathAndQuery), StringComparison.Ordinal);
        using var redeemed = await ConsoleFlows.RedeemInviteAsync(phone, invite);
        Assert.Equal("/me", redeemed.Headers.Location!.OriginalString);
        Assert.Contains("Hello, Ann Example", await phone.GetPageAsync("/me"), StringComparison.Ordinal);

        using var second = new ConsoleClient(host.Url);
        using var again = await second.GetAsync(invite.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("used already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var againMe = await second.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, againMe.StatusCode);

        host.Time.Advance(host.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.InviteLifetime + TimeSpan.FromMinutes(1));
        using var late = new ConsoleClient(host.Url);
        using var expired = await late.GetAsync(later.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("has expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var tampered = await late.GetAsync(later.AbsolutePath[..^2] + "xx");
        Assert.Contains("not known", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteSession_OfOnePerson_ShowsNothingOfAnother_AndCannotActForThem()
    {
        await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 3 }, CancellationToken.None);
        await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 3 }, CancellationToken.None);
        await using var host = await StartAsync(ConsoleFlows.SandboxSettings(withings, google));
        using var operatorClient = await SignedInAsync(host);
        var bobsRedirect = await ConsoleFlows.ConsentAsync(operatorClient, "/people/bob", "withings");
        var bobsLink = await ConsoleFlows.ConnectLinkAsync(operatorClient, "/people/bob", "fitbit");
        using var phone = new ConsoleClient(host.Url);
        using (await ConsoleFlows.RedeemInviteAsync(phone, await ConsoleFlows.CreateInviteAsync(operatorClient, "ann")))
        {
        }

        var me = await phone.GetPageAsync("/me");
        Assert.Contains("Ann Example", me, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", me, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"/\"", me, StringComparison.Ordinal);
        foreach (var path in new[] { "/", "/people/bob", "/people/ann", "/people/bob/remove", bobsLink })
        {
            using var answer = await phone.GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)answer.StatusCode}");
        }

        using var forbiddenPost = await phone.PostAsync("/people/bob/remove", new Dictionary<string, string>(), "/me");
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenPost.StatusCode);
        Assert.NotNull(await host.Services.GetRequiredService<IPersonStore>().GetAsync("bob", CancellationToken.None));

        using var stolen = await phone.GetAsync(bobsRedirect.PathAndQuery);
        var page = await stolen.Content.ReadAsStringAsync();
        Assert.Contains("does not belong to an authorisation started on your page", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", page, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await host.Services.GetRequiredService<ITokenStore>().GetAsync("bob", "withings", CancellationToken.None));
        Assert.Null(await host.Services.GetRequiredService<ITokenStore>().GetAsync("ann", "withings", CancellationToken.None));

        Assert.Equal("/me", await ConsoleFlows.ConnectAsync(phone, "/me", "withings"));
        Assert.Equal(ConnectionStatus.Connected, (await host.Services.GetRequiredService<ITokenStore>().GetAsync("ann", "withings", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task NoTokenOrSecret_AppearsInAnyPageOrLog()
    {
        await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        var settings = ConsoleFlows.SandboxSettings(withings, google);
        // As verbose as an operator could ask: ASP.NET Core's request and routing records included, for every provider.
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:Microsoft.Extensions.Logging.Testing.FakeLoggerProvider:LogLevel:Microsoft.AspNetCore.Hosting"] = "Trace";
        var host = await StartAsync(settings);
        var secrets = new List<string> { ConsoleFlows.Password, withings.ClientSecret, google.ClientSecret };
        var pages = new List<string>();
        await using (host)
        {
            using var client = await SignedInAsync(host);
            foreach (var provider in new[] { "withings", "fitbit" })
            {
                var back = await ConsoleFlows.ConsentAsync(client, "/people/ann", provider);
                secrets.Add(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(back.Query)["code"].ToString());
                using var completed = await client.GetAsync(back.PathAndQuery);
                Assert.Equal("/people/ann", completed.Headers.Location!.OriginalString);
            }

            var invite = await ConsoleFlows.CreateInviteAsync(client, "ann");
            secrets.Add(invite.Segments[^1]);
            using var phone = new ConsoleClient(host.Url);
            using (await ConsoleFlows.RedeemInviteAsync(phone, invite))
            {
            }

            foreach (var connection in await host.Services.GetRequiredService<ITokenStore>().ListAsync(CancellationToken.None))
            {
                secrets.Add(connection.Token!.AccessToken);
                secrets.Add(connection.Token.RefreshToken);
            }

            foreach (var path in new[] { "/", "/people/ann", "/people/ann/remove", "/people/bob" })
            {
                pages.Add(await client.GetPageAsync(path));
            }

            pages.Add(await phone.GetPageAsync("/me"));
        }

        Assert.Equal(10, secrets.Count(s => s.Length >= 8));
        var logs = host.LogText;
        Assert.Contains("signed in", logs, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.All(pages, page => Assert.DoesNotContain(secret, page, StringComparison.Ordinal));
        }
    }

    private Task<ConsoleTestHost> StartAsync(IDictionary<string, string?>? settings = null) => ConsoleFlows.StartHostAsync(influx.Url, settings);

    private static Task<ConsoleClient> SignedInAsync(ConsoleTestHost host) => ConsoleFlows.SignedInAsync(host);
}
