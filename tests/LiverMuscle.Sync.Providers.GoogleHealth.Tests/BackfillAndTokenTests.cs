using System.Diagnostics;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

public sealed class BackfillAndTokenTests(InfluxDbFixture influx, ITestOutputHelper output) : IClassFixture<InfluxDbFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ThreeYearBackfill_InFakeTime_No429_AndARestartReadsNoFinishedWindowAgain()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { TimeProvider = time, HistoryDays = 3 * 365, Seed = 3 }, CancellationToken.None);
        var database = await influx.NewDatabaseAsync("fitbit3y");
        var state = Directory.CreateTempSubdirectory("fitbit-backfill-").FullName;
        var since = Start.AddDays(-3 * 365 - 1);

        // Quarter-year windows, so the backfill is stopped in the middle of its history and resumed window by window.
        var quarters = new Dictionary<string, string?> { ["Fitbit:BackfillWindowDays"] = "90" };
        var first = await FitbitStack.StartAsync(influx, sandbox, time, database, state, quarters);
        var id = await first.AuthorizeAsync("cy", sandbox, time);
        using (var stop = new CancellationTokenSource())
        {
            var run = first.SyncAsync("cy", SyncMode.Backfill, since, stop.Token);
            await DriveAsync(time, sandbox, run, stopWhen: () => sandbox.DataRequests.Count >= 40);
            await stop.CancelAsync();
            await run.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await first.DisposeAsync();
        var beforeRestart = sandbox.DataRequests.ToList();

        await using var second = await FitbitStack.StartAsync(influx, sandbox, time, database, state, quarters);
        var resumed = second.SyncAsync("cy", SyncMode.Backfill, since);
        await DriveAsync(time, sandbox, resumed);
        Assert.Equal(SyncOutcome.Ok, (await resumed).Outcome);

        var requests = sandbox.DataRequests;
        Assert.True(requests.Count > beforeRestart.Count + 20, "the first run was not stopped in the middle of the backfill");
        var repeated = requests.Skip(beforeRestart.Count).Intersect(beforeRestart).Where(r => r.Contains("filter=", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{requests.Count} requests for 3 synced years ({requests.Count / 3.0:F1} per year); {beforeRestart.Count} before the restart, {repeated.Count} repeated: {string.Join(" | ", repeated)}");
        Assert.Equal(0, sandbox.RateLimitedAnswers);
        // Only the windows in flight when the first run stopped may be read again: per data type (the kinds read side by
        // side), the one being written and the one read ahead of it.
        Assert.All(
            repeated.GroupBy(DataTypeOf),
            perType => Assert.True(perType.Select(WindowOf).Distinct().Count() <= 2, $"more than two {perType.Key} windows were read again after the restart"));

        var strength = new FitbitOptions().StrengthExerciseTypes;
        Assert.Equal(
            sandbox.Exercises(id).Count(e => strength.ContainsKey(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(5)),
            await influx.CountAsync(database, Measurements.StrengthSession, F.StrengthSession.DurationS));
        Assert.Equal(sandbox.Weights(id).Count, await influx.CountAsync(database, Measurements.BodyComposition, F.BodyComposition.WeightKg));

        // A finished backfill asked again reads nothing.
        var count = sandbox.DataRequests.Count;
        Assert.Equal(SyncOutcome.Ok, (await second.SyncAsync("cy", SyncMode.Backfill, since)).Outcome);
        Assert.Equal(count, sandbox.DataRequests.Count);
    }

    [Fact]
    public async Task Refresh_KeepsTheUnrotatedRefreshToken_TestingModeExpiry_NeedsReauthorisationWithTheCause()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { TimeProvider = time, HistoryDays = 20, TestingMode = true }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, time);
        var id = await stack.AuthorizeAsync("di", sandbox, time);
        var tokens = stack.Services.GetRequiredService<ITokenStore>();
        var before = (await tokens.GetAsync("di", ProviderNames.Fitbit, CancellationToken.None))!.Token!;

        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("di", SyncMode.Incremental)).Outcome);
        var after = (await tokens.GetAsync("di", ProviderNames.Fitbit, CancellationToken.None))!.Token!;
        Assert.Equal(1, sandbox.RefreshCount(id));
        Assert.NotEqual(before.AccessToken, after.AccessToken);
        Assert.Equal(before.RefreshToken, after.RefreshToken);
        Assert.Equal(id, after.ProviderUserId);

        time.Advance(TimeSpan.FromDays(8));
        var dead = await stack.SyncAsync("di", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Failed, dead.Outcome);
        var connection = (await tokens.GetAsync("di", ProviderNames.Fitbit, CancellationToken.None))!;
        Assert.Equal(ConnectionStatus.NeedsReauthorization, connection.Status);
        Assert.Contains("Testing mode", connection.StatusReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LegacyFitbitApi_ConfiguredOrAnswering410_IsReportedOnce_WithoutRetrying(bool configuredHost)
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        var database = await influx.NewDatabaseAsync("legacy");
        var api = configuredHost ? "https://api.fitbit.com/" : sandbox.LegacyFitbitUrl.ToString();
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System, database, settings: new Dictionary<string, string?> { ["Fitbit:ApiBaseUrl"] = api });
        var id = sandbox.CreateUser();
        var (access, refresh, expiresIn) = sandbox.IssueTokens(id);
        await stack.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord("eve", "UTC", DateTimeOffset.UtcNow), CancellationToken.None);
        await stack.Services.GetRequiredService<ITokenStore>().SaveTokenAsync("eve", ProviderNames.Fitbit, new OAuthToken(access, refresh, DateTimeOffset.UtcNow + expiresIn, null, id), CancellationToken.None);

        var first = await stack.SyncAsync("eve", SyncMode.Incremental);
        var served = sandbox.RequestsServed;
        var second = await stack.SyncAsync("eve", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Failed, first.Outcome);
        Assert.Contains(LegacyFitbitApi.SwitchedOff, first.Error, StringComparison.Ordinal);
        Assert.Equal(SyncOutcome.Failed, second.Outcome);
        Assert.Equal(served, sandbox.RequestsServed);
        var connection = (await stack.Services.GetRequiredService<ITokenStore>().GetAsync("eve", ProviderNames.Fitbit, CancellationToken.None))!;
        Assert.Equal(ConnectionStatus.NeedsReauthorization, connection.Status);
        Assert.Equal(LegacyFitbitApi.SwitchedOff, connection.StatusReason);
        var message = await influx.ScalarAsync($"SELECT last({F.SyncHealth.Message}) FROM {Measurements.SyncHealth}", database);
        Assert.Equal(LegacyFitbitApi.SwitchedOff, message!.Value.GetString());
    }

    /// <summary>The filter's date range of a recorded request: the window it read.</summary>
    private static string DataTypeOf(string request) => request.Split("/dataTypes/")[^1].Split('/')[0];

    private static string WindowOf(string request)
    {
        var filter = request.IndexOf("filter=", StringComparison.Ordinal);
        var tail = filter < 0 ? request : request[filter..];
        var end = tail.IndexOf('&', StringComparison.Ordinal);
        var range = end < 0 ? tail : tail[..end];
        return string.Concat(Uri.UnescapeDataString(range).Where(c => char.IsAsciiDigit(c) || c == '-')).TrimStart('-');
    }

    /// <summary>Lets simulated time pass only while the sync waits (no request answered for a moment).</summary>
    private static async Task DriveAsync(FakeTimeProvider time, GoogleHealthSandbox sandbox, Task run, Func<bool>? stopWhen = null)
    {
        var quiet = Stopwatch.StartNew();
        var seen = sandbox.RequestsServed;
        while (!run.IsCompleted && stopWhen?.Invoke() != true)
        {
            await Task.Delay(5);
            if (sandbox.RequestsServed != seen)
            {
                seen = sandbox.RequestsServed;
                quiet.Restart();
            }
            else if (quiet.Elapsed > TimeSpan.FromMilliseconds(300))
            {
                time.Advance(TimeSpan.FromSeconds(5));
                quiet.Restart();
            }
        }
    }
}
