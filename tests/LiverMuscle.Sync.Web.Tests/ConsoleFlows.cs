using System.Net;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>Steps several console tests share, done over HTTP the way a browser does them.</summary>
internal static partial class ConsoleFlows
{
    public const string Password = "correct horse battery staple";

    /// <summary>The settings that point the worker's connectors at the two sandboxes.</summary>
    public static Dictionary<string, string?> SandboxSettings(WithingsSandbox withings, GoogleHealthSandbox google) => new()
    {
        ["Withings:ClientId"] = withings.ClientId,
        ["Withings:ClientSecret"] = withings.ClientSecret,
        ["Withings:ApiBaseUrl"] = withings.BaseUrl.ToString(),
        ["Withings:AuthorizeUrl"] = withings.AuthorizeUrl.ToString(),
        ["Fitbit:ClientId"] = google.ClientId,
        ["Fitbit:ClientSecret"] = google.ClientSecret,
        ["Fitbit:ApiBaseUrl"] = google.BaseUrl.ToString(),
        ["Fitbit:AuthorizeUrl"] = google.AuthorizeUrl.ToString(),
        ["Fitbit:TokenUrl"] = google.TokenUrl.ToString(),
        ["Fitbit:RevokeUrl"] = google.RevokeUrl.ToString(),
    };

    /// <summary>A console host with the operator password set and two people, ann (Ann Example) and bob (Bob Sample).</summary>
    public static async Task<ConsoleTestHost> StartHostAsync(Uri influx, IDictionary<string, string?>? settings = null)
    {
        var host = await ConsoleTestHost.StartAsync(influx, settings);
        await host.Services.GetRequiredService<OperatorPassword>().SetAsync(Password, CancellationToken.None);
        var registry = host.Services.GetRequiredService<PersonRegistry>();
        await registry.AddAsync("ann", new PersonChanges { DisplayName = "Ann Example" }, CancellationToken.None);
        await registry.AddAsync("bob", new PersonChanges { DisplayName = "Bob Sample" }, CancellationToken.None);
        return host;
    }

    public static async Task<ConsoleClient> SignedInAsync(ConsoleTestHost host)
    {
        var client = new ConsoleClient(host.Url);
        using var signedIn = await client.SignInAsync(Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    public static async Task AddPersonAsync(ConsoleClient client, string id, string name)
    {
        using var added = await client.PostAsync("/?handler=Add", new Dictionary<string, string> { ["Add.Id"] = id, ["Add.DisplayName"] = name }, "/");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/people/{id}", added.Headers.Location!.OriginalString);
    }

    /// <summary>The signed connect link of <paramref name="provider"/> on <paramref name="page"/>.</summary>
    public static async Task<string> ConnectLinkAsync(ConsoleClient client, string page, string provider)
    {
        var html = await client.GetPageAsync(page);
        var match = Regex.Match(html, $"href=\"(/connect/{provider}\\?[^\"]+)\"");
        Assert.True(match.Success, $"No connect link for {provider} on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Starts the consent at the console and follows it to the sandbox, which consents; returns the redirect back to the console.</summary>
    public static async Task<Uri> ConsentAsync(ConsoleClient client, string page, string provider)
    {
        using var started = await client.GetAsync(await ConnectLinkAsync(client, page, provider));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        using var sandbox = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await sandbox.GetAsync(started.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        return consent.Headers.Location!;
    }

    /// <summary>The whole flow: consent, then the redirect back completes it; returns where the console sent the browser.</summary>
    public static async Task<string> ConnectAsync(ConsoleClient client, string page, string provider)
    {
        var back = await ConsentAsync(client, page, provider);
        using var completed = await client.GetAsync(back.PathAndQuery);
        Assert.True(completed.StatusCode == HttpStatusCode.Redirect, await completed.Content.ReadAsStringAsync());
        return completed.Headers.Location!.OriginalString;
    }

    /// <summary>Creates an invite link for the person on their page and returns it.</summary>
    public static async Task<Uri> CreateInviteAsync(ConsoleClient operatorClient, string personId)
    {
        using var created = await operatorClient.PostAsync($"/people/{personId}?handler=Invite", new Dictionary<string, string>(), $"/people/{personId}");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var match = InviteInput().Match(await created.Content.ReadAsStringAsync());
        Assert.True(match.Success, "No invite link on the page");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    /// <summary>Opens the invite link in a client of its own and presses Continue; returns the status of the press.</summary>
    public static async Task<HttpResponseMessage> RedeemInviteAsync(ConsoleClient client, Uri invite) =>
        await client.PostAsync(invite.PathAndQuery, new Dictionary<string, string>(), invite.PathAndQuery);

    [GeneratedRegex("id=\"invite-link\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex InviteInput();
}
