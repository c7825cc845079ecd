using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>auth</c>, <c>sync</c> and <c>backfill</c>.</summary>
internal static class ProviderCommands
{
    public static Command Auth() => Placeholder("auth");

    public static Command Sync() => Placeholder("sync");

    public static Command Backfill() => Placeholder("backfill");

    private static Command Placeholder(string name)
    {
        var command = new Command(name, "TODO");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
