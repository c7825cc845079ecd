using System.CommandLine;
using System.Text;
using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>console set-password</c>: the web console's operator password, read from standard input (never an argument).</summary>
internal static class ConsoleCommands
{
    public static Command Create()
    {
        var command = new Command("console", "Manage the web console served by 'run'.");
        var setPassword = new Command("set-password", "Set the operator's console password, read from standard input (typed unseen on a terminal, or the first line of a pipe).");
        setPassword.SetAction(async (parse, cancellationToken) =>
        {
            var password = await ReadPasswordAsync(cancellationToken);
            if (password is null)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, "No password on standard input; type it, or pipe it in (e.g. from a password manager).");
            }

            if (OperatorPassword.Problem(password) is { } problem)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, problem);
            }

            await using var app = WorkerHost.Build(parse);
            await app.Services.GetRequiredService<OperatorPassword>().SetAsync(password, cancellationToken);
            Console.Out.WriteLine("Console password set; sign in at /signin on Sync:Push:ListenUrl while 'run' is running.");
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(setPassword);
        return command;
    }

    private static async Task<string?> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            return await Console.In.ReadLineAsync(cancellationToken) is { Length: > 0 } line ? line.TrimEnd('\r') : null;
        }

        await Console.Error.WriteAsync("New console password: ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        await Console.Error.WriteLineAsync();
        return typed.Length == 0 ? null : typed.ToString();
    }
}
