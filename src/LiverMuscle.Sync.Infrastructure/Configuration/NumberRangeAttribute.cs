using System.Globalization;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>A finite number within [<see cref="Minimum"/>, <see cref="Maximum"/>]; unset passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NumberRangeAttribute : SettingAttribute
{
    public NumberRangeAttribute(double minimum)
        : this(minimum, double.MaxValue)
    {
    }

    public NumberRangeAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public double Minimum { get; }

    public double Maximum { get; }

    /// <summary>The minimum itself is refused ("above 0").</summary>
    public bool MinimumIsExclusive { get; set; }

    protected override string? Problem(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var fits = double.IsFinite(number) && (MinimumIsExclusive ? number > Minimum : number >= Minimum) && number <= Maximum;
        return fits ? null : string.Create(CultureInfo.InvariantCulture, $"{Expectation()}, got {value}.");
    }

    private string Expectation() => (MinimumIsExclusive, Maximum == double.MaxValue) switch
    {
        (true, true) => string.Create(CultureInfo.InvariantCulture, $"must be above {Minimum}"),
        (true, false) => string.Create(CultureInfo.InvariantCulture, $"must be above {Minimum} and at most {Maximum}"),
        (false, true) => string.Create(CultureInfo.InvariantCulture, $"must be at least {Minimum}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"must be between {Minimum} and {Maximum}"),
    };
}
