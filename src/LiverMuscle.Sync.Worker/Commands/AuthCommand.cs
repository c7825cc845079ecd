using System.CommandLine;
using System.Globalization;
using System.Net;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary><c>auth PROVIDER --user ID</c>: connects one person at a provider (OAuth 2.0 authorization code).</summary>
internal static class AuthCommand
{
    public static Command Create()
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
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"--redirect-port must be between 1 and 65535, got {redirectPort}.");
            }

            await using var app = WorkerHost.CreateBuilder(parse).Build();
            var flow = app.Services.GetServices<IAuthorizationFlow>().FirstOrDefault(f => f.Provider == name);
            if (flow is null)
            {
                var known = string.Join(", ", app.Services.GetServices<IAuthorizationFlow>().Select(f => f.Provider));
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"Unknown provider '{name}'. Registered providers: {(known.Length == 0 ? "none" : known)}.");
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
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"The redirect URL is not an absolute URL: '{answer}'.");
            }

            var query = QueryHelpers.ParseQuery(redirected.Query);
            if (query.TryGetValue("error", out var error))
            {
                return await VerbOutput.FailAsync(ExitCodes.Failed, $"{name} refused the authorisation: {error}.");
            }

            if (!query.TryGetValue("state", out var state) || state != started.State)
            {
                return await VerbOutput.FailAsync(ExitCodes.Failed, "The redirect's state does not match this authorisation; start 'auth' again.");
            }

            if (!query.TryGetValue("code", out var code) || string.IsNullOrEmpty(code))
            {
                return await VerbOutput.FailAsync(ExitCodes.Failed, "The redirect carries no authorization code.");
            }

            var connection = await flow.CompleteAsync(userId, code!, started, cancellationToken);
            Console.Out.WriteLine($"{connection.Provider} for {connection.UserId}: {connection.Status}"
                + (connection.Token is { } token ? $", access token valid until {token.AccessTokenExpiresAt:u}" : string.Empty)
                + (connection.StatusReason is { } reason ? $" ({reason})" : string.Empty));
            return connection.Status == ConnectionStatus.Connected ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
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
}
