using System.CommandLine;
using LiverMuscle.Sync.Dashboards.Catalog;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>dashboards export</c> and <c>dashboards provision</c>: the Grafana dashboards as code.</summary>
internal static class DashboardsCommands
{
    public static Command Create()
    {
        var command = new Command("dashboards", "Grafana dashboards: export the generated JSON, or provision Grafana through its HTTP API.");
        command.Subcommands.Add(Export());
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

            return 0;
        });
        return command;
    }
}
