using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Markers.Import;

/// <summary>
/// Reads <c>date,marker,value,unit</c> rows (an optional header line, blank lines and <c>#</c> comments skipped).
/// A bad row becomes an error naming its line; the other rows are read.
/// </summary>
public static class CsvMarkerReader
{
    public static async Task<MarkerReadResult> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var inputs = new List<MarkerInput>();
        var errors = new List<MarkerImportError>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var location = $"line {lineNumber}";
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (lineNumber == 1 && string.Equals(cells[0], "date", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (cells.Length != 4)
            {
                errors.Add(new(location, $"expected 4 columns (date,marker,value,unit), found {cells.Length}"));
                continue;
            }

            if (!MarkerDateParser.TryParse(cells[0], out var time))
            {
                errors.Add(new(location, $"date '{cells[0]}' is not yyyy-MM-dd or an ISO 8601 time with offset"));
                continue;
            }

            if (!double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new(location, $"value '{cells[2]}' is not a number"));
                continue;
            }

            inputs.Add(new MarkerInput(location, cells[1], value, cells[3], time, Sources.Lab));
        }

        return new MarkerReadResult(inputs, errors);
    }
}
