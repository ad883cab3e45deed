using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Cooperation.Tests.Support;

/// <summary>
/// A real SMTP server on loopback for a test: Debian's aiosmtpd storing every message it accepts
/// in a Maildir (ops/test.sh installs python3-aiosmtpd). Read back with <see cref="MessagesAsync"/>.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private SmtpSink(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The Maildir it keeps messages in (what ops/mailbox.sh reads).</summary>
    public string Maildir => _maildir;

    /// <summary>Starts a sink on <paramref name="port"/> and waits until it accepts connections.</summary>
    public static async Task<SmtpSink> StartAsync(int port)
    {
        var maildir = Path.Combine(Path.GetTempPath(), $"coop-mail-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start");
        var sink = new SmtpSink(process, maildir, port);
        for (var waited = 0; waited < 100; waited++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited: {await process.StandardError.ReadToEndAsync()} (is python3-aiosmtpd installed? ops/test.sh installs it)");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await sink.DisposeAsync();
        throw new TimeoutException($"aiosmtpd did not listen on port {port} within 10 s");
    }

    /// <summary>The messages received so far.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync()
    {
        var messages = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(_maildir, folder);
            if (!Directory.Exists(path))
                continue;
            foreach (var file in Directory.GetFiles(path).Order(StringComparer.Ordinal))
                messages.Add(await MimeMessage.LoadAsync(file));
        }
        return messages;
    }

    /// <summary>
    /// The messages to <paramref name="address"/>, once at least <paramref name="count"/> arrived or
    /// <paramref name="timeout"/> (30 s by default) passed: other tests' mail may share the sink.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var mine = (await MessagesAsync()).Where(m => m.To.Mailboxes.Any(a => a.Address == address)).ToArray();
            if (mine.Length >= count || DateTime.UtcNow >= until)
                return mine;
            await Task.Delay(200);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_maildir))
            Directory.Delete(_maildir, recursive: true);
    }
}
