using LiverMuscle.Sync.State.Programmes;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class PersonStateEraserTests
{
    [Fact]
    public async Task Erase_RemovesEveryRowOfThePerson_AndNothingOfAnyoneElse()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var now = state.Time.GetUtcNow();
        foreach (var person in new[] { "alice", "bob" })
        {
            await state.Get<PersonRegistry>().AddAsync(person, new PersonChanges(), CancellationToken.None);
            await state.Get<ITokenStore>().SaveTokenAsync(person, "withings", new OAuthToken("a", "r", now, null, "1"), CancellationToken.None);
            await state.Get<ITokenStore>().SetStatusAsync(person, "fitbit", ConnectionStatus.NeedsReauthorization, "x", CancellationToken.None);
            await state.Get<ISyncCursorStore>().SetAsync(new SyncCursor(person, "withings", "workouts", "lu=1", now), CancellationToken.None);
            await state.Get<ISyncRunLog>().RecordAsync(new SyncRunRecord(person, "withings", SyncOutcome.Ok, 1, 1, now, now, null), CancellationToken.None);
            await state.Get<IAlertStateStore>().SaveAsync(new AlertState("rule", person, AlertStatus.Firing, now, null, 1, null, now), CancellationToken.None);
            await state.Get<IPendingAuthorizationStore>().AddAsync(new PendingAuthorization("s-" + person, "fitbit", person, new Uri("http://127.0.0.1/callback"), "v", now, now.AddMinutes(10)), now, CancellationToken.None);
            await state.Get<IKeyValueStore>().SetAsync($"withings/written/workouts/{person}", "1:2", secret: false, CancellationToken.None);
            await state.Get<IKeyValueStore>().SetAsync($"alerts/weekly-summary/{person}", "2026-11-23", secret: true, CancellationToken.None);
            await state.Get<ProgrammeRegistry>().SetAsync(person, new ProgrammeChanges { TrainingDays = "mon" }, CancellationToken.None);
            await state.Get<IReminderLog>().RecordAsync(new ReminderOccasion(person, ReminderKind.TrainingDay, new DateOnly(2026, 11, 23), ReminderOutcome.Sent, now), CancellationToken.None);
            await state.Get<IPushSubscriptionStore>().SetTokenHashAsync(person, "withings", [1, 2, (byte)person[0]], CancellationToken.None);
            await state.Get<ITokenRefreshLeases>().TryAcquireAsync(person, "withings", "p1", now, now.AddMinutes(2), CancellationToken.None);
            await state.Get<IRequestWindowStore>().TryTakeAsync([new RequestScope("fitbit\n" + person, 300), new RequestScope("withings", 120)], TimeSpan.FromMinutes(1), now, CancellationToken.None);
        }

        var kv = state.Get<IKeyValueStore>();
        await kv.SetAsync("budget/alice", "global value whose last segment is a person id", secret: false, CancellationToken.None);
        await kv.SetAsync("fitbit/written/exercise/malice", "someone else", secret: false, CancellationToken.None);

        var erased = await state.Get<IPersonStateEraser>().EraseAsync("alice", CancellationToken.None);

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["person"] = 1, ["connections"] = 2, ["cursors"] = 1, ["sync runs"] = 1, ["alert states"] = 1, ["pending authorisations"] = 1,
                ["programme"] = 1, ["reminder occasions"] = 1, ["key-values"] = 2,
                ["push subscriptions"] = 1, ["refresh leases"] = 1, ["request windows"] = 1,
            },
            erased.Rows);
        Assert.Null(await state.Get<IPersonStore>().GetAsync("alice", CancellationToken.None));
        Assert.DoesNotContain(await state.Get<ITokenStore>().ListAsync(CancellationToken.None), c => c.UserId == "alice");
        Assert.Empty(await state.Get<ISyncCursorStore>().ListAsync("alice", CancellationToken.None));
        Assert.Empty(await state.Get<ISyncRunLog>().ListLatestAsync("alice", CancellationToken.None));
        Assert.Null(await state.Get<IAlertStateStore>().GetAsync("rule", "alice", CancellationToken.None));
        Assert.Equal(PendingAuthorizationClaimStatus.Unknown, (await state.Get<IPendingAuthorizationStore>().ClaimAsync("s-alice", now, CancellationToken.None)).Status);
        Assert.Null(await kv.GetAsync("withings/written/workouts/alice", CancellationToken.None));
        Assert.Null(await kv.GetAsync("alerts/weekly-summary/alice", CancellationToken.None));
        Assert.NotNull(await kv.GetAsync("budget/alice", CancellationToken.None));
        Assert.NotNull(await kv.GetAsync("fitbit/written/exercise/malice", CancellationToken.None));
        Assert.Null(await state.Get<IProgrammeStore>().GetAsync("alice", CancellationToken.None));
        Assert.Empty(await state.Get<IReminderLog>().ListAsync("alice", CancellationToken.None));

        Assert.NotNull(await state.Get<IPersonStore>().GetAsync("bob", CancellationToken.None));
        Assert.Equal(2, (await state.Get<ITokenStore>().ListAsync(CancellationToken.None)).Count(c => c.UserId == "bob"));
        Assert.Single(await state.Get<ISyncCursorStore>().ListAsync("bob", CancellationToken.None));
        Assert.NotNull(await state.Get<IAlertStateStore>().GetAsync("rule", "bob", CancellationToken.None));
        Assert.Equal("2026-11-23", await kv.GetAsync("alerts/weekly-summary/bob", CancellationToken.None));
        Assert.Equal([DayOfWeek.Monday], (await state.Get<IProgrammeStore>().GetAsync("bob", CancellationToken.None))!.TrainingDays);
        Assert.Single(await state.Get<IReminderLog>().ListAsync("bob", CancellationToken.None));
        Assert.Equal(PendingAuthorizationClaimStatus.Claimed, (await state.Get<IPendingAuthorizationStore>().ClaimAsync("s-bob", now, CancellationToken.None)).Status);
        Assert.Null(await state.Get<IPushSubscriptionStore>().GetAsync("alice", "withings", CancellationToken.None));
        Assert.NotNull(await state.Get<IPushSubscriptionStore>().GetAsync("bob", "withings", CancellationToken.None));
        Assert.True(await state.Get<ITokenRefreshLeases>().TryAcquireAsync("alice", "withings", "p2", now, now.AddMinutes(2), CancellationToken.None));
        Assert.False(await state.Get<ITokenRefreshLeases>().TryAcquireAsync("bob", "withings", "p2", now, now.AddMinutes(2), CancellationToken.None));
        var windows = state.Get<IRequestWindowStore>();
        Assert.Equal(0, await windows.CountAsync("fitbit\nalice", TimeSpan.FromMinutes(1), now, CancellationToken.None));
        Assert.Equal(1, await windows.CountAsync("fitbit\nbob", TimeSpan.FromMinutes(1), now, CancellationToken.None));
        Assert.Equal(2, await windows.CountAsync("withings", TimeSpan.FromMinutes(1), now, CancellationToken.None));
    }
}
