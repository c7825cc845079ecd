using System.CommandLine;
using LiverMuscle.Sync.Worker.Demo;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>demo</c>: the whole write path end to end on the embedded defaults.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Days of synthetic history to backfill.", DefaultValueFactory = _ => 180 };
        var user = new Option<string>("--user") { Description = "The demo user's id.", DefaultValueFactory = _ => "demo" };
        var timeZone = PersonOptions.TimeZone();
        var timings = new Option<bool>("--timings") { Description = "Also print how long each phase took, and the sync runs next to their summed provider request and InfluxDB write time (from the spans)." };
        var command = new Command("demo", "Start a private InfluxDB on loopback (unless InfluxDb:Url is set) and the Withings sandbox, authorise a demo user, backfill its history through the real client and sink, and show what landed.")
        {
            days,
            user,
            timeZone,
            timings,
        };
        command.SetAction((parse, cancellationToken) => DemoRunner.RunAsync(parse, parse.GetValue(user)!, parse.GetValue(days), parse.GetValue(timings), Console.Out, cancellationToken));
        return command;
    }
}
