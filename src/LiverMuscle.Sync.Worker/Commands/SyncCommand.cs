using System.CommandLine;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>sync --user ID</c>: one incremental sync now, outside the scheduler.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The user to sync.", Required = true };
        var provider = new Option<string?>("--provider") { Description = "Only this provider (default: every connected one)." };
        var command = new Command("sync", "Run one incremental sync now and print what it did.") { user, provider };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userId = PersonOptions.Read(parse, user);
            await using var app = WorkerHost.CreateBuilder(parse).Build();
            var runner = app.Services.GetRequiredService<SyncRunner>();
            IReadOnlyList<string> providers;
            if (parse.GetValue(provider) is { } only)
            {
                if (!runner.Knows(only))
                {
                    return await VerbOutput.FailAsync(ExitCodes.Usage, $"Unknown provider '{only}'. Known: {string.Join(", ", ProviderNames.All)}.");
                }

                providers = [only];
            }
            else
            {
                var connections = await app.Services.GetRequiredService<ITokenStore>().ListAsync(cancellationToken);
                providers = [.. connections.Where(c => c.UserId == userId && runner.Knows(c.Provider)).Select(c => c.Provider)];
                if (providers.Count == 0)
                {
                    return await VerbOutput.FailAsync(ExitCodes.Failed, $"User '{userId}' has no provider connection; run 'auth <provider> --user {userId}' first.");
                }
            }

            var failed = false;
            foreach (var name in providers)
            {
                var summary = await runner.RunAsync(userId, name, SyncMode.Incremental, null, null, null, cancellationToken);
                Console.Out.WriteLine(VerbOutput.Describe(summary));
                failed |= summary.Outcome == SyncOutcome.Failed;
            }

            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
