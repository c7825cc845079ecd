using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using LiverMuscle.Sync.State;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using Polly;
using Polly.Retry;

namespace LiverMuscle.Sync.Alerts.Notifications.Email;

/// <summary>Sends a notification as a plain-text + HTML e-mail over SMTP (MailKit).</summary>
internal sealed class EmailNotifier : INotifier
{
    private readonly EmailOptions _options;
    private readonly IPersonStore _people;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly X509Certificate2? _trusted;

    public EmailNotifier(string name, EmailOptions options, IPersonStore people, TimeProvider time, ILogger logger)
    {
        Name = name;
        _options = options;
        _people = people;
        _logger = logger;
        _trusted = options.TrustedCertificateFile is { Length: > 0 } file ? X509Certificate2.CreateFromPem(File.ReadAllText(file)) : null;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder()
                    .Handle<SocketException>()
                    .Handle<IOException>()
                    .Handle<ServiceNotConnectedException>()
                    .Handle<SmtpCommandException>(e => (int)e.StatusCode is >= 400 and < 500)
                    .Handle<SmtpProtocolException>(),
                OnRetry = args =>
                {
                    Log.EmailRetry(_logger, Name, args.AttemptNumber + 1, args.Outcome.Exception?.GetType().Name ?? "?");
                    return default;
                },
            })
            .Build();
    }

    public string Name { get; }

    public async Task SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        var message = Compose(notification, await RecipientsAsync(notification.UserId, cancellationToken));
        await _pipeline.ExecuteAsync(
            async token =>
            {
                using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
                if (_trusted is not null)
                {
                    client.ServerCertificateValidationCallback = (_, certificate, _, errors) => CertificateTrust.Accept(certificate, errors, _trusted);
                }

                await client.ConnectAsync(_options.Host, _options.Port, Socket(_options.Security), token);
                if (!string.IsNullOrEmpty(_options.Username))
                {
                    await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, token);
                }

                await client.SendAsync(message, token);
                await client.DisconnectAsync(quit: true, token);
            },
            cancellationToken);
    }

    /// <summary>The person's own recipients when they have set any, else this notifier's <c>Recipients:ID</c>, else its <c>To</c>.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(string userId, CancellationToken cancellationToken)
    {
        if (PersonId.IsValid(userId) && await _people.GetAsync(userId, cancellationToken) is { Recipients.Count: > 0 } person)
        {
            return person.Recipients;
        }

        return _options.Recipients.TryGetValue(userId, out var seeded) ? [seeded] : _options.To;
    }

    public MimeMessage Compose(AlertNotification notification, IReadOnlyList<string> recipients)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.From));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = notification.Subject;
        message.Headers.Add("X-Idempotency-Key", notification.IdempotencyKey);
        message.MessageId = $"{notification.IdempotencyKey}@livermuscle.sync";
        message.Body = new BodyBuilder { TextBody = notification.Text, HtmlBody = notification.Html }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
