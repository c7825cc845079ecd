using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>Weight and body fat by UTC sample time (the filter these types accept), paired into <c>body_composition</c>.</summary>
public sealed class BodySyncSource(
    GoogleHealthApiClient client,
    FitbitWrittenLedger ledger,
    IUserStore users,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<BodySyncSource> logger) : GoogleHealthSyncSource(client, ledger, users, options, time, logger)
{
    public override string DataKind => FitbitDataKinds.Body;

    protected override string Measurement => Measurements.BodyComposition;

    protected override int WindowDays => Options.BodyWindowDays;

    protected override bool UsesLocalDates => false;

    protected override async Task<WindowRead> ReadWindowAsync(string userId, DateOnly from, DateOnly to, TimeZoneInfo zone, RequestTally tally, CancellationToken cancellationToken)
    {
        var (weights, weightErrors) = await ListAsync(userId, "weight", "weight.sample_time.physical_time", civil: false, from, to, pageSize: 1000, tally, cancellationToken);
        var (fats, fatErrors) = await ListAsync(userId, "body-fat", "body_fat.sample_time.physical_time", civil: false, from, to, pageSize: 1000, tally, cancellationToken);
        var read = FitbitNormalizer.Body(userId, weights, fats);
        return read with { Errors = [.. weightErrors, .. fatErrors, .. read.Errors] };
    }
}
