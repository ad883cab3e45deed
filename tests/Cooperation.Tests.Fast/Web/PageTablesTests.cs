using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.People;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;

namespace Cooperation.Tests.Web;

/// <summary>The tables of the city, JCM, archive and history sections, shaped from the grains' views without a cluster.</summary>
public sealed class PageTablesTests
{
    private static CompositeIndex Pgi(int year, params (string Code, double Score)[] components) => new("pgi",
        new LocalizedText(null, null, $"Provincial Green Index {year}"), year,
        ValueList.Of(components.Select(c => new IndexComponent(c.Code, new LocalizedText(null, null, c.Code.ToUpperInvariant()), c.Score))));

    [Fact]
    public void A_citys_index_has_its_years_as_columns_its_components_as_rows_and_each_years_total_from_its_components()
    {
        var tables = IndexTable.Of([Pgi(2023, ("env", 8), ("energy", 6), ("waste", 12)), Pgi(2022, ("env", 7), ("energy", 5)), new("other", new LocalizedText(null, null, "Other"), 2023, [new("x", new LocalizedText(null, null, "X"), 1)])]);

        Assert.Equal(["other", "pgi"], tables.Select(t => t.IndexCode));
        var pgi = tables[1];
        Assert.Equal([2022, 2023], pgi.Years);
        Assert.Equal("Provincial Green Index 2023", pgi.Name.En);
        Assert.Equal(["env", "energy", "waste"], pgi.Components.Select(c => c.Code));
        Assert.Equal([null, 12d], pgi.Components[2].Scores);
        Assert.Equal([12d, 26d], pgi.Totals);
    }

    [Fact]
    public void Jcm_periods_carry_their_verification_and_holders_their_credits_all_and_verified()
    {
        var plan = new JcmMonitoringPlan("VN_AM003", "1.0", [], [], [new("Government of Japan", 50, CreditHolder.GovernmentOfJapan), new("Participants", 50, CreditHolder.ProjectParticipant)],
            CreditRounding.GovernmentsRoundedUp);
        MonitoringResult Period(string id, long credits) => new(new MonitoringPeriodInput(id, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), []),
            credits + 0.5m, 0, credits + 0.5m, credits, [new("Government of Japan", (credits + 1) / 2, CreditHolder.GovernmentOfJapan), new("Participants", credits / 2, CreditHolder.ProjectParticipant)],
            [], ReportingPeriod.Parse("2024-12", "p"), plan);
        var jcm = new JcmView(plan, [Period("mp-1", 151), Period("mp-2", 10)], 162, 161, "verifier",
            [new("mp-1", ReviewStatus.Approved, DateTimeOffset.UnixEpoch, "verifier", null)], 151.5m, 151);

        var figures = JcmFigures.Of(jcm);

        Assert.Equal([ReviewStatus.Approved, ReviewStatus.Submitted], figures.Periods.Select(p => p.Verification));
        Assert.Equal([("Government of Japan", 76L + 5, 76L), ("Participants", 75L + 5, 75L)], figures.Holders.Select(h => (h.Party, h.Credits, h.VerifiedCredits)));
    }

    private static ArchivedReportFile File(long id, string period, int revision, ReportFormats format) =>
        new(id, "moej", "monthly", period, format, $"r{id}", "x", 1, "", DateTimeOffset.UnixEpoch, 4, DateTimeOffset.UnixEpoch.AddDays(id), revision);

    [Fact]
    public void The_archive_groups_files_into_revisions_newest_period_and_revision_first()
    {
        var rows = ReportArchiveTable.Of([File(1, "2026-09", 1, ReportFormats.Csv), File(2, "2026-09", 1, ReportFormats.Pdf), File(3, "2026-10", 1, ReportFormats.Pdf),
            File(4, "2026-09", 2, ReportFormats.Pdf)]);

        Assert.Equal([("2026-10", 1), ("2026-09", 2), ("2026-09", 1)], rows.Select(r => (r.Period, r.Revision)));
        Assert.Equal([ReportFormats.Pdf, ReportFormats.Csv], rows[2].Files.Select(f => f.Format));
    }

    [Fact]
    public void History_rows_name_the_person_who_acted_and_page_by_a_positive_sequence()
    {
        AuditEvent Event(long sequence, string? account) => new("pilot", "hp-compost", sequence, "pilot.update-submitted", "{}", DateTimeOffset.UnixEpoch,
            new Caller("hp-urenco", Role.PartnerAgency, account is null ? "key-1" : null, "hai-phong", account), 0);
        var page = new HistoryPage([Event(9, "acc-1"), Event(8, null), Event(7, "acc-1"), Event(6, "acc-2")], 6);

        Assert.Equal(["acc-1", "acc-2"], HistoryRows.PeopleOf(page));
        var rows = HistoryRows.Of(page, [new PersonName("acc-1", "Nguyễn Thị Lan", "hp-urenco")]);

        Assert.Equal(["Nguyễn Thị Lan", null, "Nguyễn Thị Lan", null], rows.Rows.Select(r => r.Person?.DisplayName));
        Assert.Equal(6, rows.Next);
        Assert.Equal(new HistoryQuery(true, null, HistoryRows.PageSize), HistoryRows.Query(null));
        Assert.Equal(new HistoryQuery(true, 6, HistoryRows.PageSize), HistoryRows.Query("6"));
        Assert.Null(HistoryRows.Query("0"));
        Assert.Null(HistoryRows.Query("-3"));
        Assert.Null(HistoryRows.Query("x"));
        Assert.Null(HistoryRows.Query("99999999999999999999"));
    }

    [Fact]
    public void A_query_choice_takes_only_its_words()
    {
        var figures = new QueryChoice<FigureBasis>("figures", new Dictionary<string, FigureBasis> { ["all"] = FigureBasis.All, ["approved"] = FigureBasis.Approved }, "all");

        Assert.Equal(new QueryAnswer<FigureBasis>(FigureBasis.Approved, "approved", true), figures.Read("approved"));
        Assert.Equal(new QueryAnswer<FigureBasis>(FigureBasis.All, "all", true), figures.Read(null));
        Assert.Equal(new QueryAnswer<FigureBasis>(FigureBasis.All, "all", false), figures.Read("APPROVED"));
        Assert.Throws<ArgumentException>(() => new QueryChoice<int>("x", new Dictionary<string, int> { ["a"] = 1 }, "b"));
    }
}
