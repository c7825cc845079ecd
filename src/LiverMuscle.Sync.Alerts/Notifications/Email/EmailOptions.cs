using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Alerts.Notifications.Email;

/// <summary>One entry of <c>Alerts:Email</c> (the key is the notifier's name).</summary>
public sealed class EmailOptions
{
    [RequiredSetting]
    public string Host { get; set; } = string.Empty;

    /// <summary>Default 587.</summary>
    [NumberRange(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Default StartTls.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>
    /// A PEM certificate to trust as the root of the server's certificate (a private CA or a self-signed server) in
    /// addition to the system's roots. The host name must still match.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>Authenticate when set.</summary>
    public string? Username { get; set; }

    /// <summary>Secret.</summary>
    public string? Password { get; set; }

    [MailboxAddress]
    public string From { get; set; } = string.Empty;

    /// <summary>Recipients of messages about people without their own address, and of test messages.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Per person id, a seed of their address: messages about them go there unless they set recipients of their own.</summary>
    public Dictionary<string, string> Recipients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attempts after a connection or transient server failure. Default 2.</summary>
    [NumberRange(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Default 5 s.</summary>
    [DurationRange("00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time limit of one SMTP conversation. Default 30 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() => $"EmailOptions {{ Host = {Host}, Port = {Port}, Security = {Security}, Username = {Username}, Password = {(Password is null ? "(none)" : "***")} }}";
}
