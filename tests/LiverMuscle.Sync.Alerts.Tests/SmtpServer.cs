using System.Diagnostics;
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

    public static async Task<SmtpServer> StartAsync()
    {
        var port = FreePort.Next();
        var directory = System.IO.Directory.CreateTempSubdirectory("livermuscle-smtp-");
        var start = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "smtp_sink.py"), port.ToString(), directory.FullName])
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

    /// <summary>Messages received so far with their envelope recipients, oldest first.</summary>
    public IReadOnlyList<(MimeMessage Message, string[] Recipients)> Messages() =>
        System.IO.Directory.GetFiles(Directory.FullName, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => (MimeMessage.Load(f), File.ReadAllLines(Path.ChangeExtension(f, ".rcpt"))))
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
