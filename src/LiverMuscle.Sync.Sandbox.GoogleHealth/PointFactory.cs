using System.Globalization;
using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Builds stored points and their JSON exactly as the list endpoint serves them.</summary>
internal static class PointFactory
{
    public static string Name(SandboxUser user, string type, long id) =>
        $"users/{user.HealthUserId}/dataTypes/{type}/dataPoints/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A session, recorded by the watch unless another <paramref name="source"/> is named.</summary>
    public static StoredPoint Exercise(SandboxExercise e, ExerciseDetail detail, bool omitCivil, PointSource? source = null) => new()
    {
        Name = e.Name,
        DataType = DataTypeCatalog.Exercise,
        Time = e.Start,
        UtcOffset = e.UtcOffset,
        Record = e,
        Source = source ?? WatchOf(e),
        Json = () =>
        {
            var summary = new JsonObject();
            Put(summary, "caloriesKcal", e.CaloriesKcal);
            if (e.AverageHeartRate is { } hr)
            {
                summary["averageHeartRateBeatsPerMinute"] = WireFormat.Int64(hr);
            }

            if (detail.ActiveZoneMinutes is { } azm)
            {
                summary["activeZoneMinutes"] = WireFormat.Int64(azm);
                var active = e.ActiveDuration ?? (e.End - e.Start);
                var vigorous = TimeSpan.FromMinutes(Math.Min(azm / 2, active.TotalMinutes / 4));
                var moderate = TimeSpan.FromMinutes(Math.Min(azm, active.TotalMinutes / 2)) - vigorous;
                summary["heartRateZoneDurations"] = new JsonObject
                {
                    ["lightTime"] = WireFormat.Duration(active - moderate - vigorous),
                    ["moderateTime"] = WireFormat.Duration(moderate),
                    ["vigorousTime"] = WireFormat.Duration(vigorous),
                    ["peakTime"] = "0s",
                };
            }

            Put(summary, "distanceMillimeters", detail.DistanceMillimeters);
            if (detail.Steps is { } steps)
            {
                summary["steps"] = WireFormat.Int64(steps);
            }

            var exercise = new JsonObject
            {
                ["interval"] = Interval(e.Start, e.End, e.UtcOffset, civil: !omitCivil),
                ["exerciseType"] = e.ExerciseType,
                ["displayName"] = DisplayName(e.ExerciseType),
            };
            if (e.ActiveDuration is { } activeDuration)
            {
                exercise["activeDuration"] = WireFormat.Duration(activeDuration);
            }

            if (summary.Count > 0)
            {
                exercise["metricsSummary"] = summary;
            }

            if (detail.Events)
            {
                exercise["exerciseEvents"] = new JsonArray(Event(e.Start, e.UtcOffset, "START"), Event(e.End, e.UtcOffset, "STOP"));
            }

            exercise["exerciseMetadata"] = new JsonObject();
            exercise["createTime"] = WireFormat.Timestamp(detail.Created);
            exercise["updateTime"] = WireFormat.Timestamp(detail.Updated);
            return Point(e.Name, source ?? WatchOf(e), "exercise", exercise);
        },
    };

    /// <summary>A food entry; without <paramref name="withEnd"/> its interval has no end (only the start is required).</summary>
    public static StoredPoint Nutrition(SandboxNutritionLog n, PointSource source, double? sodiumGrams, bool withEnd = true) => new()
    {
        Name = n.Name,
        DataType = DataTypeCatalog.NutritionLog,
        Time = n.Start,
        UtcOffset = n.UtcOffset,
        Record = n,
        Source = source,
        Json = () =>
        {
            var log = new JsonObject
            {
                ["interval"] = Interval(n.Start, withEnd ? n.End : null, n.UtcOffset, civil: true),
                ["foodDisplayName"] = n.FoodDisplayName,
                ["mealType"] = n.MealType,
            };
            if (n.Kcal is { } kcal)
            {
                log["energy"] = new JsonObject { ["kcal"] = kcal };
            }

            if (n.CarbsGrams is { } carbs)
            {
                log["totalCarbohydrate"] = new JsonObject { ["grams"] = carbs };
            }

            if (n.FatGrams is { } fat)
            {
                log["totalFat"] = new JsonObject { ["grams"] = fat };
            }

            var nutrients = new JsonArray();
            AddNutrient(nutrients, "PROTEIN", n.ProteinGrams);
            AddNutrient(nutrients, "SODIUM", sodiumGrams);
            AddNutrient(nutrients, "DIETARY_FIBER", n.FiberGrams);
            if (nutrients.Count > 0)
            {
                log["nutrients"] = nutrients;
            }

            return Point(n.Name, source, "nutritionLog", log);
        },
    };

    /// <summary>A weight sample; without <paramref name="named"/> the list serves it without <c>name</c>, as Health Connect samples come.</summary>
    public static StoredPoint Weight(SandboxSample s, PointSource source, bool named = true) =>
        Sample(s, DataTypeCatalog.Weight, source, "weight", "weightGrams", JsonValue.Create(s.Value), named);

    public static StoredPoint BodyFat(SandboxSample s, PointSource source, bool named = true) =>
        Sample(s, DataTypeCatalog.BodyFat, source, "bodyFat", "percentage", JsonValue.Create(s.Value), named);

