using System.Net;
using System.Net.Sockets;
using Cooperation.Worker.Reactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cooperation.Tests.DonorReports;

/// <summary>
/// Stopping the reactions while they wait on the database ends them quietly: a service whose
/// task ends canceled reads to the host as failed, and the host then stops whole, taking the
/// worker's job server with it (seen in CI: jobs left enqueued, notices never sent).
/// </summary>
public sealed class EventReactorStopTests
{
    [Fact]
    public async Task Stopped_while_waiting_on_the_database_the_reactions_end_without_fault_or_cancellation()
    {
        // A server that takes the connection and never answers: the reactor waits inside its read.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var database = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Database=none;Username=none;Timeout=60");
        var reactor = new EventReactor(database, [], Options.Create(new ReactionOptions { PollMilliseconds = 10 }), NullLogger<EventReactor>.Instance);

        await reactor.StartAsync(CancellationToken.None);
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await reactor.StopAsync(CancellationToken.None);

        var task = reactor.ExecuteTask!;
        await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(task.IsCompletedSuccessfully, $"the reactions ended {task.Status}");
    }
}
