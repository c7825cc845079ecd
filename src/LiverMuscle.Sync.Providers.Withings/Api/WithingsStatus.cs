namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>What a Withings <c>status</c> means for the caller, per the families of the official status table.</summary>
public enum WithingsStatusKind
{
    Ok,
    InvalidToken,
    RateLimited,
    Transient,
    InvalidParams,
    Unauthorized,
    NotImplemented,
    BadState,

    /// <summary>The answer was not a Withings JSON envelope (HTML error page, empty body, gateway error).</summary>
    NotJson,
}

internal static class WithingsStatus
{
    public const int Ok = 0;
    public const int InvalidToken = 401;
    public const int InvalidParams = 503;
    public const int Timeout = 522;
    public const int TooManyRequests = 601;

    public static WithingsStatusKind Classify(int status) => status switch
    {
        Ok => WithingsStatusKind.Ok,
        InvalidToken or (>= 100 and <= 102) or 200 => WithingsStatusKind.InvalidToken,
        TooManyRequests => WithingsStatusKind.RateLimited,
        Timeout => WithingsStatusKind.Transient,
        214 or 277 or 2553 or 2555 => WithingsStatusKind.Unauthorized,
        2554 => WithingsStatusKind.NotImplemented,
        524 => WithingsStatusKind.BadState,
        _ when IsErrorOccurred(status) => WithingsStatusKind.Transient,
        _ => WithingsStatusKind.InvalidParams,
    };

    /// <summary>The "an error occurred" family: server-side trouble worth a retry with backoff.</summary>
    private static bool IsErrorOccurred(int s) =>
        s is 215 or 219 or 222 or 224 or 226 or (>= 231 and <= 233) or 237 or 253 or (>= 255 and <= 259)
            or (>= 268 and <= 270) or 273 or 274 or (>= 278 and <= 282) or 289 or 291 or 292 or 296 or 298
            or (>= 305 and <= 320) or 322 or (>= 370 and <= 375) or 383 or 391 or 402 or (>= 516 and <= 521)
            or (>= 525 and <= 531) or 533 or 602 or 700 or (>= 1051 and <= 1054) or 2551 or 2552
            or (>= 2556 and <= 2559) or (>= 3000 and <= 3016) or (>= 3020 and <= 3024) or (>= 5000 and <= 5006)
            or 6000 or 6010 or 6011 or 9000 or 10000;
}
