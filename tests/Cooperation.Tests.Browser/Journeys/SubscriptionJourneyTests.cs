using System.Text;
using System.Text.RegularExpressions;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>
/// MOEJ's person, in Japanese, makes a report subscription with PDF and CSV on the reports page,
/// sees its webhook secret once, sends its report now (the platform's worker makes it) and
/// downloads both files from the archive.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SubscriptionJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task A_donor_creates_a_subscription_in_japanese_sends_it_now_and_downloads_the_pdf_and_the_csv()
    {
        var title = $"ブラウザ試験 {Guid.NewGuid():N}"[..20];
        await using var session = await platform.SignedInAsync("MOEJ");
        var page = session.Page;
        await page.GotoAsync("/donors/moej/reports");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await page.Locator("a[href='/donors/moej/subscriptions']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AccessibilityTests.AssertCleanAsync(page, "subscription form");

        await page.FillAsync("#title", title);
        await page.SelectOptionAsync("#scope", $"partnership:{DemoScenario.PartnershipId}");
        await page.SelectOptionAsync("#cadence", "Monthly");
        await page.CheckAsync("#when-default");
        await page.SelectOptionAsync("#timeZone", "Asia/Tokyo");
        await page.SelectOptionAsync("#language", "Ja");
        await page.CheckAsync("#formats-pdf");
        await page.CheckAsync("#formats-csv");
        await page.FillAsync("#recipients", "moej-journey@example.jp");
        await page.Locator("form.subscription-form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();

        // The secret, shown this once.
        var secret = await page.Locator("#webhook-secret").TextContentAsync();
        Assert.Matches("^[0-9a-f]{64}$", secret);
        await AccessibilityTests.AssertCleanAsync(page, "subscription created");
        await page.Locator("main a[href^='/donors/moej/reports']").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.DoesNotContain(secret!, await page.ContentAsync());

        // Send now, from the subscription's row.
        var row = page.Locator("tr", new() { HasText = title });
        var edit = await row.Locator("a[href^='/donors/moej/subscriptions/']").GetAttributeAsync("href");
        var subscriptionId = edit!["/donors/moej/subscriptions/".Length..];
        await row.Locator("form[action*='handler=SendNow'] button").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(1, await page.Locator(".notice[role=status]").CountAsync());

        // The worker makes the report: the archive shows its files once they are there.
        var files = await ArchivedFilesAsync(page, subscriptionId);
        Assert.Equal(["CSV", "PDF"], files.Keys.Order());

        var pdf = await DownloadAsync(session, files["PDF"]);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf.Body, 0, 4));
        var csv = await DownloadAsync(session, files["CSV"]);
        Assert.StartsWith("text/csv", csv.ContentType);
        var text = new StreamReader(new MemoryStream(csv.Body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();
        Assert.StartsWith("pilot_id,pilot_title,partnership_id,kpi_code,kpi_name,unit,period,value", text);
        Assert.Empty(session.ScriptErrors);
    }

    // Reloads the reports page until the archive lists the subscription's files (at most 90 s): format → link.
    private static async Task<Dictionary<string, string>> ArchivedFilesAsync(IPage page, string subscriptionId)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await page.GotoAsync("/donors/moej/reports");
            var html = await page.ContentAsync();
            var row = Regex.Match(html, $"<th scope=\"row\">[0-9]{{4}}-[0-9]{{2}} <span class=\"muted small\">{subscriptionId}</span></th>[\\s\\S]*?</tr>");
            if (row.Success)
            {
                var files = FileLink().Matches(row.Value).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
                if (files.Count >= 2)
                    return files;
            }
            Assert.True(DateTime.UtcNow < until, $"The archive did not list the files of {subscriptionId} within 90 s.");
            await Task.Delay(1000);
        }
    }

    // A file as the browser downloads it: with the person's cookies.
    private static async Task<Downloaded> DownloadAsync(BrowserSession session, string path)
    {
        var response = await session.Context.APIRequest.GetAsync(path);
        Assert.Equal(200, response.Status);
        var downloaded = new Downloaded(response.Headers["content-type"], await response.BodyAsync());
        await response.DisposeAsync();
        return downloaded;
    }

    private sealed record Downloaded(string ContentType, byte[] Body);

    [GeneratedRegex("href=\"(/reports/[0-9]+/file)\"[^>]*>(PDF|CSV)</a>")]
    private static partial Regex FileLink();
}
