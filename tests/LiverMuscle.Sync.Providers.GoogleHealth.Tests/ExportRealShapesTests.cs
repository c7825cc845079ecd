using System.Globalization;
using System.Text;
using System.Text.Json;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>Fitbit exports in the shapes real archives have: UTC exercise times, pound weights, account files, the 2026 Takeout CSV files.</summary>
public sealed class ExportRealShapesTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IAsyncLifetime
{
    private const string UserExercisesHeader =
        "exercise_id,exercise_start,exercise_end,utc_offset,exercise_created,exercise_last_updated,activity_name,log_type,pool_length,pool_length_unit,intervals,distance_units,"
        + "tracker_total_calories,tracker_total_steps,tracker_total_distance_mm,tracker_total_altitude_mm,tracker_avg_heart_rate,tracker_peak_heart_rate,manually_logged_total_calories,events";

    private ImportStack _import = null!;

    private FitbitStack Stack => _import.Stack;

    private ExportFolder Export => _import.Export;

    public async Task InitializeAsync() => _import = await ImportStack.StartAsync(influx);

    public async Task DisposeAsync() => await _import.DisposeAsync();

    [Fact]
    public async Task ExerciseStartTime_IsUtc_AsTheHeartRateFileShows_AndTheCsvTellingOfTheSameSessionIsTheSamePoint()
    {
        await _import.AddPersonAsync("ute", "America/New_York");
        var start = new DateTimeOffset(2025, 11, 20, 18, 5, 12, TimeSpan.Zero);
        var duration = TimeSpan.FromMilliseconds(3_448_000);
        Export.Write("Takeout/Fitbit/Global Export Data/exercise-0.json", """
            [ { "logId": 71234098812, "activityName": "Weights", "activityTypeId": 2030, "averageHeartRate": 104, "calories": 312,
                "duration": 3448000, "activeDuration": 3388000, "steps": 410, "startTime": "11/20/25 18:05:12",
                "lastModified": "11/20/25 19:03:01", "logType": "tracker", "source": { "type": "tracker", "name": "Charge 6" },
                "activityLevel": [ { "minutes": 12, "name": "sedentary" }, { "minutes": 30, "name": "lightly" } ], "hasGps": false },
              { "logId": 71234098813, "activityName": "Walk", "duration": 1800000, "startTime": "11/21/25 08:00:00", "averageHeartRate": 92 } ]
            """);
        Export.Write("Takeout/Fitbit/Physical Activity_GoogleData/heart_rate_2025-11-20.csv", HeartRate(start, duration, sessionBpm: 104, restingBpm: 64));
        Export.Write("Takeout/Fitbit/Health Fitness Data_GoogleData/UserExercises_2025-11-01.csv", string.Join('\n',
            UserExercisesHeader,
            "8123456789012345678,2025-11-20T18:05:12Z,2025-11-20T19:02:40Z,-05:00,2025-11-20T19:03:01Z,2025-11-20T19:03:01Z,Weights,TRACKER,,,,,312,410,0,0,104,131,,\"[{\"\"type\"\":\"\"PAUSE\"\", \"\"at\"\":12}]\"",
            "8123456789012345679,2025-11-22T17:00:00Z,2025-11-22T17:40:00Z,-05:00,2025-11-22T17:41:00Z,2025-11-22T17:41:00Z,Strength training,MANUAL,,,,,0,0,0,0,0,0,280,",
            "8123456789012345680,2025-11-23T12:00:00Z,2025-11-23T13:00:00Z,-05:00,2025-11-23T13:01:00Z,2025-11-23T13:01:00Z,Outdoor Walk,TRACKER,,,,,250,6000,4000000,0,98,120,,",
            "8123456789012345681,2025-11-24T18:00:00Z,2025-11-24T18:45:00Z,-05:00,2025-11-24T18:46:00Z,2025-11-24T18:46:00Z,Weights,TRACKER,,,,,350,200,0,0,117,142,,"));

        var (run, report) = await Stack.ImportAsync("ute", Export.Folder);

        Assert.Equal((SyncOutcome.Ok, 3, 3), (run.Outcome, run.Records, report.Sessions));
        Assert.Equal(2, report.Ignored);
        var sessions = await influx.RowsAsync(Stack.Database, "SELECT * FROM \"strength_session\" WHERE \"user\" = 'ute' ORDER BY time");
        Assert.Equal(3, sessions.Count);
        var weights = sessions[0];
        var at = DateTimeOffset.Parse(weights["time"].GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(start, at);
        Assert.Equal((3448L, 3388L, 312L, 104L), (weights[F.StrengthSession.DurationS].GetInt64(), weights[F.StrengthSession.ActiveDurationS].GetInt64(), weights[F.StrengthSession.CaloriesKcal].GetInt64(), weights[F.StrengthSession.AvgHrBpm].GetInt64()));
        Assert.Equal("71234098812", weights[F.StrengthSession.SourceId].GetString());

        // The heart-rate file of the same archive holds the session's own average at the UTC reading only.
        var samples = ReadHeartRate(Path.Combine(Export.Folder, "Takeout/Fitbit/Physical Activity_GoogleData/heart_rate_2025-11-20.csv"));
        var avgAsUtc = Average(samples, at, weights[F.StrengthSession.DurationS].GetInt64());
        var asLocal = new DateTimeOffset(DateTime.SpecifyKind(start.UtcDateTime, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById("America/New_York").GetUtcOffset(start.UtcDateTime));
        Assert.Equal(weights[F.StrengthSession.AvgHrBpm].GetInt64(), Math.Round(avgAsUtc));
        Assert.Equal(64, Math.Round(Average(samples, asLocal, 3448)));

        var manual = sessions[1];
        Assert.Equal(("2025-11-22T17:00:00Z", 2400L, 280L), (manual["time"].GetString(), manual[F.StrengthSession.DurationS].GetInt64(), manual[F.StrengthSession.CaloriesKcal].GetInt64()));
        Assert.Equal(JsonValueKind.Null, manual[F.StrengthSession.AvgHrBpm].ValueKind);

        // A session only the CSV tells of keeps the tracker's calories and average heart rate.
        var tracked = sessions[2];
        Assert.Equal(("2025-11-24T18:00:00Z", 2700L, 350L, 117L), (tracked["time"].GetString(), tracked[F.StrengthSession.DurationS].GetInt64(), tracked[F.StrengthSession.CaloriesKcal].GetInt64(), tracked[F.StrengthSession.AvgHrBpm].GetInt64()));
    }

    [Fact]
    public async Task PoundWeights_WhoseBmiFitsOnlyPounds_AreReadAsPounds_ThoughKilogramsAreConfigured_AndTheDecisionIsLogged()
    {
        await _import.AddPersonAsync("paul", "Europe/Berlin");
        Export.Write("Takeout/Fitbit/Global Export Data/weight-2025-11-01.json", """
            [ { "logId": 1763961161000, "weight": 191.8, "bmi": 25.98, "date": "11/24/25", "time": "06:12:41", "source": "Aria" },
              { "logId": 1764047402000, "weight": 190.4, "bmi": 25.79, "fat": 21.4, "date": "11/25/25", "time": "06:10:02", "source": "Aria" } ]
            """);

        var (run, report) = await Stack.ImportAsync("paul", Export.Folder);

        Assert.Equal((SyncOutcome.Ok, 2), (run.Outcome, run.Records));
        Assert.Equal("lb", report.WeightUnit!.Unit);
        Assert.Contains("BMI of 2 weigh-in(s)", report.WeightUnit.Reason, StringComparison.Ordinal);
        Assert.Contains("1.83 m", report.WeightUnit.Reason, StringComparison.Ordinal);
        var rows = await influx.RowsAsync(Stack.Database, "SELECT * FROM \"body_composition\" WHERE \"user\" = 'paul' ORDER BY time");
        Assert.Equal("2025-11-24T05:12:41Z", rows[0]["time"].GetString());
        Assert.Equal(191.8 * 0.45359237, rows[0][F.BodyComposition.WeightKg].GetDouble(), 5);
        Assert.Equal(190.4 * 0.45359237 * 0.214, rows[1][F.BodyComposition.FatMassKg].GetDouble(), 5);
        Assert.Contains(Stack.Logs.GetSnapshot(), r => r.Message.Contains("paul", StringComparison.Ordinal) && r.Message.Contains("read in lb because the BMI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAccountFileThatStatesTheUnit_IsFollowed_OverTheBmiAndTheConfiguredUnit()
    {
        await _import.AddPersonAsync("mia", "Europe/Berlin");
        Export.Write("Takeout/Google Health/Your Profile/Profile.csv",
            "id,full_name,first_name,last_name,display_name_setting,username,email_address,date_of_birth,child,country,state,city,timezone,locale,member_since,start_of_week,sleep_tracking,time_display_format,gender,height,weight,weight_unit,distance_unit,height_unit\n"
            + "C698DD,Mia M,Mia,M,name,mia@example.com,mia@example.com,1971-05-20,false,null,null,null,Europe/Berlin,de_DE,2019-07-23,MONDAY,Normal,24hour,FEMALE,168.0,68.2,METRIC,METRIC,METRIC\n");
        Export.Write("Takeout/Google Health/Global Export Data/weight-2025-12-01.json", """
            [ { "logId": 1764576000000, "weight": 68.2, "date": "12/01/25", "time": "07:00:00", "source": "Aria" },
              { "logId": 1764662400000, "weight": 68.0, "bmi": 12.05, "date": "12/02/25", "time": "07:00:00", "source": "Aria" } ]
            """);

        var (_, report) = await Stack.ImportAsync("mia", Export.Folder);

        Assert.Equal("kg", report.WeightUnit!.Unit);
        Assert.Contains("Profile.csv states the weight unit 'METRIC'", report.WeightUnit.Reason, StringComparison.Ordinal);
        Assert.Contains(report.Notes, n => n.Contains("BMI suggests lb", StringComparison.Ordinal));
        Assert.Contains(Stack.Logs.GetSnapshot(), r => r.Message.Contains("BMI suggests lb", StringComparison.Ordinal));
        Assert.Equal(68.2, (await influx.ScalarAsync("SELECT first(\"weight_kg\") FROM \"body_composition\" WHERE \"user\" = 'mia'", Stack.Database))!.Value.GetDouble(), 6);

        using var us = new ExportFolder();
        await _import.AddPersonAsync("ned", "America/Chicago");
        us.Write("Google Health/Health Fitness Data_GoogleData/UserAppSettingData.csv", "value_time,setting_name,setting_value\n2019-01-01T10:00:00Z,weight system,metric\n2024-03-02T11:54:36Z,weight system,US\n");
        us.Write("Google Health/Global Export Data/weight-2025-12-01.json", """[ { "logId": 1764576000000, "weight": 200.0, "date": "12/01/25", "time": "07:00:00" } ]""");
        var (_, usReport) = await Stack.ImportAsync("ned", us.Folder);
        Assert.Equal("lb", usReport.WeightUnit!.Unit);
        Assert.Contains("UserAppSettingData.csv states the weight unit 'US'", usReport.WeightUnit.Reason, StringComparison.Ordinal);
        Assert.Equal(90.718474, (await influx.ScalarAsync("SELECT first(\"weight_kg\") FROM \"body_composition\" WHERE \"user\" = 'ned'", Stack.Database))!.Value.GetDouble(), 6);
    }

    [Fact]
    public async Task TakeoutWeightCsv_InGramsAndUtc_AddsWeighInsTheJsonLacks_AndAWeighInInBothIsOnePoint()
    {
        await _import.AddPersonAsync("tom", "Europe/Berlin");
        Export.Write("Takeout/Google Health/Global Export Data/weight-2025-11-01.json", """
            [ { "logId": 1763961161000, "weight": 191.8, "bmi": 25.98, "fat": 21.0, "date": "11/24/25", "time": "06:12:41", "source": "Aria" } ]
            """);
        Export.Write("Takeout/Google Health/Physical Activity_GoogleData/weight.csv", string.Join('\n',
            "timestamp,weight grams,data source",
            "2025-11-24T05:12:41Z,87000,Aria",
            "2026-01-10T07:30:00Z,86100,Renpho Fitbit 3P Web API",
            "2026-01-11T07:31:10.123456Z,86050,",
            "2026-01-12T07:30:00Z,heavy,Aria"));
        Export.Write("Takeout/Google Health/Physical Activity_GoogleData/body_fat_2026-01-01.csv", "timestamp,body fat percentage,data source\n2026-01-10T07:30:00Z,20.9,Renpho Fitbit 3P Web API\n");
        Export.Write("Takeout/Google Health/Physical Activity_GoogleData/weight_readme.txt", "Time Series Data Export\n");

        var (run, report) = await Stack.ImportAsync("tom", Export.Folder);

        Assert.Equal((SyncOutcome.Partial, 3, 3), (run.Outcome, run.Records, report.WeighIns));
        var error = Assert.Single(report.Errors);
        Assert.Equal(("weight.csv line 5", "weight grams 'heavy' is not a number"), (error.RecordId, error.Reason));
        var rows = await influx.RowsAsync(Stack.Database, "SELECT * FROM \"body_composition\" WHERE \"user\" = 'tom' ORDER BY time");
        Assert.Equal(["2025-11-24T05:12:41Z", "2026-01-10T07:30:00Z", "2026-01-11T07:31:10Z"], rows.Select(r => r["time"].GetString()));
        Assert.Equal((87.0, 21.0, 18.27, false), (rows[0][F.BodyComposition.WeightKg].GetDouble(), rows[0][F.BodyComposition.FatRatioPct].GetDouble(), rows[0][F.BodyComposition.FatMassKg].GetDouble(), rows[0][F.BodyComposition.Manual].GetBoolean()));
        Assert.Equal((86.1, 20.9, false), (rows[1][F.BodyComposition.WeightKg].GetDouble(), rows[1][F.BodyComposition.FatRatioPct].GetDouble(), rows[1][F.BodyComposition.Manual].GetBoolean()));
        Assert.Equal(86.1 * 0.209, rows[1][F.BodyComposition.FatMassKg].GetDouble(), 6);
        Assert.Equal((86.05, true), (rows[2][F.BodyComposition.WeightKg].GetDouble(), rows[2][F.BodyComposition.Manual].GetBoolean()));
    }

    [Fact]
    public async Task Manual_IsAnEntryByHand_ARecordAnotherAppSentThroughTheApiIsNot()
    {
        await _import.AddPersonAsync("ann", "Etc/UTC");
        Export.Write("Global Export Data/weight-2025-10-01.json", """
            [ { "logId": 1, "weight": 80.0, "date": "10/01/25", "time": "07:00:00", "source": "API" },
              { "logId": 2, "weight": 80.1, "date": "10/02/25", "time": "00:00:00" },
              { "logId": 3, "weight": 80.2, "date": "10/03/25", "time": "07:00:00", "source": "Web" },
              { "logId": 4, "weight": 80.3, "date": "10/04/25", "time": "07:00:00", "source": "Aria" } ]
            """);
        Export.Write("Physical Activity_GoogleData/weight_2025-10-01.csv",
            "timestamp,weight grams,data source\n2025-10-05T07:00:00Z,80400,Renpho Fitbit 3P Web API\n2025-10-06T07:00:00Z,80500,\n2025-10-07T07:00:00Z,80600,Phone Health Connect\n");

        await Stack.ImportAsync("ann", Export.Folder);

        var rows = await influx.RowsAsync(Stack.Database, "SELECT \"manual\" FROM \"body_composition\" WHERE \"user\" = 'ann' ORDER BY time");
        Assert.Equal([false, true, true, false, false, true, false], rows.Select(r => r[F.BodyComposition.Manual].GetBoolean()));
    }

    [Fact]
    public async Task Import_CountsOnlyWhatTheSinkAccepted()
    {
        await _import.AddPersonAsync("cat", "Etc/UTC");
        Export.Write("Global Export Data/exercise-0.json", """[ { "logId": 5, "activityName": "Weights", "duration": 1800000, "startTime": "10/01/25 18:00:00" } ]""");
        Export.Write("Global Export Data/weight-2025-10-01.json", """
            [ { "logId": 1, "weight": 80.0, "date": "10/01/25", "time": "07:00:00", "source": "Aria" },
              { "logId": 2, "weight": 80.1, "date": "10/02/25", "time": "07:00:00", "source": "Aria" } ]
            """);
        // A weight of another type in the same shard: InfluxDB refuses the imported weigh-ins (a field type conflict).
        using var http = new HttpClient();
        using var conflict = await http.PostAsync(new Uri(influx.Url, $"/write?db={Stack.Database}&precision=s"), new StringContent("body_composition,user=cat,source=other weight_kg=\"heavy\" 1759300000", Encoding.UTF8));
        Assert.True(conflict.IsSuccessStatusCode);

        var (run, report) = await Stack.ImportAsync("cat", Export.Folder);

        Assert.Equal((1, 2), (report.Sessions, report.WeighIns));
        Assert.Equal((SyncOutcome.Partial, 1, 2), (run.Outcome, run.Records, run.Rejected));
        var recorded = Assert.Single(await Stack.Services.GetRequiredService<ISyncRunLog>().ListLatestAsync("cat", CancellationToken.None));
        Assert.Equal(1, recorded.Records);
        Assert.Equal(1, await influx.CountAsync(Stack.Database, Measurements.SyncRun, F.SyncRun.Records, "\"user\" = 'cat' AND \"records\" = 1"));
    }

    /// <summary>A <c>heart_rate_*.csv</c> sample every 5 s around a session: about <paramref name="sessionBpm"/> during it, resting before and after.</summary>
    private static string HeartRate(DateTimeOffset start, TimeSpan duration, int sessionBpm, int restingBpm)
    {
        var lines = new StringBuilder("timestamp,beats per minute,data source\n");
        var index = 0;
        for (var t = start.AddHours(-6); t < start.AddHours(8); t = t.AddSeconds(5), index++)
        {
            var bpm = t >= start && t < start + duration ? sessionBpm + (index % 2 == 0 ? -6 : 6) : restingBpm;
            lines.Append(CultureInfo.InvariantCulture, $"{t.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{bpm},Charge 6\n");
        }

        return lines.ToString();
    }

    private static List<(DateTimeOffset Time, double Bpm)> ReadHeartRate(string file) =>
        [.. File.ReadLines(file).Skip(1).Select(l => l.Split(','))
            .Select(c => (DateTimeOffset.Parse(c[0], CultureInfo.InvariantCulture), double.Parse(c[1], CultureInfo.InvariantCulture)))];

    private static double Average(List<(DateTimeOffset Time, double Bpm)> samples, DateTimeOffset from, long seconds) =>
        samples.Where(s => s.Time >= from && s.Time < from.AddSeconds(seconds)).Average(s => s.Bpm);
}
