using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>Points as real accounts serve them: without names, without an end, and one per source of the same event.</summary>
[Trait("Category", "Unit")]
public sealed class SourceMergeTests
{
    private const string Scale = """{ "recordingMethod": "PASSIVELY_MEASURED", "device": { "formFactor": "SCALE", "displayName": "Aria Air" }, "platform": "FITBIT" }""";
    private const string PhoneApp = """{ "recordingMethod": "UNKNOWN", "device": {}, "application": { "packageName": "com.example.smartscale" }, "platform": "HEALTH_CONNECT" }""";

    [Fact]
    public void NamelessWeightAndBodyFat_Land_WithAnIdentityFromTypeSourceAndTime_StableAcrossReads()
    {
        var weights = $$"""{ "dataPoints": [ { "dataSource": {{PhoneApp}}, "weight": { "sampleTime": { "physicalTime": "2026-11-24T06:12:41Z" }, "weightGrams": 82400 } } ] }""";
        var fats = $$"""{ "dataPoints": [ { "dataSource": {{PhoneApp}}, "bodyFat": { "sampleTime": { "physicalTime": "2026-11-24T06:12:41Z" }, "percentage": 18 } } ] }""";
        var otherSource = weights.Replace("com.example.smartscale", "com.example.other", StringComparison.Ordinal);

        var first = Body(weights, fats);
        var again = Body(weights, fats);
        var other = Body(otherSource, """{}""");

        var point = Assert.Single(first.Records).Point;
        Assert.Empty(first.Errors);
        Assert.Equal(FieldValue.Float(82.4), point.Fields[F.BodyComposition.WeightKg]);
        Assert.Equal(FieldValue.Float(18), point.Fields[F.BodyComposition.FatRatioPct]);
        var id = point.Fields[F.BodyComposition.SourceId];
        Assert.StartsWith("weight-20261124T061241Z-", id.ToString(), StringComparison.Ordinal);
        Assert.Equal(id, Assert.Single(again.Records).Point.Fields[F.BodyComposition.SourceId]);
        Assert.NotEqual(id, Assert.Single(other.Records).Point.Fields[F.BodyComposition.SourceId]);
    }

