using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Push;

internal sealed class PushOptionsValidator : IValidateOptions<PushOptions>
{
    public ValidateOptionsResult Validate(string? name, PushOptions options)
    {
        if (!IsHttp(options.ListenUrl))
        {
            return ValidateOptionsResult.Fail($"Sync:Push:ListenUrl must be an absolute http(s) URL, got '{options.ListenUrl}'.");
        }

        return options.PublicUrl is { } url && !IsHttp(url)
            ? ValidateOptionsResult.Fail($"Sync:Push:PublicUrl must be an absolute http(s) URL, got '{url}'.")
            : ValidateOptionsResult.Success;
    }

    private static bool IsHttp(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
