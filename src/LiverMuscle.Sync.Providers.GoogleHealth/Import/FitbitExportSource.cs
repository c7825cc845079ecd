using System.Runtime.CompilerServices;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// A Fitbit data export as a sync source, one batch per file: strength sessions from <c>exercise-*.json</c> and
/// <c>UserExercises_*.csv</c>, weigh-ins and body fat from <c>weight-*.json</c>. It runs through the sync runner like
/// the API's sources, so an import is written, counted, recorded as a sync run and followed by the completion
/// handlers (adherence, derived markers) the same way. It keeps no cursor: importing again rewrites the same points.
/// </summary>
public sealed class FitbitExportSource(string path, IUserStore users, FitbitOptions options) : ISyncSource
{
    public const string ExportDataKind = "export";

    public string Provider => ProviderNames.Fitbit;

    public string DataKind => ExportDataKind;

    public FitbitImportReport Report { get; } = new();

    public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = await users.GetAsync(request.UserId, cancellationToken)
            ?? throw new InvalidOperationException($"No user '{request.UserId}'; create it first (e.g. with 'auth fitbit --user {request.UserId}').");
        var zone = await users.GetTimeZoneAsync(request.UserId, cancellationToken);
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Read(request.UserId, file, zone) is not var (points, errors, weighIns))
            {
                continue;
            }

            Report.Files++;
            Report.Sessions += weighIns ? 0 : points.Count;
            Report.WeighIns += weighIns ? points.Count : 0;
            Report.Errors.AddRange(errors);
            yield return new SyncBatch(points, [], errors, null);
        }
    }

    /// <summary>The points and errors of one file of a kind an import reads; null for other files.</summary>
    private (IReadOnlyList<Point> Points, IReadOnlyList<RecordError> Errors, bool WeighIns)? Read(string userId, string file, TimeZoneInfo zone)
    {
        var name = Path.GetFileName(file);
        if (Is(name, "exercise-", ".json"))
        {
            var (points, errors) = ExportJson.ReadRecords(file, record => ExportExercises.FromJson(userId, record, zone, options, Report));
            return (points, errors, false);
        }

        if (Is(name, "UserExercises", ".csv"))
        {
            var (points, errors) = ExportExercises.FromCsv(userId, file, options, Report);
            return (points, errors, false);
        }

        if (Is(name, "weight-", ".json"))
        {
            var (points, errors) = ExportJson.ReadRecords(file, record => ExportWeights.FromJson(userId, record, zone, options));
            return (points, errors, true);
        }

        return null;
    }

    private static bool Is(string name, string prefix, string extension) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
}
