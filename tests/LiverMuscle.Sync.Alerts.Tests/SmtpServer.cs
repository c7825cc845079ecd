using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LiverMuscle.Sync.Testing;
using MimeKit;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>A real SMTP server (python3 aiosmtpd, see smtp_sink.py) on a free loopback port, saving messages to a directory.</summary>
internal sealed class SmtpServer : IDisposable
{
    private readonly Process _process;

    private SmtpServer(Process process, int port, DirectoryInfo directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public DirectoryInfo Directory { get; }

    /// <summary>Plain SMTP, or with <paramref name="tls"/> STARTTLS (certificate for 127.0.0.1 in <c>server.pem</c>) and AUTH required.</summary>
    public static async Task<SmtpServer> StartAsync((string User, string Password)? tls = null)
    {
        var port = FreePort.Next();
        var directory = System.IO.Directory.CreateTempSubdirectory("livermuscle-smtp-");
        List<string> arguments = [Path.Combine(AppContext.BaseDirectory, "smtp_sink.py"), port.ToString(), directory.FullName];
        if (tls is { } login)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "server.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "server.key"), key.ExportPkcs8PrivateKeyPem());
            arguments.AddRange([Path.Combine(directory.FullName, "server.pem"), Path.Combine(directory.FullName, "server.key"), login.User, login.Password]);
        }

        var start = new ProcessStartInfo("/usr/bin/python3", arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
        if (ready != "ready")
        {
            throw new InvalidOperationException("The aiosmtpd test server did not start (is python3-aiosmtpd installed?): " + await process.StandardError.ReadToEndAsync());
        }

        return new SmtpServer(process, port, directory);
    }

    public string CertificateFile => Path.Combine(Directory.FullName, "server.pem");

    /// <summary>Messages received so far with their envelope recipients, oldest first.</summary>
    public IReadOnlyList<(MimeMessage Message, string[] Recipients)> Messages() =>
        Received().Select(m => (m.Message, m.Recipients)).ToList();

    /// <summary>Messages with their recipients and session facts (<c>tls=yes</c>, <c>login=NAME</c>).</summary>
    public IReadOnlyList<(MimeMessage Message, string[] Recipients, string[] Session)> Received() =>
        System.IO.Directory.GetFiles(Directory.FullName, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => (MimeMessage.Load(f), File.ReadAllLines(Path.ChangeExtension(f, ".rcpt")), File.ReadAllLines(Path.ChangeExtension(f, ".meta"))))
            .ToList();

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        _process.Dispose();
        Directory.Delete(recursive: true);
    }
}
