using System.CommandLine;
using LiverMuscle.Sync.Worker.Commands;

namespace LiverMuscle.Sync.Worker.Cli;

/// <summary>The <c>livermuscle-sync</c> command line: <c>run</c> (the default) and the one-shot verbs.</summary>
internal static class LiverMuscleCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("LiverMuscle.Sync: syncs strength training, protein and body composition into InfluxDB.");
        root.Options.Add(GlobalOptions.ConfigFile);
        root.Options.Add(GlobalOptions.Set);

        var run = RunCommand.Create();
        root.Subcommands.Add(run);
        root.Action = run.Action;

        foreach (var command in new[]
                 {
                     StatusCommand.Create(),
                     AuthCommand.Create(),
                     PeopleCommands.Create(),
                     SyncCommand.Create(),
                     BackfillCommand.Create(),
                     ImportCommands.Create(),
                     DemoCommand.Create(),
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
