using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

internal static class AlertsCommands
{
    public static Command Create()
    {
        var command = new Command("alerts", "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
