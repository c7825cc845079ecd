using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>The Fitbit stack an import runs in (a sandbox only to configure it), with an export folder to write.</summary>
internal sealed class ImportStack : IAsyncDisposable
{
    private readonly GoogleHealthSandbox _sandbox;

    private ImportStack(GoogleHealthSandbox sandbox, FitbitStack stack)
    {
        _sandbox = sandbox;
        Stack = stack;
    }

    public FitbitStack Stack { get; }

    public ExportFolder Export { get; } = new();

    public static async Task<ImportStack> StartAsync(InfluxDbFixture influx)
    {
        var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        return new ImportStack(sandbox, await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System));
    }

    public async Task AddPersonAsync(string id, string zone)
    {
        var added = await Stack.Services.GetRequiredService<PersonRegistry>().AddAsync(id, new PersonChanges { TimeZone = zone }, CancellationToken.None);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
    }

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        await _sandbox.DisposeAsync();
        Export.Dispose();
    }
}
