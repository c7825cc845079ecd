using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
