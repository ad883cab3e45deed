using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports;

namespace Cooperation.Tests.Domain;

/// <summary>Rules that once lived in several places, each now in one (issue 11).</summary>
public sealed class OneRuleTests
{
    [Fact]
    public void Funding_totals_per_currency_are_one_rule_for_pilots_and_reports()
    {
        FundingLine[] lines =
        [
            new("a", "moej", Currency.Usd, 100, 40), new("b", "jica", Currency.Vnd, 5_000_000, 0),
            new("c", "moej", Currency.Usd, 50.5m, 10), new("d", "moej", Currency.Jpy, 30_000_000, 12_000_000),
        ];

        var totals = FundingTotal.PerCurrency(lines);

        // Currency order (VND, JPY, USD), as the API lists a pilot's totals.
        Assert.Equal([new FundingTotal(Currency.Vnd, 5_000_000, 0), new FundingTotal(Currency.Jpy, 30_000_000, 12_000_000),
            new FundingTotal(Currency.Usd, 150.5m, 50)], totals);
        // A report's totals over pilots: the same rule over the pilots' totals.
        var report = new DonorReport("s", "moej", "MOEJ", "T", ReportLanguage.En, ReportingPeriod.Parse("2025-03", "p"), DateTimeOffset.UnixEpoch,
            FigureBasis.All, [Pilot(FundingTotal.PerCurrency(lines[..2])), Pilot(FundingTotal.PerCurrency(lines[2..]))], "Asia/Tokyo",
            new Dictionary<string, string>());
        Assert.Equal(totals, report.FundingTotals);
    }

    [Theory]
    [InlineData("0 7 20 * *", true)]
    [InlineData("30 6 2 * *", true)]
    [InlineData("every month", false)]
    [InlineData("0 25 * * *", false)]
    [InlineData("61 7 * * *", false)]
    [InlineData("@daily", false)]
    [InlineData("0 7 20 * * *", false)]
    public void A_schedules_cron_is_checked_in_one_place(string cron, bool valid)
    {
        var schedule = new ReportSchedule(ReportCadence.Monthly, cron, "Asia/Tokyo");

        Assert.Equal(valid, ReportSchedule.IsCron(cron));
        if (valid)
            schedule.Validate();
        else
            Assert.Equal("schedule.cron", Assert.Single(Assert.Throws<InvalidFieldException>(schedule.Validate).Violations).Field);
    }

    /// <summary>Every role and permission is decided by a rule that names them: a new value fails here, never silently allowed or denied.</summary>
    [Fact]
    public void Every_role_and_permission_is_decided()
    {
        var everyone = new AccessScope(["city"], ["org"], ["org"], ["org"], ["org"]);
        var nobody = new AccessScope(["elsewhere"], [], [], [], []);
        try
        {
            Decide(everyone, nobody);
        }
        finally
        {
            Orleans.Runtime.RequestContext.Clear();
        }
    }

    private static void Decide(params AccessScope[] scopes)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var caller = new Caller("org", role, "key", "city");
            foreach (var permission in Enum.GetValues<Permission>())
            {
                foreach (var scope in scopes)
                {
                    AccessPolicy.Allows(caller, permission, scope);
                    CallerContext.Set(caller);
                    try
                    {
                        AccessPolicy.Require(permission, scope, "pilot", "p");
                    }
                    catch (AccessDeniedException)
                    {
                        // Refused, with the words of its permission: decided.
                    }
                }
            }
        }
    }

    private static PilotSection Pilot(IReadOnlyList<FundingTotal> funding) =>
        new("p", "P", "hk", "g", "HK", "G", PilotStatus.InProgress, [], [], null, null, funding, null, []);
}
