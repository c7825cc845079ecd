using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>How starting or completing an authorisation ended: a consent URL or a connection, or the line saying why not.</summary>
public sealed record AuthorizationOutcome(AuthorizationFailure Failure, string? Error, Uri? AuthorizeUrl = null, DateTimeOffset? ExpiresAt = null, ProviderConnection? Connection = null)
{
    public bool Succeeded => Failure == AuthorizationFailure.None;

    public static AuthorizationOutcome Fail(AuthorizationFailure failure, string error) => new(failure, error);
}

public enum AuthorizationFailure
{
    None,

    /// <summary>The request itself is wrong: an unknown provider or person, a redirect that is no URL or belongs to another provider or person.</summary>
    BadRequest,

    /// <summary>No authorisation was started with the redirect's state.</summary>
    Unknown,

    /// <summary>The redirect was used before; each one works once.</summary>
    AlreadyUsed,

    /// <summary>The redirect came back too late.</summary>
    Expired,

    /// <summary>The person declined, or the provider refused the code.</summary>
    Refused,

    /// <summary>The provider could not be reached or answered with an error.</summary>
    Failed,
}
