using Microsoft.Extensions.Hosting;

namespace LiverMuscle.Sync.Testing;

/// <summary>Stands in for a background service a test host does not run.</summary>
internal sealed class IdleHostedService : IHostedService
{
    public static readonly IdleHostedService Instance = new();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
