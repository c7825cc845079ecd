using System.Globalization;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Web.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>
/// The console's marker forms and uploads, read into the inputs <see cref="MarkerRecorder"/> stores — the same
/// readers and recorder as <c>markers add</c> and <c>markers import</c>. A value that cannot be read becomes an
/// error of the report, like a bad CSV row.
/// </summary>
internal sealed class MarkerEntry(MarkerRecorder recorder, IOptionsMonitor<ConsoleOptions> options)
{
    public Task<MarkerImportReport> AddAsync(string personId, MarkerForm form, CancellationToken cancellationToken)
    {
        var errors = new List<MarkerImportError>();
        var time = Day(form.Date, "date", errors);
        var choice = form.ParsedChoice;
        if (choice is null)
        {
            errors.Add(new("marker", "choose a marker and its unit"));
        }

        var value = Number(form.Value, "value", errors);
        var inputs = errors.Count == 0 ? new[] { new MarkerInput("input", choice!.Value.Marker, value!.Value, choice.Value.Unit, time!.Value, Sources.Manual) } : [];
        return recorder.StoreAsync(personId, new MarkerReadResult(inputs, errors), cancellationToken);
    }

    public Task<MarkerImportReport> AddSelfTestAsync(string personId, SelfTestForm form, CancellationToken cancellationToken)
    {
        var errors = new List<MarkerImportError>();
        var time = Day(form.Date, "date", errors);
        var inputs = new List<MarkerInput>();
        foreach (var (text, marker, unit, name) in new[]
                 {
                     (form.GripKg, MarkerIds.GripStrength, "kg", "grip strength"),
                     (form.ChairStandSeconds, MarkerIds.ChairStand5x, "s", "5× chair stand"),
                     (form.StairsFlights, MarkerIds.StairsClimbed, "flights", "stairs climbed"),
                 })
        {
            if (!string.IsNullOrWhiteSpace(text) && Number(text, name, errors) is { } value && time is { } day)
            {
                inputs.Add(new MarkerInput(name, marker, value, unit, day, Sources.Manual));
            }
        }

        if (inputs.Count == 0 && errors.Count == 0)
        {
            errors.Add(new("self-test", "enter at least one result"));
        }

        return recorder.StoreAsync(personId, new MarkerReadResult(inputs, errors), cancellationToken);
    }

    /// <summary>A marker CSV (<c>date,marker,value,unit</c>) or a FHIR R4 Bundle (<c>.json</c>); a file that cannot be read at all is one error.</summary>
    public async Task<MarkerImportReport> ImportAsync(string personId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (UploadLimit.Problem(file, options.CurrentValue.MaxUploadBytes, "a marker CSV or a FHIR R4 Bundle (.json)") is { } problem)
        {
            return new MarkerImportReport(0, [new(file is null || file.Length == 0 ? "file" : file.FileName, problem)]);
        }

        using var reader = new StreamReader(file!.OpenReadStream());
        MarkerReadResult read;
        if (file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                read = FhirMarkerReader.Read(await reader.ReadToEndAsync(cancellationToken));
            }
            catch (InvalidDataException e)
            {
                return new MarkerImportReport(0, [new(file.FileName, e.Message)]);
            }
        }
        else
        {
            read = await CsvMarkerReader.ReadAsync(reader, cancellationToken);
        }

        return await recorder.StoreAsync(personId, read, cancellationToken);
    }

    private static MarkerTime? Day(string? text, string location, List<MarkerImportError> errors)
    {
        if (text is not null && MarkerDateParser.TryParse(text, out var time))
        {
            return time;
        }

        errors.Add(new(location, $"'{text}' is not a date as yyyy-MM-dd"));
        return null;
    }

    private static double? Number(string? text, string location, List<MarkerImportError> errors)
    {
        if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new(location, $"'{text}' is not a number"));
        return null;
    }
}
