using System.CommandLine;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>import fitbit-export</c>: history from a Fitbit data export, idempotent with the API's data, through the sync
/// runner like any sync (a <c>sync_run</c>, adherence and derived markers recomputed for the imported weeks).
/// </summary>
internal static class ImportCommands
{
    public static Command Create()
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "The export folder (Google Takeout 'Fitbit' / 'Global Export Data', or a fitbit.com archive)." };
        var user = new Option<string>("--user") { Description = "The user the export belongs to (created if missing, in UTC until a provider tells their zone).", Required = true };
        var fitbit = new Command("fitbit-export", "Import strength sessions, weigh-ins and body fat from a Fitbit data export.") { path, user };
        fitbit.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            if (app.Services.GetService<FitbitExportImporter>() is not { } importer)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, "The Fitbit connector is off: set Fitbit:ClientId and Fitbit:ClientSecret (see README) to import an export.");
            }

            FitbitExportSource source;
            try
            {
                source = importer.Open(parse.GetValue(path)!.FullName);
            }
            catch (DirectoryNotFoundException e)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, e.Message);
            }

            var userId = PersonOptions.Read(parse, user);
            if (await app.Services.GetRequiredService<PersonRegistry>().EnsureAsync(userId, null, cancellationToken) is { Succeeded: false } ensured)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, ensured.Errors));
                return ExitCodes.Usage;
            }

            var summary = await app.Services.GetRequiredService<SyncRunner>().RunAsync(new SyncRequest(userId, null, SyncMode.Backfill), source, null, cancellationToken);
            Console.Out.WriteLine(VerbOutput.Describe(summary));
            Console.Out.WriteLine($"  from {source.Report.Files} files: {source.Report.Sessions} strength sessions and {source.Report.WeighIns} weigh-ins read, {source.Report.Ignored} other activities ignored.");
            return summary.Outcome == SyncOutcome.Failed || source.Report.Files == 0 ? ExitCodes.Failed
                : summary.Outcome == SyncOutcome.Partial ? ExitCodes.SomeRejected
                : ExitCodes.Ok;
        });
        return new Command("import", "Import history from files.") { fitbit };
    }
}
