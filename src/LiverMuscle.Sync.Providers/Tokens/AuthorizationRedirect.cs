using Microsoft.AspNetCore.WebUtilities;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>What a provider's redirect back carries: the state, and a code or an error.</summary>
public sealed record AuthorizationRedirect(string? State, string? Code, string? Error)
{
    public override string ToString() => $"AuthorizationRedirect {{ Error = {Error} }}";

    /// <summary>Reads a redirected URL as pasted from a browser's address bar; null when it is not an absolute URL.</summary>
    public static AuthorizationRedirect? FromUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var redirected))
        {
            return null;
        }

        var query = QueryHelpers.ParseQuery(redirected.Query);
        return new AuthorizationRedirect(Value(query, "state"), Value(query, "code"), Value(query, "error"));
    }

    private static string? Value(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string key) =>
        query.TryGetValue(key, out var value) && value.ToString() is { Length: > 0 } text ? text : null;
}
