using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// <c>dataPoints:dailyRollUp</c> for nutrition-log, weight and body-fat: civil-day windows over the point's local start,
/// newest window first, a window without data carries no value member, never a <c>nextPageToken</c>; range ≤ 90 days.
/// </summary>
internal static class DailyRollUp
{
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);

    public static (JsonObject? Body, string? Reason, string? Message) Compute(SandboxUser user, DataTypeInfo type, JsonNode? request)
    {
        if (type.Id is not (DataTypeCatalog.NutritionLog or DataTypeCatalog.Weight or DataTypeCatalog.BodyFat))
        {
            return (null, "UNSUPPORTED_DATA_TYPE_ACTION", $"Data type '{type.Id}' does not support dailyRollUp.");
        }

        if (Civil(request?["range"]?["start"]) is not { } start || Civil(request?["range"]?["end"]) is not { } end)
        {
            return (null, "INVALID_CIVIL_DATE_TIME", "range.start and range.end must be civil date-times with a date.");
        }

        if (end <= start)
        {
            return (null, "INVALID_TIME_RANGE", "range.start must be before range.end.");
        }

        if (end - start > MaxRange)
        {
            return (null, "INVALID_ROLLUP_QUERY_DURATION", $"The range of a dailyRollUp of '{type.Id}' may span at most 90 days.");
        }

        var windowDays = 1;
        if (request?["windowSizeDays"] is { } size && (size.GetValueKind() != JsonValueKind.Number || !size.AsValue().TryGetValue(out windowDays) || windowDays < 1))
        {
            return (null, "INVALID_ROLLUP_WINDOW", "windowSizeDays must be a positive integer.");
        }

        List<StoredPoint> points;
        lock (user)
        {
            points = [.. user.Points.Where(p => p.DataType == type.Id && !p.Deleted && p.Record is not null && p.LocalStart >= start && p.LocalStart < end)];
        }

        var windows = new JsonArray();
        for (var from = start; from < end; from = from.AddDays(windowDays))
        {
            var to = from.AddDays(windowDays) < end ? from.AddDays(windowDays) : end;
            var inside = points.Where(p => p.LocalStart >= from && p.LocalStart < to).ToList();
            var window = new JsonObject { ["civilStartTime"] = WireFormat.Civil(from), ["civilEndTime"] = WireFormat.Civil(to) };
            if (inside.Count > 0)
            {
                window[Member(type)] = Value(type, inside);
            }

            windows.Insert(0, window);
        }

        return (new JsonObject { ["rollupDataPoints"] = windows }, null, null);
    }

    private static string Member(DataTypeInfo type) => type.Id switch
    {
        DataTypeCatalog.NutritionLog => "nutritionLog",
        DataTypeCatalog.Weight => "weight",
        _ => "bodyFat",
    };

    private static JsonObject Value(DataTypeInfo type, List<StoredPoint> inside)
    {
        if (type.Id == DataTypeCatalog.Weight)
        {
            return new JsonObject { ["weightGramsAvg"] = inside.Average(p => ((SandboxSample)p.Record!).Value) };
        }

        if (type.Id == DataTypeCatalog.BodyFat)
        {
            return new JsonObject { ["bodyFatPercentageAvg"] = inside.Average(p => ((SandboxSample)p.Record!).Value) };
        }

        var logs = inside.Select(p => (SandboxNutritionLog)p.Record!).ToList();
        var nutrients = new JsonArray();
        AddSum(nutrients, "PROTEIN", logs.Select(l => l.ProteinGrams));
        AddSum(nutrients, "DIETARY_FIBER", logs.Select(l => l.FiberGrams));
        var value = new JsonObject();
        if (nutrients.Count > 0)
        {
            value["nutrients"] = nutrients;
        }

        Sum(value, "energy", "kcalSum", logs.Select(l => l.Kcal));
        Sum(value, "totalCarbohydrate", "gramsSum", logs.Select(l => l.CarbsGrams));
        Sum(value, "totalFat", "gramsSum", logs.Select(l => l.FatGrams));
        return value;
    }

    private static void AddSum(JsonArray nutrients, string nutrient, IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        if (present.Count > 0)
        {
            nutrients.Add(new JsonObject { ["nutrient"] = nutrient, ["quantity"] = new JsonObject { ["gramsSum"] = Math.Round(present.Sum(), 6) } });
        }
    }

    private static void Sum(JsonObject target, string member, string field, IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        if (present.Count > 0)
        {
            target[member] = new JsonObject { [field] = Math.Round(present.Sum(), 6) };
        }
    }

    private static DateTime? Civil(JsonNode? node)
    {
        try
        {
            if (node?["date"] is not { } date)
            {
                return null;
            }

            var (year, month, day) = (Int(date, "year"), Int(date, "month"), Int(date, "day"));
            if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return null;
            }

            var time = node["time"];
            return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
                .AddHours(Int(time, "hours")).AddMinutes(Int(time, "minutes")).AddSeconds(Int(time, "seconds"));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static int Int(JsonNode? node, string name) => node?[name] is { } value ? value.GetValue<int>() : 0;
}
