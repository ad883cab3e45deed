using Cooperation.Contracts.Common;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Hosting;

/// <summary>
/// The grain boundary of every call into the silo: whatever a grain method throws reaches the
/// caller as the platform's own exception (<see cref="PlatformFaults"/>), so a driver's exception
/// never has to be serialized (Orleans has no codec for Npgsql's) and a storage outage answers
/// Unavailable rather than Internal.
/// </summary>
internal sealed partial class InfrastructureFaultFilter(ILogger<InfrastructureFaultFilter> logger) : IIncomingGrainCallFilter
{
    /// <inheritdoc/>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (PlatformFaults.AtBoundary(error) is { } platform)
        {
            Log(logger, context.InterfaceMethod?.Name ?? "?", error, platform);
            throw platform;
        }
    }

    /// <summary>Logs a translated fault: a fault in full under its reference, an outage in one line.</summary>
    internal static void Log(ILogger logger, string operation, Exception error, CooperationException platform)
    {
        if (platform is InternalFaultException fault)
            LogFault(logger, operation, fault.Reference, error);
        else if (platform is StorageUnavailableException)
            LogOutage(logger, operation, Innermost(error).Message);
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;

    [LoggerMessage(LogLevel.Error, "{Operation} failed (reference {Reference})")]
    private static partial void LogFault(ILogger logger, string operation, string reference, Exception error);

    [LoggerMessage(LogLevel.Warning, "{Operation}: storage unreachable ({Reason}); answered Unavailable")]
    private static partial void LogOutage(ILogger logger, string operation, string reason);
}
