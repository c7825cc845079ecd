using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// Builds a <see cref="Point"/> and checks it against the schema registry: unknown measurement, tag or field,
/// a field of the wrong type, a non-finite number, an empty tag value or no field at all are reported by
/// <see cref="Build"/> with a message naming the offending key.
/// </summary>
public sealed class PointBuilder
{
    private readonly MeasurementSchema _schema;
    private readonly SortedDictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, FieldValue> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private DateTimeOffset? _timestamp;

    private PointBuilder(MeasurementSchema schema) => _schema = schema;

    public static PointBuilder For(string measurement) => new(SchemaRegistry.Get(measurement));

    public PointBuilder Tag(string key, string? value)
    {
        if (!_schema.TagKeys.Contains(key))
        {
            _errors.Add($"tag '{key}' is not part of measurement '{_schema.Name}'");
        }
        else if (!string.IsNullOrEmpty(value))
        {
            // InfluxDB cannot store an empty tag value: an absent value omits the tag.
            _tags[key] = value;
        }

        return this;
    }

    public PointBuilder Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            _errors.Add($"field '{key}' of '{_schema.Name}' is not a finite number ({value})");
            return this;
        }

        return Add(key, FieldValue.Float(value));
    }

    /// <summary>Adds a field when the value is present; a null value is left out.</summary>
    public PointBuilder Field(string key, double? value) => value is { } v ? Field(key, v) : this;

    public PointBuilder Field(string key, long value) => Add(key, FieldValue.Int(value));

    public PointBuilder Field(string key, long? value) => value is { } v ? Field(key, v) : this;

    public PointBuilder Field(string key, string? value) => value is null ? this : Add(key, FieldValue.String(value));

    public PointBuilder Field(string key, bool value) => Add(key, FieldValue.Bool(value));

    public PointBuilder At(DateTimeOffset timestamp)
    {
        _timestamp = timestamp.ToUniversalTime();
        return this;
    }

    /// <summary>Returns the point, or throws <see cref="SchemaViolationException"/> naming every problem found.</summary>
    public Point Build()
    {
        if (TryBuild(out var point, out var error))
        {
            return point;
        }

        throw new SchemaViolationException(error);
    }

    public bool TryBuild(out Point point, out string error)
    {
        var errors = new List<string>(_errors);
        if (_fields.Count == 0 && errors.Count == 0)
        {
            errors.Add($"a '{_schema.Name}' point needs at least one field");
        }

        if (_timestamp is null)
        {
            errors.Add($"a '{_schema.Name}' point needs a timestamp");
        }

        if (errors.Count > 0)
        {
            point = null!;
            error = string.Join("; ", errors);
            return false;
        }

        point = new Point(_schema.Name, _tags, _fields, _timestamp!.Value);
        error = string.Empty;
        return true;
    }

    private PointBuilder Add(string key, FieldValue value)
    {
        if (!_schema.Fields.TryGetValue(key, out var expected))
        {
            _errors.Add($"field '{key}' is not part of measurement '{_schema.Name}'");
            return this;
        }

        // Quantities are floats: an integer given for a float field is widened, never the reverse.
        if (expected == FieldType.Float && value.Type == FieldType.Integer)
        {
            value = FieldValue.Float(value.Integer);
        }

        if (value.Type != expected)
        {
            _errors.Add($"field '{key}' of '{_schema.Name}' must be {expected}, got {value.Type}");
            return this;
        }

        _fields[key] = value;
        return this;
    }
}
