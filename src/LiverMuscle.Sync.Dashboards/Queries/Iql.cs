using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Dashboards.Queries;

/// <summary>Pieces of InfluxQL that panels share; names always come from the schema constants.</summary>
internal static class Iql
{
    /// <summary>Grafana's time-range macro; every panel query restricts time with it or an explicit <c>now() -</c> bound.</summary>
    public const string TimeFilter = "$timeFilter";

    /// <summary>Grafana's automatic group-by interval.</summary>
    public const string Interval = "$__interval";

    /// <summary>Calendar weeks starting on Monday (the epoch is a Thursday; 4 days later is a Monday), in UTC.</summary>
    public const string Week = "time(7d, 4d)";

    /// <summary>A double-quoted identifier.</summary>
    public static string Id(string name) => "\"" + name.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A single-quoted string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary><c>"user" =~ /^$user$/</c>: the dashboard's user variable (one user, several, or All).</summary>
    public static string UserFilter { get; } = $"{Id(TagNames.User)} =~ /^$user$/";

    /// <summary><c>"marker" = 'alt'</c>.</summary>
    public static string MarkerIs(string marker) => $"{Id(TagNames.Marker)} = {Literal(marker)}";

    public static string Aggregate(string function, string field, string alias) => $"{function}({Id(field)}) AS {Id(alias)}";

    public static string Field(string field, string alias) => $"{Id(field)} AS {Id(alias)}";
}
