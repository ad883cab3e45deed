using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Cooperation.Tests.Support;

/// <summary>
/// A TCP relay on a loopback port to another loopback port (PostgreSQL), which a test can cut: the
/// database becomes unreachable for whoever connects through it, and for no one else.
/// </summary>
public sealed class LoopbackRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly CancellationTokenSource _cut = new();
    private readonly Task _accepting;

    /// <summary>Relays connections to 127.0.0.1:<paramref name="targetPort"/>.</summary>
    public LoopbackRelay(int targetPort)
    {
        _listener.Start();
        _accepting = AcceptAsync(targetPort);
    }

    /// <summary>The port to connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Closes every relayed connection and refuses new ones.</summary>
    public void Cut()
    {
        _cut.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
            connection.Dispose();
    }

    private async Task AcceptAsync(int targetPort)
    {
        try
        {
            while (!_cut.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_cut.Token);
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, targetPort, _cut.Token);
                _connections.Add(client);
                _connections.Add(server);
                _ = PumpAsync(client.GetStream(), server.GetStream());
                _ = PumpAsync(server.GetStream(), client.GetStream());
            }
        }
        catch (Exception) when (_cut.IsCancellationRequested)
        {
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, _cut.Token);
        }
        catch (Exception)
        {
            // A side closed (or the relay was cut): this direction ends.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_cut.IsCancellationRequested)
            Cut();
        await _accepting;
        _cut.Dispose();
    }
}
