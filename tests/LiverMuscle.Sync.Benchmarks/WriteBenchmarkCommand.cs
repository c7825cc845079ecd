using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// <c>write</c>: the same points into the same server twice — through the product's writer (database
/// <c>bench_client</c>) and as pre-encoded line protocol files posted by one curl process reusing its connection
/// (database <c>bench_curl</c>) — and reports points/s of both and their ratio.
/// </summary>
internal static class WriteBenchmarkCommand
{
    private const int BatchSize = 5000;
    private const int MaxInFlight = 3;

    public static async Task<int> RunAsync(long points, Uri? influxUrl)
    {
        await using var local = influxUrl is null ? await LocalInfluxDbServer.StartNewAsync(null, CancellationToken.None) : null;
        var url = influxUrl ?? local!.Url;
        var work = Directory.CreateTempSubdirectory("livermuscle-bench-");
        try
        {
            Console.WriteLine($"InfluxDB {url}, {points:N0} points, batches of {BatchSize}");
            var data = SyntheticPoints.Range(0, checked((int)points));
            var files = WriteLineProtocolFiles(data, work.FullName);

            // Warm both paths (JIT, connections, the server's first shard) on a throw-away database.
            await ThroughWriterAsync(url, "bench_warmup", data.Take(50_000).ToList(), work.FullName);
            await ThroughCurlAsync(url, "bench_warmup_curl", files.Take(10).ToList(), work.FullName);

            var client = await ThroughWriterAsync(url, "bench_client", data, work.FullName);
            var curl = await ThroughCurlAsync(url, "bench_curl", files, work.FullName);
            var clientRate = points / client.TotalSeconds;
            var curlRate = points / curl.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writer: {points:N0} points in {client.TotalSeconds:F2} s = {clientRate:N0} points/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"curl:   {points:N0} points in {curl.TotalSeconds:F2} s = {curlRate:N0} points/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio writer/curl: {clientRate / curlRate:F2}"));
            await VerifyCountAsync(url, "bench_client", points);
            await VerifyCountAsync(url, "bench_curl", points);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<string> WriteLineProtocolFiles(List<Point> data, string directory)
    {
        var files = new List<string>();
        var text = new StringBuilder();
        for (var i = 0; i < data.Count; i += BatchSize)
        {
            text.Clear();
            foreach (var point in data.Skip(i).Take(BatchSize))
            {
                LineProtocolEncoder.TryAppend(text, point, WritePrecision.Seconds, out _);
            }

            var file = Path.Combine(directory, $"batch-{files.Count:D5}.lp");
            File.WriteAllText(file, text.ToString());
            files.Add(file);
        }

        return files;
    }

    private static async Task<TimeSpan> ThroughWriterAsync(Uri url, string database, List<Point> data, string directory)
    {
        using var host = SinkHost.Create(url, database, Path.Combine(directory, database + ".db"));
        await host.StartAsync();
        var sink = host.Services.GetRequiredService<IPointSink>();
        await sink.WriteAsync(data.Take(1).ToList(), CancellationToken.None);
        // A bulk producer keeps a few batches in flight, so the writer encodes one while InfluxDB stores another.
        var clock = Stopwatch.StartNew();
        var inFlight = new Queue<(int Expected, Task<SinkWriteResult> Write)>();
        for (var i = 0; i < data.Count; i += BatchSize)
        {
            var size = Math.Min(BatchSize, data.Count - i);
            inFlight.Enqueue((size, sink.WriteAsync(data.GetRange(i, size), CancellationToken.None).AsTask()));
            if (inFlight.Count == MaxInFlight)
            {
                await ExpectAcceptedAsync(inFlight.Dequeue());
            }
        }

        while (inFlight.Count > 0)
        {
            await ExpectAcceptedAsync(inFlight.Dequeue());
        }

        var elapsed = clock.Elapsed;
        await host.StopAsync();
        return elapsed;
    }

    private static async Task ExpectAcceptedAsync((int Expected, Task<SinkWriteResult> Write) entry)
    {
        var result = await entry.Write;
        if (result.Accepted != entry.Expected)
        {
            throw new InvalidOperationException($"A batch was not fully accepted: {result}");
        }
    }

    private static async Task<TimeSpan> ThroughCurlAsync(Uri url, string database, List<string> files, string directory)
    {
        using (var http = new HttpClient())
        {
            await http.PostAsync(new Uri(url, "/query"), new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = $"CREATE DATABASE \"{database}\"" }));
        }

        var config = new StringBuilder();
        var target = new Uri(url, $"/write?db={database}&precision=s");
        for (var i = 0; i < files.Count; i++)
        {
            if (i > 0)
            {
                config.AppendLine("next");
            }

            config.AppendLine(CultureInfo.InvariantCulture, $"url = \"{target}\"").AppendLine(CultureInfo.InvariantCulture, $"data-binary = \"@{files[i]}\"")
                .AppendLine("silent").AppendLine("fail").AppendLine("output = \"/dev/null\"");
        }

        var configFile = Path.Combine(directory, database + ".curl");
        await File.WriteAllTextAsync(configFile, config.ToString());
        var clock = Stopwatch.StartNew();
        using var curl = Process.Start(new ProcessStartInfo("curl", ["-K", configFile]) { UseShellExecute = false })!;
        await curl.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        return curl.ExitCode == 0 ? elapsed : throw new InvalidOperationException($"curl exited with {curl.ExitCode}");
    }

    private static async Task VerifyCountAsync(Uri url, string database, long expected)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(url, $"/query?db={database}&q=" + Uri.EscapeDataString("SELECT count(\"weight_kg\") FROM \"body_composition\"")));
        Console.WriteLine($"{database}: {json.Trim()} (expected {expected:N0})");
    }
}
