using System.CommandLine;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>sync --user ID</c>: one incremental sync now, outside the scheduler. Its first write replays what other runs left
/// in the write spool; while batches still wait there it exits with <see cref="ExitCodes.Spooled"/>.
/// </summary>
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

            var summaries = new List<SyncRunSummary>();
            foreach (var name in providers)
            {
                var summary = await runner.RunAsync(userId, name, SyncMode.Incremental, null, null, null, cancellationToken);
                Console.Out.WriteLine(VerbOutput.Describe(summary));
                summaries.Add(summary);
            }

            return VerbOutput.ExitCodeOf(summaries);
        });
        return command;
    }
}
