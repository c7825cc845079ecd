using System.CommandLine;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using Microsoft.Extensions.Options;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>The command line's failure reporting, with verbs that fail the way real ones do.</summary>
public sealed class CliFailureTests
{
    [Fact]
    public async Task StateStoreProblem_IsItsMessageOnOneLine_Exit5()
    {
        const string message = "The key file /x/state.key is readable by other users; run 'chmod 600 /x/state.key'.";

        var (exitCode, error) = await RunAsync(new StateStoreException(message, new UnauthorizedAccessException("inner")));

        Assert.Equal(ExitCodes.StateStore, exitCode);
        Assert.Equal(message + Environment.NewLine, error);
    }

    [Fact]
    public async Task SeveralInvalidOptionsClasses_AreOneConfigurationError_Exit2()
    {
        var failure = new AggregateException(
            new OptionsValidationException("", typeof(object), ["Sync:PollInterval must be at least 00:01:00, got 00:00:10."]),
            new OptionsValidationException("", typeof(object), ["InfluxDb:BatchSize must be between 1 and 100000, got 0."]));

        var (exitCode, error) = await RunAsync(failure);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("Configuration error: Sync:PollInterval must be at least 00:01:00, got 00:00:10.", error, StringComparison.Ordinal);
        Assert.Contains("  InfluxDb:BatchSize must be between 1 and 100000, got 0.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableService_Exit6_NamingTheAddress()
    {
        var (exitCode, error) = await RunAsync(new InvalidOperationException("wrapped", new HttpRequestException("Connection refused (127.0.0.1:9)")));

        Assert.Equal(ExitCodes.Unavailable, exitCode);
        Assert.Contains("cannot be reached (Connection refused (127.0.0.1:9))", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_IsOneLineWithExit70_AndOnlyVerboseShowsTheStackTrace()
    {
        var bug = new InvalidOperationException("Sequence contains no elements");

        var (quietCode, quiet) = await RunAsync(bug);
        var (verboseCode, verbose) = await RunAsync(bug, "--verbose");

        Assert.Equal(ExitCodes.InternalError, quietCode);
        Assert.Equal(ExitCodes.InternalError, verboseCode);
        Assert.Equal("Internal error (InvalidOperationException: Sequence contains no elements); run again with --verbose for the stack trace and report it." + Environment.NewLine, quiet);
        Assert.Contains("   at ", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", quiet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_Exit130()
    {
        var (exitCode, error) = await RunAsync(new OperationCanceledException());

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Equal("Cancelled." + Environment.NewLine, error);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(Exception failure, params string[] extra)
    {
        var root = new RootCommand { Options = { GlobalOptions.Verbose } };
        var verb = new Command("fail");
        verb.SetAction(async (_, _) =>
        {
            await Task.Yield();
            throw failure;
        });
        root.Subcommands.Add(verb);
        using var error = new StringWriter();
        var exitCode = await LiverMuscleCli.RunAsync(root, ["fail", .. extra], error);
        return (exitCode, error.ToString());
    }
}
