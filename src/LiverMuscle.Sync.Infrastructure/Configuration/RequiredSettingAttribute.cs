namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>Set and, for text, not blank.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredSettingAttribute : SettingAttribute
{
    /// <summary>The message after the key. Default <c>is required.</c></summary>
    public string Expectation { get; set; } = "is required.";

    protected override string? Problem(object? value) => value is null || (value is string text && string.IsNullOrWhiteSpace(text)) ? Expectation : null;
}
