using System.CommandLine;
using LiverMuscle.Sync.Providers.Manual;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>log session</c> and <c>log protein</c>: what no device measures, entered by hand and stored through the sync
/// runner as provider <c>manual</c> (a <c>sync_run</c>, adherence recomputed). Exit code 0 when stored, 2 for a bad
/// value (named by its option), 6 when InfluxDB does not answer (nothing is stored then).
/// </summary>
internal static class LogCommands
{
    public static Command Create()
    {
        var command = new Command("log", "Enter what no device measures: a strength session, a day's protein.");
        command.Subcommands.Add(Session());
        command.Subcommands.Add(Protein());
        return command;
    }

    /// <summary>Prints what was stored on stdout and each refused entry on stderr, and picks the exit code.</summary>
    public static async Task<int> PrintAsync(Func<Task<ManualEntryResult>> store)
    {
        ManualEntryResult result;
        try
        {
            result = await store();
        }
        catch (PersonNotFoundException unknown)
        {
            throw new UsageException(unknown.Message);
        }

        foreach (var entry in result.Stored)
        {
            Console.Out.WriteLine(ManualEntryMessages.Stored(entry));
        }

        if (result.Run is { } run)
        {
            Console.Out.WriteLine(VerbOutput.Describe(run));
        }

        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync(ManualEntryMessages.Error(result, error, "--"));
        }

        if (ManualEntryMessages.IgnoredColumns(result) is { } ignored)
        {
            await Console.Error.WriteLineAsync(ignored);
        }

        return result.Errors.Count > 0 && result.Stored.Count == 0
                ? result.Run is null && !result.Errors.Any(e => e.IsRow) ? ExitCodes.Usage : ExitCodes.Failed
            : result.Run is { SpooledBatches: > 0 } ? ExitCodes.Spooled
            : result.Errors.Count == 0 ? ExitCodes.Ok
            : ExitCodes.SomeRejected;
    }

    /// <summary>Builds the host, checks the person and InfluxDB, then stores; the exit code of <see cref="PrintAsync"/>.</summary>
    public static async Task<int> StoreAsync(ParseResult parse, Option<string> user, Func<ManualEntries, string, CancellationToken, Task<ManualEntryResult>> store, CancellationToken cancellationToken)
    {
        var userId = PersonOptions.Read(parse, user);
        await using var app = WorkerHost.Build(parse);
        await PersonOptions.RequireKnownAsync(app.Services, userId, cancellationToken);
        if (await InfluxDbRequirement.ProblemAsync(app.Services, "nothing was stored", cancellationToken) is { } problem)
        {
            return await VerbOutput.FailAsync(ExitCodes.Unavailable, problem);
        }

        return await PrintAsync(() => store(app.Services.GetRequiredService<ManualEntries>(), userId, cancellationToken));
    }

    private static Command Session()
    {
        var user = PersonOptions.User("The person who trained");
        var date = DateOption();
        var kind = new Option<string>("--kind") { Description = $"One of {string.Join(", ", ManualEntries.SessionKindNames)}.", Required = true };
        var minutes = new Option<int>("--minutes") { Description = $"How long it lasted, 1 to {ManualEntries.MaxSessionMinutes} minutes.", Required = true };
        var command = new Command("session", "Log a strength session (one per day and kind: logging it again corrects it).") { user, date, kind, minutes };
        command.SetAction((parse, cancellationToken) => StoreAsync(parse, user, (entries, userId, token) =>
            entries.LogSessionAsync(userId, ReadDate(parse, date), parse.GetValue(kind)!, parse.GetValue(minutes), token), cancellationToken));
        return command;
    }

    private static Command Protein()
    {
        var user = PersonOptions.User("The person whose day it is");
        var date = DateOption();
        var grams = new Option<double>("--grams") { Description = "The day's protein in grams (giving it again replaces it).", Required = true };
        var command = new Command("protein", "Log a day's protein for people who do not log food in an app.") { user, date, grams };
        command.SetAction((parse, cancellationToken) => StoreAsync(parse, user, (entries, userId, token) =>
            entries.LogProteinAsync(userId, ReadDate(parse, date), parse.GetValue(grams), token), cancellationToken));
        return command;
    }

    private static Option<string> DateOption() => new("--date") { Description = "The day, yyyy-MM-dd, in the person's time zone.", Required = true };

    private static DateOnly ReadDate(ParseResult parse, Option<string> option) =>
        ManualEntryMessages.ParseDay(parse.GetValue(option), "--date", out var problem) ?? throw new UsageException(problem!);
}
