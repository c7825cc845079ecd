using System.ComponentModel.DataAnnotations;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>
/// A single-setting rule for the <c>[OptionsValidator]</c> source generator whose message starts with the full
/// configuration key. The generated validator is called with the section's key as its name (e.g.
/// <c>validator.Validate("Alerts:Rules:0", rule)</c>), so the member's display name is <c>Alerts:Rules:0.Kind</c>
/// and the message reads <c>Alerts:Rules:0:Kind must be …</c>.
/// </summary>
public abstract class SettingAttribute : ValidationAttribute
{
    /// <summary>What is wrong with <paramref name="value"/> after the key (e.g. <c>must be positive, got 0.</c>), or null.</summary>
    protected abstract string? Problem(object? value);

    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Problem(value) is { } problem ? new ValidationResult($"{Key(validationContext)} {problem}") : ValidationResult.Success;

    private static string Key(ValidationContext context) =>
        context.MemberName is { } member && context.DisplayName.EndsWith("." + member, StringComparison.Ordinal)
            ? context.DisplayName[..^(member.Length + 1)] + ":" + member
            : context.DisplayName;
}
