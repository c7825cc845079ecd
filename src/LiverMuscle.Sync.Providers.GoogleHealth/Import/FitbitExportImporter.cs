using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// Opens a Fitbit data export (Google Takeout <c>Global Export Data</c> or a fitbit.com archive) as a source for the
/// sync runner. Points get the same identity as the API's (source fitbit, session start or weigh-in time, the same
/// kind mapping, no device tag), so importing and syncing the same period never counts anything twice. Times without
/// an offset are the user's local time; weights are in <c>Fitbit:ExportWeightUnit</c>.
/// </summary>
public sealed class FitbitExportImporter(IUserStore users, IOptions<FitbitOptions> options)
{
    public FitbitExportSource Open(string path) =>
        Directory.Exists(path)
            ? new FitbitExportSource(path, users, options.Value)
            : throw new DirectoryNotFoundException($"The Fitbit export folder '{path}' does not exist.");
}
