using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.People;

/// <summary>
/// Writes everything stored about a person — profile, goals, connections, cursors, alert states, programme and
/// reminder occasions from the state store, and every InfluxDB measurement with their points (markers, sessions,
/// nutrition, body composition, adherence, alert history) — as a zip of CSV files with a <c>manifest.json</c>
/// listing each file.
/// </summary>
public sealed class PersonExporter(
    IPersonStore people,
    ITokenStore tokens,
    ISyncCursorStore cursors,
    ISyncRunLog runs,
    IAlertStateStore alerts,
    ProgrammeRegistry programmes,
    IReminderLog reminders,
    IInfluxQueryClient influx,
    TimeProvider time)
{
    private readonly StateExportTables _state = new(tokens, cursors, runs, alerts, programmes, reminders);
    private readonly InfluxExportTables _influx = new(influx);

    public const string Format = "livermuscle-sync person export 1";

    /// <summary>The manifest of what was written to <paramref name="zip"/>, or null for an unknown person.</summary>
    public async Task<PersonExportManifest?> ExportAsync(string personId, Stream zip, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(personId, cancellationToken) is not { } person)
        {
            return null;
        }

        var tables = new List<ExportTable>(await _state.ReadAsync(person, cancellationToken));
        tables.AddRange(await _influx.ReadAsync(personId, cancellationToken));
        var manifest = new PersonExportManifest(Format, person.Id, person.DisplayName, time.GetUtcNow(),
            [.. tables.Select(t => new PersonExportFile(t.Name, t.Contents, t.Rows.Count, t.Columns))]);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var table in tables)
        {
            await using var writer = new StreamWriter(archive.CreateEntry(table.Name).Open(), new UTF8Encoding(false));
            await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture });
            foreach (var row in table.Rows.Prepend(table.Columns))
            {
                await csv.WriteRecordAsync([.. row.Select(cell => cell ?? string.Empty)], cancellationToken);
            }
        }

        await using (var entry = archive.CreateEntry("manifest.json").Open())
        {
            await JsonSerializer.SerializeAsync(entry, manifest, PeopleJsonContext.Default.PersonExportManifest, cancellationToken);
        }

        return manifest;
    }
}
