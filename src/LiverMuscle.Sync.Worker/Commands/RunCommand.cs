using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
