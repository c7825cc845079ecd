using System.CommandLine;
using System.Globalization;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>markers add</c> and <c>markers import</c>: health markers into <c>health_marker</c>. Exit code 0 when every
/// value was stored, 3 when some were not (each named on stderr with its line or entry), 2 on bad usage, 6 when
/// InfluxDB does not answer (nothing is stored then).
/// </summary>
internal static class MarkersCommands
{
    public static Command Create()
    {
        var command = new Command("markers", "Enter or import health markers (blood work, liver scans, strength self-tests).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Add()
    {
        var user = new Option<string>("--user") { Description = "The user's id.", Required = true };
        var marker = new Option<string>("--marker") { Description = "alt, ast, ggt, platelets, albumin, hba1c, cap, liver_stiffness, grip_strength, chair_stand_5x, stairs_climbed.", Required = true };
        var value = new Option<double>("--value") { Description = "The value, in --unit.", Required = true };
        var unit = new Option<string>("--unit") { Description = "The unit the value is in, e.g. U/L, µkat/L, g/L, 10^9/L.", Required = true };
        var date = new Option<string>("--date") { Description = "yyyy-MM-dd (the user's local day) or an ISO 8601 time with offset.", Required = true };
        var command = new Command("add", "Store one marker value, converted to its canonical unit.") { user, marker, value, unit, date };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!MarkerDateParser.TryParse(parse.GetValue(date)!, out var time))
            {
                throw new UsageException($"--date '{parse.GetValue(date)}' is not yyyy-MM-dd or an ISO 8601 time with offset.");
            }

            var userId = PersonOptions.Read(parse, user);
            await using var app = WorkerHost.Build(parse);
            await PersonOptions.RequireKnownAsync(app.Services, userId, cancellationToken);
            if (await InfluxDbRequirement.ProblemAsync(app.Services, "nothing was stored", cancellationToken) is { } problem)
            {
                return await VerbOutput.FailAsync(ExitCodes.Unavailable, problem);
            }

            return await PrintAsync(() => app.Services.GetRequiredService<MarkerRecorder>()
                .AddAsync(userId, parse.GetValue(marker)!, parse.GetValue(value), parse.GetValue(unit)!, time, cancellationToken));
        });
        return command;
    }

    private static Command Import()
    {
        var user = new Option<string>("--user") { Description = "The user's id.", Required = true };
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV (date,marker,value,unit) or a FHIR R4 Bundle (.json) of lab Observations." };
        var format = new Option<string?>("--format") { Description = "csv or fhir; by default from the file extension (.json = fhir)." };
        var command = new Command("import", "Import markers from a CSV file or a FHIR R4 Bundle; bad rows are reported, the rest stored. Re-importing changes nothing.")
        {
            file,
            user,
            format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"File '{path.FullName}' does not exist.");
            }

            var kind = parse.GetValue(format)?.ToLowerInvariant() ?? (path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? "fhir" : "csv");
            if (kind is not ("csv" or "fhir"))
            {
                throw new UsageException($"--format must be csv or fhir, got '{kind}'.");
            }

            var userId = PersonOptions.Read(parse, user);
            await using var app = WorkerHost.Build(parse);
            await PersonOptions.RequireKnownAsync(app.Services, userId, cancellationToken);
            if (await InfluxDbRequirement.ProblemAsync(app.Services, "nothing was imported", cancellationToken) is { } problem)
            {
                return await VerbOutput.FailAsync(ExitCodes.Unavailable, problem);
            }

            var recorder = app.Services.GetRequiredService<MarkerRecorder>();
            return await PrintAsync(() => kind == "csv"
                ? recorder.ImportCsvAsync(userId, path.FullName, cancellationToken)
                : ImportFhirAsync(recorder, userId, path.FullName, cancellationToken));
        });
        return command;
    }

    private static async Task<MarkerImportReport> ImportFhirAsync(MarkerRecorder recorder, string user, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await recorder.ImportFhirAsync(user, path, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }

    private static async Task<int> PrintAsync(Func<Task<MarkerImportReport>> store)
    {
        MarkerImportReport report;
        try
        {
            report = await store();
        }
        catch (PersonNotFoundException unknown)
        {
            throw new UsageException(unknown.Message);
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {report.Stored} marker value(s), {report.Errors.Count} not stored"));
        foreach (var error in report.Errors)
        {
            Console.Error.WriteLine(error.ToString());
        }

        return report.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
    }
}
