using System.Globalization;
using LiverMuscle.Sync.Benchmarks;

// Measuring commands for the write path:
//   livermuscle-bench write [--points N] [--influx URL]
//   livermuscle-bench produce --influx URL --db NAME --state FILE --count N [--batch N] [--drain yes|no]
//   livermuscle-bench load [--people N] [--minutes M]
//   livermuscle-bench capacity [--people N]
var options = ParseOptions(args.Skip(1));
return args.FirstOrDefault() switch
{
    "write" or null => await WriteBenchmarkCommand.RunAsync(long.Parse(options.GetValueOrDefault("points", "1000000"), CultureInfo.InvariantCulture), options.TryGetValue("influx", out var url) ? new Uri(url) : null),
    "produce" => await ProduceCommand.RunAsync(
        new Uri(options["influx"]),
        options["db"],
        options["state"],
        long.Parse(options["count"], CultureInfo.InvariantCulture),
        int.Parse(options.GetValueOrDefault("batch", "1000"), CultureInfo.InvariantCulture),
        options.GetValueOrDefault("drain", "yes") == "yes"),
    "load" => await LoadBenchmarkCommand.RunAsync(
        int.Parse(options.GetValueOrDefault("people", "1000"), CultureInfo.InvariantCulture),
        TimeSpan.FromMinutes(double.Parse(options.GetValueOrDefault("minutes", "10"), CultureInfo.InvariantCulture))),
    "capacity" => await CapacityCommand.RunAsync(int.Parse(options.GetValueOrDefault("people", "3"), CultureInfo.InvariantCulture)),
    var other => Usage(other),
};

static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    string? key = null;
    foreach (var arg in args)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            key = arg[2..];
        }
        else if (key is not null)
        {
            result[key] = arg;
            key = null;
        }
    }

    return result;
}

static int Usage(string verb)
{
    Console.Error.WriteLine($"Unknown verb '{verb}'. Use: write [--points N] [--influx URL] | produce --influx URL --db NAME --state FILE --count N [--batch N] [--drain yes|no] | load [--people N] [--minutes M] | capacity [--people N]");
    return 2;
}
