using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Pages.Home;
using Cooperation.Web.Pages.Partnerships;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages;

/// <summary>
/// The home by role, read as the signed-in person. A city office: the partnerships of its city at
/// a glance. A partner agency: its pilots and what it owes now. A donor: the pilots it funds, with
/// its funding per currency. An admin: the organisations with their people and API keys, and every
/// partnership. Each lists only what the grains let the person read.
/// </summary>
public sealed class IndexModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>Partnerships at a glance (city office, admin; partner agencies and donors: those they are members of).</summary>
    public IReadOnlyList<PartnershipGlance> Partnerships { get; private set; } = [];

    /// <summary>A partner agency's pilots, sorted by the pilots table's query parameter.</summary>
    public IReadOnlyList<PilotSummary> Pilots { get; private set; } = [];

    /// <summary>The pilots table's order.</summary>
    internal PilotOrder Order { get; private set; } = PilotTable.Sort.Default;

    /// <summary>A partner agency's pilots as the pilots table shows them, sortable from the home.</summary>
    internal PilotsTableView PilotsTable => new(Pilots, Order, "/", "", W["home.partner.pilots"], QueryError(PilotTable.Sort.Name));

    /// <summary>What a partner agency owes now.</summary>
    internal IReadOnlyList<OwedItem> Owed { get; private set; } = [];

    /// <summary>The periods returned to a partner agency for correction, with the reviewer's comment.</summary>
    internal IReadOnlyList<InboxRow> Returned { get; private set; } = [];

    /// <summary>A city office's reporting counts over its partnerships: what its review inbox holds.</summary>
    internal ReportingCounts? ToReview { get; private set; }

    /// <summary>The MoUs awaiting the person's organisation's signature (any role that can be a party).</summary>
    internal IReadOnlyList<MouView> AwaitingSignature { get; private set; } = [];

    /// <summary>The JCM pilots the person's organisation verifies, with the periods awaiting its decision (any role that can be appointed).</summary>
    internal IReadOnlyList<VerifierRow> ToVerify { get; private set; } = [];

    /// <summary>A donor's funded pilots and totals.</summary>
    internal DonorFunding? Funding { get; private set; }

    /// <summary>The admin's organisations.</summary>
    internal IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    /// <summary>The role whose home this is.</summary>
    public Role Role => Caller.Role;

    /// <summary>Reads what the person's role shows.</summary>
    public async Task OnGetAsync()
    {
        var caller = Caller;
        var awaiting = caller.Role == Role.Admin ? null : HomeSources.AwaitingSignatureAsync(Grains, caller);
        var toVerify = caller.Role == Role.Admin ? null : HomeSources.ToVerifyAsync(Grains);
        switch (caller.Role)
        {
            case Role.CityOffice:
                Partnerships = await HomeSources.OfficeAsync(Grains, caller);
                ToReview = Partnerships.Aggregate(ReportingCounts.None, (counts, p) => counts.Add(p.Progress.Reporting));
                break;
            case Role.PartnerAgency:
                Order = Read(PilotTable.Sort).Value;
                var reporting = HomeSources.ReportingAsync(Grains);
                var owed = HomeSources.OwedAsync(Grains, caller);
                var partnerships = HomeSources.PartnershipsAsync(Grains);
                Pilots = PilotTable.Sorted([.. (await reporting).Select(p => p.Pilot)], Order, W.Language);
                Returned = ReviewInbox.Of(await reporting).ReturnedTo(caller.OrganisationId);
                Owed = await owed;
                Partnerships = await partnerships;
                break;
            case Role.Donor:
                var funded = HomeSources.PilotViewsAsync(Grains);
                var members = HomeSources.PartnershipsAsync(Grains);
                Funding = DonorFunding.Of(await funded, W.Language);
                Partnerships = await members;
                break;
            case Role.Admin:
                var organisations = HomeSources.OrganisationsAsync(Grains);
                var all = HomeSources.PartnershipsAsync(Grains);
                Organisations = OrganisationRow.Sorted(await organisations, W.Language);
                Partnerships = await all;
                break;
            default:
                throw new AccessDeniedException($"{caller.OrganisationId} ({caller.Role}) has no home on this platform.");
        }
        AwaitingSignature = awaiting is null ? [] : await awaiting;
        ToVerify = toVerify is null ? [] : VerifierRow.Of(await toVerify, W);
        Partnerships = [.. Partnerships.OrderBy(p => W.Name(p.Partnership.Definition.Name), StringComparer.OrdinalIgnoreCase)];
        await NameOrganisationsAsync([caller.OrganisationId]);
    }
}
