using System.CommandLine;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using LiverMuscle.Sync.Worker.Status;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>status</c>: what the state store knows, per user and provider.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var user = new Option<string?>("--user") { Description = "Only this user." };
        var command = new Command("status", "Show users, provider connections, token expiry, cursors, request budget and the last sync outcome.")
        {
            user,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var report = await app.Services.GetRequiredService<StatusReporter>().BuildAsync(parse.GetValue(user), cancellationToken);
            Console.Out.Write(report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
