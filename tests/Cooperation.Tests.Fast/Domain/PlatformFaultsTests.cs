using System.Net.Sockets;
using Cooperation.Contracts.Common;
using Npgsql;
using Orleans.Runtime;

namespace Cooperation.Tests.Domain;

/// <summary>What crosses a boundary in place of an infrastructure exception.</summary>
public sealed class PlatformFaultsTests
{
    [Fact]
    public void An_unreachable_database_is_storage_unavailable_with_a_retry_hint()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        var platform = Assert.IsType<StorageUnavailableException>(PlatformFaults.AtBoundary(refused));

        Assert.True(platform.RetryAfter > TimeSpan.Zero);
        Assert.DoesNotContain("5432", platform.Message);
        // Wrapped as Orleans' storage bridge wraps it.
        Assert.IsType<StorageUnavailableException>(PlatformFaults.AtBoundary(new OrleansException("Error from storage provider", refused)));
        Assert.IsType<StorageUnavailableException>(PlatformFaults.AtBoundary(new AggregateException(new InvalidOperationException("x"), refused)));
    }

    [Fact]
    public void A_server_shutting_down_is_an_outage_but_a_refused_statement_is_a_fault()
    {
        var shutdown = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);
        var syntax = new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError);

        Assert.IsType<StorageUnavailableException>(PlatformFaults.AtBoundary(shutdown));
        var fault = Assert.IsType<InternalFaultException>(PlatformFaults.AtBoundary(syntax));
        Assert.Matches("^[0-9a-f]{12}$", fault.Reference);
        Assert.DoesNotContain("syntax", fault.Message);
    }

    [Fact]
    public void Platform_exceptions_cross_as_they_are_and_wrapped_ones_are_unwrapped()
    {
        var refused = new RuleViolationException("no");

        Assert.Null(PlatformFaults.AtBoundary(refused));
        Assert.Same(refused, PlatformFaults.AtBoundary(new OrleansException("wrapped", refused)));
        // Orleans and .NET exceptions have codecs: the gateway maps them itself.
        Assert.Null(PlatformFaults.AtBoundary(new TimeoutException()));
        Assert.Null(PlatformFaults.AtBoundary(new InvalidOperationException("bug")));
    }

    [Fact]
    public void An_exception_without_a_codec_becomes_an_internal_fault()
    {
        // The journal's own exception, not meant to leave a grain: no Orleans codec.
        var duplicate = new Silo.Journal.DuplicateRequestException("pilot", "p", "k");

        Assert.IsType<InternalFaultException>(PlatformFaults.AtBoundary(duplicate));
        Assert.IsType<InternalFaultException>(PlatformFaults.AtBoundary(new InvalidOperationException("wrapper", duplicate)));
    }

    [Fact]
    public void A_driver_failure_without_a_server_answer_is_an_outage()
    {
        var exhausted = new NpgsqlException("The connection pool has been exhausted", new TimeoutException());

        Assert.True(PlatformFaults.IsStorageOutage(exhausted));
        Assert.False(PlatformFaults.IsStorageOutage(new TimeoutException()));
    }
}