    public static StoredPoint Height(SandboxSample s) =>
        Sample(s, DataTypeCatalog.Height, PointSource.FitbitManual, "height", "heightMillimeters", JsonValue.Create(WireFormat.Int64((long)s.Value)));

    /// <summary>A point whose payload a strict client must reject (wrong JSON type or a missing required member).</summary>
    public static StoredPoint Malformed(string name, string type, DateTimeOffset at, TimeSpan offset) => new()
    {
        Name = name,
        DataType = type,
        Time = at,
        UtcOffset = offset,
        Json = () => type switch
        {
            DataTypeCatalog.Weight => Point(name, PointSource.Scale, "weight", new JsonObject { ["sampleTime"] = SampleTime(at, offset), ["weightGrams"] = "abc" }),
            DataTypeCatalog.BodyFat => Point(name, PointSource.Scale, "bodyFat", new JsonObject { ["sampleTime"] = SampleTime(at, offset), ["percentage"] = "abc" }),
            DataTypeCatalog.Height => Point(name, PointSource.FitbitManual, "height", new JsonObject { ["sampleTime"] = SampleTime(at, offset), ["heightMillimeters"] = "tall" }),
            DataTypeCatalog.Exercise => Point(name, PointSource.Watch, "exercise", new JsonObject
            {
                ["interval"] = new JsonObject { ["startTime"] = WireFormat.Timestamp(at), ["startUtcOffset"] = WireFormat.Duration(offset), ["endUtcOffset"] = WireFormat.Duration(offset) },
                ["exerciseType"] = "WEIGHTLIFTING",
                ["displayName"] = "Weightlifting",
            }),
            _ => Point(name, PointSource.FitbitManual, "nutritionLog", new JsonObject
            {
                ["interval"] = Interval(at, at.AddMinutes(15), offset, civil: true),
                ["foodDisplayName"] = "Protein shake",
                ["mealType"] = "SNACK",
                ["nutrients"] = new JsonArray(new JsonObject { ["nutrient"] = "PROTEIN", ["quantity"] = new JsonObject { ["grams"] = "lots" } }),
            }),
        },
    };

    public static string DisplayName(string exerciseType)
    {
        var words = exerciseType.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !(w.Length > 1 && w[0] == 'V' && w[1..].All(char.IsAsciiDigit)))
            .Select(w => w.ToLowerInvariant());
        var text = string.Join(' ', words);
        return text.Length == 0 ? exerciseType : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static PointSource WatchOf(SandboxExercise e) => e.RecordingMethod == "ACTIVELY_MEASURED" ? PointSource.Watch : PointSource.WatchPassive;

    private static StoredPoint Sample(SandboxSample s, string type, PointSource source, string member, string valueName, JsonNode? value, bool named = true) => new()
    {
        Name = s.Name,
        DataType = type,
        Time = s.Time,
        UtcOffset = s.UtcOffset,
        Record = s,
        Source = source,
        Json = () => Point(named ? s.Name : null, source, member, new JsonObject { ["sampleTime"] = SampleTime(s.Time, s.UtcOffset), [valueName] = value?.DeepClone() }),
    };

    /// <summary>A data point; <c>name</c> is optional in the proto and left out when <paramref name="name"/> is null.</summary>
    private static JsonObject Point(string? name, PointSource source, string member, JsonObject payload)
    {
        var point = new JsonObject();
        if (name is not null)
        {
            point["name"] = name;
        }

        point["dataSource"] = source.Json();
        point[member] = payload;
        return point;
    }

    private static JsonObject SampleTime(DateTimeOffset at, TimeSpan offset) => new()
    {
        ["physicalTime"] = WireFormat.Timestamp(at),
        ["utcOffset"] = WireFormat.Duration(offset),
        ["civilTime"] = WireFormat.Civil(at.UtcDateTime + offset),
    };

    private static JsonObject Interval(DateTimeOffset start, DateTimeOffset? end, TimeSpan offset, bool civil)
    {
        var interval = new JsonObject
        {
            ["startTime"] = WireFormat.Timestamp(start),
            ["startUtcOffset"] = WireFormat.Duration(offset),
        };
        if (end is { } until)
        {
            interval["endTime"] = WireFormat.Timestamp(until);
            interval["endUtcOffset"] = WireFormat.Duration(offset);
        }

        if (civil)
        {
            interval["civilStartTime"] = WireFormat.Civil(start.UtcDateTime + offset);
            if (end is { } civilEnd)
            {
                interval["civilEndTime"] = WireFormat.Civil(civilEnd.UtcDateTime + offset);
            }
        }

        return interval;
    }

    private static JsonObject Event(DateTimeOffset at, TimeSpan offset, string type) => new()
    {
        ["eventTime"] = WireFormat.Timestamp(at),
        ["eventUtcOffset"] = WireFormat.Duration(offset),
        ["exerciseEventType"] = type,
    };

    private static void AddNutrient(JsonArray nutrients, string nutrient, double? grams)
    {
        if (grams is { } g)
        {
            nutrients.Add(new JsonObject { ["nutrient"] = nutrient, ["quantity"] = new JsonObject { ["grams"] = g } });
        }
    }

    private static void Put(JsonObject target, string name, double? value)
    {
        if (value is { } v)
        {
            target[name] = v;
        }
    }
}
