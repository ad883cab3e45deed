using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;

namespace Cooperation.Silo.Access;

/// <summary>
/// Grain methods that are the platform's own work (the worker's jobs, what the gateway does after
/// it verified a signed link) and no caller's: anyone but the platform is refused.
/// </summary>
internal static class PlatformWork
{
    /// <summary>Refuses <paramref name="operation"/> unless the current caller is the platform.</summary>
    public static void Require(string operation)
    {
        if (CallerContext.Current.Role != Role.System)
            throw new AccessDeniedException($"{operation} is the platform's own work; {CallerContext.Current.OrganisationId} may not do it.");
    }
}
