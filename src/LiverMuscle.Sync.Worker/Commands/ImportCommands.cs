using System.CommandLine;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>import fitbit-export</c>: history from a Fitbit data export, idempotent with the API's data.</summary>
internal static class ImportCommands
{
    public static Command Create()
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "The export folder (Google Takeout 'Fitbit' / 'Global Export Data', or a fitbit.com archive)." };
        var user = new Option<string>("--user") { Description = "The user the export belongs to (created if missing).", Required = true };
        var fitbit = new Command("fitbit-export", "Import strength sessions, weigh-ins and body fat from a Fitbit data export.") { path, user };
        fitbit.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            if (app.Services.GetService<FitbitExportImporter>() is not { } importer)
            {
                await Console.Error.WriteLineAsync("The Fitbit connector is off: set Fitbit:ClientId and Fitbit:ClientSecret (see README) to import an export.");
                return 2;
            }

            var userId = PersonOptions.Read(parse, user);
            if (await app.Services.GetRequiredService<PersonRegistry>().EnsureAsync(userId, null, cancellationToken) is { Succeeded: false } ensured)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, ensured.Errors));
                return 2;
            }

            FitbitImportReport report;
            try
            {
                report = await importer.ImportAsync(userId, parse.GetValue(path)!.FullName, cancellationToken);
            }
            catch (DirectoryNotFoundException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            foreach (var error in report.Errors)
            {
                await Console.Error.WriteLineAsync("  skipped: " + error);
            }

            Console.Out.WriteLine($"Imported {report.Sessions} strength sessions and {report.WeighIns} weigh-ins for {userId} from {report.Files} files; {report.Ignored} other activities ignored, {report.Errors.Count} records skipped.");
            return report.Files == 0 ? 1 : 0;
        });
        return new Command("import", "Import history from files.") { fitbit };
    }
}
