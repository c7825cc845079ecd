using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

internal static class ImportCommands
{
    public static Command Create()
    {
        var command = new Command("import", "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
