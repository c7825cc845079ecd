using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Demo;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>sandbox</c>: the Withings and Google Health sandboxes as a long-running server on loopback, with the settings
/// that point a worker at them. Lines typed on stdin add data: <c>weigh-in WITHINGS_USER KG</c> (notifying the
/// worker when it subscribed), <c>people</c>.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var withingsPort = Port("--withings-port", 8091);
        var googlePort = Port("--google-port", 8092);
        var people = new Option<int>("--people") { Description = "People each sandbox holds at start (more are created by authorising).", DefaultValueFactory = _ => 0 };
        var days = new Option<int>("--days") { Description = "Days of synthetic history each person has.", DefaultValueFactory = _ => 180 };
        var command = new Command("sandbox", "Run the Withings and Google Health sandboxes on loopback until Ctrl+C, and print the settings that point a worker at them.")
        {
            withingsPort,
            googlePort,
            people,
            days,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(withingsPort), parse.GetValue(googlePort), parse.GetValue(people), parse.GetValue(days), cancellationToken));
        return command;
    }

    private static Option<int> Port(string name, int port) =>
        new(name) { Description = $"Port on 127.0.0.1 (0: a free one). Default {port}.", DefaultValueFactory = _ => port };

    private static async Task<int> RunAsync(int withingsPort, int googlePort, int people, int days, CancellationToken cancellationToken)
    {
        if (Problem(withingsPort, googlePort, people, days) is { } problem)
        {
            return await VerbOutput.FailAsync(ExitCodes.Usage, problem);
        }

        WithingsSandbox withings;
        GoogleHealthSandbox google;
        try
        {
            withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { Port = withingsPort, Users = people, HistoryDays = days }, cancellationToken);
        }
        catch (IOException e)
        {
            return await VerbOutput.FailAsync(ExitCodes.Unavailable, $"The Withings sandbox cannot listen on 127.0.0.1:{withingsPort} ({e.Message}); pass another --withings-port.");
        }

        await using (withings)
        {
            try
            {
                google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { Port = googlePort, Users = people, HistoryDays = days }, cancellationToken);
            }
            catch (IOException e)
            {
                return await VerbOutput.FailAsync(ExitCodes.Unavailable, $"The Google Health sandbox cannot listen on 127.0.0.1:{googlePort} ({e.Message}); pass another --google-port.");
            }

            await using (google)
            {
                await PrintSettingsAsync(withings, google, people, days);
                await ServeAsync(withings, google, cancellationToken);
            }
        }

        return ExitCodes.Ok;
    }

    private static string? Problem(int withingsPort, int googlePort, int people, int days) =>
        withingsPort is < 0 or > 65535 ? $"--withings-port must be 0 to 65535, got {withingsPort}."
        : googlePort is < 0 or > 65535 ? $"--google-port must be 0 to 65535, got {googlePort}."
        : withingsPort == googlePort && withingsPort != 0 ? $"--withings-port and --google-port must differ, both are {withingsPort}."
        : people is < 0 or > 100_000 ? $"--people must be 0 to 100000, got {people}."
        : days is < 1 or > 3650 ? $"--days must be 1 to 3650, got {days}."
        : null;

    private static async Task PrintSettingsAsync(WithingsSandbox withings, GoogleHealthSandbox google, int people, int days)
    {
        var settings = new JsonObject();
        foreach (var (key, value) in SandboxSettings.For(withings, google))
        {
            var (section, name) = (key[..key.IndexOf(':', StringComparison.Ordinal)], key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            ((JsonObject)(settings[section] ??= new JsonObject()))[name] = value;
        }

        var output = Console.Out;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Withings sandbox at {withings.BaseUrl}, Google Health sandbox at {google.BaseUrl}: {people} people at start, {days} days of history each; every consent is given at once."));
        await output.WriteLineAsync("Save these settings as a file and give it to the worker with --config FILE:");
        await output.WriteLineAsync(settings.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        await output.WriteLineAsync("Type 'people' to list the sandboxes' people, 'weigh-in WITHINGS_USER KG' to add a weigh-in now (subscribed workers are notified); Ctrl+C stops.");
    }

    private static async Task ServeAsync(WithingsSandbox withings, GoogleHealthSandbox google, CancellationToken cancellationToken)
    {
        try
        {
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                await Console.Out.WriteLineAsync(await AnswerAsync(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), withings, google, cancellationToken));
            }

            // No more input (stdin closed): serve until stopped.
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<string> AnswerAsync(string[] words, WithingsSandbox withings, GoogleHealthSandbox google, CancellationToken cancellationToken)
    {
        switch (words)
        {
            case []:
                return string.Empty;
            case ["people"]:
                return $"Withings users: {string.Join(", ", withings.UserIds)}{Environment.NewLine}Google Health users: {string.Join(", ", google.UserIds)}";
            case ["weigh-in", var user, var kg]
                when long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) && withings.UserIds.Contains(userId)
                    && double.TryParse(kg, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight is > 20 and < 400:
                var group = await withings.AddWeighInAsync(userId, TimeProvider.System.GetUtcNow(), weight, notify: true, cancellationToken);
                return string.Create(CultureInfo.InvariantCulture, $"Added a weigh-in of {weight} kg for Withings user {userId} (group {group.GrpId}); subscribed workers were notified.");

            default:
                return $"Not understood: '{string.Join(' ', words)}'. Use 'people' or 'weigh-in WITHINGS_USER KG' (a user 'people' lists, 20-400 kg).";
        }
    }
}
