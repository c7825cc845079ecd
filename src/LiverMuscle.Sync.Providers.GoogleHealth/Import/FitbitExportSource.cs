using System.Runtime.CompilerServices;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// A Fitbit data export as a sync source: strength sessions from <c>exercise-*.json</c> and <c>UserExercises_*.csv</c>,
/// weigh-ins and body fat from <c>weight-*.json</c> and the Takeout's <c>weight*.csv</c> / <c>body_fat_*.csv</c>. The
/// same session or weigh-in told by two files is one point. It runs through the sync runner like the API's sources, so
/// an import is written, counted after the sink answered, recorded as a sync run and followed by the completion
/// handlers (adherence, derived markers). It keeps no cursor: importing again rewrites the same points. Disposing it
/// removes the folder a zipped export was unpacked to.
/// </summary>
public sealed class FitbitExportSource : ISyncSource, IDisposable
{
    public const string ExportDataKind = "export";

    private const int BatchSize = 5000;

    private readonly string _root;
    private readonly IReadOnlyList<RecordError> _archiveErrors;
    private readonly IDisposable? _unpacked;
    private readonly IUserStore _users;
    private readonly IPersonStore _people;
    private readonly FitbitOptions _options;
    private readonly ILogger _logger;

    internal FitbitExportSource(string root, ExportArchive? archive, IUserStore users, IPersonStore people, FitbitOptions options, ILogger logger)
    {
        (_root, _unpacked, _archiveErrors) = (root, archive, archive?.Errors ?? []);
        (_users, _people, _options, _logger) = (users, people, options, logger);
    }

    public string Provider => ProviderNames.Fitbit;

    public string DataKind => ExportDataKind;

    public FitbitImportReport Report { get; } = new();

    public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = await _users.GetAsync(request.UserId, cancellationToken)
            ?? throw new InvalidOperationException($"No user '{request.UserId}'; create it first (e.g. with 'people add {request.UserId}').");
        var zone = await _users.GetTimeZoneAsync(request.UserId, cancellationToken);
        var height = (await _people.GetAsync(request.UserId, cancellationToken))?.HeightM;
        var files = ExportFiles.In(_root);
        var errors = new List<RecordError>(_archiveErrors);
        var points = Sessions(request.UserId, files, errors).Concat(Body(request.UserId, files, zone, height, errors)).ToList();
        Report.Files = files.Count(f => f.Kind is not (ExportFileKind.Profile or ExportFileKind.AppSettings));
        Report.Errors.AddRange(errors);
        for (var start = 0; start == 0 || start < points.Count; start += BatchSize)
        {
            yield return new SyncBatch(points.Skip(start).Take(BatchSize).ToList(), [], start == 0 ? errors : [], null);
        }
    }

    /// <summary>The folder read: the export itself, or where its zip was unpacked.</summary>
    internal string Folder => _root;

    public void Dispose() => _unpacked?.Dispose();

    private List<Point> Sessions(string userId, IReadOnlyList<(string Path, ExportFileKind Kind)> files, List<RecordError> errors)
    {
        var sessions = new Dictionary<(string, DateTimeOffset), ExportSession>();
        foreach (var (path, kind) in files)
        {
            var (read, failed) = kind switch
            {
                ExportFileKind.ExerciseJson => ExportJson.ReadRecords(path, record => ExportExercises.FromJson(record, _options, Report)),
                ExportFileKind.ExerciseCsv => ExportExercises.FromCsv(path, _options, Report),
                _ => new([], []),
            };
            errors.AddRange(failed);
            foreach (var session in read)
            {
                sessions[session.Key] = sessions.TryGetValue(session.Key, out var known) ? known.Merge(session) : session;
            }
        }

        Report.Sessions = sessions.Count;
        return Build(sessions.Values.Select(s => (s.Build(userId), $"session at {s.Start:O}")), errors);
    }

    private List<Point> Body(string userId, IReadOnlyList<(string Path, ExportFileKind Kind)> files, TimeZoneInfo zone, double? height, List<RecordError> errors)
    {
        var legacy = new List<LegacyWeighIn>();
        var samples = new List<BodySample>();
        foreach (var (path, kind) in files)
        {
            if (kind == ExportFileKind.WeightJson)
            {
                var (read, failed) = ExportJson.ReadRecords(path, ExportWeighIns.FromJson);
                legacy.AddRange(read);
                errors.AddRange(failed);
            }
            else if (kind is ExportFileKind.WeightCsv or ExportFileKind.BodyFatCsv)
            {
                var (read, failed) = kind == ExportFileKind.WeightCsv ? ExportWeighIns.FromWeightCsv(path) : ExportWeighIns.FromBodyFatCsv(path);
                samples.AddRange(read);
                errors.AddRange(failed);
            }
        }

        if (legacy.Count > 0)
        {
            var (decision, notes) = WeightUnitResolver.Resolve(files, _root, legacy, height, _options.ExportWeightUnit);
            Report.WeightUnit = decision;
            Report.Notes.AddRange(notes);
            Log.ExportWeightUnit(_logger, userId, decision.Unit, decision.Reason);
            foreach (var note in notes)
            {
                Log.ExportNote(_logger, userId, note);
            }

            foreach (var weighIn in legacy)
            {
                var sample = ExportWeighIns.ToSample(weighIn, decision.Unit, zone);
                if (sample.WeightKg > ExportWeighIns.HeaviestKg)
                {
                    errors.Add(new RecordError($"weight record {weighIn.LogId}", $"weight {weighIn.Weight} {decision.Unit} is not plausible"));
                    continue;
                }

                samples.Add(sample);
            }
        }

        var merged = ExportBody.Merge(samples);
        Report.WeighIns = merged.Count;
        return Build(merged.Select(s => (ExportBody.Build(userId, s), $"weigh-in at {s.Time:O}")), errors);
    }

    private static List<Point> Build(IEnumerable<(PointBuilder Builder, string What)> builders, List<RecordError> errors)
    {
        var points = new List<Point>();
        foreach (var (builder, what) in builders)
        {
            if (builder.TryBuild(out var point, out var error))
            {
                points.Add(point);
            }
            else
            {
                errors.Add(new RecordError(what, error));
            }
        }

        return points;
    }
}
