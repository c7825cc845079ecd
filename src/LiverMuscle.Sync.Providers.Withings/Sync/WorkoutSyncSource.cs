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
/// Strength workouts through <c>getworkouts</c>, always with an explicit <c>data_fields</c> list. Each workout carries
/// the zone it was recorded in; the newest one of the look-back window tells the person's current zone.
/// </summary>
internal sealed class WorkoutSyncSource(
    WithingsApiClient client,
    LedgerBatches batches,
    WithingsTimeZones zones,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger<WorkoutSyncSource> logger) : WithingsSyncSource(client, batches, zones, options, time, logger)
{
    public const string DataFields = "calories,hr_average,pause_duration";

    private const long Day = 86_400;

    public override string DataKind => WithingsDataKinds.Workouts;

    protected override string Measurement => Measurements.StrengthSession;

    protected override WithingsService Service => WithingsService.MeasureV2;

    protected override Dictionary<string, string> ByLastUpdate(long lastUpdate) =>
        Form(("lastupdate", lastUpdate.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// getworkouts filters by the local calendar date of each workout, which is up to 14 hours off the UTC date: the
    /// window is widened by a day each side, so every workout of the instants asked for is served.
    /// </summary>
    protected override Dictionary<string, string> ByWindow(long from, long to) =>
        Form(("startdateymd", Ymd(from - Day)), ("enddateymd", Ymd(to + Day)));

    protected override WithingsPage ReadPage(string userId, JsonElement body)
    {
        // Workouts are read one by one so that one unreadable workout is reported and the rest of the page lands.
        var workouts = JsonRecords.ReadEach(JsonRecords.RequireArray(body, "series", "Withings getworkouts"), WithingsJsonContext.Default.Workout, "id", "workout");
        var header = WithingsPageHeaders.Read(body, "getworkouts");
        var recent = (Time.GetUtcNow() - Options.LookBack).ToUnixTimeSeconds();
        var zone = workouts.Items.Where(w => w.StartDate >= recent && w.Timezone is not null).MaxBy(w => w.StartDate)?.Timezone;
        var read = WorkoutNormalizer.Normalize(userId, workouts.Items, Options.WorkoutCategories, Options.MinimumSessionDuration).WithErrors(workouts.Errors);
        return new WithingsPage(read, header.More ?? false, header.Offset ?? 0, null, zone);
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
