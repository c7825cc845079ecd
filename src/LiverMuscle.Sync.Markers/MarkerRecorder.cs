using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Markers.Derived;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Markers;

/// <summary>
/// Stores marker values as <c>health_marker</c> points in canonical units, one point per (user, marker, source, time):
/// storing the same input again rewrites the same point. Bad inputs are reported with their location; the rest is
/// stored. FIB-4 is recomputed when AST, ALT or platelets arrive — once they are in InfluxDB, so after the write spool
/// replayed them when they were kept there. Values for a person the state store does not know are refused whole
/// (<see cref="PersonNotFoundException"/>).
/// </summary>
public sealed class MarkerRecorder(IPointSink sink, IUserStore users, Fib4Calculator fib4, IDeferredCompletionStore deferred, ILogger<MarkerRecorder> logger)
{
    private static readonly HashSet<string> Fib4Inputs = new([MarkerIds.Ast, MarkerIds.Alt, MarkerIds.Platelets], StringComparer.Ordinal);

    public Task<MarkerImportReport> AddAsync(string userId, string marker, double value, string unit, MarkerTime time, CancellationToken cancellationToken) =>
        StoreAsync(userId, new MarkerReadResult([new MarkerInput("input", marker, value, unit, time, Sources.Manual)], []), cancellationToken);

    public async Task<MarkerImportReport> ImportCsvAsync(string userId, string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        return await StoreAsync(userId, await CsvMarkerReader.ReadAsync(reader, cancellationToken), cancellationToken);
    }

    public async Task<MarkerImportReport> ImportFhirAsync(string userId, string path, CancellationToken cancellationToken) =>
        await StoreAsync(userId, FhirMarkerReader.Read(await File.ReadAllTextAsync(path, cancellationToken)), cancellationToken);

    public async Task<MarkerImportReport> StoreAsync(string userId, MarkerReadResult read, CancellationToken cancellationToken)
    {
        if (await users.GetAsync(userId, cancellationToken) is null)
        {
            throw new PersonNotFoundException(userId);
        }

        var zone = await users.GetTimeZoneAsync(userId, cancellationToken);
        var errors = new List<MarkerImportError>(read.Errors);
        var points = new List<Point>();
        var locations = new List<string>();
        var touchedFib4 = false;
        foreach (var input in read.Inputs)
        {
            if (!MarkerValue.TryCanonicalize(input.Marker, input.Value, input.Unit, out var definition, out var value, out var error))
            {
                errors.Add(new(input.Location, error));
                continue;
            }

            var point = PointBuilder.For(Measurements.HealthMarker)
                .Tag(TagNames.User, userId).Tag(TagNames.Marker, definition.Id).Tag(TagNames.Source, input.Source)
                .Field(FieldNames.HealthMarker.Value, value).Field(FieldNames.HealthMarker.Unit, definition.CanonicalUnit)
                .At(input.Time.ToUtc(zone)).Build();
            points.Add(point);
            locations.Add(input.Location);
            touchedFib4 |= Fib4Inputs.Contains(definition.Id);
        }

        var result = points.Count == 0 ? SinkWriteResult.Empty : await sink.WriteAsync(points, cancellationToken);
        errors.AddRange(result.Rejected.Select(r => new MarkerImportError(locations[r.Index], "refused by InfluxDB: " + r.Reason)));
        foreach (var error in errors)
        {
            Log.InputRejected(logger, userId, error.Location, error.Reason);
        }

        var stored = points.Count - result.Rejected.Count;
        Log.Stored(logger, userId, stored, errors.Count);
        if (touchedFib4 && result.Spooled > 0)
        {
            await deferred.AddAsync(new SyncCompleted(userId, Fib4SyncCompletedHandler.Provider, stored, points.Min(p => p.Timestamp), points.Max(p => p.Timestamp)), cancellationToken);
        }
        else if (touchedFib4)
        {
            await fib4.RecomputeAsync(userId, cancellationToken);
        }

        return new MarkerImportReport(stored, errors.OrderBy(e => e.Location, StringComparer.Ordinal).ToList());
    }
}
