using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Alerts;
using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.People;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>Reads what the people list and the person page show, from the state store and InfluxDB; an unreachable InfluxDB is a line, not an error page.</summary>
internal sealed class PersonOverviewReader(
    IPersonStore people,
    ITokenStore tokens,
    ISyncRunLog runs,
    AuthorizationService authorization,
    BackgroundSyncs syncs,
    AdherenceService adherence,
    IInfluxQueryClient influx,
    GrafanaLinks grafana,
    PollPlanner polls,
    IOptionsMonitor<AlertsOptions> alerts,
    IEnumerable<IDataKindGrants> grants,
    TimeProvider time)
{
    private static readonly string[] CountedMeasurements =
        [Measurements.StrengthSession, Measurements.NutritionDaily, Measurements.BodyComposition, Measurements.HealthMarker, Measurements.AdherenceWeekly, Measurements.AlertEvent];

    public async Task<IReadOnlyList<PersonOverview>> ListAsync(CancellationToken cancellationToken)
    {
        var connections = await tokens.ListAsync(cancellationToken);
        var latest = await runs.ListLatestAsync(null, cancellationToken);
        var overviews = new List<PersonOverview>();
        foreach (var person in await people.ListAsync(cancellationToken))
        {
            overviews.Add(await ReadAsync(person, connections, latest, cancellationToken));
        }

        return overviews;
    }

    public async Task<PersonOverview?> GetAsync(string personId, CancellationToken cancellationToken) =>
        await people.GetAsync(personId, cancellationToken) is { } person
            ? await ReadAsync(person, await tokens.ListAsync(cancellationToken), await runs.ListLatestAsync(personId, cancellationToken), cancellationToken)
            : null;

    public async Task<PersonData> ReadDataAsync(string personId, CancellationToken cancellationToken)
    {
        try
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var measurement in CountedMeasurements)
            {
                var result = await influx.QueryAsync($"SELECT count(*) FROM {InfluxQl.Identifier(measurement)} WHERE {PersonSeries.Where(personId)}", cancellationToken);
                counts[measurement] = result.Series.SelectMany(s => s.Values).SelectMany(v => v.Skip(1)).Select(v => v.TryGetInt64(out var n) ? n : 0).DefaultIfEmpty(0).Max();
            }

            var events = await influx.QueryAsync(
                $"SELECT {InfluxQl.Identifier(FieldNames.AlertEvent.Message)} FROM {InfluxQl.Identifier(Measurements.AlertEvent)} WHERE {PersonSeries.Where(personId)} " +
                $"GROUP BY {InfluxQl.Identifier(TagNames.Rule)}, {InfluxQl.Identifier(TagNames.State)} ORDER BY time DESC LIMIT 20",
                cancellationToken);
            var timeline = events.Rows()
                .Select(r => new AlertTransition(r.Time, r.Tag(TagNames.Rule) ?? "?", r.Tag(TagNames.State) ?? "?", r.String(FieldNames.AlertEvent.Message)))
                .OrderByDescending(t => t.Time).Take(20).ToList();
            return new PersonData(counts, timeline, null);
        }
        catch (Exception e) when (InfluxFailure.Is(e, cancellationToken))
        {
            return new PersonData(new Dictionary<string, long>(), [], Unreadable(e));
        }
    }

    private async Task<PersonOverview> ReadAsync(Person person, IReadOnlyList<ProviderConnection> connections, IReadOnlyList<SyncRunRecord> latest, CancellationToken cancellationToken)
    {
        var providers = new List<ProviderStatus>();
        foreach (var p in ProviderNames.All.Where(p => authorization.ProviderProblem(p) is null || connections.Any(c => c.UserId == person.Id && c.Provider == p)))
        {
            providers.Add(await StatusAsync(person.Id, p, connections.FirstOrDefault(c => c.UserId == person.Id && c.Provider == p), latest.FirstOrDefault(r => r.UserId == person.Id && r.Provider == p), cancellationToken));
        }

        var links = grafana.For(person.Id);
        try
        {
            var week = await adherence.ComputeWeekAsync(person.Id, time.GetUtcNow(), cancellationToken);
            return new PersonOverview(person, providers, week, await LatestWeighInAsync(person.Id, cancellationToken), await MarkersAsync(person.Id, cancellationToken), links, null);
        }
        catch (Exception e) when (InfluxFailure.Is(e, cancellationToken))
        {
            return new PersonOverview(person, providers, null, null, [], links, Unreadable(e));
        }
    }

    /// <summary>The next poll follows the last run by the poll interval, or by the reconciliation interval while push is healthy.</summary>
    private async Task<ProviderStatus> StatusAsync(string personId, string provider, ProviderConnection? connection, SyncRunRecord? run, CancellationToken cancellationToken)
    {
        var connected = connection is { Status: ConnectionStatus.Connected };
        var next = connected && run is not null ? run.FinishedAt + (await polls.GetAsync(personId, provider, cancellationToken)).Interval : (DateTimeOffset?)null;
        var notGranted = connection is null ? [] : grants.Where(g => g.Provider == provider).SelectMany(g => g.NotGranted(connection)).ToList();
        return new ProviderStatus(provider, authorization.ProviderProblem(provider) is null, connection, notGranted, run, next, syncs.IsRunning(personId, provider));
    }

    private async Task<WeighIn?> LatestWeighInAsync(string personId, CancellationToken cancellationToken)
    {
        var weight = InfluxQl.Identifier(FieldNames.BodyComposition.WeightKg);
        var result = await influx.QueryAsync(
            $"SELECT last({weight}) AS {weight} FROM {InfluxQl.Identifier(Measurements.BodyComposition)} WHERE {PersonSeries.Where(personId)} GROUP BY {InfluxQl.Identifier(TagNames.Source)}",
            cancellationToken);
        return result.Rows()
            .Where(r => r.Double(FieldNames.BodyComposition.WeightKg) is not null)
            .Select(r => new WeighIn(r.Time, r.Double(FieldNames.BodyComposition.WeightKg)!.Value, r.Tag(TagNames.Source)))
            .MaxBy(w => w.Time);
    }

    private async Task<IReadOnlyList<MarkerReading>> MarkersAsync(string personId, CancellationToken cancellationToken)
    {
        var value = InfluxQl.Identifier(FieldNames.HealthMarker.Value);
        var result = await influx.QueryAsync(
            $"SELECT last({value}) AS {value} FROM {InfluxQl.Identifier(Measurements.HealthMarker)} WHERE {PersonSeries.Where(personId)} GROUP BY {InfluxQl.Identifier(TagNames.Marker)}",
            cancellationToken);
        var now = time.GetUtcNow();
        var recheck = alerts.CurrentValue.WeeklySummary.RecheckAfter;
        return result.Rows()
            .Where(r => r.Tag(TagNames.Marker) is not null && r.Double(FieldNames.HealthMarker.Value) is not null)
            .Select(r =>
            {
                var marker = r.Tag(TagNames.Marker)!;
                var definition = MarkerCatalog.Find(marker);
                return new MarkerReading(marker, definition?.DisplayName ?? marker, r.Double(FieldNames.HealthMarker.Value)!.Value, definition?.CanonicalUnit ?? string.Empty, r.Time,
                    marker != MarkerIds.Fib4 && now - r.Time >= recheck);
            })
            .OrderBy(m => m.Marker, StringComparer.Ordinal)
            .ToList();
    }

    private static string Unreadable(Exception e) => $"InfluxDB could not be read ({e.Message}); the figures from it are missing.";
}