    [Fact]
    public void WeighInOfTheScaleAndItsPhoneAppCopy_IsOnePoint_WithTheScalesValueAndTime()
    {
        var weights = $$"""
            { "dataPoints": [
              { "dataSource": {{PhoneApp}}, "weight": { "sampleTime": { "physicalTime": "2026-11-24T06:13:05Z" }, "weightGrams": 82500 } },
              { "name": "users/1/dataTypes/weight/dataPoints/w1", "dataSource": {{Scale}}, "weight": { "sampleTime": { "physicalTime": "2026-11-24T06:12:41Z" }, "weightGrams": 82450.5 } },
              { "name": "users/1/dataTypes/weight/dataPoints/w2", "dataSource": {{Scale}}, "weight": { "sampleTime": { "physicalTime": "2026-11-24T06:14:00Z" }, "weightGrams": 82300 } } ] }
            """;
        var fats = $$"""{ "dataPoints": [ { "dataSource": {{PhoneApp}}, "bodyFat": { "sampleTime": { "physicalTime": "2026-11-24T06:13:05Z" }, "percentage": 18 } } ] }""";

        var read = Body(weights, fats);

        // The scale's two weigh-ins are two; the phone app's copy of the first is not a third.
        Assert.Equal(2, read.Records.Count);
        var first = read.Records[0].Point;
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 12, 41, TimeSpan.Zero), first.Timestamp);
        Assert.Equal(FieldValue.Float(82.4505), first.Fields[F.BodyComposition.WeightKg]);
        Assert.Equal(FieldValue.String("w1"), first.Fields[F.BodyComposition.SourceId]);
        Assert.Equal(FieldValue.Float(18), first.Fields[F.BodyComposition.FatRatioPct]);
        Assert.False(read.Records[1].Point.Fields.ContainsKey(F.BodyComposition.FatRatioPct));
    }

    [Fact]
    public void SessionOfTheWatchAndAGymApp_AndOneWrittenTwiceInTheSameSecond_AreOneSessionEach()
    {
        const string page = """
            { "dataPoints": [
              { "name": "users/1/dataTypes/exercise/dataPoints/10", "dataSource": { "recordingMethod": "ACTIVELY_MEASURED", "device": { "formFactor": "WATCH" }, "platform": "FITBIT" },
                "exercise": { "interval": { "startTime": "2026-11-20T17:05:12Z", "endTime": "2026-11-20T18:02:40Z" }, "exerciseType": "WEIGHTLIFTING", "metricsSummary": { "caloriesKcal": 312 } } },
              { "name": "users/1/dataTypes/exercise/dataPoints/11", "dataSource": { "recordingMethod": "UNKNOWN", "application": { "packageName": "com.example.gymlog" }, "platform": "HEALTH_CONNECT" },
                "exercise": { "interval": { "startTime": "2026-11-20T17:06:30Z", "endTime": "2026-11-20T18:01:00Z" }, "exerciseType": "STRENGTH_TRAINING" } },
              { "name": "users/1/dataTypes/exercise/dataPoints/20", "dataSource": { "recordingMethod": "ACTIVELY_MEASURED", "device": { "formFactor": "WATCH" }, "platform": "FITBIT" },
                "exercise": { "interval": { "startTime": "2026-11-22T17:00:00.250Z", "endTime": "2026-11-22T17:45:00Z" }, "exerciseType": "WEIGHTS" } },
              { "name": "users/1/dataTypes/exercise/dataPoints/21", "dataSource": { "recordingMethod": "MANUAL", "application": { "webClientId": "22BX7Q" }, "platform": "FITBIT_WEB_API" },
                "exercise": { "interval": { "startTime": "2026-11-22T17:00:00Z", "endTime": "2026-11-22T17:45:00Z" }, "exerciseType": "WEIGHTS" } },
              { "name": "users/1/dataTypes/exercise/dataPoints/30", "dataSource": { "recordingMethod": "ACTIVELY_MEASURED", "device": { "formFactor": "WATCH" }, "platform": "FITBIT" },
                "exercise": { "interval": { "startTime": "2026-11-20T18:30:00Z", "endTime": "2026-11-20T19:00:00Z" }, "exerciseType": "WEIGHTLIFTING" } } ] }
            """;

        var read = FitbitNormalizer.Exercises("ann", DataPointPage.Parse("exercise", page).Points, new FitbitOptions());

        Assert.Equal(["10", "20", "30"], read.Records.Select(r => r.Id).Order(StringComparer.Ordinal));
        var watch = read.Records.Single(r => r.Id == "10").Point;
        Assert.Equal(FieldValue.Int(312), watch.Fields[F.StrengthSession.CaloriesKcal]);
        Assert.Equal(FieldValue.String("WEIGHTLIFTING"), watch.Fields[F.StrengthSession.ActivityType]);
    }

    [Fact]
    public void FoodEntrySyncedThroughTwoApps_CountsOnce_AnEntryWithoutEnd_CountsOnItsStartDay()
    {
        const string page = """
            { "dataPoints": [
              { "name": "users/1/dataTypes/nutrition-log/dataPoints/a", "dataSource": { "recordingMethod": "MANUAL", "platform": "FITBIT" },
                "nutritionLog": { "interval": { "startTime": "2026-11-23T18:30:00Z", "startUtcOffset": "3600s", "endTime": "2026-11-23T18:50:00Z" },
                  "energy": { "kcal": 248 }, "nutrients": [ { "nutrient": "PROTEIN", "quantity": { "grams": 46.5 } } ] } },
              { "name": "users/1/dataTypes/nutrition-log/dataPoints/b", "dataSource": { "recordingMethod": "UNKNOWN", "application": { "packageName": "com.example.macrocounter" }, "platform": "HEALTH_CONNECT" },
                "nutritionLog": { "interval": { "startTime": "2026-11-23T18:30:00Z", "startUtcOffset": "3600s" },
                  "energy": { "kcal": 248 }, "nutrients": [ { "nutrient": "PROTEIN", "quantity": { "grams": 46.5 } } ] } },
              { "name": "users/1/dataTypes/nutrition-log/dataPoints/c", "dataSource": { "recordingMethod": "UNKNOWN", "application": { "packageName": "com.example.macrocounter" }, "platform": "HEALTH_CONNECT" },
                "nutritionLog": { "interval": { "startTime": "2026-11-23T18:31:00Z", "startUtcOffset": "3600s" },
                  "energy": { "kcal": 95 }, "nutrients": [ { "nutrient": "PROTEIN", "quantity": { "grams": 0.5 } } ] } },
              { "name": "users/1/dataTypes/nutrition-log/dataPoints/d", "dataSource": { "recordingMethod": "MANUAL", "platform": "FITBIT" },
                "nutritionLog": { "interval": { "startTime": "2026-11-23T23:30:00Z", "startUtcOffset": "3600s" },
                  "nutrients": [ { "nutrient": "PROTEIN", "quantity": { "grams": 10 } } ] } } ] }
            """;

        var read = FitbitNormalizer.NutritionDays("ann", DataPointPage.Parse("nutrition-log", page).Points, TimeZoneInfo.Utc);

        Assert.Empty(read.Errors);
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], read.Records.Select(r => r.Day));
        Assert.Equal(FieldValue.Float(47), read.Records[0].Point.Fields[F.NutritionDaily.ProteinG]);
        Assert.Equal(FieldValue.Float(343), read.Records[0].Point.Fields[F.NutritionDaily.EnergyKcal]);
        Assert.Equal(FieldValue.Int(2), read.Records[0].Point.Fields[F.NutritionDaily.Entries]);
        Assert.Equal(FieldValue.Float(10), read.Records[1].Point.Fields[F.NutritionDaily.ProteinG]);
    }

    private static Providers.Records.RecordRead Body(string weights, string fats) =>
        FitbitNormalizer.Body("ann", DataPointPage.Parse("weight", weights).Points, DataPointPage.Parse("body-fat", fats).Points);
}
