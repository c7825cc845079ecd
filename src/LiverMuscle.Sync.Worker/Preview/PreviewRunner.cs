using System.CommandLine;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
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
    public static async Task<int> RunAsync(ParseResult parse, DirectoryInfo output, string user, int days, bool demo, TextWriter log, CancellationToken cancellationToken)
    {
        if (demo)
        {
            await using var environment = await DemoEnvironment.StartAsync(parse, user, days, log, cancellationToken);
            await environment.BackfillAsync(days, log, cancellationToken);
            await environment.AddBloodWorkAsync(days, cancellationToken);
            await environment.EvaluateAlertsAsync(cancellationToken);
            return await RenderAsync(environment.Services, output, user, days, log, cancellationToken);
        }

        await using var app = WorkerHost.Build(parse);
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
        return 0;
    }
}
