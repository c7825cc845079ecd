using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Dashboards.Queries;

namespace LiverMuscle.Sync.Dashboards.Building;

/// <summary>
/// Assembles a dashboard: panels flow left to right on the 24-column grid in the order they are added, ids are
/// assigned 1, 2, 3…, every query gets the dashboard's datasource. <see cref="Build"/> reports every problem at once.
/// </summary>
internal sealed class DashboardBuilder(string uid, string title, DataSourceRef datasource)
{
    private const int GridColumns = 24;
    private readonly List<PanelBuilder> _panels = [];
    private readonly List<TemplateVariable> _variables = [];
    private readonly List<AnnotationQuery> _annotations = [BuiltInAnnotations()];
    private string? _description;
    private string[] _tags = [];
    private TimeRange _time = new("now-30d", "now");
    private string _refresh = "15m";

    public DataSourceRef Datasource => datasource;

    public DashboardBuilder Description(string text) => Set(() => _description = text);

    public DashboardBuilder Tags(params string[] tags) => Set(() => _tags = tags);

    public DashboardBuilder Time(string from, string to = "now") => Set(() => _time = new TimeRange(from, to));

    public DashboardBuilder Refresh(string interval) => Set(() => _refresh = interval);

    /// <summary>A variable listing the values of an InfluxDB tag (<c>SHOW TAG VALUES WITH KEY = "tag"</c>).</summary>
    public DashboardBuilder TagVariable(string name, string label, string tagKey, bool multi)
    {
        var query = $"SHOW TAG VALUES WITH KEY = {Iql.Id(tagKey)}";
        return Set(() => _variables.Add(new TemplateVariable
        {
            Name = name,
            Label = label,
            Datasource = datasource,
            Query = query,
            Definition = query,
            Multi = multi,
            IncludeAll = multi,
            AllValue = multi ? ".*" : null,
        }));
    }

    /// <summary>Events from an InfluxQL query drawn on every time series panel.</summary>
    public DashboardBuilder Annotation(string name, string iconColor, string influxQl, IReadOnlyDictionary<string, AnnotationMapping> mappings) =>
        Set(() => _annotations.Add(new AnnotationQuery
        {
            Name = name,
            Datasource = datasource,
            IconColor = iconColor,
            Target = new InfluxQlTarget { RefId = "Anno", Datasource = datasource, Query = influxQl, ResultFormat = ResultFormats.Table },
            Mappings = mappings,
        }));

    public DashboardBuilder Add(params PanelBuilder[] panels) => Set(() => _panels.AddRange(panels));

    public Dashboard Build()
    {
        var panels = Layout();
        var dashboard = new Dashboard
        {
            Uid = uid,
            Title = title,
            Description = _description,
            Tags = _tags,
            Time = _time,
            Refresh = _refresh,
            Panels = panels,
            Templating = new Templating([.. _variables]),
            Annotations = new AnnotationContainer([.. _annotations]),
        };
        var errors = DashboardLint.Check(dashboard);
        return errors.Count == 0 ? dashboard : throw new DashboardBuildException(uid, errors);
    }

    private List<Panel> Layout()
    {
        var panels = new List<Panel>();
        int x = 0, y = 0, rowHeight = 0;
        foreach (var builder in _panels)
        {
            if (x + builder.Width > GridColumns)
            {
                (x, y, rowHeight) = (0, y + rowHeight, 0);
            }

            panels.Add(builder.Build(datasource, panels.Count + 1, new GridPos(builder.Height, builder.Width, x, y)));
            x += builder.Width;
            rowHeight = Math.Max(rowHeight, builder.Height);
        }

        return panels;
    }

    private static AnnotationQuery BuiltInAnnotations() => new()
    {
        BuiltIn = 1,
        Name = "Annotations & Alerts",
        Datasource = DataSourceRef.Grafana,
        Hide = true,
        IconColor = "rgba(0, 211, 255, 1)",
        Type = "dashboard",
    };

    private DashboardBuilder Set(Action change)
    {
        change();
        return this;
    }
}
