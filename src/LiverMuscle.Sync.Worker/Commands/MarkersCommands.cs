using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

internal static class MarkersCommands
{
    public static Command Create()
    {
        var command = new Command("markers", "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
