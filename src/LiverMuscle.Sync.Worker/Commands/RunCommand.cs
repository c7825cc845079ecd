using System.CommandLine;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.Hosting;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>run</c> (the default verb): the hosted worker with its push, health and readiness endpoints.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the worker: scheduled and pushed syncs, adherence, alerts, Grafana provisioning (the default).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            app.MapWorkerEndpoints();
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
