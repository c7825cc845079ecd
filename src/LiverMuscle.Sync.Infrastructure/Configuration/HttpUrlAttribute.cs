namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>An absolute http or https URL; unset passes unless <see cref="Required"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : SettingAttribute
{
    public bool Required { get; set; }

    /// <summary>Leave the value out of the message (a URL that carries a secret in its path or query).</summary>
    public bool Secret { get; set; }

    protected override string? Problem(object? value) => value switch
    {
        Uri { IsAbsoluteUri: true } url when url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps => null,
        null when !Required => null,
        _ when Secret => "must be an absolute http(s) URL.",
        _ => $"must be an absolute http(s) URL, got '{value}'.",
    };
}
