using System.CommandLine;
using LiverMuscle.Sync.Worker.Commands;

namespace LiverMuscle.Sync.Worker.Cli;

/// <summary>The <c>livermuscle-sync</c> command line: <c>run</c> (the default) and the one-shot verbs.</summary>
internal static class LiverMuscleCli
{
    /// <summary>Parses and runs one command line; a parse error is a usage error (exit 2), one line per error.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter error)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"{problem.Message} (see --help)");
            }

            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return CliFailure.Report(e, parse, error);
        }
    }

    public static RootCommand Create()
    {
        var root = new RootCommand("LiverMuscle.Sync: syncs strength training, protein and body composition into InfluxDB.");
        root.Options.Add(GlobalOptions.ConfigFile);
        root.Options.Add(GlobalOptions.Set);
        root.Options.Add(GlobalOptions.Verbose);

        var run = RunCommand.Create();
        root.Subcommands.Add(run);
        root.Action = run.Action;

        foreach (var command in new[]
                 {
                     StatusCommand.Create(),
                     AuthCommand.Create(),
                     PeopleCommands.Create(),
                     ConsoleCommands.Create(),
                     SyncCommand.Create(),
                     BackfillCommand.Create(),
                     ImportCommands.Create(),
                     LogCommands.Create(),
                     DemoCommand.Create(),
                     SandboxCommand.Create(),
                     DashboardsCommands.Create(),
                     MarkersCommands.Create(),
                     AlertsCommands.Create(),
                 })
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
