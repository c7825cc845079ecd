using System.Globalization;
using System.Text.RegularExpressions;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>One Prometheus text-format answer of <c>/metrics</c>, read into series.</summary>
internal sealed partial class Scrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _series = [];

    private Scrape(string text)
    {
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var match = SeriesLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Not a Prometheus sample line: {line}");
            }

            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            _series.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; private init; } = string.Empty;

    public static async Task<Scrape> GetAsync(HttpClient http, Uri listener)
    {
        var text = await http.GetStringAsync(new Uri(listener, "/metrics"));
        return new Scrape(text) { Text = text };
    }

    /// <summary>The value of the one series of <paramref name="name"/> carrying these labels; null when there is none.</summary>
    public double? Value(string name, params (string Key, string Value)[] labels)
    {
        var found = _series.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0].Value,
            _ => throw new InvalidOperationException($"{found.Count} series of {name} match; name more labels."),
        };
    }

    public IReadOnlySet<string> Names => _series.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<IReadOnlyDictionary<string, string>> LabelsOf(string name) => _series.Where(s => s.Name == name).Select(s => s.Labels);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex SeriesLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
