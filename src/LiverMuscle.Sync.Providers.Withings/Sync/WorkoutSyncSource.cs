using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Withings.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>Strength workouts through <c>getworkouts</c>, always with an explicit <c>data_fields</c> list.</summary>
public sealed class WorkoutSyncSource(
    WithingsApiClient client,
    WrittenRecordLedger ledger,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger<WorkoutSyncSource> logger) : WithingsSyncSource(client, ledger, options, time, logger)
{
    public const string DataFields = "calories,hr_average,pause_duration";

    public override string DataKind => WithingsDataKinds.Workouts;

    protected override string Measurement => Measurements.StrengthSession;

    protected override WithingsService Service => WithingsService.MeasureV2;

    protected override Dictionary<string, string> ByLastUpdate(long lastUpdate) =>
        Form(("lastupdate", lastUpdate.ToString(CultureInfo.InvariantCulture)));

    /// <summary>getworkouts filters by local calendar date; the window is widened to whole UTC days.</summary>
    protected override Dictionary<string, string> ByWindow(long from, long to) =>
        Form(("startdateymd", Ymd(from)), ("enddateymd", Ymd(to)));

    protected override WithingsPage ReadPage(string userId, JsonElement body)
    {
        var parsed = body.Deserialize(WithingsJsonContext.Default.WorkoutsBody);
        var page = WorkoutNormalizer.Normalize(userId, parsed?.Series ?? [], Options.WorkoutCategories);
        return new WithingsPage(page, parsed?.More ?? false, parsed?.Offset ?? 0, null);
    }

    private static string Ymd(long unix) => DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(params (string Key, string Value)[] parameters)
    {
        var form = new Dictionary<string, string> { ["action"] = "getworkouts", ["data_fields"] = DataFields };
        foreach (var (key, value) in parameters)
        {
            form[key] = value;
        }

        return form;
    }
}
