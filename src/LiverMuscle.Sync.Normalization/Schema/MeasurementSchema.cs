namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>The tag keys and typed fields one measurement may carry.</summary>
internal sealed class MeasurementSchema(string name, IReadOnlyList<string> tagKeys, IReadOnlyDictionary<string, FieldType> fields)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> TagKeys { get; } = tagKeys;

    public IReadOnlyDictionary<string, FieldType> Fields { get; } = fields;

    public FieldType FieldTypeOf(string field) =>
        Fields.TryGetValue(field, out var type)
            ? type
            : throw new SchemaViolationException($"Field '{field}' is not part of measurement '{Name}'.");
}
