using System.Text.RegularExpressions;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>Text matching <see cref="Pattern"/> (whole value); unset passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingPatternAttribute(string pattern, string expectation) : SettingAttribute
{
    public string Pattern { get; } = pattern;

    /// <summary>What the message says after the key, e.g. <c>must be 1-40 characters of A-Z, a-z, 0-9</c>.</summary>
    public string Expectation { get; } = expectation;

    protected override string? Problem(object? value) =>
        value is string text && !Regex.IsMatch(text, Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) ? $"{Expectation}, got '{text}'." : null;
}
