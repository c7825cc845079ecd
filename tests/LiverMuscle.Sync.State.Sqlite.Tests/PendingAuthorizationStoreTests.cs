using System.Text;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class PendingAuthorizationStoreTests
{
    private const string Verifier = "pkce-VERIFIER-0123456789abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task Claim_InAnotherProcess_ReturnsTheAuthorisationOnce_WithItsVerifier()
    {
        using var directory = new TempDirectory();
        using (var first = new StateHarness(directory.Path))
        {
            await first.Get<IPendingAuthorizationStore>().AddAsync(Pending(first.Time.GetUtcNow()), first.Time.GetUtcNow(), CancellationToken.None);
        }

        using var second = new StateHarness(directory.Path);
        var store = second.Get<IPendingAuthorizationStore>();
        second.Time.Advance(TimeSpan.FromMinutes(9));

        var claim = await store.ClaimAsync("state-1", second.Time.GetUtcNow(), CancellationToken.None);
        var again = await store.ClaimAsync("state-1", second.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(PendingAuthorizationClaimStatus.Claimed, claim.Status);
        Assert.Equal(Pending(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), claim.Authorization);
        Assert.Equal(PendingAuthorizationClaimStatus.AlreadyUsed, again.Status);
        Assert.Null(again.Authorization);
        Assert.Equal(PendingAuthorizationClaimStatus.Unknown, (await store.ClaimAsync("state-2", second.Time.GetUtcNow(), CancellationToken.None)).Status);
        Assert.DoesNotContain(Verifier, claim.Authorization!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_AfterTenMinutes_IsExpired_AndTheVerifierIsNotInTheFile()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var store = state.Get<IPendingAuthorizationStore>();
        await store.AddAsync(Pending(state.Time.GetUtcNow()), state.Time.GetUtcNow(), CancellationToken.None);
        state.Time.Advance(TimeSpan.FromMinutes(10));

        var claim = await store.ClaimAsync("state-1", state.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(PendingAuthorizationClaimStatus.Expired, claim.Status);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(directory.Path, "state.db*"))
        {
            Assert.True((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(Encoding.UTF8.GetBytes(Verifier)) < 0, file);
        }
    }

    [Fact]
    public async Task Add_ForgetsAuthorisationsExpiredMoreThanADayAgo()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var store = state.Get<IPendingAuthorizationStore>();
        await store.AddAsync(Pending(state.Time.GetUtcNow()), state.Time.GetUtcNow(), CancellationToken.None);
        state.Time.Advance(TimeSpan.FromDays(2));

        await store.AddAsync(Pending(state.Time.GetUtcNow()) with { State = "state-2" }, state.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(PendingAuthorizationClaimStatus.Unknown, (await store.ClaimAsync("state-1", state.Time.GetUtcNow(), CancellationToken.None)).Status);
        Assert.Equal(PendingAuthorizationClaimStatus.Claimed, (await store.ClaimAsync("state-2", state.Time.GetUtcNow(), CancellationToken.None)).Status);
    }

    private static PendingAuthorization Pending(DateTimeOffset now) =>
        new("state-1", "fitbit", "alice", new Uri("http://127.0.0.1:8090/callback"), Verifier, now, now.AddMinutes(10));
}
