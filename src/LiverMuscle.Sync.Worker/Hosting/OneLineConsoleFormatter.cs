using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>
/// One line per log entry: level, category, event id, message and, for an exception, its type and message. The stack
/// trace follows only under <c>--verbose</c>: an expected failure logged with its exception (InfluxDB down, a provider
/// refusing) is not a bug.
/// </summary>
internal sealed class OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "livermuscle";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var exception = logEntry.Exception;
        textWriter.Write($"{Level(logEntry.LogLevel)}: {logEntry.Category}[{logEntry.EventId.Id}] {message}");
        if (exception is not null)
        {
            var cause = exception.GetBaseException();
            textWriter.Write(cause == exception ? $" ({exception.GetType().Name}: {exception.Message})" : $" ({exception.GetType().Name}: {exception.Message} ← {cause.GetType().Name}: {cause.Message})");
            if (options.CurrentValue.IncludeStackTraces)
            {
                textWriter.Write(Environment.NewLine + exception);
            }
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
