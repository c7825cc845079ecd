using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Providers.GoogleHealth;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
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
/// Runs the demo: a private InfluxDB and state store in a temporary directory unless configured, the Withings and
/// Google Health sandboxes with synthetic history, a demo user authorised at both through the real OAuth flows and
/// backfilled through the real clients and sink; then what the sandboxes served next to what InfluxQL counts.
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

            await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = days }, cancellationToken);
            await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = days }, cancellationToken);
            await output.WriteLineAsync($"Started the Withings sandbox at {withings.BaseUrl} and the Google Health sandbox at {google.BaseUrl} ({days} days of synthetic history each).");
            overrides["Withings:ClientId"] = withings.ClientId;
            overrides["Withings:ClientSecret"] = withings.ClientSecret;
            overrides["Withings:ApiBaseUrl"] = withings.BaseUrl.ToString();
            overrides["Withings:AuthorizeUrl"] = withings.AuthorizeUrl.ToString();
            overrides["Withings:TokenUrl"] = new Uri(withings.BaseUrl, "v2/oauth2").ToString();
            overrides["Fitbit:ClientId"] = google.ClientId;
            overrides["Fitbit:ClientSecret"] = google.ClientSecret;
            overrides["Fitbit:ApiBaseUrl"] = google.BaseUrl.ToString();
            overrides["Fitbit:AuthorizeUrl"] = google.AuthorizeUrl.ToString();
            overrides["Fitbit:TokenUrl"] = google.TokenUrl.ToString();

            await using var app = WorkerHost.Build(parse, overrides);
            var time = app.Services.GetRequiredService<TimeProvider>();
            var flows = app.Services.GetServices<IAuthorizationFlow>().ToDictionary(f => f.Provider, StringComparer.Ordinal);
            var withingsUser = long.Parse(await AuthorizeAsync(flows[ProviderNames.Withings], userId, cancellationToken), CultureInfo.InvariantCulture);
            var healthUser = await AuthorizeAsync(flows[ProviderNames.Fitbit], userId, cancellationToken);
            await app.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(userId, TimeZoneInfo.Local.Id, time.GetUtcNow()), cancellationToken);
            await output.WriteLineAsync($"Authorised user '{userId}' at both sandboxes (Withings user {withingsUser}, Google Health user {healthUser}); backfilling {days} days...");

            var since = time.GetUtcNow().AddDays(-days - 1);
            var runner = app.Services.GetRequiredService<SyncRunner>();
            var influx = app.Services.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
            var summaries = new List<SyncRunSummary>();
            foreach (var provider in new[] { ProviderNames.Withings, ProviderNames.Fitbit })
            {
                var summary = await runner.RunAsync(userId, provider, SyncMode.Backfill, since, null, null, cancellationToken);
                summaries.Add(summary);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backfill of {provider}: {summary.Outcome.ToString().ToLowerInvariant()}, {summary.Records} points written into database '{influx.Database}' at {influx.Url}, {summary.Requests} requests."));
                if (summary.Error is { } error)
                {
                    await output.WriteLineAsync($"  {error}");
                }
            }

            var categories = app.Services.GetRequiredService<IOptions<WithingsOptions>>().Value.WorkoutCategories;
            var fitbit = app.Services.GetRequiredService<IOptions<FitbitOptions>>().Value;
            var count = new Counter(app.Services.GetRequiredService<IInfluxQueryClient>(), userId);
            await output.WriteLineAsync("What landed (served by the sandbox / counted in InfluxDB):");
            await WriteRowAsync(output, "withings weigh-ins", withings.Groups(withingsUser).Count(g => g.IsOwn),
                await count.CountAsync(Sources.Withings, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg, cancellationToken));
            await WriteRowAsync(output, "withings strength sessions", withings.Workouts(withingsUser).Count(w => categories.ContainsKey(w.Category)),
                await count.CountAsync(Sources.Withings, Measurements.StrengthSession, FieldNames.StrengthSession.DurationS, cancellationToken));
            await WriteRowAsync(output, "fitbit strength sessions", google.Exercises(healthUser).Count(e => fitbit.StrengthExerciseTypes.ContainsKey(e.ExerciseType) && e.End - e.Start >= fitbit.MinimumSessionDuration),
                await count.CountAsync(Sources.Fitbit, Measurements.StrengthSession, FieldNames.StrengthSession.DurationS, cancellationToken));
            await WriteRowAsync(output, "fitbit nutrition days", google.NutritionLogs(healthUser).Select(n => DateOnly.FromDateTime(n.Start.UtcDateTime + n.UtcOffset)).Distinct().Count(),
                await count.CountAsync(Sources.Fitbit, Measurements.NutritionDaily, FieldNames.NutritionDaily.ProteinG, cancellationToken));
            await WriteRowAsync(output, "fitbit weigh-ins", google.Weights(healthUser).Count,
                await count.CountAsync(Sources.Fitbit, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg, cancellationToken));
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Requests used: {summaries.Sum(s => s.Requests)} (Withings allows {WithingsServiceCollectionExtensions.RateLimit.PerApplication} per minute per application, Google Health 300 per minute per user); done in {clock.Elapsed.TotalSeconds:F1} s."));
            return summaries.Any(s => s.Outcome == SyncOutcome.Failed) ? 1 : 0;
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

    /// <summary>The browser's part of the flow: the sandboxes consent at once and redirect with a code.</summary>
    private static async Task<string> AuthorizeAsync(IAuthorizationFlow flow, string userId, CancellationToken cancellationToken)
    {
        var started = flow.Begin(userId, new Uri("http://127.0.0.1/callback"), demo: false);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(started.AuthorizeUrl, cancellationToken);
        var location = redirect.Headers.Location ?? throw new InvalidOperationException($"The {flow.Provider} sandbox's consent page answered {(int)redirect.StatusCode} without a redirect.");
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        var connection = await flow.CompleteAsync(userId, code, started, cancellationToken);
        return connection.Token!.ProviderUserId!;
    }

    private static Task WriteRowAsync(TextWriter output, string label, long served, long counted) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {label,-28} {served,6} / {counted,6}"));

    private sealed class Counter(IInfluxQueryClient query, string userId)
    {
        public async Task<long> CountAsync(string source, string measurement, string field, CancellationToken cancellationToken)
        {
            var result = await query.QueryAsync(
                $"SELECT count({InfluxQl.Identifier(field)}) FROM {InfluxQl.Identifier(measurement)} WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)} AND {InfluxQl.Identifier(TagNames.Source)} = {InfluxQl.Literal(source)}",
                cancellationToken);
            return result.Series.Count == 0 ? 0 : result.Series[0].Values[0][1].GetInt64();
        }
    }
}
