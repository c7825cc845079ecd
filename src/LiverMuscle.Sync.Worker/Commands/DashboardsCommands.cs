using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

internal static class DashboardsCommands
{
    public static Command Create()
    {
        var command = new Command("dashboards", "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
