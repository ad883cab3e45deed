using System.Net;
using System.Text.RegularExpressions;
using Cooperation.Contracts.DonorReports;
using Cooperation.Tests.Web;

namespace Cooperation.Tests.WebPages;

/// <summary>The partnership page lists what GetPartnership and its roll-up let each member read; its sort is checked.</summary>
[Collection(WebCollection.Name)]
public sealed partial class PartnershipPageTests(WebFixture web)
{
    private const string Partnership = "/partnerships/haiphong-kitakyushu";

    private static string[] PilotLinks(string html) => [.. PilotLink().Matches(html).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task A_member_taking_part_in_some_pilots_sees_only_those_and_no_mou_it_is_not_party_to()
    {
        var urenco = await DemoBrowsers.ReadAsync(web, "HP_URENCO", Partnership);
        var office = await DemoBrowsers.ReadAsync(web, "HP_DOFA", Partnership);

        Assert.Equal(HttpStatusCode.OK, urenco.Status);
        Assert.Equal(["hp-compost", "hp-construction-waste", "hp-waste-separation", "hp-waste-to-energy"], PilotLinks(urenco.Html).Order());
        Assert.DoesNotContain("/mous/nck-eip-mou", urenco.Html);
        Assert.Contains(DemoBrowsers.Word(web, "glance.partial", ReportLanguage.Vi), urenco.Html);
        Assert.Equal(15, PilotLinks(office.Html).Length);
        Assert.Contains("href=\"/mous/nck-eip-mou\"", office.Html);
        Assert.Contains("href=\"/cities/hai-phong\"", office.Html);
        Assert.Contains("href=\"/cities/kitakyushu\"", office.Html);
        Assert.Contains("data-live=\"/partnerships/haiphong-kitakyushu/live\"", office.Html);
        Assert.Contains("<script type=\"application/json\" id=\"progress-chart-data\">", office.Html);
    }

    [Fact]
    public async Task A_donor_member_sees_the_pilots_it_funds()
    {
        var moej = await DemoBrowsers.ReadAsync(web, "MOEJ", Partnership);

        Assert.Equal(HttpStatusCode.OK, moej.Status);
        Assert.Equal(["hp-compost", "hp-rooftop-solar", "jcm-nck-chillers", "nck-eco-industrial-park"], PilotLinks(moej.Html).Order());
    }

    [Fact]
    public async Task The_table_sorts_by_a_column_both_ways_and_a_wrong_sort_is_a_message()
    {
        using var office = await DemoBrowsers.SignedInAsync(web, "HP_DOFA");
        var byStatus = await office.GetAsync(Partnership + "?sort=status");
        var reversed = await office.GetAsync(Partnership + "?sort=-status");
        var wrong = await office.GetAsync(Partnership + "?sort=drop%20table");

        Assert.Equal(HttpStatusCode.OK, byStatus.Status);
        Assert.Equal(PilotLinks(byStatus.Html).Order(), PilotLinks(reversed.Html).Order());
        Assert.NotEqual(PilotLinks(byStatus.Html), PilotLinks(reversed.Html));
        Assert.Contains("aria-sort=\"ascending\"", byStatus.Html);
        Assert.Contains("aria-sort=\"descending\"", reversed.Html);
        Assert.Contains("href=\"/partnerships/haiphong-kitakyushu?sort=-status\"", byStatus.Html);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("id=\"sort-error\"", wrong.Html);
        Assert.DoesNotContain("drop table", wrong.Html);
        Assert.Equal(15, PilotLinks(wrong.Html).Length);
    }

    [Fact]
    public async Task The_pilots_section_comes_alone_for_the_live_updates_and_is_refused_as_the_page_is()
    {
        var section = await DemoBrowsers.ReadAsync(web, "HP_URENCO", Partnership + "?handler=pilots&sort=-overdue");
        var outsider = await DemoBrowsers.ReadAsync(web, "NAM_CAU_KIEN", "/partnerships/no-such-partnership?handler=pilots");

        Assert.Equal(HttpStatusCode.OK, section.Status);
        Assert.DoesNotContain("<html", section.Html);
        Assert.Equal(4, PilotLinks(section.Html).Length);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.Status);
    }

    [GeneratedRegex("<th scope=\"row\"><a href=\"/pilots/([a-z0-9-]+)\">")]
    private static partial Regex PilotLink();
}
