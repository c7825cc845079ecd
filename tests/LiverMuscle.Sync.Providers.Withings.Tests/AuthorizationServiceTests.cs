using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Withings.Tokens;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>The authorisation service over the real Withings flow and sandbox, in fake time; and the subscription revoker.</summary>
public sealed class AuthorizationServiceTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly Uri Callback = new("http://127.0.0.1:9/callback");

    [Fact]
    public async Task Complete_TenMinutesAfterStarting_IsRefusedAsExpired_AndNothingIsStored()
    {
        await using var test = await Setup.StartAsync(influx);
        var (time, sandbox, stack, service) = (test.Time, test.Sandbox, test.Stack, test.Service);

        var redirect = await ConsentAsync(service, "erin");
        time.Advance(AuthorizationService.Lifetime);
        var outcome = await service.CompleteAsync(ProviderNames.Withings, "erin", redirect, CancellationToken.None);

        Assert.Equal(AuthorizationFailure.Expired, outcome.Failure);
        Assert.Equal(
            "This authorisation expired: the redirect must come back within 10 minutes of starting it; start again with 'livermuscle-sync auth withings --user erin'.",
            outcome.Error);
        Assert.Null(await stack.Services.GetRequiredService<ITokenStore>().GetAsync("erin", ProviderNames.Withings, CancellationToken.None));
    }

    [Fact]
    public async Task Complete_JustInTime_Connects_AndASecondCompletionIsRefused()
    {
        await using var test = await Setup.StartAsync(influx);
        var (time, sandbox, stack, service) = (test.Time, test.Sandbox, test.Stack, test.Service);

        var redirect = await ConsentAsync(service, "erin");
        time.Advance(AuthorizationService.Lifetime - TimeSpan.FromSeconds(1));
        var first = await service.CompleteAsync(ProviderNames.Withings, null, redirect, CancellationToken.None);
        var second = await service.CompleteAsync(ProviderNames.Withings, null, redirect, CancellationToken.None);

        Assert.Equal(ConnectionStatus.Connected, first.Connection!.Status);
        Assert.Equal("erin", first.Connection.UserId);
        Assert.Equal(AuthorizationFailure.AlreadyUsed, second.Failure);
        Assert.Equal("This authorisation was completed already: a consent URL and its redirect work once; start again from the consent link.", second.Error);
        var forged = await service.CompleteAsync(ProviderNames.Withings, null, redirect with { State = "forged-state" }, CancellationToken.None);
        Assert.Equal(AuthorizationFailure.Unknown, forged.Failure);
    }

    [Fact]
    public async Task Start_ForAPersonNobodyAdded_IsRefused()
    {
        await using var test = await Setup.StartAsync(influx);

        var outcome = await test.Service.StartAsync(ProviderNames.Withings, "nobody", Callback, demo: false, CancellationToken.None);

        Assert.Equal(AuthorizationFailure.BadRequest, outcome.Failure);
        Assert.Null(outcome.AuthorizeUrl);
    }

    [Fact]
    public async Task SubscriptionRevoker_RevokesEveryNotificationSubscriptionAtTheSandbox()
    {
        await using var test = await Setup.StartAsync(influx);
        var (time, sandbox, stack, service) = (test.Time, test.Sandbox, test.Stack, test.Service);
        var connected = await service.CompleteAsync(ProviderNames.Withings, "erin", await ConsentAsync(service, "erin"), CancellationToken.None);
        var wid = long.Parse(connected.Connection!.Token!.ProviderUserId!);
        Assert.Equal(2, sandbox.Subscriptions(wid).Count);

        var result = await stack.Services.GetServices<ITokenRevoker>().Single(r => r.Provider == ProviderNames.Withings).RevokeAsync("erin", CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.StartsWith("revoked 2 notification subscription(s)", result.Detail, StringComparison.Ordinal);
        Assert.Empty(sandbox.Subscriptions(wid));
        Assert.IsType<WithingsSubscriptionRevoker>(stack.Services.GetServices<ITokenRevoker>().Single());
    }

    /// <summary>A sandbox and the stack on fake time, with the person erin added.</summary>
    private sealed class Setup(FakeTimeProvider time, WithingsSandbox sandbox, WithingsStack stack) : IAsyncDisposable
    {
        public FakeTimeProvider Time => time;

        public WithingsSandbox Sandbox => sandbox;

        public WithingsStack Stack => stack;

        public AuthorizationService Service => stack.Services.GetRequiredService<AuthorizationService>();

        public static async Task<Setup> StartAsync(InfluxDbFixture influx)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
            var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
            var stack = await WithingsStack.StartAsync(influx, sandbox, time, scheduler: false);
            await stack.Services.GetRequiredService<PersonRegistry>().EnsureAsync("erin", null, CancellationToken.None);
            return new Setup(time, sandbox, stack);
        }

        public async ValueTask DisposeAsync()
        {
            await stack.DisposeAsync();
            await sandbox.DisposeAsync();
        }
    }

    private static async Task<AuthorizationRedirect> ConsentAsync(AuthorizationService service, string person)
    {
        var started = await service.StartAsync(ProviderNames.Withings, person, Callback, demo: false, CancellationToken.None);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(started.AuthorizeUrl);
        return AuthorizationRedirect.FromUrl(answer.Headers.Location!.AbsoluteUri)!;
    }
}
