using System.Net;
using Cooperation.Reports.Delivery;

namespace Cooperation.Tests.Support;

/// <summary>An HTTP endpoint on loopback that keeps what it is POSTed.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(byte[] Body, string Signature)> _received = [];

    /// <summary>Listens on a free loopback port; <paramref name="anyHostName"/> takes requests naming any host (a test's made-up DNS name).</summary>
    public WebhookReceiver(bool anyHostName = false)
    {
        var port = Ports.Free();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(anyHostName ? $"http://*:{port}/hook/" : Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>Where it listens.</summary>
    public string Url { get; }

    /// <summary>The bodies and signature headers received so far.</summary>
    public IReadOnlyList<(byte[] Body, string Signature)> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_received)
                _received.Add((body.ToArray(), context.Request.Headers[WebhookSender.SignatureHeader] ?? ""));
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
