using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary><c>fieldConfig.defaults.custom</c>: its shape depends on the panel type.</summary>
[JsonDerivedType(typeof(GraphFieldConfig))]
[JsonDerivedType(typeof(TableFieldConfig))]
public abstract record CustomFieldConfig;
