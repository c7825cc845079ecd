using System.Globalization;
using CsvHelper;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// A CSV file of an export read by its header (quoted cells with commas, as the <c>events</c> column of
/// <c>UserExercises_*.csv</c> has them, are one cell): each row with its line number and cells by column name.
/// </summary>
internal sealed class ExportCsv : IDisposable
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        TrimWhitespace = true,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvReader _csv;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    private ExportCsv(string file)
    {
        Name = Path.GetFileName(file);
        _csv = CsvReader.FromFile(file, Options, FileOptions.SequentialScan);
        _csv.ReadHeader();
        for (var index = 0; index < _csv.Headers.Count; index++)
        {
            _columns.TryAdd(_csv.Headers[index], index);
        }
    }

    public string Name { get; }

    /// <summary>The line the current row starts on, counting the header as line 1.</summary>
    public long Line => _csv.LineNumber;

    /// <summary>The current row's cell of <paramref name="column"/>; null when the column or the cell is missing or blank.</summary>
    public string? this[string column] =>
        _columns.TryGetValue(column, out var index) && !_csv.IsEmpty(index) ? _csv.GetString(index) : null;

    /// <summary>
    /// The file, or a line saying which of <paramref name="required"/> columns it lacks; neither for a file without
    /// a header (the empty placeholders an export ships).
    /// </summary>
    public static (ExportCsv? Csv, string? Problem) Open(string file, params string[] required)
    {
        var csv = new ExportCsv(file);
        var missing = required.FirstOrDefault(column => !csv._columns.ContainsKey(column));
        if (csv._columns.Count > 0 && missing is null)
        {
            return (csv, null);
        }

        csv.Dispose();
        return (null, csv._columns.Count == 0 ? null : $"has no '{missing}' column (columns: {string.Join(", ", csv._columns.Keys)})");
    }

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Next() => _csv.Read();

    /// <summary>The current row's number in <paramref name="column"/>; null when blank, an error when not a number.</summary>
    public double? Number(string column) => this[column] is not { } cell ? null
        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new FormatException($"{column} '{cell}' is not a number");

    public void Dispose() => _csv.Dispose();
}
