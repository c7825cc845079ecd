using System.CommandLine;
using System.Globalization;
using System.Net;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>
/// <c>auth PROVIDER --user ID</c>: connects one person at a provider (OAuth 2.0 authorization code). The started
/// authorisation is kept in the state store, so the redirect can come back to this run (loopback listener or pasted
/// on stdin) or to a later <c>auth … --redirect-url URL</c> — the way on a machine without a browser.
/// </summary>
internal static class AuthCommand
{
    public static Command Create()
    {
        var provider = new Argument<string>("provider") { Description = "The provider to connect: " + string.Join(", ", ProviderNames.All) };
        var user = PersonOptions.User("The person's id (added if missing)");
        var timeZone = PersonOptions.TimeZone();
        var demo = new Option<bool>("--demo") { Description = "Use the provider's demo account, where it has one." };
        var port = new Option<int>("--redirect-port") { Description = "Loopback port that receives the redirect at /callback.", DefaultValueFactory = _ => 8090 };
        var pasted = new Option<string?>("--redirect-url") { Description = "Complete an authorisation started before: the URL the browser was redirected to." };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the consent URL and exit; complete later with --redirect-url." };
        var command = new Command("auth", "Authorise the worker for one person at a provider (OAuth 2.0 authorization code).")
        {
            provider, user, timeZone, demo, port, pasted, noWait,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(provider)!;
            var userId = PersonOptions.Read(parse, user);
            var redirectPort = parse.GetValue(port);
            if (redirectPort is < 1 or > 65535)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, $"--redirect-port must be between 1 and 65535, got {redirectPort}.");
            }

            await using var app = WorkerHost.CreateBuilder(parse).Build();
            var authorization = app.Services.GetRequiredService<AuthorizationService>();
            if (authorization.ProviderProblem(name) is { } unknown)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, unknown);
            }

            var zone = parse.GetValue(timeZone);
            if ((parse.GetValue(pasted) is null || zone is not null) &&
                await app.Services.GetRequiredService<PersonRegistry>().EnsureAsync(userId, zone, cancellationToken) is { Succeeded: false } ensured)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, string.Join(Environment.NewLine, ensured.Errors));
            }

            if (parse.GetValue(pasted) is { } given)
            {
                return await CompleteAsync(authorization, name, userId, given, cancellationToken);
            }

            var redirect = new Uri($"http://127.0.0.1:{redirectPort.ToString(CultureInfo.InvariantCulture)}/callback");
            var started = await authorization.StartAsync(name, userId, redirect, parse.GetValue(demo), cancellationToken);
            if (!started.Succeeded)
            {
                return await VerbOutput.FailAsync(ExitCodes.Usage, started.Error!);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Open this URL in a browser and allow access (it works once, until {started.ExpiresAt!.Value.UtcDateTime:HH:mm:ss} UTC):{Environment.NewLine}  {started.AuthorizeUrl!.AbsoluteUri}"));
            Console.Out.WriteLine($"If that browser cannot reach {redirect.GetLeftPart(UriPartial.Authority)}, copy the address it ends on and run:{Environment.NewLine}  livermuscle-sync auth {name} --user {userId} --redirect-url 'ADDRESS'");
            if (parse.GetValue(noWait))
            {
                return ExitCodes.Ok;
            }

            return await CompleteAsync(authorization, name, userId, await WaitForRedirectAsync(redirect, cancellationToken), cancellationToken);
        });
        return command;
    }

    private static async Task<int> CompleteAsync(AuthorizationService authorization, string provider, string userId, string url, CancellationToken cancellationToken)
    {
        if (AuthorizationRedirect.FromUrl(url) is not { } redirect)
        {
            return await VerbOutput.FailAsync(ExitCodes.Usage, $"The redirect URL is not an absolute URL: '{url.Trim()}'.");
        }

        var outcome = await authorization.CompleteAsync(provider, userId, redirect, cancellationToken);
        if (outcome.Connection is not { } connection)
        {
            return await VerbOutput.FailAsync(outcome.Failure == AuthorizationFailure.BadRequest ? ExitCodes.Usage : ExitCodes.Failed, outcome.Error!);
        }

        Console.Out.WriteLine($"{connection.Provider} for {connection.UserId}: {connection.Status}"
            + (connection.Token is { } token ? $", access token valid until {token.AccessTokenExpiresAt:u}" : string.Empty)
            + (connection.StatusReason is { } reason ? $" ({reason})" : string.Empty));
        return connection.Status == ConnectionStatus.Connected ? ExitCodes.Ok : ExitCodes.Failed;
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
        // AbsoluteUri keeps the query escaped as sent: a code with '+' or '%2F' stays intact.
        return context.Request.Url!.AbsoluteUri;
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
