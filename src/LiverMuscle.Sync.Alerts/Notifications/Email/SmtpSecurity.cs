namespace LiverMuscle.Sync.Alerts.Notifications.Email;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it.</summary>
    Auto,

    /// <summary>Plain SMTP, e.g. a relay on loopback.</summary>
    None,

    /// <summary>STARTTLS required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}
