using System.CommandLine;
using System.Globalization;
using System.Net;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>auth</c>, <c>sync</c> and <c>backfill</c>: one-shot work against a provider, outside the scheduler.</summary>
internal static class ProviderCommands
{
    private const int Ok = 0;
    private const int Failure = 1;
    private const int BadUsage = 2;

    public static Command Auth()
    {
        var provider = new Argument<string>("provider") { Description = "The provider to connect: " + string.Join(", ", ProviderNames.All) };
        var user = new Option<string>("--user") { Description = "The user's id (created if missing).", Required = true };
        var demo = new Option<bool>("--demo") { Description = "Use the provider's demo account, where it has one." };
        var port = new Option<int>("--redirect-port") { Description = "Loopback port that receives the redirect at /callback.", DefaultValueFactory = _ => 8090 };
        var pasted = new Option<string?>("--redirect-url") { Description = "The URL the browser was redirected to, pasted instead of listening." };
        var command = new Command("auth", "Authorise the worker for one user at a provider (OAuth 2.0 authorization code).") { provider, user, demo, port, pasted };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(provider)!;
            var userId = parse.GetValue(user)!;
            var redirectPort = parse.GetValue(port);
            if (redirectPort is < 1 or > 65535)
            {
                return await FailAsync(BadUsage, $"--redirect-port must be between 1 and 65535, got {redirectPort}.");
            }

            await using var app = WorkerHost.CreateBuilder(parse).Build();
            var flow = app.Services.GetServices<IAuthorizationFlow>().FirstOrDefault(f => f.Provider == name);
            if (flow is null)
            {
                var known = string.Join(", ", app.Services.GetServices<IAuthorizationFlow>().Select(f => f.Provider));
                return await FailAsync(BadUsage, $"Unknown provider '{name}'. Registered providers: {(known.Length == 0 ? "none" : known)}.");
            }

            var users = app.Services.GetRequiredService<IUserStore>();
            if (await users.GetAsync(userId, cancellationToken) is null)
            {
                var time = app.Services.GetRequiredService<TimeProvider>();
                await users.UpsertAsync(new UserRecord(userId, TimeZoneInfo.Local.Id, time.GetUtcNow()), cancellationToken);
            }

            var redirect = new Uri($"http://127.0.0.1:{redirectPort.ToString(CultureInfo.InvariantCulture)}/callback");
            var started = flow.Begin(userId, redirect, parse.GetValue(demo));
            Console.Out.WriteLine($"Open this URL in a browser and allow access:{Environment.NewLine}  {started.AuthorizeUrl}");
            var answer = parse.GetValue(pasted) is { } given ? given : await WaitForRedirectAsync(redirect, cancellationToken);
            if (!Uri.TryCreate(answer.Trim(), UriKind.Absolute, out var redirected))
            {
                return await FailAsync(BadUsage, $"The redirect URL is not an absolute URL: '{answer}'.");
            }

            var query = QueryHelpers.ParseQuery(redirected.Query);
            if (query.TryGetValue("error", out var error))
            {
                return await FailAsync(Failure, $"{name} refused the authorisation: {error}.");
            }

            if (!query.TryGetValue("state", out var state) || state != started.State)
            {
                return await FailAsync(Failure, "The redirect's state does not match this authorisation; start 'auth' again.");
            }

            if (!query.TryGetValue("code", out var code) || string.IsNullOrEmpty(code))
            {
                return await FailAsync(Failure, "The redirect carries no authorization code.");
            }

            var connection = await flow.CompleteAsync(userId, code!, started, cancellationToken);
            Console.Out.WriteLine($"{connection.Provider} for {connection.UserId}: {connection.Status}"
                + (connection.Token is { } token ? $", access token valid until {token.AccessTokenExpiresAt:u}" : string.Empty)
                + (connection.StatusReason is { } reason ? $" ({reason})" : string.Empty));
            return connection.Status == ConnectionStatus.Connected ? Ok : Failure;
        });
        return command;
    }

    public static Command Sync()
    {
        var user = new Option<string>("--user") { Description = "The user to sync.", Required = true };
        var provider = new Option<string?>("--provider") { Description = "Only this provider (default: every connected one)." };
        var command = new Command("sync", "Run one incremental sync now and print what it did.") { user, provider };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userId = parse.GetValue(user)!;
            await using var app = WorkerHost.CreateBuilder(parse).Build();
            var runner = app.Services.GetRequiredService<SyncRunner>();
            IReadOnlyList<string> providers;
            if (parse.GetValue(provider) is { } only)
            {
                if (!runner.Knows(only))
                {
                    return await FailAsync(BadUsage, $"Unknown provider '{only}'. Known: {string.Join(", ", ProviderNames.All)}.");
                }

                providers = [only];
            }
            else
            {
                var connections = await app.Services.GetRequiredService<ITokenStore>().ListAsync(cancellationToken);
                providers = [.. connections.Where(c => c.UserId == userId && runner.Knows(c.Provider)).Select(c => c.Provider)];
                if (providers.Count == 0)
                {
                    return await FailAsync(Failure, $"User '{userId}' has no provider connection; run 'auth <provider> --user {userId}' first.");
                }
            }

            var failed = false;
            foreach (var name in providers)
            {
                var summary = await runner.RunAsync(userId, name, SyncMode.Incremental, null, null, null, cancellationToken);
                Console.Out.WriteLine(Describe(summary));
                failed |= summary.Outcome == SyncOutcome.Failed;
            }

            return failed ? Failure : Ok;
        });
        return command;
    }

    public static Command Backfill()
    {
        var user = new Option<string>("--user") { Description = "The user to backfill.", Required = true };
        var provider = new Option<string>("--provider") { Description = "The provider to read history from.", Required = true };
        var since = new Option<string>("--since") { Description = "First day to fetch, yyyy-MM-dd.", Required = true };
        var command = new Command("backfill", "Fetch history back to a date, resumably, with progress.") { user, provider, since };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(since)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return await FailAsync(BadUsage, $"--since must be a date as yyyy-MM-dd, got '{text}'.");
            }

            var name = parse.GetValue(provider)!;
            await using var app = WorkerHost.CreateBuilder(parse).Build();
            var runner = app.Services.GetRequiredService<SyncRunner>();
            if (!runner.Knows(name))
            {
                return await FailAsync(BadUsage, $"Unknown provider '{name}'. Known: {string.Join(", ", ProviderNames.All)}.");
            }

            var time = app.Services.GetRequiredService<TimeProvider>();
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (start > time.GetUtcNow())
            {
                return await FailAsync(BadUsage, $"--since {text} is in the future.");
            }

            var progress = new ConsoleProgress(time);
            var summary = await runner.RunAsync(parse.GetValue(user)!, name, SyncMode.Backfill, start, null, progress, cancellationToken);
            progress.Finish();
            Console.Out.WriteLine(Describe(summary));
            return summary.Outcome == SyncOutcome.Failed ? Failure : Ok;
        });
        return command;
    }

    private static string Describe(SyncRunSummary summary) =>
        $"{summary.Provider} for {summary.UserId}: {summary.Outcome}, {summary.Records} records, {summary.Requests} requests, "
        + $"{summary.Rejected} skipped or rejected, {summary.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        + (summary.Error is { } error ? $"{Environment.NewLine}  {error}" : string.Empty);

    private static async Task<int> FailAsync(int exitCode, string message)
    {
        await Console.Error.WriteLineAsync(message);
        return exitCode;
    }

    /// <summary>Whichever comes first: the browser's redirect to the loopback listener, or a URL pasted on stdin.</summary>
    private static async Task<string> WaitForRedirectAsync(Uri redirect, CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(redirect.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        listener.Start();
        Console.Out.WriteLine($"Waiting for the redirect on {redirect} (or paste the redirected URL here and press Enter)...");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var registration = stop.Token.Register(listener.Stop);
        var received = ReceiveAsync(listener);
        var typed = ReadPastedAsync(stop.Token);
        var first = await Task.WhenAny(received, typed);
        var result = await first;
        stop.Cancel();
        return result;
    }

    private static async Task<string> ReceiveAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        var body = "Authorisation received; you can close this window and return to the terminal."u8.ToArray();
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
        return context.Request.Url!.ToString();
    }

    private static async Task<string> ReadPastedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await Console.In.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                // stdin closed: only the listener can answer now.
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }
    }

    /// <summary>One line, rewritten in place: done/total, percent and the time left at the rate so far.</summary>
    private sealed class ConsoleProgress(TimeProvider time) : IProgress<SyncProgress>
    {
        private readonly long _started = time.GetTimestamp();
        private bool _written;

        public void Report(SyncProgress value)
        {
            var elapsed = time.GetElapsedTime(_started);
            var fraction = value.Total > 0 ? Math.Clamp((double)value.Done / value.Total, 0, 1) : 0;
            var eta = fraction > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : (TimeSpan?)null;
            var line = string.Create(CultureInfo.InvariantCulture, $"{value.Done}/{value.Total} ({fraction * 100:0.0} %), ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?")}");
            Console.Out.Write("\r" + line.PadRight(48));
            _written = true;
        }

        public void Finish()
        {
            if (_written)
            {
                Console.Out.WriteLine();
            }
        }
    }
}
