using System.Globalization;
using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>The proto3 JSON mapping: Z timestamps with 0/3/6/9 fraction digits, "Ns" durations, civil date-times without zero members.</summary>
internal static class WireFormat
{
    public static string Timestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        var head = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (fraction == 0)
        {
            return head + "Z";
        }

        var nanos = fraction * 100;
        var digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        return head + "." + nanos.ToString("D9", CultureInfo.InvariantCulture)[..digits] + "Z";
    }

    public static string Duration(TimeSpan value)
    {
        var seconds = value.Ticks / TimeSpan.TicksPerSecond;
        var fraction = Math.Abs(value.Ticks % TimeSpan.TicksPerSecond);
        var sign = value < TimeSpan.Zero && seconds == 0 ? "-" : string.Empty;
        var text = sign + seconds.ToString(CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + (fraction * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "s";
    }

    public static JsonObject Civil(DateTime local)
    {
        var time = new JsonObject();
        AddNonZero(time, "hours", local.Hour);
        AddNonZero(time, "minutes", local.Minute);
        AddNonZero(time, "seconds", local.Second);
        AddNonZero(time, "nanos", (int)(local.Ticks % TimeSpan.TicksPerSecond * 100));
        return new JsonObject
        {
            ["date"] = new JsonObject { ["year"] = local.Year, ["month"] = local.Month, ["day"] = local.Day },
            ["time"] = time,
        };
    }

    public static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AddNonZero(JsonObject target, string name, int value)
    {
        if (value != 0)
        {
            target[name] = value;
        }
    }
}
