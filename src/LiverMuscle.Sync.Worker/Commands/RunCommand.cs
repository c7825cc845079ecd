using System.CommandLine;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>run</c> (the default verb): the hosted worker with its push, health and readiness endpoints.</summary>
internal static class RunCommand
{
    private const string WhatToDo = " Stop what is listening there or set Sync:Push:ListenUrl to another address.";

    public static Command Create()
    {
        var command = new Command("run", "Run the worker: scheduled and pushed syncs, adherence, alerts, Grafana provisioning (the default).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            app.MapWorkerEndpoints();
            if (ListenAddressProbe.Problem(WorkerHost.ListenUrl(app.Configuration)) is { } problem)
            {
                return await VerbOutput.FailAsync(ExitCodes.Unavailable, problem + WhatToDo);
            }

            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                // Kestrel cannot bind: the address is in use, not ours, or needs rights we lack.
                return await VerbOutput.FailAsync(ExitCodes.Unavailable, e.Message + WhatToDo);
            }

            var addresses = string.Join(", ", app.Urls);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RunCommand).FullName!);
            Log.Listening(logger, addresses);
            await Console.Out.WriteLineAsync($"Listening on {addresses} (/healthz, /readyz, push endpoints); Ctrl+C stops.");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
