using System.CommandLine;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Provisioning;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using LiverMuscle.Sync.Worker.Preview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>dashboards export</c> and <c>dashboards provision</c>: the Grafana dashboards as code.</summary>
internal static class DashboardsCommands
{
    public static Command Create()
    {
        var command = new Command("dashboards", "Grafana dashboards: export the generated JSON, or provision Grafana through its HTTP API.");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Provision());
        command.Subcommands.Add(Preview());
        return command;
    }

    private static Command Preview()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for the PNG files.", DefaultValueFactory = _ => new DirectoryInfo("dashboard-preview") };
        var user = new Option<string>("--user") { Description = "The user the $user variable selects.", DefaultValueFactory = _ => "demo" };
        var days = new Option<int>("--days") { Description = "Time range to draw, in days back from now.", DefaultValueFactory = _ => 180 };
        var demo = new Option<bool>("--demo") { Description = "Draw from what the demo writes (both sandboxes synced, blood work, adherence, alerts) instead of InfluxDb:Url." };
        var command = new Command("preview", "Render every dashboard panel as a PNG from the data in InfluxDB, for a look without Grafana.") { output, user, days, demo };
        command.SetAction((parse, cancellationToken) => PreviewRunner.RunAsync(parse, parse.GetValue(output)!, parse.GetValue(user)!, parse.GetValue(days), parse.GetValue(demo), Console.Out, cancellationToken));
        return command;
    }

    private static Command Provision()
    {
        var command = new Command("provision", "Create or update the InfluxDB datasource, the folder and every dashboard in Grafana (Grafana:Url, Grafana:ServiceAccountToken); objects already up to date are left alone.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerHost.Build(parse);
            var options = app.Services.GetRequiredService<IOptions<GrafanaOptions>>().Value;
            if (options.Url is null)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, "Grafana:Url is not configured: set Grafana:Url and Grafana:ServiceAccountToken (e.g. --set Grafana:Url=http://127.0.0.1:3000).");
            }

            try
            {
                var report = await app.Services.GetRequiredService<GrafanaProvisioner>().ProvisionAsync(cancellationToken);
                Console.Out.WriteLine($"Grafana {report.GrafanaVersion} at {options.Url}:");
                foreach (var item in report.Items)
                {
                    Console.Out.WriteLine("  " + item);
                }

                Console.Out.WriteLine(report.NothingChanged ? "Nothing to change: Grafana already matches the code." : report.Succeeded ? "Done." : "Some objects could not be provisioned (see above).");
                return report.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (GrafanaProvisioningException e)
            {
                return await VerbOutput.FailAsync(ExitCodes.Failed, e.Message);
            }
        });
        return command;
    }

    private static Command Export()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Directory for the dashboard JSON files (default: ./dashboards).",
            DefaultValueFactory = _ => new DirectoryInfo("dashboards"),
        };
        var command = new Command("export", "Write every dashboard as {uid}.json (the files Grafana's file provisioning reads).") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = await DashboardExporter.ExportAsync(parse.GetValue(output)!, cancellationToken);
            foreach (var file in files)
            {
                Console.Out.WriteLine($"{(file.Written ? "written  " : "unchanged")} {file.Path}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
