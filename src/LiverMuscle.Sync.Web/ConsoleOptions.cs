using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Web;

/// <summary>
/// Section <c>Console</c>: the web console served on <c>Sync:Push:ListenUrl</c>. The operator signs in with the
/// password set by <c>console set-password</c>, or a reverse proxy vouches for them in <see cref="TrustedUserHeader"/>.
/// </summary>
internal sealed class ConsoleOptions
{
    /// <summary>
    /// A request header (e.g. <c>X-Forwarded-User</c>) naming the user a reverse proxy authenticated. Honoured only on
    /// requests from <see cref="TrustedProxies"/>; a request from anywhere else carrying it is refused. Default: none.
    /// </summary>
    [SettingPattern("^[A-Za-z0-9-]{1,64}$", "must be a header name of 1-64 letters, digits or '-'")]
    public string? TrustedUserHeader { get; set; }

    /// <summary>The IP addresses of the reverse proxies allowed to send <see cref="TrustedUserHeader"/> and <c>X-Forwarded-Proto</c>.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>How long a session lasts without a request (sliding). Default 12 hours.</summary>
    [DurationRange("00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long an invite link can be opened, once. Default 3 days.</summary>
    [DurationRange("00:05:00", "30.00:00:00")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Sign-in attempts per client address and minute; more answer 429. Default 10.</summary>
    [NumberRange(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins in a row before the operator account is locked for a while (doubling with each further failure). Default 5.</summary>
    [NumberRange(1, 100)]
    public int FailuresBeforeLockout { get; set; } = 5;

    /// <summary>The first lock-out; each further failure doubles it, up to 1 hour. Default 30 seconds.</summary>
    [DurationRange("00:00:01", "01:00:00")]
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest marker, FHIR or daily-totals file accepted by an upload. Default 5 MB.</summary>
    [NumberRange(1024, 100 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest Fitbit export (.zip) accepted by an upload; its unpacking has limits of its own. Default 256 MB.</summary>
    [NumberRange(1024, int.MaxValue)]
    public int MaxExportUploadBytes { get; set; } = 256 * 1024 * 1024;
}
