using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;

namespace Cooperation.Silo.Partnerships;

/// <summary>
/// A partnership as the grains that create things in it need it: whole (every programme, pilot
/// and MoU, not only those the caller may read), once the caller is known to manage it.
/// </summary>
internal static class ManagedPartnership
{
    /// <summary>
    /// The partnership <paramref name="partnershipId"/> read as the platform, after refusing a
    /// caller who may not manage it (an unknown partnership reads as one it may not see, unless
    /// the caller sees everything).
    /// </summary>
    public static async Task<PartnershipView> ReadAsync(IGrainFactory grains, string partnershipId)
    {
        PartnershipView? partnership;
        try
        {
            partnership = await CallerContext.AsPlatformAsync(() => grains.GetGrain<IPartnershipGrain>(partnershipId).Get());
        }
        catch (EntityNotFoundException)
        {
            partnership = null;
        }
        AccessPolicy.Require(Permission.ManagePartnership, partnership?.AccessScope, "partnership", partnershipId);
        return partnership!;
    }

    /// <summary>The partnership's whole structure, read as the platform, for a grain completing its own listing.</summary>
    public static Task<PartnershipView> StructureAsync(IGrainFactory grains, string partnershipId) =>
        CallerContext.AsPlatformAsync(() => grains.GetGrain<IPartnershipGrain>(partnershipId).Get());
}
