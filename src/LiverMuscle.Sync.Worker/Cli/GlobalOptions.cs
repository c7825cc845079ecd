using System.CommandLine;

namespace LiverMuscle.Sync.Worker.Cli;

/// <summary>Options every verb understands: an extra settings file, single configuration overrides, verbosity.</summary>
internal static class GlobalOptions
{
    public static Option<FileInfo?> ConfigFile { get; } = new("--config")
    {
        Description = "An extra JSON settings file, read after appsettings.json.",
        Recursive = true,
    };

    public static Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one setting, e.g. --set InfluxDb:Url=http://127.0.0.1:8086 (repeatable, each key once).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log at Debug level instead of Warning, and show the stack trace of an unexpected error.",
        Recursive = true,
    };
}
