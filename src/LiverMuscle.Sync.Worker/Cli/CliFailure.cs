using System.CommandLine;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Cli;

/// <summary>
/// How a verb that ended in an exception is reported: an expected failure as one line with its exit code (README,
/// "Exit codes"); anything else is a bug, exit 70, with its stack trace only under <c>--verbose</c>.
/// </summary>
internal static class CliFailure
{
    public static int Report(Exception exception, ParseResult parse, TextWriter error)
    {
        var (exitCode, message) = Describe(exception);
        error.WriteLine(message);
        if (exitCode == ExitCodes.InternalError && parse.GetValue(GlobalOptions.Verbose))
        {
            error.WriteLine(exception.ToString());
        }

        return exitCode;
    }

    public static (int ExitCode, string Message) Describe(Exception exception) => exception switch
    {
        UsageException usage => (ExitCodes.Usage, usage.Message),
        OptionsValidationException invalid => (ExitCodes.Usage, Configuration(invalid.Failures)),
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            (ExitCodes.Usage, Configuration(many.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures))),
        StateStoreException state => (ExitCodes.StateStore, state.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "Cancelled."),
        _ when Unreachable(exception) is { } unreachable =>
            (ExitCodes.Unavailable, $"A service this command needs cannot be reached ({unreachable.Message}); check that it runs and the URL in the settings (e.g. InfluxDb:Url), then try again."),
        _ => (ExitCodes.InternalError, $"Internal error ({exception.GetType().Name}: {exception.Message}); run again with --verbose for the stack trace and report it."),
    };

    private static string Configuration(IEnumerable<string> failures) => "Configuration error: " + string.Join(Environment.NewLine + "  ", failures);

    private static HttpRequestException? Unreachable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is HttpRequestException http)
            {
                return http;
            }
        }

        return null;
    }
}
