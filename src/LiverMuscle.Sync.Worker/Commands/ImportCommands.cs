using System.CommandLine;
using LiverMuscle.Sync.Providers.Manual;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>import fitbit-export</c>: history from a Fitbit data export (a folder or its .zip), idempotent with the API's
/// data; <c>import daily-totals</c>: a day per row of protein and other totals. Both run through the sync runner like
/// any sync (a <c>sync_run</c>, adherence and derived markers recomputed for the imported weeks); bad records are
/// named on stderr (exit code 3), the rest stored.
/// </summary>
internal static class ImportCommands
{
    public static Command Create() => new("import", "Import history from files.") { FitbitExport(), DailyTotals() };

    private static Command FitbitExport()
    {
        var path = new Argument<string>("path") { Description = "The export folder or its .zip (Google Takeout 'Fitbit' / 'Google Health', or a fitbit.com archive)." };
        var user = new Option<string>("--user") { Description = "The user the export belongs to (created if missing, in UTC until a provider tells their zone).", Required = true };
        var fitbit = new Command("fitbit-export", "Import strength sessions, weigh-ins and body fat from a Fitbit data export.") { path, user };
        fitbit.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var outcome = await app.Services.GetRequiredService<FitbitExportRunner>()
                .ImportPathAsync(PersonOptions.Read(parse, user), Path.GetFullPath(parse.GetValue(path)!), cancellationToken);
            if (outcome.Problem is { } problem)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, problem);
            }

            foreach (var line in outcome.Lines)
            {
                Console.Out.WriteLine(line);
            }

            return outcome.Failed ? ExitCodes.Failed : VerbOutput.ExitCodeOf([outcome.Run!]);
        });
        return fitbit;
    }

    private static Command DailyTotals()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV with a header: date (yyyy-MM-dd) and any of protein_g, energy_kcal, carbs_g, fat_g, fiber_g, in any order." };
        var user = PersonOptions.User("The person whose days they are");
        var command = new Command("daily-totals", "Import a day per row of protein and other totals (from Cronometer, MyFitnessPal, Apple Health…); bad rows are named, the rest stored.") { file, user };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            return path.Exists
                ? LogCommands.StoreAsync(parse, user, async (entries, userId, token) =>
                {
                    await using var content = path.OpenRead();
                    return await entries.ImportDailyTotalsAsync(userId, content, token);
                }, cancellationToken)
                : throw new UsageException($"File '{path.FullName}' does not exist.");
        });
        return command;
    }
}
