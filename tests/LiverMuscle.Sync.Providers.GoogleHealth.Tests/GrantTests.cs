using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Grants;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using LiverMuscle.Sync.Providers.GoogleHealth.Tokens;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>Google's consent grants scopes one by one: a data kind left out degrades alone; only a grant without any data is re-authorised.</summary>
public sealed class GrantTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task UntickedNutrition_IsNeverCalled_ShownPerKindInSyncHealthAndLogs_AndTheOtherKindsSync()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 20, Seed = 11 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        sandbox.UncheckScopesOnNextConsent(GoogleHealthScopes.Nutrition);
        var id = await stack.AuthorizeAsync("pia", sandbox, TimeProvider.System);

        var run = await stack.SyncAsync("pia", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        Assert.Equal(0, FitbitStack.RequestsTo(sandbox, id, "nutrition-log"));
        Assert.True(FitbitStack.RequestsTo(sandbox, id, "dataTypes/weight") > 0);
        Assert.True(await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS) > 0);
        Assert.True(await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg) > 0);
        Assert.Equal(0, await influx.CountAsync(stack.Database, Measurements.NutritionDaily, F.NutritionDaily.ProteinG));
        var connection = (await stack.Services.GetRequiredService<ITokenStore>().GetAsync("pia", ProviderNames.Fitbit, CancellationToken.None))!;
        Assert.Equal(ConnectionStatus.Connected, connection.Status);
        var missing = Assert.Single(stack.Services.GetRequiredService<GoogleGrants>().NotGranted(connection));
        Assert.Equal(FitbitDataKinds.Nutrition, missing.DataKind);
        Assert.Contains("'nutrition' permission", missing.Remedy, StringComparison.Ordinal);
        Assert.Contains("auth fitbit --user pia", missing.Remedy, StringComparison.Ordinal);
        Assert.Equal("nutrition", (await influx.ScalarAsync($"SELECT last({F.SyncHealth.NotGranted}) FROM {Measurements.SyncHealth}", stack.Database))!.Value.GetString());
        Assert.Equal(missing.Remedy, (await influx.ScalarAsync($"SELECT last({F.SyncHealth.Message}) FROM {Measurements.SyncHealth}", stack.Database))!.Value.GetString());
        Assert.Contains(stack.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("Fitbit nutrition of pia", StringComparison.Ordinal) && r.Message.Contains("tick it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScopeWithdrawnLater_The403DegradesThatKindOnly_TheRefreshLearnsTheNarrowedGrant_AllDataGoneNeedsReauthorisation()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 20, Seed = 12 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("rio", sandbox, TimeProvider.System);
        var tokens = stack.Services.GetRequiredService<ITokenStore>();
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("rio", SyncMode.Incremental)).Outcome);
        var days = await influx.CountAsync(stack.Database, Measurements.NutritionDaily, F.NutritionDaily.ProteinG);

        sandbox.WithdrawScopes(id, GoogleHealthScopes.Nutrition);
        var refused = await stack.SyncAsync("rio", SyncMode.Incremental);
        var calls = FitbitStack.RequestsTo(sandbox, id, "nutrition-log");
        var later = await stack.SyncAsync("rio", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, refused.Outcome);
        Assert.Equal(SyncOutcome.Ok, later.Outcome);
        Assert.Equal(calls, FitbitStack.RequestsTo(sandbox, id, "nutrition-log"));
        Assert.Equal(1, sandbox.RefreshCount(id));
        var connection = (await tokens.GetAsync("rio", ProviderNames.Fitbit, CancellationToken.None))!;
        Assert.Equal(ConnectionStatus.Connected, connection.Status);
        Assert.DoesNotContain(GoogleScopes.Nutrition, connection.Token!.Scope!.Split(' '));
        Assert.Equal(days, await influx.CountAsync(stack.Database, Measurements.NutritionDaily, F.NutritionDaily.ProteinG));
        Assert.Contains(stack.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("ACCESS_TOKEN_SCOPE_INSUFFICIENT", StringComparison.Ordinal));

        sandbox.WithdrawScopes(id, GoogleHealthScopes.ActivityAndFitness, GoogleHealthScopes.HealthMetrics);
        var none = await stack.SyncAsync("rio", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Failed, none.Outcome);
        connection = (await tokens.GetAsync("rio", ProviderNames.Fitbit, CancellationToken.None))!;
        Assert.Equal(ConnectionStatus.NeedsReauthorization, connection.Status);
        Assert.Contains("covers none of the data", connection.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentGrantingNoData_IsRefused_AndStoresNothing()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        sandbox.UncheckScopesOnNextConsent(GoogleHealthScopes.ActivityAndFitness, GoogleHealthScopes.HealthMetrics, GoogleHealthScopes.Nutrition);

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.AuthorizeAsync("sol", sandbox, TimeProvider.System));

        Assert.Contains("granted none of the data permissions", refused.Reason, StringComparison.Ordinal);
        Assert.Null(await stack.Services.GetRequiredService<ITokenStore>().GetAsync("sol", ProviderNames.Fitbit, CancellationToken.None));
    }

    [Fact]
    public async Task Consent_AsksForTheThreeDataScopesAndTheOptionalSettings()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);

        await stack.AuthorizeAsync("ted", sandbox, TimeProvider.System);

        var token = (await stack.Services.GetRequiredService<ITokenStore>().GetAsync("ted", ProviderNames.Fitbit, CancellationToken.None))!.Token!;
        Assert.Equal(
            [GoogleHealthScopes.ActivityAndFitness, GoogleHealthScopes.HealthMetrics, GoogleHealthScopes.Nutrition, GoogleHealthScopes.Settings],
            token.Scope!.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal(GoogleAuthorizationFlow.Scopes.Order(StringComparer.Ordinal), token.Scope!.Split(' ').Order(StringComparer.Ordinal));
    }
}
