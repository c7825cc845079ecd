using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

[Trait("Category", "Unit")]
public sealed class NormalizerTests
{
    private const string ExercisePage = """
        {
          "dataPoints": [
            {
              "name": "users/4471092385510027731/dataTypes/exercise/dataPoints/5208833147701125590",
              "dataSource": { "recordingMethod": "ACTIVELY_MEASURED", "device": { "formFactor": "WATCH" }, "platform": "FITBIT" },
              "exercise": {
                "interval": { "startTime": "2026-11-20T23:05:12.123456789Z", "startUtcOffset": "3600s", "endTime": "2026-11-21T00:02:40Z", "endUtcOffset": "3600s" },
                "exerciseType": "WEIGHTLIFTING",
                "activeDuration": "3388.5s",
                "metricsSummary": { "caloriesKcal": 312.5, "averageHeartRateBeatsPerMinute": "104", "steps": "410" },
                "exerciseMetadata": {}
              }
            },
            {
              "name": "users/4471092385510027731/dataTypes/exercise/dataPoints/1",
              "exercise": {
                "interval": { "startTime": "2026-11-19T06:40:00Z", "startUtcOffset": "3600s", "endTime": "2026-11-19T07:12:30Z", "endUtcOffset": "3600s" },
                "exerciseType": "UNDERWATER_HOCKEY_V2"
              }
            },
            {
              "name": "users/4471092385510027731/dataTypes/exercise/dataPoints/2",
              "exercise": {
                "interval": { "startTime": "2026-11-18T06:40:00Z", "startUtcOffset": "3600s", "endTime": "2026-11-18T06:41:30Z" },
                "exerciseType": "STRENGTH_TRAINING"
              }
            },
            {
              "name": "users/4471092385510027731/dataTypes/exercise/dataPoints/3",
              "exercise": { "interval": { "startTime": "2026-11-17T06:40:00Z" }, "exerciseType": "WEIGHTS" }
            },
            {
              "name": "users/4471092385510027731/dataTypes/exercise/dataPoints/4",
              "exercise": {
                "interval": { "startTime": "2026-11-16T06:40:00Z", "startUtcOffset": "an hour", "endTime": "2026-11-16T07:40:00Z" },
                "exerciseType": "WEIGHTS"
              }
            }
          ]
        }
        """;

