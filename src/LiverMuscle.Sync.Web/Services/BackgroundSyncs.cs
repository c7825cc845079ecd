using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>
/// Syncs the console starts (after connecting, or "Sync now"): the same <see cref="SyncRunner"/> incremental run as
/// the <c>sync</c> verb, in the background so the page answers at once; one at a time per (person, provider). The
/// outcome lands in the sync run log the pages show. Stopping the host cancels and awaits them.
/// </summary>
internal sealed class BackgroundSyncs(SyncRunner runner, ILogger<BackgroundSyncs> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<(string Person, string Provider), Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();

    public bool Knows(string provider) => runner.Knows(provider);

    public bool IsRunning(string personId, string provider)
    {
        lock (_running)
        {
            return _running.ContainsKey((personId, provider));
        }
    }

    /// <summary>Starts a run unless one is running for the pair; false when the provider has no sources here or one runs already.</summary>
    public bool Start(string personId, string provider)
    {
        if (!runner.Knows(provider) || _stopping.IsCancellationRequested)
        {
            return false;
        }

        lock (_running)
        {
            if (_running.ContainsKey((personId, provider)))
            {
                return false;
            }

            // The run removes itself under the same lock, so it cannot finish before it is listed.
            _running[(personId, provider)] = Task.Run(() => RunAsync(personId, provider));
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_running)
        {
            running = [.. _running.Values];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(string personId, string provider)
    {
        try
        {
            var summary = await runner.RunAsync(personId, provider, SyncMode.Incremental, null, null, null, _stopping.Token);
            Log.SyncFinished(logger, personId, provider, summary.Outcome, summary.Records);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            Log.SyncFailed(logger, personId, provider, e);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            lock (_running)
            {
                _running.Remove((personId, provider));
            }
        }
    }
}
