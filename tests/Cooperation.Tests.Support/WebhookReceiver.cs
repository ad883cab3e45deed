using System.Net;
using Cooperation.Reports.Delivery;

namespace Cooperation.Tests.Support;

/// <summary>
/// An HTTP endpoint on loopback that keeps what it is POSTed. With <c>holdFirst</c> it keeps the
/// first request unanswered (a receiver that is slow while its sender dies) and answers the others.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(byte[] Body, string Signature)> _received = [];
    private readonly List<string> _references = [];
    private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _holdFirst;
    private int _answered;

    /// <summary>Listens on a free loopback port; <paramref name="anyHostName"/> takes requests naming any host (a test's made-up DNS name).</summary>
    public WebhookReceiver(bool anyHostName = false, bool holdFirst = false)
    {
        _holdFirst = holdFirst;
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

    /// <summary>The delivery reference (X-Cooperation-Delivery) of each request received.</summary>
    public IReadOnlyList<string> References
    {
        get
        {
            lock (_received)
                return [.. _references];
        }
    }

    /// <summary>How many requests it answered (204).</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Completes when the first request has been read.</summary>
    public Task FirstArrived => _firstArrived.Task;

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
            bool first;
            lock (_received)
            {
                first = _received.Count == 0;
                _received.Add((body.ToArray(), context.Request.Headers[WebhookSender.SignatureHeader] ?? ""));
                _references.Add(context.Request.Headers[WebhookSender.DeliveryHeader] ?? "");
            }
            _firstArrived.TrySetResult();
            // Held: never answered; its sender's connection ends with the sender.
            if (first && _holdFirst)
                continue;
            context.Response.StatusCode = 204;
            context.Response.Close();
            Interlocked.Increment(ref _answered);
        }
    }
}
