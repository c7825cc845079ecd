using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Withings.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>Weigh-ins and body composition through <c>getmeas</c> (category 1, the body-composition meastypes).</summary>
public sealed class BodyCompositionSyncSource(
    WithingsApiClient client,
    WrittenRecordLedger ledger,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger<BodyCompositionSyncSource> logger) : WithingsSyncSource(client, ledger, options, time, logger)
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
        // Groups are read one by one so that one unreadable group is reported and the rest of the page lands.
        var groups = new List<MeasureGroup>();
        var errors = new List<RecordError>();
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("measuregrps", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in list.EnumerateArray())
            {
                try
                {
                    groups.Add(element.Deserialize(WithingsJsonContext.Default.MeasureGroup) ?? throw new JsonException("null group"));
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
                {
                    var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("grpid", out var g) ? g.ToString() : "?";
                    errors.Add(new RecordError(id, $"measure group {id} cannot be read: {ex.Message}"));
                }
            }
        }

        var page = BodyCompositionNormalizer.Normalize(userId, groups);
        var header = body.Deserialize(WithingsJsonContext.Default.MeasureBodyHeader);
        return new WithingsPage(
            new NormalizedPage(page.Records, [.. errors, .. page.Errors]),
            header?.More ?? false,
            header?.Offset ?? 0,
            header?.UpdateTime);
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
