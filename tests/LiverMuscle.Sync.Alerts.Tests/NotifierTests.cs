using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>Notifiers against real servers on loopback, in real time (retry delays of a few ms).</summary>
public sealed class NotifierTests : IDisposable
{
    private const string Secret = "s3cret-hmac-key";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-notifier-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    private static AlertNotification Notification(string user = "alice") => MessageComposer.Build(
        MessageComposer.Key("test", user), NotificationKind.Firing, "alt-high", user, "firing", 41, 33,
        "Firing: ALT above range (alice)", ["Latest alt 41 U/L (2026-10-02) is above the notification threshold 33 U/L."],
        new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Webhook_PostsJsonSignedWithTheSecret()
    {
        using var receiver = new WebhookReceiver(Secret);
        await using var services = Services(Webhook(receiver.Url, Secret));

        await services.GetRequiredService<NotifierRegistry>().Find("hook")!.SendAsync(Notification(), CancellationToken.None);

        var (key, valid) = Assert.Single(receiver.Seen);
        Assert.True(valid);
        var body = Assert.Single(receiver.Accepted);
        Assert.Equal(key, body.GetProperty("idempotency_key").GetString());
        Assert.Equal(("alt-high", "alice", "firing", 41.0, 33.0), (body.GetProperty("rule").GetString(), body.GetProperty("user").GetString(),
            body.GetProperty("status").GetString(), body.GetProperty("value").GetDouble(), body.GetProperty("threshold").GetDouble()));
        Assert.Equal(Disclaimer.Text, body.GetProperty("disclaimer").GetString());
    }

    [Fact]
    public async Task Webhook_UrlWithASecretInItsPath_NeverAppearsInTheLogs()
    {
        // Slack, Discord and ntfy URLs are their secret.
        const string PathSecret = "T0000/B0000/xoxbPathSecret";
        using var receiver = new WebhookReceiver(Secret);
        var settings = Webhook(new Uri(receiver.Url, PathSecret), Secret);
        settings["Logging:LogLevel:Default"] = "Trace";
        await using var services = TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName, Settings = settings, LogLevel = LogLevel.Trace });

        await services.GetRequiredService<NotifierRegistry>().Find("hook")!.SendAsync(Notification(), CancellationToken.None);

