using System.Globalization;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>A <see cref="DateOnly"/> on or after <see cref="Minimum"/> (constant text, e.g. <c>1900-01-01</c>); unset passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DateRangeAttribute(string minimum) : SettingAttribute
{
    public DateOnly Minimum { get; } = DateOnly.ParseExact(minimum, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override string? Problem(object? value) =>
        value is DateOnly date && date < Minimum
            ? string.Create(CultureInfo.InvariantCulture, $"must be on or after {Minimum:yyyy-MM-dd}, got {date:yyyy-MM-dd}.")
            : null;
}
