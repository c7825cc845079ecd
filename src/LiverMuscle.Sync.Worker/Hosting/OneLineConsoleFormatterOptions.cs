using Microsoft.Extensions.Logging.Console;

namespace LiverMuscle.Sync.Worker.Hosting;

internal sealed class OneLineConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>Write an exception's stack trace after its line (<c>--verbose</c>).</summary>
    public bool IncludeStackTraces { get; set; }
}
