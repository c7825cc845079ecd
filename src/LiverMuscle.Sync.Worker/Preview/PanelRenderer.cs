using System.Globalization;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using ScottPlot;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>Draws one panel's query results with ScottPlot: lines or bars over time, big numbers, or a text table.</summary>
internal static class PanelRenderer
{
    public const int Width = 900;
    public const int Height = 420;

    public static Plot Render(Panel panel, IReadOnlyList<(InfluxQlTarget Target, InfluxQueryResult Result)> results)
    {
        var plot = new Plot();
        plot.Title(panel.Title);
        var drawn = panel.Type switch
        {
            PanelTypes.TimeSeries => TimeSeries(plot, panel, results),
            PanelTypes.Stat => Stat(plot, results),
            PanelTypes.Table => Table(plot, results),
            _ => false,
        };
        if (!drawn)
        {
            plot.Add.Annotation("No data", Alignment.MiddleCenter);
        }

        return plot;
    }

    private static bool TimeSeries(Plot plot, Panel panel, IReadOnlyList<(InfluxQlTarget Target, InfluxQueryResult Result)> results)
    {
        var custom = panel.FieldConfig.Defaults.Custom as GraphFieldConfig;
        var lines = PanelTransformations.Apply(panel, results.SelectMany(r => r.Result.Series.SelectMany(s => PanelData.Lines(r.Target, s))).ToList());
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var ys = line.Values.ToArray();
            if (custom?.DrawStyle == "bars")
            {
                // Bars of several series side by side within their week.
                var width = 5.0 / lines.Count;
                var xs = line.Times.Select(t => t.ToOADate() + width * (i - (lines.Count - 1) / 2.0)).ToArray();
                var bars = plot.Add.Bars(xs, ys);
                bars.LegendText = line.Label;
                foreach (var bar in bars.Bars)
                {
                    bar.Size = width;
                }
            }
            else
            {
                var scatter = plot.Add.Scatter(line.Times.Select(t => t.ToOADate()).ToArray(), ys);
                scatter.LegendText = line.Label;
                scatter.MarkerSize = custom?.ShowPoints == "always" || ys.Length < 20 ? 6 : 0;
            }
        }

        if (custom is { ThresholdsStyle.Mode: not "off" })
        {
            foreach (var step in panel.FieldConfig.Defaults.Thresholds.Steps.Where(s => s.Value is not null))
            {
                var threshold = plot.Add.HorizontalLine(step.Value!.Value);
                threshold.LinePattern = LinePattern.Dashed;
                threshold.Color = Color.FromHex(step.Color switch { "red" => "#d62728", "orange" => "#ff7f0e", "green" => "#2ca02c", _ => "#7f7f7f" });
                threshold.LegendText = $"threshold {step.Value.Value.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        plot.Axes.DateTimeTicksBottom();
        if (panel.FieldConfig.Defaults.Unit is { } unit)
        {
            plot.YLabel(unit.Replace("suffix:", string.Empty, StringComparison.Ordinal).Trim());
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return lines.Count > 0;
    }

    private static bool Stat(Plot plot, IReadOnlyList<(InfluxQlTarget Target, InfluxQueryResult Result)> results)
    {
        var values = results.SelectMany(r => r.Result.Series.Select(s => (Label: PanelData.Label(r.Target, s, s.Columns[^1]), Value: s.Values.Count == 0 ? "-" : PanelData.Text(s.Values[^1][^1])))).ToList();
        Hide(plot);
        for (var i = 0; i < values.Count; i++)
        {
            var text = plot.Add.Text($"{values[i].Value}   {values[i].Label}", 0, -i);
            text.LabelFontSize = 22;
        }

        plot.Axes.SetLimits(-0.1, 3, -Math.Max(values.Count, 3), 1);
        return values.Count > 0;
    }

    /// <summary>
    /// Per-user tables (series grouped by tag) are drawn transposed, one column per user, so many columns fit;
    /// plain tables (e.g. recent failures) one row per record.
    /// </summary>
    private static bool Table(Plot plot, IReadOnlyList<(InfluxQlTarget Target, InfluxQueryResult Result)> results)
    {
        var series = results.SelectMany(r => r.Result.Series).ToList();
        var lines = new List<string>();
        if (series.Count > 0 && series.All(s => s.Tags.Count > 0))
        {
            var users = series.Select(s => string.Join(' ', s.Tags.Values)).Distinct().Order(StringComparer.Ordinal).ToList();
            var columns = series.Select(s => s.Columns[^1]).Distinct().ToList();
            lines.Add(string.Empty.PadRight(30) + string.Concat(users.Select(u => u.PadRight(14))));
            foreach (var column in columns)
            {
                var cells = users.Select(user => series.FirstOrDefault(s => s.Columns[^1] == column && string.Join(' ', s.Tags.Values) == user) is { Values.Count: > 0 } found
                    ? PanelData.Text(found.Values[^1][^1])
                    : "-");
                lines.Add(column.PadRight(30) + string.Concat(cells.Select(c => c.PadRight(14))));
            }
        }
        else
        {
            foreach (var item in series)
            {
                lines.Add(string.Join(" | ", item.Columns));
                lines.AddRange(item.Values.Take(14).Select(row => string.Join(" | ", row.Select(PanelData.Text))));
            }
        }

        Hide(plot);
        for (var i = 0; i < lines.Count; i++)
        {
            var text = plot.Add.Text(lines[i], 0, -i);
            text.LabelFontSize = 12;
            text.LabelFontName = Fonts.Monospace;
        }

        plot.Axes.SetLimits(-0.05, 3, -Math.Max(lines.Count, 12), 1);
        return lines.Count > 0;
    }

    private static void Hide(Plot plot)
    {
        plot.Axes.Frameless();
        plot.HideGrid();
    }
}
