using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.People;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;

namespace Cooperation.Tests.Web;

/// <summary>What the homes by role shape from the grains' views: a partner's owed items, a donor's funding, the admin's organisations.</summary>
public sealed class HomeReadingTests
{
    private static DueItem Due(DueItemKind kind, string entity, string item, string owner, DateOnly due, bool overdue) =>
        new(kind, entity, new LocalizedText(null, null, entity), item, new LocalizedText(null, null, item), due, overdue, owner);

    [Fact]
    public void A_partner_owes_its_own_items_overdue_first_then_by_due_day_and_a_periods_window_opens_after_it_ends()
    {
        DueItem[] items =
        [
            Due(DueItemKind.Commitment, "mou", "report", "hp-urenco", new(2026, 12, 20), false),
            Due(DueItemKind.ReportingPeriod, "hp-compost", "2026-11", "hp-urenco", new(2026, 12, 15), false),
            Due(DueItemKind.Milestone, "hp-compost", "plant", "hp-urenco", new(2026, 10, 1), true),
            Due(DueItemKind.Milestone, "nck", "audit", "nam-cau-kien-ip", new(2026, 9, 1), true),
        ];

        var owed = OwedNow.Of("hp-urenco", items);

        Assert.Equal(["plant", "2026-11", "report"], owed.Select(o => o.Item.ItemId));
        Assert.Equal(new DateOnly(2026, 12, 1), owed[1].WindowOpensOn);
        Assert.Equal("2026-11", owed[1].Period.ToString());
        Assert.Null(owed[0].WindowOpensOn);
        Assert.Empty(OwedNow.Of("moej", items));
    }

    private static PilotView Funded(string id, string title, params FundingTotal[] totals) => new(
        id, new PilotDefinition("hp-kk", "ggpp", new LocalizedText(null, null, title), PilotKind.Compost, ReportingFrequency.Monthly, "hai-phong", null, "hp-urenco", []),
        PilotStatus.InProgress, [], [], ValueList.Of(totals), [], null, [], 0, null, [], FigureBasis.All);

    [Fact]
    public void A_donors_totals_add_up_its_pilots_per_currency_as_the_grains_showed_them()
    {
        var home = DonorFunding.Of(
        [
            Funded("p2", "Waste to energy", new FundingTotal(Currency.Jpy, 45_000_000, 10_000_000)),
            Funded("p1", "Compost", new FundingTotal(Currency.Vnd, 2_000_000_000, 500_000_000), new FundingTotal(Currency.Jpy, 5_000_000, 5_000_000)),
        ], ReportLanguage.En);

        Assert.Equal(["p1", "p2"], home.Pilots.Select(p => p.PilotId));
        Assert.Equal([new FundingTotal(Currency.Vnd, 2_000_000_000, 500_000_000), new FundingTotal(Currency.Jpy, 50_000_000, 15_000_000)], home.Totals);
        Assert.Equal(30, DonorFunding.DisbursedShare(home.Totals[1])!.Value, 6);
        Assert.Null(DonorFunding.DisbursedShare(new FundingTotal(Currency.Usd, 0, 0)));
    }

    [Fact]
    public void The_admin_sees_each_organisations_people_by_status_and_its_keys()
    {
        var organisation = new OrganisationView("hp-dofa", new OrganisationDefinition(new LocalizedText("Sở Ngoại vụ", null, "Department of Foreign Affairs"), OrganisationKind.CityDepartment, "hai-phong"));
        AccountView Person(string id, AccountStatus status) => new(id, new AccountDefinition($"{id}@example.org", id, "hp-dofa", Role.CityOffice, ReportLanguage.Vi),
            status, DateTimeOffset.UnixEpoch, "platform", null, null);
        CredentialView Key(string id, bool revoked) => new(id, "hp-dofa", Role.CityOffice, id, DateTimeOffset.UnixEpoch, "platform", revoked ? DateTimeOffset.UnixEpoch : null, null);

        var row = OrganisationRow.Of(organisation, [Person("a", AccountStatus.Active), Person("b", AccountStatus.Active), Person("c", AccountStatus.Invited)],
            [Key("k1", false), Key("k2", true)]);

        Assert.Equal(2, row.People[AccountStatus.Active]);
        Assert.Equal(1, row.People[AccountStatus.Invited]);
        Assert.Equal(0, row.People[AccountStatus.Disabled]);
        Assert.Equal((1, 1), (row.ActiveCredentials, row.RevokedCredentials));

        var donor = new OrganisationView("moej", new OrganisationDefinition(new LocalizedText(null, "環境省", "Ministry of the Environment"), OrganisationKind.Donor, "tokyo"));
        var park = new OrganisationView("nck", new OrganisationDefinition(new LocalizedText(null, null, "Nam Cau Kien"), OrganisationKind.IndustrialPark, "hai-phong"));
        var sorted = OrganisationRow.Sorted([OrganisationRow.Of(donor, [], []), OrganisationRow.Of(park, [], []), row], ReportLanguage.En);
        Assert.Equal(["hp-dofa", "nck", "moej"], sorted.Select(r => r.Organisation.OrganisationId));
    }
}
