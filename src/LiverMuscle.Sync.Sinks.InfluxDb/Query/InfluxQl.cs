using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Query;

/// <summary>InfluxQL quoting: identifiers in double quotes, string literals in single quotes, times as RFC 3339.</summary>
public static class InfluxQl
{
    public static string Identifier(string name) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public static string Time(DateTimeOffset time) => "'" + time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'";

    /// <summary><c>DELETE FROM "m" WHERE "tag"='v' AND … AND time &gt;= from AND time &lt;= to</c>.</summary>
    public static string Delete(PointDeletion deletion)
    {
        var text = new StringBuilder("DELETE FROM ").Append(Identifier(deletion.Measurement)).Append(" WHERE ");
        foreach (var (key, value) in deletion.Tags)
        {
            text.Append(Identifier(key)).Append(" = ").Append(Literal(value)).Append(" AND ");
        }

        return text.Append("time >= ").Append(Time(deletion.From)).Append(" AND time <= ").Append(Time(deletion.To)).ToString();
    }
}
