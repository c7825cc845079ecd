using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Providers.Withings.Tokens;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// Runs the demo: a private InfluxDB and state store in a temporary directory unless configured, the Withings sandbox
/// with synthetic history, a demo user authorised through the real OAuth flow and backfilled through the real client
/// and sink; then what the sandbox served next to what InfluxQL counts.
/// </summary>
internal static class DemoRunner
{
    public static async Task<int> RunAsync(ParseResult parse, string userId, int days, TextWriter output, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 3650)
        {
            await Console.Error.WriteLineAsync($"--days must be between 1 and 3650, got {days}.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("livermuscle-demo-");
        LocalInfluxDbServer? localInflux = null;
        try
        {
            var configuration = WorkerHost.LoadConfiguration(parse);
            var overrides = new Dictionary<string, string?>();
            if (configuration["InfluxDb:Url"] is null)
            {
                localInflux = await LocalInfluxDbServer.StartNewAsync(Path.Combine(scratch.FullName, "influxdb"), cancellationToken);
                overrides["InfluxDb:Url"] = localInflux.Url.ToString();
                await output.WriteLineAsync($"Started a private InfluxDB at {localInflux.Url} (data in {localInflux.DataDirectory}).");
            }

            if (configuration["State:Path"] is null)
            {
                overrides["State:Path"] = Path.Combine(scratch.FullName, "state.db");
            }

            await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = days }, cancellationToken);
            await output.WriteLineAsync($"Started the Withings sandbox at {sandbox.BaseUrl} ({days} days of synthetic history).");
            overrides["Withings:ClientId"] = sandbox.ClientId;
            overrides["Withings:ClientSecret"] = sandbox.ClientSecret;
            overrides["Withings:ApiBaseUrl"] = sandbox.BaseUrl.ToString();
            overrides["Withings:AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString();
            overrides["Withings:TokenUrl"] = new Uri(sandbox.BaseUrl, "v2/oauth2").ToString();

            await using var app = WorkerHost.Build(parse, overrides);
            var time = app.Services.GetRequiredService<TimeProvider>();
            await app.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(userId, TimeZoneInfo.Local.Id, time.GetUtcNow()), cancellationToken);
            var withingsUser = await AuthorizeAsync(app.Services.GetRequiredService<WithingsAuthorizationFlow>(), userId, cancellationToken);
            await output.WriteLineAsync($"Authorised user '{userId}' at the sandbox (Withings user {withingsUser}); backfilling {days} days...");

            var since = time.GetUtcNow().AddDays(-days - 1);
            var summary = await app.Services.GetRequiredService<SyncRunner>().RunAsync(userId, ProviderNames.Withings, SyncMode.Backfill, since, null, null, cancellationToken);
            var influx = app.Services.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
            await output.WriteLineAsync($"Backfill {summary.Outcome.ToString().ToLowerInvariant()}: {summary.Records} points written into database '{influx.Database}' at {influx.Url}.");
            if (summary.Error is { } error)
            {
                await output.WriteLineAsync($"  {error}");
            }

            var strength = app.Services.GetRequiredService<IOptions<WithingsOptions>>().Value.WorkoutCategories.Keys.ToHashSet();
            var query = app.Services.GetRequiredService<IInfluxQueryClient>();
            await output.WriteLineAsync("What landed (served by the sandbox / counted in InfluxDB):");
            await WriteRowAsync(output, "weigh-ins", sandbox.Groups(withingsUser).Count(g => g.IsOwn),
                await CountAsync(query, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg, userId, cancellationToken));
            await WriteRowAsync(output, "strength sessions", sandbox.Workouts(withingsUser).Count(w => strength.Contains(w.Category)),
                await CountAsync(query, Measurements.StrengthSession, FieldNames.StrengthSession.DurationS, userId, cancellationToken));
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Requests used: {summary.Requests} (Withings allows {WithingsServiceCollectionExtensions.RateLimit.PerApplication} per minute); done in {clock.Elapsed.TotalSeconds:F1} s."));
            return summary.Outcome == SyncOutcome.Failed ? 1 : 0;
        }
        finally
        {
            if (localInflux is not null)
            {
                await localInflux.DisposeAsync();
            }

            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The browser's part of the flow: the sandbox consents at once and redirects with a code.</summary>
    private static async Task<long> AuthorizeAsync(WithingsAuthorizationFlow flow, string userId, CancellationToken cancellationToken)
    {
        var started = flow.Begin(userId, new Uri("http://127.0.0.1/callback"), demo: false);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(started.AuthorizeUrl, cancellationToken);
        var location = redirect.Headers.Location ?? throw new InvalidOperationException($"The sandbox's authorize page answered {(int)redirect.StatusCode} without a redirect.");
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        var connection = await flow.CompleteAsync(userId, code, started, cancellationToken);
        return long.Parse(connection.Token!.ProviderUserId!, CultureInfo.InvariantCulture);
    }

    private static Task WriteRowAsync(TextWriter output, string label, long served, long counted) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {label,-22} {served,6} / {counted,6}"));

    private static async Task<long> CountAsync(IInfluxQueryClient query, string measurement, string field, string userId, CancellationToken cancellationToken)
    {
        var result = await query.QueryAsync(
            $"SELECT count({InfluxQl.Identifier(field)}) FROM {InfluxQl.Identifier(measurement)} WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)}",
            cancellationToken);
        return result.Series.Count == 0 ? 0 : result.Series[0].Values[0][1].GetInt64();
    }
}