    [Fact]
    public void Exercises_StrengthTypesOnly_UnknownEnumIgnored_BlipsDropped_MalformedReportedByName()
    {
        var page = DataPointPage.Parse("exercise", ExercisePage);
        var read = FitbitNormalizer.Exercises("ann", page.Points, new FitbitOptions());

        Assert.Null(page.NextPageToken);
        Assert.Equal("users/4471092385510027731/dataTypes/exercise/dataPoints/4", Assert.Single(page.Errors).RecordId);
        var noEnd = Assert.Single(read.Errors);
        Assert.Equal("users/4471092385510027731/dataTypes/exercise/dataPoints/3", noEnd.RecordId);
        Assert.Contains("no interval.endTime", noEnd.Reason, StringComparison.Ordinal);
        var session = Assert.Single(read.Records);
        Assert.Equal("5208833147701125590", session.Id);
        Assert.Equal(new DateOnly(2026, 11, 21), session.Day);
        var point = session.Point;
        Assert.Equal(Measurements.StrengthSession, point.Measurement);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 23, 5, 12, TimeSpan.Zero), point.Timestamp);
        Assert.Equal(Sources.Fitbit, point.Tags[TagNames.Source]);
        Assert.Equal(SessionKinds.Weights, point.Tags[TagNames.Kind]);
        Assert.Equal(FieldValue.Int(3447), point.Fields[F.StrengthSession.DurationS]);
        Assert.Equal(FieldValue.Int(3388), point.Fields[F.StrengthSession.ActiveDurationS]);
        Assert.Equal(FieldValue.Int(313), point.Fields[F.StrengthSession.CaloriesKcal]);
        Assert.Equal(FieldValue.Int(104), point.Fields[F.StrengthSession.AvgHrBpm]);
        Assert.Equal(FieldValue.String("WEIGHTLIFTING"), point.Fields[F.StrengthSession.ActivityType]);
    }

    [Fact]
    public void NutritionDays_SumPerOwnLocalDay_StampedAtTheUsersMidnight()
    {
        const string page = """
            {
              "dataPoints": [
                { "name": "users/1/dataTypes/nutrition-log/dataPoints/a",
                  "nutritionLog": { "interval": { "startTime": "2026-11-23T18:30:00Z", "startUtcOffset": "3600s", "endTime": "2026-11-23T18:50:00Z" },
                    "energy": { "kcal": 248 }, "totalCarbohydrate": { "grams": 0 }, "totalFat": { "grams": 5.4 },
                    "nutrients": [ { "nutrient": "PROTEIN", "quantity": { "grams": 46.5 } }, { "nutrient": "DIETARY_FIBER", "quantity": { "grams": 1.1 } }, { "nutrient": "SODIUM", "quantity": { "grams": 0.112 } } ] } },
                { "name": "users/1/dataTypes/nutrition-log/dataPoints/b",
                  "nutritionLog": { "interval": { "startTime": "2026-11-23T07:05:00Z", "startUtcOffset": "3600s", "endTime": "2026-11-23T07:20:00Z" },
                    "energy": { "kcal": 356 }, "totalCarbohydrate": { "grams": 41.2 }, "totalFat": { "grams": 7.9 },
                    "nutrients": [ { "nutrient": "PROTEIN", "quantity": { "grams": 27.3 } } ] } },
                { "name": "users/1/dataTypes/nutrition-log/dataPoints/c",
                  "nutritionLog": { "interval": { "startTime": "2026-11-23T23:30:00Z", "startUtcOffset": "3600s", "endTime": "2026-11-23T23:45:00Z" },
                    "nutrients": [ { "nutrient": "PROTEIN", "quantity": { "grams": 10.01 } } ] } }
              ],
              "nextPageToken": ""
            }
            """;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var read = FitbitNormalizer.NutritionDays("ann", DataPointPage.Parse("nutrition-log", page).Points, zone);

        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], read.Records.Select(r => r.Day));
        var day = read.Records[0].Point;
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), day.Timestamp);
        Assert.Equal(FieldValue.Float(73.8), day.Fields[F.NutritionDaily.ProteinG]);
        Assert.Equal(FieldValue.Float(604), day.Fields[F.NutritionDaily.EnergyKcal]);
        Assert.Equal(FieldValue.Float(41.2), day.Fields[F.NutritionDaily.CarbsG]);
        Assert.Equal(FieldValue.Float(13.3), day.Fields[F.NutritionDaily.FatG]);
        Assert.Equal(FieldValue.Float(1.1), day.Fields[F.NutritionDaily.FiberG]);
        Assert.Equal(FieldValue.Int(2), day.Fields[F.NutritionDaily.Entries]);
        Assert.Equal(FieldValue.Float(10.01), read.Records[1].Point.Fields[F.NutritionDaily.ProteinG]);
    }

    [Fact]
    public void Body_WeightAndFatAtTheSameTime_OnePoint_GramsToKilograms()
    {
        const string weights = """
            { "dataPoints": [ { "name": "users/1/dataTypes/weight/dataPoints/w1",
                "dataSource": { "recordingMethod": "PASSIVELY_MEASURED", "platform": "FITBIT" },
                "weight": { "sampleTime": { "physicalTime": "2026-11-24T06:12:41Z", "utcOffset": "3600s" }, "weightGrams": 82450.5 } },
              { "name": "users/1/dataTypes/weight/dataPoints/w2",
                "weight": { "sampleTime": { "physicalTime": "2026-11-23T06:00:00Z" }, "weightGrams": "abc" } } ] }
            """;
        const string fats = """
            { "dataPoints": [ { "name": "users/1/dataTypes/body-fat/dataPoints/f1",
                "bodyFat": { "sampleTime": { "physicalTime": "2026-11-24T06:12:41Z", "utcOffset": "3600s" }, "percentage": 17.9 } } ] }
            """;
        var weightPage = DataPointPage.Parse("weight", weights);

        var read = FitbitNormalizer.Body("ann", weightPage.Points, DataPointPage.Parse("body-fat", fats).Points);

        Assert.Equal("users/1/dataTypes/weight/dataPoints/w2", Assert.Single(weightPage.Errors).RecordId);
        var point = Assert.Single(read.Records).Point;
        Assert.Equal(Measurements.BodyComposition, point.Measurement);
        Assert.False(point.Tags.ContainsKey(TagNames.Device));
        Assert.Equal(FieldValue.Float(82.4505), point.Fields[F.BodyComposition.WeightKg]);
        Assert.Equal(FieldValue.Float(17.9), point.Fields[F.BodyComposition.FatRatioPct]);
        Assert.Equal(FieldValue.String("w1"), point.Fields[F.BodyComposition.SourceId]);
        Assert.Equal(FieldValue.Bool(false), point.Fields[F.BodyComposition.Manual]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "dataPoints": [], "nextPageToken": "" }""")]
    public void Page_EmptyLastPage_HasNoPointsAndNoToken(string body)
    {
        var page = DataPointPage.Parse("exercise", body);

        Assert.Empty(page.Points);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public void Page_EmptyButWithAToken_KeepsTheToken() =>
        Assert.Equal("t2", DataPointPage.Parse("exercise", """{ "nextPageToken": "t2" }""").NextPageToken);

    [Fact]
    public void Page_NotJson_IsAClearError()
    {
        var error = Assert.Throws<InvalidDataException>(() => DataPointPage.Parse("weight", "<html>502</html>"));
        Assert.Contains("weight list that is not JSON", error.Message, StringComparison.Ordinal);
    }
}
