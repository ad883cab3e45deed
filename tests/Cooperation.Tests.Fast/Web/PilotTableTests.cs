using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;

namespace Cooperation.Tests.Web;

/// <summary>The partnership's pilots table: sorted by any column the query string names, and only by those.</summary>
public sealed class PilotTableTests
{
    private static PilotSummary Pilot(string id, string en, string? ja, PilotStatus status, int offTrack, int overdue, int awaiting, PilotKind kind = PilotKind.Compost) =>
        new(id, new LocalizedText(null, ja, en), kind, status, 1, 2, overdue, new KpiStatusCounts(1, 0, offTrack, 0), new ReportingCounts(awaiting, 0, 0));

    private static readonly PilotSummary[] Pilots =
    [
        Pilot("b", "Compost", "堆肥", PilotStatus.InProgress, offTrack: 2, overdue: 0, awaiting: 1),
        Pilot("a", "solar roofs", null, PilotStatus.Proposed, offTrack: 0, overdue: 3, awaiting: 0, PilotKind.RooftopSolar),
        Pilot("c", "Chillers", "チラー", PilotStatus.Completed, offTrack: 2, overdue: 1, awaiting: 2, PilotKind.JcmEquipment),
    ];

    private static IEnumerable<string> Ids(string? sort, ReportLanguage language = ReportLanguage.En)
    {
        var order = PilotTable.Sort.Read(sort);
        Assert.True(order.Valid);
        return PilotTable.Sorted(Pilots, order.Value, language).Select(p => p.PilotId);
    }

    [Fact]
    public void By_default_the_table_is_in_title_order_in_the_pages_language_ignoring_case()
    {
        Assert.Equal(["c", "b", "a"], Ids(null));
        Assert.Equal(["c", "b", "a"], Ids(""));
        // Japanese titles where there are, else English: "solar roofs" sorts before katakana and kanji.
        Assert.Equal(["a", "c", "b"], Ids("title", ReportLanguage.Ja));
        Assert.Equal(["a", "b", "c"], Ids("-title"));
    }

    [Fact]
    public void Each_column_sorts_both_ways_with_ties_in_title_order()
    {
        Assert.Equal(["a", "b", "c"], Ids("status"));
        Assert.Equal(["c", "b", "a"], Ids("-status"));
        // Two pilots with two KPIs off track: by title between them.
        Assert.Equal(["c", "b", "a"], Ids("-off-track"));
        Assert.Equal(["a", "c", "b"], Ids("-overdue"));
        Assert.Equal(["c", "b", "a"], Ids("-awaiting-review"));
        Assert.Equal(["b", "c", "a"], Ids("kind"));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("Status")]
    [InlineData("--status")]
    [InlineData("status;drop")]
    public void A_sort_that_names_no_column_is_not_valid_and_falls_back_to_title_order(string sort)
    {
        var order = PilotTable.Sort.Read(sort);

        Assert.False(order.Valid);
        Assert.Equal("title", order.Word);
        Assert.Equal(new PilotOrder("title", false), order.Value);
    }

    [Fact]
    public void A_heading_links_to_its_column_the_other_way_or_to_counts_largest_first()
    {
        var byTitle = new PilotOrder("title", false);
        Assert.Equal("-title", PilotTable.Toggle("title", byTitle).ToString());
        Assert.Equal("status", PilotTable.Toggle("status", byTitle).ToString());
        Assert.Equal("-overdue", PilotTable.Toggle("overdue", byTitle).ToString());
        Assert.Equal("overdue", PilotTable.Toggle("overdue", new PilotOrder("overdue", true)).ToString());
        // Every heading's link is a word the parameter takes.
        foreach (var column in PilotTable.ColumnKeys)
            Assert.True(PilotTable.Sort.Read(PilotTable.Toggle(column, byTitle).ToString()).Valid, column);
    }
}
