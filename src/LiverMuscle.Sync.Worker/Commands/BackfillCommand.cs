using System.CommandLine;
using System.Globalization;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>backfill --user ID --provider P --since DATE</c>: history back to a date, resumably, with progress. A date before
/// the provider can hold any data is refused; the exit code says whether everything landed, some records were
/// refused, batches wait in the write spool, or the run failed.
/// </summary>
internal static class BackfillCommand
{
    /// <summary>No provider holds data from before this day: the first connected scales and trackers came out in 2009.</summary>
    internal static readonly DateOnly EarliestHistory = new(2009, 1, 1);

    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The user to backfill.", Required = true };
        var provider = new Option<string>("--provider") { Description = "The provider to read history from.", Required = true };
        var since = new Option<string>("--since") { Description = "First day to fetch, yyyy-MM-dd.", Required = true };
        var command = new Command("backfill", "Fetch history back to a date, resumably, with progress.") { user, provider, since };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userId = PersonOptions.Read(parse, user);
            var text = parse.GetValue(since)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"--since must be a date as yyyy-MM-dd, got '{text}'.");
            }

            if (day < EarliestHistory)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"--since {text} is before any provider holds data; use a date from {EarliestHistory:yyyy-MM-dd} on.");
            }

            var name = parse.GetValue(provider)!;
            await using var app = WorkerHost.CreateBuilder(parse).Build();
            var runner = app.Services.GetRequiredService<SyncRunner>();
            if (!runner.Knows(name))
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"Unknown provider '{name}'. Known: {string.Join(", ", ProviderNames.All)}.");
            }

            var time = app.Services.GetRequiredService<TimeProvider>();
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (start > time.GetUtcNow())
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"--since {text} is in the future.");
            }

            var progress = new ConsoleProgress(time);
            var summary = await runner.RunAsync(userId, name, SyncMode.Backfill, start, null, progress, cancellationToken);
            progress.Finish();
            Console.Out.WriteLine(VerbOutput.Describe(summary));
            return VerbOutput.ExitCodeOf([summary]);
        });
        return command;
    }

    /// <summary>One line, rewritten in place: done/total, percent and the time left at the rate so far.</summary>
    private sealed class ConsoleProgress(TimeProvider time) : IProgress<SyncProgress>
    {
        private readonly long _started = time.GetTimestamp();
        private bool _written;

        public void Report(SyncProgress value)
        {
            var elapsed = time.GetElapsedTime(_started);
            var fraction = value.Total > 0 ? Math.Clamp((double)value.Done / value.Total, 0, 1) : 0;
            var eta = fraction > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : (TimeSpan?)null;
            var line = string.Create(CultureInfo.InvariantCulture, $"{value.Done}/{value.Total} ({fraction * 100:0.0} %), ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?")}");
            Console.Out.Write("\r" + line.PadRight(48));
            _written = true;
        }

        public void Finish()
        {
            if (_written)
            {
                Console.Out.WriteLine();
            }
        }
    }
}
