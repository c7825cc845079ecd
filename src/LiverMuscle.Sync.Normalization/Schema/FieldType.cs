namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>The InfluxDB type of a field. Quantities are always floats, only counts are integers.</summary>
public enum FieldType
{
    Float,
    Integer,
    String,
    Boolean,
}
