using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// A Fitbit data export brought by a person, for <c>import fitbit-export</c> and the console's upload alike: opened
/// (a folder or a zip), the person created when missing (in UTC until a provider tells their zone), and written
/// through the sync runner as a backfill, idempotent with the API's data.
/// </summary>
public sealed class FitbitExportRunner(FitbitExportImporter importer, PersonRegistry registry, SyncRunner runner)
{
    /// <summary>The export's folder or its .zip file.</summary>
    public Task<FitbitExportOutcome> ImportPathAsync(string userId, string path, CancellationToken cancellationToken) =>
        ImportAsync(userId, () => importer.Open(path), cancellationToken);

    /// <summary>A zipped export as a seekable stream (an upload named <paramref name="name"/>).</summary>
    public Task<FitbitExportOutcome> ImportZipAsync(string userId, Stream zip, string name, CancellationToken cancellationToken) =>
        ImportAsync(userId, () => importer.OpenArchive(zip, name, ExportArchiveLimits.Default), cancellationToken);

    private async Task<FitbitExportOutcome> ImportAsync(string userId, Func<FitbitExportSource> open, CancellationToken cancellationToken)
    {
        FitbitExportSource source;
        try
        {
            source = open();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or ExportArchiveException)
        {
            return FitbitExportOutcome.Refused(e.Message);
        }

        using (source)
        {
            if (await registry.EnsureAsync(userId, null, cancellationToken) is { Succeeded: false } ensured)
            {
                return FitbitExportOutcome.Refused(string.Join(Environment.NewLine, ensured.Errors));
            }

            var summary = await runner.RunAsync(new SyncRequest(userId, null, SyncMode.Backfill), source, null, cancellationToken);
            return new FitbitExportOutcome(summary, source.Report, null);
        }
    }
}
