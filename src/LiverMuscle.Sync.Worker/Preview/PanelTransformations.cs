using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Model;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>The two Grafana transformations our time series panels use, applied to the preview's lines.</summary>
internal static class PanelTransformations
{
    public static List<PanelSeries> Apply(Panel panel, List<PanelSeries> lines)
    {
        foreach (var transformation in panel.Transformations ?? [])
        {
            lines = transformation.Id switch
            {
                "calculateField" => Calculate(transformation.Options, lines),
                "organize" => Exclude(transformation.Options, lines),
                _ => lines,
            };
        }

        return lines;
    }

    /// <summary><c>calculateField</c> in binary mode: left ÷×+− right, joined on time.</summary>
    private static List<PanelSeries> Calculate(JsonObject options, List<PanelSeries> lines)
    {
        var binary = options["binary"];
        var left = lines.FirstOrDefault(l => l.Label == binary?["left"]?.GetValue<string>());
        var right = lines.FirstOrDefault(l => l.Label == binary?["right"]?.GetValue<string>());
        if (left is null || right is null)
        {
            return lines;
        }

        var rightByTime = right.Times.Zip(right.Values).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Last().Second);
        var times = new List<DateTime>();
        var values = new List<double>();
        foreach (var (time, value) in left.Times.Zip(left.Values))
        {
            if (rightByTime.TryGetValue(time, out var other))
            {
                times.Add(time);
                values.Add(binary!["operator"]?.GetValue<string>() switch
                {
                    "/" => value / other,
                    "*" => value * other,
                    "-" => value - other,
                    _ => value + other,
                });
            }
        }

        return [.. lines, new PanelSeries(options["alias"]?.GetValue<string>() ?? "calculated", times, values)];
    }

    private static List<PanelSeries> Exclude(JsonObject options, List<PanelSeries> lines)
    {
        var excluded = options["excludeByName"] as JsonObject;
        return [.. lines.Where(l => excluded?[l.Label]?.GetValue<bool>() != true)];
    }
}
