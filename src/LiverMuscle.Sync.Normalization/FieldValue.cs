using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Normalization;

/// <summary>One typed field value of a point.</summary>
public readonly record struct FieldValue
{
    private FieldValue(FieldType type, double number, long integer, string? text, bool boolean)
    {
        Type = type;
        Number = number;
        Integer = integer;
        Text = text;
        Boolean = boolean;
    }

    public FieldType Type { get; }

    public double Number { get; }

    public long Integer { get; }

    public string? Text { get; }

    public bool Boolean { get; }

    public static FieldValue Float(double value) => new(FieldType.Float, value, 0, null, false);

    public static FieldValue Int(long value) => new(FieldType.Integer, 0, value, null, false);

    public static FieldValue String(string value) => new(FieldType.String, 0, 0, value ?? throw new ArgumentNullException(nameof(value)), false);

    public static FieldValue Bool(bool value) => new(FieldType.Boolean, 0, 0, null, value);

    /// <summary>The value as a double, for numeric fields of either type.</summary>
    public double AsDouble() => Type switch
    {
        FieldType.Float => Number,
        FieldType.Integer => Integer,
        _ => throw new InvalidOperationException($"A {Type} field has no numeric value."),
    };

    public override string ToString() => Type switch
    {
        FieldType.Float => Number.ToString("R", CultureInfo.InvariantCulture),
        FieldType.Integer => Integer.ToString(CultureInfo.InvariantCulture) + "i",
        FieldType.String => Text!,
        _ => Boolean ? "true" : "false",
    };
}
