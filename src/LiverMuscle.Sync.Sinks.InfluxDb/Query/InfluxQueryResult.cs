using System.Text.Json;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Query;

/// <summary>The results of the statements of one <c>/query</c> call, in statement order.</summary>
public sealed record InfluxQueryResult(IReadOnlyList<InfluxStatementResult> Statements)
{
    /// <summary>All series of the first statement (empty when it returned no rows).</summary>
    public IReadOnlyList<InfluxSeries> Series => Statements.Count == 0 ? [] : Statements[0].Series;
}

public sealed record InfluxStatementResult(int StatementId, IReadOnlyList<InfluxSeries> Series);

/// <summary>One series: its measurement name, its GROUP BY tags, column names and rows of values.</summary>
public sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<JsonElement>> Values)
{
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"Series '{Name}' has no column '{column}' (columns: {string.Join(", ", Columns)}).");
    }
}
