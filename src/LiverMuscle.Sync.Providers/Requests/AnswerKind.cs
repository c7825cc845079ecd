namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>What a provider's answer means for the request path.</summary>
public enum AnswerKind
{
    /// <summary>Usable (the caller reads it).</summary>
    Ok,

    /// <summary>The access token was refused: refresh once and send again.</summary>
    TokenRejected,

    /// <summary>The provider's rate limit was hit: hold the budget, then send again.</summary>
    RateLimited,

    /// <summary>A brief fault (5xx, timeout, a gateway's HTML page): retry with backoff.</summary>
    Transient,

    /// <summary>Final: the caller decides what it means.</summary>
    Failed,
}
