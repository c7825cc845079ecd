using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using LiverMuscle.Sync.Providers.Withings.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// Weigh-ins and body composition through <c>getmeas</c> (category 1, the body-composition meastypes). Every answer
/// names the person's current time zone.
/// </summary>
internal sealed class BodyCompositionSyncSource(
    WithingsApiClient client,
    LedgerBatches batches,
    WithingsTimeZones zones,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger<BodyCompositionSyncSource> logger) : WithingsSyncSource(client, batches, zones, options, time, logger)
{
    /// <summary>Every meastype the normaliser maps (whole-body and segmental).</summary>
    public const string MeasTypes = "1,5,6,8,76,77,88,168,169,170,174,175,226";

    public override string DataKind => WithingsDataKinds.BodyComposition;

    protected override string Measurement => Measurements.BodyComposition;

    protected override WithingsService Service => WithingsService.Measure;

    protected override Dictionary<string, string> ByLastUpdate(long lastUpdate) => Form(("lastupdate", lastUpdate));

    protected override Dictionary<string, string> ByWindow(long from, long to) => Form(("startdate", from), ("enddate", to));

    protected override WithingsPage ReadPage(string userId, JsonElement body)
    {
        var groups = JsonRecords.ReadEach(JsonRecords.RequireArray(body, "measuregrps", "Withings getmeas"), WithingsJsonContext.Default.MeasureGroup, "grpid", "measure group");
        var header = WithingsPageHeaders.Read(body, "getmeas");
        return new WithingsPage(BodyCompositionNormalizer.Normalize(userId, groups.Items).WithErrors(groups.Errors), header.More ?? false, header.Offset ?? 0, header.UpdateTime, header.TimeZone);
    }

    private static Dictionary<string, string> Form(params (string Key, long Value)[] parameters)
    {
        var form = new Dictionary<string, string> { ["action"] = "getmeas", ["category"] = "1", ["meastypes"] = MeasTypes };
        foreach (var (key, value) in parameters)
        {
            form[key] = value.ToString(CultureInfo.InvariantCulture);
        }

        return form;
    }
}
