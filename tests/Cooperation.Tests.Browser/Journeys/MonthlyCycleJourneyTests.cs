using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Microsoft.Playwright;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>
/// The monthly cycle, each person in their own browser session and language, with the loopback
/// mailbox: Kitakyushu's person fills hp-compost's update for last month, is warned and confirms;
/// Hai Phong's office finds it in its inbox and returns it with a comment; Kitakyushu gets the
/// notice, sees the comment on its home, corrects the pre-filled form and submits again; a second
/// person of the office approves; MOEJ's person sees the figure verified on the pilot page and in
/// the report revision it downloads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonthlyCycleJourneyTests(BrowserPlatform platform)
{
    private const string Compost = "kpi.compost-produced.value";
    private const string Comment = "Số liệu gấp mười lần sổ cân: vui lòng kiểm tra và sửa lại.";

    [Fact]
    public async Task An_update_goes_from_partner_to_office_and_back_and_is_verified_for_the_donor()
    {
        var pilot = platform.Api.Cluster.Client.GetGrain<IPilotGrain>(DemoScenario.PilotId);
        var period = ReportingPeriod.Containing(DemoPeriods.Today(), ReportingFrequency.Monthly);
        period = ReportingPeriod.Containing(period.Start.AddDays(-1), ReportingFrequency.Monthly);
        var form = $"/pilots/{DemoScenario.PilotId}/update?period={period}";
        var review = $"/pilots/{DemoScenario.PilotId}/review/{period}";
        // The month before's compost: ten times it is far off (warned), a little more is plausible.
        var compost = (await pilot.ListKpiSeries()).Single(s => s.Definition.Code == "compost-produced");
        var before = compost.Periods.Single(r => r.Period.Next() == period).Value;
        var (wrong, right) = (Math.Round(before * 10), Math.Round(before * 1.05));
        string Typed(double value) => value.ToString(CultureInfo.InvariantCulture);

        // 1. Kitakyushu's person corrects last month's compost to a figure ten times too large: warned, confirms.
        await using (var partner = await platform.SignedInAsync("KITAKYUSHU"))
        {
            var page = partner.Page;
            await page.GotoAsync(form);
            var previous = await page.InputValueAsync($"[name='{Compost}']");
            Assert.False(string.IsNullOrEmpty(previous), "the form starts from last month's submitted figures");
            await page.FillAsync($"[name='{Compost}']", Typed(wrong));
            await page.FillAsync("textarea[name=note]", "堆肥の出荷記録から。");
            await page.ClickAsync("button[value=submit]");
            await page.WaitForLoadStateAsync();
            Assert.Equal(1, await page.Locator($"[id='{Compost}-warning']").CountAsync());
            await AccessibilityTests.AssertCleanAsync(page, "update form with a warning");
            await page.CheckAsync("input[name=confirm]");
            await page.ClickAsync("button[value=submit]");
            await page.WaitForURLAsync(url => url.Contains("updated=" + period, StringComparison.Ordinal));
            Assert.Empty(partner.ScriptErrors);
        }
        Assert.Equal(("kitakyushu-city", ReviewStatus.Submitted), await StandingAsync(pilot, period));

        // 2. Hai Phong's office finds it in its inbox, sees the warning the partner confirmed, and returns it.
        await using (var office = await platform.SignedInAsync("HP_DOFA"))
        {
            var page = office.Page;
            await page.GotoAsync("/reviews");
            await AccessibilityTests.AssertCleanAsync(page, "review inbox");
            await page.ClickAsync($"a[href='{review}']");
            await page.WaitForLoadStateAsync();
            Assert.Equal(1, await page.Locator("ul.warning li").CountAsync());
            await AccessibilityTests.AssertCleanAsync(page, "review page");
            // A return needs its comment: refused next to the field, nothing changes.
            await page.ClickAsync("button[value=return]");
            await page.WaitForLoadStateAsync();
            Assert.Equal(1, await page.Locator("#comment-error").CountAsync());
            Assert.Equal("true", await page.GetAttributeAsync("#comment", "aria-invalid"));
            await AccessibilityTests.AssertCleanAsync(page, "review page with an error");
            await page.FillAsync("#comment", Comment);
            await page.ClickAsync("button[value=return]");
            await page.WaitForURLAsync(url => url.Contains("decided=Return", StringComparison.Ordinal));
        }
        Assert.Equal(ReviewStatus.Returned, (await StandingAsync(pilot, period)).Status);

        // 3. The notice reaches Kitakyushu's mailbox with the comment.
        var notices = await platform.Mailbox.MessagesToAsync("kitakyushu-gg@example.jp", 1, TimeSpan.FromSeconds(60));
        Assert.Contains(notices, m => m.TextBody.Contains(Comment, StringComparison.Ordinal));

        // 4. Kitakyushu sees the comment on its home, opens the pre-filled form, corrects and submits again.
        await using (var partner = await platform.SignedInAsync("KITAKYUSHU"))
        {
            var page = partner.Page;
            Assert.Contains(Comment, await page.Locator("#returned-heading").Locator("..").InnerTextAsync());
            await page.ClickAsync($"#returned-heading ~ ul a[href='{form}']");
            await page.WaitForLoadStateAsync();
            Assert.Equal(Typed(wrong), await page.InputValueAsync($"[name='{Compost}']"));
            await page.FillAsync($"[name='{Compost}']", Typed(right));
            await page.ClickAsync("button[value=submit]");
            await page.WaitForURLAsync(url => url.Contains("updated=" + period, StringComparison.Ordinal));
        }
        Assert.Equal(ReviewStatus.Submitted, (await StandingAsync(pilot, period)).Status);

        // 5. A second person of the office approves (the submitting organisation may not: four eyes).
        var reviewer = await SecondReviewerAsync();
        await using (var office = await platform.SessionAsync(acceptLanguage: "vi"))
        {
            await BrowserPlatform.SignInAsync(office, reviewer.Email, reviewer.Password);
            var page = office.Page;
            await page.GotoAsync(review);
            await page.ClickAsync("button[value=approve]");
            await page.WaitForURLAsync(url => url.Contains("decided=Approve", StringComparison.Ordinal));
        }
        var approved = (await pilot.GetReporting()).Single(p => p.Review.Period == period).Review;
        Assert.Equal(ReviewStatus.Approved, approved.Status);
        Assert.Equal(right, approved.ApprovedReadings.Single(r => r.KpiCode == "compost-produced").Value);

        // 6. MOEJ sees the figure verified on the pilot page, and in the report revision it downloads.
        await platform.Api.Reporting.SendReportNowAsync(new Proto.SendReportNowRequest
        {
            DonorOrganisationId = "moej", SubscriptionId = "monthly", Period = period.ToString(),
        });
        var csv = await RevisionCsvAsync(period, after: approved.DecidedAt!.Value);
        await using (var donor = await platform.SignedInAsync("MOEJ"))
        {
            var page = donor.Page;
            await page.GotoAsync($"/pilots/{DemoScenario.PilotId}?figures=approved");
            Assert.Contains(right.ToString("#,0.##", CultureInfo.GetCultureInfo("ja-JP")), await page.Locator("main").InnerTextAsync());
            await page.GotoAsync("/donors/moej/reports");
            var link = page.Locator($"a[href='/reports/{csv}/file']");
            Assert.Equal(1, await link.CountAsync());
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            var text = await File.ReadAllTextAsync((await download.PathAsync())!);
            var row = text.Split('\n').Single(l => l.StartsWith(DemoScenario.PilotId + ",", StringComparison.Ordinal)
                && l.Contains(",compost-produced,", StringComparison.Ordinal) && l.Contains($",{period},", StringComparison.Ordinal));
            Assert.Contains($",{period},{Typed(right)},true,", row);
        }
    }

    private static async Task<(string? By, ReviewStatus Status)> StandingAsync(IPilotGrain pilot, ReportingPeriod period)
    {
        var review = (await pilot.GetReporting()).Single(p => p.Review.Period == period).Review;
        return (review.LastSubmittedBy, review.Status);
    }

    /// <summary>A second person of Hai Phong's office, invited and active, as an office invites a colleague.</summary>
    private async Task<(string Email, string Password)> SecondReviewerAsync()
    {
        CallerContext.ActAsPlatform();
        var accountId = $"reviewer-{Guid.NewGuid():N}"[..24];
        var email = accountId + "@example.vn";
        const string password = "second pair of eyes 2026";
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        var account = platform.Api.Cluster.Client.GetGrain<IAccountGrain>(accountId);
        await account.Invite(new AccountDefinition(email, "Lê Văn Hùng", "hp-dofa", Role.CityOffice, ReportLanguage.Vi), token.Hash);
        await account.AcceptInvitation(token.Secret, password);
        return (email, password);
    }

    /// <summary>The id of the CSV file of the newest revision of MOEJ's monthly report for <paramref name="period"/> made after <paramref name="after"/>.</summary>
    private async Task<string> RevisionCsvAsync(ReportingPeriod period, DateTimeOffset after)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var reports = await platform.Api.Reporting.ListReportsAsync(new Proto.ListReportsRequest { DonorOrganisationId = "moej" });
            var csv = reports.Reports
                .Where(r => r.Period == period.ToString() && r.Format == Proto.ReportFormat.Csv
                    && DateTimeOffset.Parse(r.CreatedAt, CultureInfo.InvariantCulture) > after)
                .OrderByDescending(r => r.Revision)
                .FirstOrDefault();
            if (csv is not null)
                return csv.ReportId.ToString(CultureInfo.InvariantCulture);
            Assert.True(DateTime.UtcNow < until, $"no revision of {period} was made after {after:O}");
            await Task.Delay(500);
        }
    }
}
