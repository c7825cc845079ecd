using LiverMuscle.Sync.Alerts;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class MetricsTests
{
    private const string Provider = "livermuscle_provider";

    [Fact]
    public async Task Metrics_AfterASync_ShowEveryInstrumentWithWhatHappened()
    {
        await using var worker = await TelemetryWorker.StartAsync();
        await worker.ConnectAsync("ann", ProviderNames.Withings, ProviderNames.Fitbit);
        await worker.ConnectAsync("bob", ProviderNames.Withings);
        var services = worker.Host.Services;
        await services.GetRequiredService<ITokenStore>().SetStatusAsync("bob", ProviderNames.Withings, ConnectionStatus.NeedsReauthorization, "invalid_grant", CancellationToken.None);

        var connecting = await worker.ScrapeAsync();
        var withings = await worker.SyncAsync("ann", ProviderNames.Withings);
        var fitbit = await worker.SyncAsync("ann", ProviderNames.Fitbit);
        var alerts = await services.GetRequiredService<AlertEvaluator>().EvaluateAsync(dryRun: false, CancellationToken.None);

        Assert.Equal(SyncOutcome.Ok, withings.Outcome);
        Assert.Equal(SyncOutcome.Ok, fitbit.Outcome);
        Assert.Contains(alerts, a => a.UserId == "bob" && a.After == AlertStatus.Firing);
        var scrape = await ScrapeWhenAsync(worker, s => s.Value("livermuscle_sync_connections_reauthorization_required", (Provider, "withings")) == 1);

        // Runs, records and requests: what the runs themselves counted.
        Assert.Equal(1, scrape.Value("livermuscle_sync_sync_runs", (Provider, "withings"), ("livermuscle_outcome", "ok")));
        Assert.Equal(1, scrape.Value("livermuscle_sync_sync_runs", (Provider, "fitbit"), ("livermuscle_outcome", "ok")));
        Assert.Equal(1, scrape.Value("livermuscle_sync_sync_run_duration_count", (Provider, "fitbit"), ("livermuscle_outcome", "ok")));
        Assert.Equal(withings.Records, scrape.Value("livermuscle_sync_records_written", (Provider, "withings")));
        Assert.Equal(fitbit.Records, scrape.Value("livermuscle_sync_records_written", (Provider, "fitbit")));
        Assert.True(withings.Records > 10 && fitbit.Records > 10, $"{withings.Records} and {fitbit.Records} records");
        Assert.Equal(withings.Rejected, scrape.Value("livermuscle_sync_records_rejected", (Provider, "withings")));
        foreach (var (provider, run) in new[] { ("withings", withings), ("fitbit", fitbit) })
        {
            var requests = (Provider, provider);
            Assert.Equal(run.Requests, scrape.Value("livermuscle_sync_provider_requests", requests, ("livermuscle_answer", "ok")) - (connecting.Value("livermuscle_sync_provider_requests", requests, ("livermuscle_answer", "ok")) ?? 0));
        }

        // Freshness: the sandboxes' history ends at their start, so the newest point of each kind is days old, not weeks.
        foreach (var (provider, kind) in new[] { ("withings", "body_composition"), ("withings", "workouts"), ("fitbit", "exercise"), ("fitbit", "nutrition"), ("fitbit", "body") })
        {
            var freshness = scrape.Value("livermuscle_sync_data_freshness", (Provider, provider), ("livermuscle_data_kind", kind));
            Assert.True(freshness is > 0 and < 14 * 86400, $"{provider}/{kind} freshness {freshness}");
        }

        Assert.DoesNotContain("ann", scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", scrape.Text, StringComparison.Ordinal);

        // Budget, tokens and connections, from the state store.
        Assert.InRange(scrape.Value("livermuscle_sync_provider_budget_remaining", (Provider, "withings"))!.Value, 120 - withings.Requests - 5, 120 - withings.Requests);
        Assert.InRange(scrape.Value("livermuscle_sync_provider_budget_remaining", (Provider, "fitbit"))!.Value, 250 - fitbit.Requests - 5, 250 - fitbit.Requests);
        Assert.InRange(scrape.Value("livermuscle_sync_token_time_to_expiry", (Provider, "withings"))!.Value, 3 * 3600 - 120, 3 * 3600);
        Assert.InRange(scrape.Value("livermuscle_sync_token_time_to_expiry", (Provider, "fitbit"))!.Value, 3600 - 120, 3600);
        Assert.Equal(0, scrape.Value("livermuscle_sync_connections_reauthorization_required", (Provider, "fitbit")));

        // The sink: nothing waits, and InfluxDB took a write moments ago.
        Assert.Equal(0, scrape.Value("livermuscle_sync_spool_batches"));
        Assert.Equal(0, scrape.Value("livermuscle_sync_spool_size"));
        Assert.Equal(0, scrape.Value("livermuscle_sync_spool_oldest_age"));
        Assert.InRange(scrape.Value("livermuscle_sync_influxdb_last_write_age")!.Value, 0, 60);

        // Alerts: bob's rule fired, the receiver took the notification and the dead webhook failed it.
        Assert.Equal(1, scrape.Value("livermuscle_sync_alert_transitions", ("livermuscle_rule", "reauthorize"), ("livermuscle_alert_state", "firing")));
        Assert.Equal(1, scrape.Value("livermuscle_sync_alert_notifications", ("livermuscle_notifier", "hook"), ("livermuscle_outcome", "sent")));
        Assert.Equal(1, scrape.Value("livermuscle_sync_alert_notifications", ("livermuscle_notifier", "dead"), ("livermuscle_outcome", "failed")));
    }

    [Fact]
    public async Task Metrics_WhileInfluxDbIsDown_ShowTheSpoolAndTheLastWriteAgeGrowing()
    {
        await using var worker = await TelemetryWorker.StartAsync();
        await worker.ConnectAsync("ann", ProviderNames.Withings);
        Assert.Equal(SyncOutcome.Ok, (await worker.SyncAsync("ann", ProviderNames.Withings)).Outcome);
        var before = await ScrapeWhenAsync(worker, s => s.Value("livermuscle_sync_influxdb_last_write_age") is not null);
        Assert.Equal(0, before.Value("livermuscle_sync_spool_batches"));

        await worker.Influx.StopAsync();
        var sink = worker.Host.Services.GetRequiredService<IPointSink>();
        var first = await sink.WriteAsync([Marker(1)], CancellationToken.None);
        var down = await ScrapeWhenAsync(worker, s => s.Value("livermuscle_sync_spool_batches") >= 1);
        var second = await sink.WriteAsync([Marker(2), Marker(3)], CancellationToken.None);
        var later = await ScrapeWhenAsync(worker, s => s.Value("livermuscle_sync_spool_batches") > down.Value("livermuscle_sync_spool_batches")
            && s.Value("livermuscle_sync_influxdb_last_write_age") > down.Value("livermuscle_sync_influxdb_last_write_age") + 0.5);

        Assert.Equal((1, 2), (first.Spooled, second.Spooled));
        Assert.Equal(2, later.Value("livermuscle_sync_spool_batches"));
        Assert.True(later.Value("livermuscle_sync_spool_size") > down.Value("livermuscle_sync_spool_size"));
        Assert.True(later.Value("livermuscle_sync_spool_oldest_age") > down.Value("livermuscle_sync_spool_oldest_age"));
        Assert.True(later.Value("livermuscle_sync_influxdb_last_write_age") > down.Value("livermuscle_sync_influxdb_last_write_age") + 0.5);
    }

    private static async Task<Scrape> ScrapeWhenAsync(TelemetryWorker worker, Func<Scrape, bool> condition)
    {
        Scrape? last = null;
        await Eventually.TrueAsync(async () => condition(last = await worker.ScrapeAsync()), "the scraped metrics");
        return last!;
    }

    private static Point Marker(int day) =>
        PointBuilder.For(Measurements.HealthMarker)
            .Tag(TagNames.User, "ann").Tag(TagNames.Source, Sources.Manual).Tag(TagNames.Marker, "alt")
            .Field(FieldNames.HealthMarker.Value, 40.0 + day)
            .At(new DateTimeOffset(2026, 1, day, 0, 0, 0, TimeSpan.Zero))
            .Build();
}
