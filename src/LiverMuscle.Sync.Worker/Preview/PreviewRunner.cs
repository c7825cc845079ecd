using System.CommandLine;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Commands;
using LiverMuscle.Sync.Worker.Demo;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>
/// <c>dashboards preview</c>: PNGs of every panel from the configured InfluxDB, or with <c>--demo</c> from what the
/// demo writes — both sandboxes synced, blood work stored, adherence computed and the alert rules evaluated.
/// </summary>
internal static class PreviewRunner
{
    /// <summary>Ten years: the longest history the demo and the dashboards are drawn over.</summary>
    public const int MaxDays = 3650;

    public static async Task<int> RunAsync(ParseResult parse, DirectoryInfo output, string user, int days, bool demo, TextWriter log, CancellationToken cancellationToken)
    {
        if (days is < 1 or > MaxDays)
        {
            return await VerbOutput.FailAsync(ExitCodes.Usage, $"--days must be between 1 and {MaxDays}, got {days}.");
        }

        if (demo)
        {
            await using var environment = await DemoEnvironment.StartAsync(parse, user, days, log, timings: null, cancellationToken);
            await environment.BackfillAsync(days, log, cancellationToken);
            await environment.AddBloodWorkAsync(days, cancellationToken);
            await environment.EvaluateAlertsAsync(cancellationToken);
            return await RenderAsync(environment.Services, output, user, days, log, cancellationToken);
        }

        await using var app = WorkerHost.Build(parse);
        if (await InfluxDbRequirement.ProblemAsync(app.Services, "there is nothing to draw from (--demo draws without it)", cancellationToken) is { } problem)
        {
            return await VerbOutput.FailAsync(ExitCodes.Unavailable, problem);
        }

        return await RenderAsync(app.Services, output, user, days, log, cancellationToken);
    }

    private static async Task<int> RenderAsync(IServiceProvider services, DirectoryInfo output, string user, int days, TextWriter log, CancellationToken cancellationToken)
    {
        var preview = new DashboardPreview(services.GetRequiredService<IInfluxQueryClient>(), services.GetRequiredService<TimeProvider>());
        var files = await preview.RenderAsync(output, user, TimeSpan.FromDays(days), log, cancellationToken);
        foreach (var file in files)
        {
            await log.WriteLineAsync(file);
        }

        await log.WriteLineAsync($"Rendered {files.Count} panels into {output.FullName}.");
        return ExitCodes.Ok;
    }
}
