using System.Net;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>Withings notifications are unsigned: the secret token in each person's callback URL is what tells them from forgeries.</summary>
public sealed class PushSecurityTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task ForgedUnlinkAndNotifications_WithoutTheCallbackToken_AreRefusedAndChangeNothing()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: true);
        var wid = await stack.AuthorizeAsync("carol");
        var callback = WithingsStack.CallbackOf(sandbox, wid);
        Assert.StartsWith(new Uri(stack.Url, "/push/withings/").AbsoluteUri, callback.AbsoluteUri, StringComparison.Ordinal);
        var health = stack.Services.GetRequiredService<IPushHealth>();
        var before = await health.GetAsync("carol", ProviderNames.Withings, CancellationToken.None);
        Assert.NotNull(before.SubscriptionConfirmedAt);
        var requests = sandbox.DataRequests.Count;
        using var http = new HttpClient();

        var forged = new List<HttpStatusCode>();
        foreach (var url in new[] { new Uri(stack.Url, "/push/withings"), new Uri(stack.Url, "/push/withings/"), new Uri(stack.Url, "/push/withings/" + PushCallbackToken.New()), new Uri(callback.AbsoluteUri + "x") })
        {
            using var unlink = await http.PostAsync(url, Form(wid, 46, ("action", "unlink")));
            using var weighIn = await http.PostAsync(url, Form(wid, 1, ("startdate", "0"), ("enddate", "4102444800")));
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            forged.AddRange([unlink.StatusCode, weighIn.StatusCode, head.StatusCode]);
        }

        Assert.All(forged, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => sandbox.DataRequests.Count > requests, TimeSpan.FromMilliseconds(500)), "a forged notification caused a request to Withings");
        var connection = await stack.Services.GetRequiredService<ITokenStore>().GetAsync("carol", ProviderNames.Withings, CancellationToken.None);
        Assert.Equal(ConnectionStatus.Connected, connection!.Status);
        Assert.Equal(before, await health.GetAsync("carol", ProviderNames.Withings, CancellationToken.None));
    }

    [Fact]
    public async Task UnlinkOnTheSubscribedUrl_WhileTheGrantWorks_LeavesThePersonConnected()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: true);
        var wid = await stack.AuthorizeAsync("carol");
        var callback = WithingsStack.CallbackOf(sandbox, wid);
        var requests = sandbox.DataRequests.Count;
        using var http = new HttpClient();

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, callback));
        using var post = await http.PostAsync(callback, Form(wid, 46, ("action", "unlink")));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.True(await Eventually.BecomesTrueWithinAsync(() => sandbox.DataRequests.Count > requests), "the unlink was not checked with an authenticated call");
        Assert.True(await Eventually.BecomesTrueWithinAsync(async () => (await stack.Services.GetRequiredService<ISyncRunLog>().ListLatestAsync("carol", CancellationToken.None)).Count == 1));
        var connection = await stack.Services.GetRequiredService<ITokenStore>().GetAsync("carol", ProviderNames.Withings, CancellationToken.None);
        Assert.Equal(ConnectionStatus.Connected, connection!.Status);
        Assert.NotNull((await stack.Services.GetRequiredService<IPushHealth>().GetAsync("carol", ProviderNames.Withings, CancellationToken.None)).LastNotificationAt);
    }

    [Fact]
    public async Task UnlinkOnTheSubscribedUrl_AfterTheGrantWasRevoked_MarksThePersonForReauthorisation()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: true);
        var wid = await stack.AuthorizeAsync("dora");
        sandbox.RevokeGrant(wid);
        using var http = new HttpClient();

        using var post = await http.PostAsync(WithingsStack.CallbackOf(sandbox, wid), Form(wid, 46, ("action", "unlink")));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var tokens = stack.Services.GetRequiredService<ITokenStore>();
        Assert.True(await Eventually.BecomesTrueWithinAsync(async () => (await tokens.GetAsync("dora", ProviderNames.Withings, CancellationToken.None))!.Status == ConnectionStatus.NeedsReauthorization));
    }

    [Fact]
    public async Task OversizedOrManyFieldBodies_Are413_NotAServerError()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("erik");
        var callback = WithingsStack.CallbackOf(sandbox, wid);
        using var http = new HttpClient();

        using var large = await http.PostAsync(callback, Form(wid, 1, ("comment", new string('x', 1_000_000))));
        using var manyKeys = await http.PostAsync(callback, new FormUrlEncodedContent(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create("k" + i, "v"))));
        using var chunked = await http.PostAsync(callback, new StreamContent(new MemoryStream(new byte[100_000])) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, manyKeys.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.DoesNotContain("   at ", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriptionsOnTheOldUrl_AreReplacedOnTheNextCheck()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = sandbox.CreateUser();
        await stack.Services.GetRequiredService<PersonRegistry>().EnsureAsync("fay", null, CancellationToken.None);
        await stack.ConnectDirectAsync("fay", wid, sandbox, TimeProvider.System);
        var old = new Uri(stack.Url, "/push/withings");
        sandbox.AddSubscription(wid, 1, old);
        sandbox.AddSubscription(wid, 16, old);
        using var http = new HttpClient();
        using (var refused = await http.PostAsync(old, Form(wid, 1)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await stack.SubscriptionCheck.CheckDueAsync(CancellationToken.None);

        var subscriptions = sandbox.Subscriptions(wid);
        Assert.Equal([1, 16], subscriptions.Select(s => s.Appli).Order());
        var callback = Assert.Single(subscriptions.Select(s => s.Callback).Distinct());
        Assert.NotEqual(old, callback);
        Assert.NotNull((await stack.Services.GetRequiredService<IPushHealth>().GetAsync("fay", ProviderNames.Withings, CancellationToken.None)).SubscriptionConfirmedAt);
        Assert.Equal(1, await sandbox.NotifyAsync(wid, 1, 1, 2, CancellationToken.None));

        // Confirmed now: the next check within the interval asks Withings nothing.
        var requests = sandbox.DataRequests.Count;
        await stack.SubscriptionCheck.CheckDueAsync(CancellationToken.None);
        Assert.Equal(requests, sandbox.DataRequests.Count);
    }

    internal static FormUrlEncodedContent Form(long withingsUserId, int appli, params (string Key, string Value)[] more) =>
        new(new Dictionary<string, string> { ["userid"] = withingsUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["appli"] = appli.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Concat(more.Select(m => KeyValuePair.Create(m.Key, m.Value))));
}