        Assert.Single(receiver.Accepted);
        var logs = services.GetFakeLogCollector().GetSnapshot();
        Assert.DoesNotContain(logs, r => r.Message.Contains("xoxbPathSecret", StringComparison.Ordinal) || (r.StructuredState?.Any(p => p.Value?.Contains("xoxbPathSecret", StringComparison.Ordinal) == true) ?? false));
    }

    [Fact]
    public async Task Webhook_WithAnotherSecret_IsRefusedByTheReceiverAndReportedAsAFailure()
    {
        using var receiver = new WebhookReceiver(Secret);
        await using var services = Services(Webhook(receiver.Url, "not-the-secret"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => services.GetRequiredService<NotifierRegistry>().Find("hook")!.SendAsync(Notification(), CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(receiver.Seen).SignatureValid);
        Assert.Empty(receiver.Accepted);
    }

    [Fact]
    public async Task Webhook_ReceiverFailingTwice_GetsTheMessageOnceWithOneIdempotencyKey()
    {
        using var receiver = new WebhookReceiver(Secret, failFirst: 2);
        await using var services = Services(Webhook(receiver.Url, Secret));

        await services.GetRequiredService<NotifierRegistry>().Find("hook")!.SendAsync(Notification(), CancellationToken.None);

        Assert.Equal(3, receiver.Attempts);
        Assert.Single(receiver.Seen.Select(s => s.Key).Distinct());
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task Webhook_429WithRetryAfter_WaitsAsLongAsTheReceiverAsks()
    {
        using var receiver = new WebhookReceiver(Secret, failFirst: 1) { RetryAfterSeconds = 1 };
        await using var services = Services(Webhook(receiver.Url, Secret));

        await services.GetRequiredService<NotifierRegistry>().Find("hook")!.SendAsync(Notification(), CancellationToken.None);

        var arrivals = receiver.ArrivedAt.ToArray();
        Assert.Equal(2, arrivals.Length);
        // The configured backoff is 20 ms; the receiver asked for a second.
        Assert.InRange(arrivals[1] - arrivals[0], TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(10));
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task Webhook_Template_ShapesTheBodyForChatReceivers()
    {
        using var receiver = new WebhookReceiver(Secret);
        var settings = Webhook(receiver.Url, Secret);
        settings["Alerts:Webhooks:hook:Template"] = """{"text": {{text}}, "idempotency_key": {{idempotency_key}}, "value": {{value}}}""";
        await using var services = Services(settings);

        await services.GetRequiredService<NotifierRegistry>().Find("hook")!.SendAsync(Notification(), CancellationToken.None);

        var body = Assert.Single(receiver.Accepted);
        Assert.Equal(["text", "idempotency_key", "value"], body.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("Firing: ALT above range (alice)\n", body.GetProperty("text").GetString()!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(Disclaimer.Text, body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(41, body.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Email_IsDeliveredOverSmtpAsTextAndHtmlToTheUsersAddress()
    {
        using var smtp = await SmtpServer.StartAsync();
        await using var services = Services(new Dictionary<string, string?>
        {
            ["Alerts:Email:mail:Host"] = "127.0.0.1",
            ["Alerts:Email:mail:Port"] = smtp.Port.ToString(),
            ["Alerts:Email:mail:Security"] = "None",
            ["Alerts:Email:mail:From"] = "LiverMuscle <alerts@example.org>",
            ["Alerts:Email:mail:To:0"] = "coach@example.org",
            ["Alerts:Email:mail:Recipients:alice"] = "alice@example.org",
        });
        var mail = services.GetRequiredService<NotifierRegistry>().Find("mail")!;

        await mail.SendAsync(Notification("alice"), CancellationToken.None);
        await mail.SendAsync(Notification("bob"), CancellationToken.None);

        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        var (message, recipients) = messages[0];
        Assert.Equal(["alice@example.org"], recipients);
        Assert.Equal("[LiverMuscle] Firing: ALT above range (alice)", message.Subject);
        Assert.Equal("alerts@example.org", message.From.Mailboxes.Single().Address);
        Assert.Contains("Latest alt 41 U/L (2026-10-02) is above the notification threshold 33 U/L.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Disclaimer.Text, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2>Firing: ALT above range (alice)</h2>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(["coach@example.org"], messages[1].Recipients);
    }

    [Fact]
    public async Task Email_ToAPersonWithRecipientsOfTheirOwn_GoesThereInsteadOfTheConfiguredSeed()
    {
        using var smtp = await SmtpServer.StartAsync();
        await using var services = Services(new Dictionary<string, string?>
        {
            ["Alerts:Email:mail:Host"] = "127.0.0.1",
            ["Alerts:Email:mail:Port"] = smtp.Port.ToString(),
            ["Alerts:Email:mail:Security"] = "None",
            ["Alerts:Email:mail:From"] = "alerts@example.org",
            ["Alerts:Email:mail:To:0"] = "coach@example.org",
            ["Alerts:Email:mail:Recipients:alice"] = "alice@example.org",
        });
        var registry = services.GetRequiredService<PersonRegistry>();
        // The configured recipients seed alice in the state store; her own are set as 'people set' does.
        var own = await registry.SetAsync("alice", new PersonChanges { Recipients = ["alice@home.example", "carer@example.org"] }, CancellationToken.None);
        Assert.True(own.Succeeded, string.Join("; ", own.Errors));
        Assert.True((await registry.AddAsync("bob", new PersonChanges(), CancellationToken.None)).Succeeded);
        var mail = services.GetRequiredService<NotifierRegistry>().Find("mail")!;

        await mail.SendAsync(Notification("alice"), CancellationToken.None);
        await mail.SendAsync(Notification("bob"), CancellationToken.None);
        await registry.SetAsync("alice", new PersonChanges { Recipients = [] }, CancellationToken.None);
        await mail.SendAsync(Notification("alice"), CancellationToken.None);

        Assert.Equal(
            [["alice@home.example", "carer@example.org"], ["coach@example.org"], ["alice@example.org"]],
            smtp.Messages().Select(m => m.Recipients.Order(StringComparer.Ordinal).ToArray()));
    }

    [Fact]
    public async Task Email_OverStartTlsWithAuth_IsDeliveredToAServerThatRequiresBoth()
    {
        using var smtp = await SmtpServer.StartAsync(tls: ("alerts", "mail-password"));
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Email:mail:Host"] = "127.0.0.1",
            ["Alerts:Email:mail:Port"] = smtp.Port.ToString(),
            ["Alerts:Email:mail:Security"] = "StartTls",
            ["Alerts:Email:mail:TrustedCertificateFile"] = smtp.CertificateFile,
            ["Alerts:Email:mail:Username"] = "alerts",
            ["Alerts:Email:mail:Password"] = "mail-password",
            ["Alerts:Email:mail:From"] = "alerts@example.org",
            ["Alerts:Email:mail:To:0"] = "coach@example.org",
        };
        await using var services = Services(settings);

        await services.GetRequiredService<NotifierRegistry>().Find("mail")!.SendAsync(Notification(), CancellationToken.None);

        var (message, recipients, session) = Assert.Single(smtp.Received());
        Assert.Equal(["tls=yes", "login=alerts"], session);
        Assert.Equal(["coach@example.org"], recipients);
        Assert.Equal("[LiverMuscle] Firing: ALT above range (alice)", message.Subject);
        Assert.DoesNotContain(services.GetFakeLogCollector().GetSnapshot(), r => r.Message.Contains("mail-password", StringComparison.Ordinal));

        // Without trusting the server's certificate the connection is refused before any credentials are sent.
        settings.Remove("Alerts:Email:mail:TrustedCertificateFile");
        settings["Alerts:Email:mail:MaxRetries"] = "1";
        settings["Alerts:Email:mail:RetryBaseDelay"] = "00:00:00.010";
        await using var untrusting = Services(settings);
        await Assert.ThrowsAsync<MailKit.Security.SslHandshakeException>(() => untrusting.GetRequiredService<NotifierRegistry>().Find("mail")!.SendAsync(Notification(), CancellationToken.None));
        Assert.Single(smtp.Received());
    }

    [Fact]
    public async Task Email_ServerDown_FailsAfterItsRetries()
    {
        var port = FreePort.Next();
        await using var services = Services(new Dictionary<string, string?>
        {
            ["Alerts:Email:mail:Host"] = "127.0.0.1",
            ["Alerts:Email:mail:Port"] = port.ToString(),
            ["Alerts:Email:mail:Security"] = "None",
            ["Alerts:Email:mail:From"] = "alerts@example.org",
            ["Alerts:Email:mail:To:0"] = "coach@example.org",
            ["Alerts:Email:mail:RetryBaseDelay"] = "00:00:00.010",
        });

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => services.GetRequiredService<NotifierRegistry>().Find("mail")!.SendAsync(Notification(), CancellationToken.None));
        Assert.Equal(2, services.GetFakeLogCollector().GetSnapshot().Count(r => r.Message.StartsWith("E-mail mail: attempt", StringComparison.Ordinal)));
    }

    private static Dictionary<string, string?> Webhook(Uri url, string secret) => new()
    {
        ["Alerts:Webhooks:hook:Url"] = url.ToString(),
        ["Alerts:Webhooks:hook:Secret"] = secret,
        ["Alerts:Webhooks:hook:RetryBaseDelay"] = "00:00:00.020",
    };

    private TestHost Services(Dictionary<string, string?> settings) => TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName, Settings = settings });
}
