using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A panel's <c>options</c>: their shape depends on the panel type.</summary>
[JsonDerivedType(typeof(TimeSeriesOptions))]
[JsonDerivedType(typeof(StatOptions))]
[JsonDerivedType(typeof(TableOptions))]
public abstract record PanelOptions;
