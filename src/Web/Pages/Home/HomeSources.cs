using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.People;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages.Home;

/// <summary>A partnership at a glance: what it is and its roll-up as the caller may read it.</summary>
/// <param name="Partnership">The partnership.</param>
/// <param name="Progress">Its roll-up (marked partial when the caller reads only some of its pilots or MoUs).</param>
public sealed record PartnershipGlance(PartnershipView Partnership, PartnershipProgress Progress);

/// <summary>
/// What each role's home reads, as the signed-in person: the same grains the API calls, so what
/// a home lists is what the person may read. Lists of a kind come from the entity directory's
/// readable ids (each entity decides, as for a single read).
/// </summary>
internal static class HomeSources
{
    /// <summary>Days ahead a partner's home lists what falls due (overdue items always).</summary>
    public const int OwedWithinDays = 30;

    /// <summary>The partnerships the caller may read, each with its roll-up, by name.</summary>
    public static async Task<IReadOnlyList<PartnershipGlance>> PartnershipsAsync(IGrainFactory grains, IEnumerable<string>? ids = null)
    {
        ids ??= await ReadableAsync(grains, EntityTypes.Partnership);
        return await Task.WhenAll(ids.Select(async id =>
        {
            var partnership = grains.GetGrain<IPartnershipGrain>(id);
            var view = partnership.Get();
            var progress = partnership.GetProgress();
            return new PartnershipGlance(await view, await progress);
        }));
    }

    /// <summary>A city office's home: the partnerships of its city (those it may read: the city lists only those).</summary>
    public static async Task<IReadOnlyList<PartnershipGlance>> OfficeAsync(IGrainFactory grains, Caller caller)
    {
        var city = await grains.GetGrain<ICityGrain>(caller.CityId).Get();
        return await PartnershipsAsync(grains, city.PartnershipIds);
    }

    /// <summary>The pilots the caller may read, each with its reporting periods: a review inbox, and a partner's returned periods.</summary>
    public static async Task<IReadOnlyList<(PilotSummary Pilot, IReadOnlyList<ReportingPeriodView> Periods)>> ReportingAsync(IGrainFactory grains)
    {
        var ids = await ReadableAsync(grains, EntityTypes.Pilot);
        var pilots = await Task.WhenAll(ids.Select(async id =>
        {
            var pilot = grains.GetGrain<IPilotGrain>(id);
            var summary = pilot.GetSummaryIfReadable();
            return await summary is { } readable ? (readable, (IReadOnlyList<ReportingPeriodView>)await pilot.GetReporting()) : default;
        }));
        return [.. pilots.Where(p => p.readable is not null)];
    }

    /// <summary>What the caller's organisation owes within <see cref="OwedWithinDays"/> of the pilots and MoUs it may read.</summary>
    public static async Task<IReadOnlyList<OwedItem>> OwedAsync(IGrainFactory grains, Caller caller)
    {
        var pilots = ReadableAsync(grains, EntityTypes.Pilot);
        var mous = ReadableAsync(grains, EntityTypes.Mou);
        IEnumerable<IHasDueItems> owers = [.. (await pilots).Select(id => grains.GetGrain<IPilotGrain>(id)), .. (await mous).Select(id => grains.GetGrain<IMouGrain>(id))];
        var items = await Task.WhenAll(owers.Select(o => o.GetDueItems(OwedWithinDays)));
        return OwedNow.Of(caller.OrganisationId, items.SelectMany(i => i));
    }

    /// <summary>The MoUs the caller may read that await its organisation's signature, in their listing order.</summary>
    public static async Task<IReadOnlyList<MouView>> AwaitingSignatureAsync(IGrainFactory grains, Caller caller)
    {
        var ids = await ReadableAsync(grains, EntityTypes.Mou);
        var mous = await Task.WhenAll(ids.Select(id => grains.GetGrain<IMouGrain>(id).GetIfReadable()));
        return [.. mous.OfType<MouView>().Where(m => m.AwaitsSignatureOf(caller.OrganisationId))];
    }

    /// <summary>The JCM pilots the caller's organisation verifies, each with its monitoring as the verifier sees it, by id.</summary>
    public static async Task<IReadOnlyList<(string PilotId, PilotSummary? Pilot, JcmView Jcm)>> ToVerifyAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IEntityDirectoryGrain>(0).PilotsToVerify();
        return await Task.WhenAll(ids.Select(async id =>
        {
            var pilot = grains.GetGrain<IPilotGrain>(id);
            var summary = pilot.GetSummaryIfReadable();
            var jcm = pilot.GetJcmToVerify();
            return (id, await summary, await jcm);
        }));
    }

    /// <summary>The views of the pilots the caller may read (a donor's: its own funding lines only).</summary>
    public static async Task<IReadOnlyList<PilotView>> PilotViewsAsync(IGrainFactory grains)
    {
        var ids = await ReadableAsync(grains, EntityTypes.Pilot);
        return await Task.WhenAll(ids.Select(id => grains.GetGrain<IPilotGrain>(id).Get()));
    }

    /// <summary>The admin's organisations, each with its people and API keys.</summary>
    public static async Task<IReadOnlyList<OrganisationRow>> OrganisationsAsync(IGrainFactory grains)
    {
        var ids = await ReadableAsync(grains, EntityTypes.Organisation);
        var people = grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);
        var credentials = grains.GetGrain<ICredentialRegistryGrain>(ICredentialRegistryGrain.Key);
        return await Task.WhenAll(ids.Select(async id =>
        {
            var organisation = grains.GetGrain<IOrganisationGrain>(id).Get();
            var accounts = people.List(id);
            var keys = credentials.List(id);
            return OrganisationRow.Of(await organisation, await accounts, await keys);
        }));
    }

    private static Task<ValueList<string>> ReadableAsync(IGrainFactory grains, string entityType) =>
        grains.GetGrain<IEntityDirectoryGrain>(0).ReadableIds(entityType);
}
