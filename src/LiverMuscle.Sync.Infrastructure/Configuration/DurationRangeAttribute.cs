using System.Globalization;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>A <see cref="TimeSpan"/> within [<see cref="Minimum"/>, <see cref="Maximum"/>] (constant TimeSpan text, e.g. <c>00:01:00</c>); unset passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationRangeAttribute : SettingAttribute
{
    public DurationRangeAttribute(string minimum)
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    }

    public DurationRangeAttribute(string minimum, string maximum)
        : this(minimum)
    {
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan? Maximum { get; }

    /// <summary>The minimum itself is refused (<c>[DurationRange("00:00:00", MinimumIsExclusive = true)]</c>: positive).</summary>
    public bool MinimumIsExclusive { get; set; }

    protected override string? Problem(object? value)
    {
        if (value is not TimeSpan duration)
        {
            return null;
        }

        var fits = (MinimumIsExclusive ? duration > Minimum : duration >= Minimum) && (Maximum is not { } max || duration <= max);
        return fits ? null : string.Create(CultureInfo.InvariantCulture, $"{Expectation()}, got {duration}.");
    }

    private string Expectation() => (MinimumIsExclusive, Maximum) switch
    {
        (true, null) when Minimum == TimeSpan.Zero => "must be positive",
        (true, null) => string.Create(CultureInfo.InvariantCulture, $"must be longer than {Minimum}"),
        (true, { } max) => string.Create(CultureInfo.InvariantCulture, $"must be longer than {Minimum} and at most {max}"),
        (false, null) when Minimum == TimeSpan.Zero => "must not be negative",
        (false, null) => string.Create(CultureInfo.InvariantCulture, $"must be at least {Minimum}"),
        (false, { } max) => string.Create(CultureInfo.InvariantCulture, $"must be between {Minimum} and {max}"),
    };
}
