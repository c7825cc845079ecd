using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
