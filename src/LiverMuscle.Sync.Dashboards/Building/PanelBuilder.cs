using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Model;

namespace LiverMuscle.Sync.Dashboards.Building;

/// <summary>
/// Builds one panel over shared defaults: legend at the bottom, multi-series tooltip, lines that span gaps, classic
/// palette, no thresholds drawn. The datasource, id and position are set by <see cref="DashboardBuilder"/>.
/// </summary>
internal sealed class PanelBuilder
{
    private readonly string _type;
    private readonly string _title;
    private readonly List<(string Query, string? Alias, string Format)> _queries = [];
    private readonly List<Transformation> _transformations = [];
    private string? _description;
    private string? _unit;
    private int? _decimals;
    private double? _min;
    private double? _max;
    private ThresholdsConfig _thresholds = ThresholdsConfig.Absolute("green");
    private string _thresholdsStyle = "off";
    private bool _colorByThresholds;
    private string _drawStyle = "line";
    private string _showPoints = "auto";
    private string? _axisLabel;
    private string? _interval;
    private string? _timeFrom;
    private string _graphMode = "area";
    private string[] _calcs = ["lastNotNull"];
    private IReadOnlyList<ValueMap>? _mappings;
    private IReadOnlyList<TableSortBy>? _sortBy;

    private PanelBuilder(string type, string title)
    {
        _type = type;
        _title = title;
    }

    public static PanelBuilder TimeSeries(string title) => new(PanelTypes.TimeSeries, title);

    public static PanelBuilder Stat(string title) => new(PanelTypes.Stat, title);

    public static PanelBuilder Table(string title) => new(PanelTypes.Table, title);

    public int Width { get; private set; } = 12;

    public int Height { get; private set; } = 8;

    public string Title => _title;

    public PanelBuilder Description(string text) => Set(() => _description = text);

    public PanelBuilder Size(int width, int height) => Set(() => (Width, Height) = (width, height));

    /// <summary>
    /// Adds a query in the language of the dashboard's datasource (InfluxQL, or PromQL with a legend template);
    /// reference ids A, B, C… follow the order of the calls.
    /// </summary>
    public PanelBuilder Query(string query, string? alias = null) => Set(() => _queries.Add((query, alias, ResultFormats.TimeSeries)));

    /// <summary>A query whose rows fill a table (PromQL: the latest value of each series).</summary>
    public PanelBuilder TableQuery(string query) => Set(() => _queries.Add((query, null, ResultFormats.Table)));

    public PanelBuilder Unit(string unit, int? decimals = null) => Set(() => (_unit, _decimals) = (unit, decimals));

    public PanelBuilder Range(double? min, double? max) => Set(() => (_min, _max) = (min, max));

    public PanelBuilder Thresholds(string baseColor, params (double Value, string Color)[] steps) =>
        Set(() => _thresholds = ThresholdsConfig.Absolute(baseColor, steps));

    /// <summary>Draws the thresholds on the chart as dashed lines (goals, reference limits).</summary>
    public PanelBuilder DrawThresholds(string style = "dashed") => Set(() => _thresholdsStyle = style);

    public PanelBuilder ColorByThresholds() => Set(() => _colorByThresholds = true);

    public PanelBuilder Bars() => Set(() => (_drawStyle, _showPoints) = ("bars", "never"));

    public PanelBuilder Points() => Set(() => _showPoints = "always");

    public PanelBuilder AxisLabel(string label) => Set(() => _axisLabel = label);

    /// <summary>The smallest <c>$__interval</c> Grafana may choose for this panel.</summary>
    public PanelBuilder MinInterval(string interval) => Set(() => _interval = interval);

    public PanelBuilder TimeFrom(string relative) => Set(() => _timeFrom = relative);

    public PanelBuilder NoSparkline() => Set(() => _graphMode = "none");

    public PanelBuilder Reduce(params string[] calcs) => Set(() => _calcs = calcs);

    public PanelBuilder Mappings(params ValueMap[] mappings) => Set(() => _mappings = mappings);

    public PanelBuilder SortBy(string column, bool descending) => Set(() => _sortBy = [new TableSortBy(column, descending)]);

    public PanelBuilder Transform(string id, JsonObject options) => Set(() => _transformations.Add(new Transformation(id, options)));

    internal Panel Build(DataSourceRef datasource, int id, GridPos position) => new()
    {
        Type = _type,
        Id = id,
        Title = _title,
        Description = _description,
        GridPos = position,
        Datasource = datasource,
        Targets = [.. _queries.Select((q, i) => Target(datasource, ((char)('A' + i)).ToString(), q.Query, q.Alias, q.Format))],
        Interval = _interval,
        TimeFrom = _timeFrom,
        Transformations = _transformations.Count == 0 ? null : [.. _transformations],
        FieldConfig = new FieldConfigSource
        {
            Defaults = new FieldConfig
            {
                Unit = _unit,
                Decimals = _decimals,
                Min = _min,
                Max = _max,
                Color = _colorByThresholds ? FieldColor.ByThresholds : FieldColor.Classic,
                Thresholds = _thresholds,
                Mappings = _mappings,
                Custom = CustomFor(),
            },
        },
        Options = OptionsFor(),
    };

    private static QueryTarget Target(DataSourceRef datasource, string refId, string query, string? alias, string format) => datasource.Type switch
    {
        DataSourceRef.PrometheusType => new PromQlTarget
        {
            RefId = refId,
            Datasource = datasource,
            Expr = query,
            LegendFormat = alias,
            Format = format,
            Range = format != ResultFormats.Table,
            Instant = format == ResultFormats.Table,
        },
        _ => new InfluxQlTarget { RefId = refId, Datasource = datasource, Query = query, Alias = alias, ResultFormat = format },
    };

    private CustomFieldConfig? CustomFor() => _type switch
    {
        PanelTypes.TimeSeries => new GraphFieldConfig
        {
            DrawStyle = _drawStyle,
            FillOpacity = _drawStyle == "bars" ? 60 : 10,
            ShowPoints = _showPoints,
            AxisLabel = _axisLabel,
            ThresholdsStyle = new ThresholdsStyle(_thresholdsStyle),
        },
        PanelTypes.Table => new TableFieldConfig(),
        _ => null,
    };

    private PanelOptions OptionsFor() => _type switch
    {
        PanelTypes.TimeSeries => new TimeSeriesOptions(new LegendOptions("list", "bottom", true, []), new TooltipOptions("multi", "none")),
        PanelTypes.Stat => new StatOptions { GraphMode = _graphMode, ReduceOptions = new ReduceOptions(_calcs) },
        PanelTypes.Table => new TableOptions { SortBy = _sortBy },
        _ => throw new InvalidOperationException($"No options defaults for panel type '{_type}'."),
    };

    private PanelBuilder Set(Action change)
    {
        change();
        return this;
    }
}
