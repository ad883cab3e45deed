using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports;
using Cooperation.Reports.Delivery;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Reports;

/// <summary>
/// What one who may manage a subscription does on the reports page: pause or resume it, send its
/// report now (the worker's job, queued as the API queues it), give it a new webhook secret (shown
/// on the answer, once). The donor's subscriptions grain decides who may; a refusal is the 403 page.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The subscription field of the action forms.</summary>
    public const string SubscriptionField = "subscription";

    /// <summary>The send-now form's period: empty for the period a run would report now.</summary>
    public const string PeriodField = "period";

    /// <summary>The subscription just deleted (from the address the deletion led back to), or null.</summary>
    public string? DeletedSubscription => Request.Query["deleted"].ToString() is { Length: > 0 and <= 100 } deleted ? deleted : null;

    /// <summary>A subscription's new webhook secret, shown on the answer to its rotation only.</summary>
    public (string SubscriptionId, string Secret)? RotatedSecret { get; private set; }

    /// <summary>The period whose report "send now" queued (from the address the action led back to), or null.</summary>
    public ReportingPeriod? SentPeriod { get; private set; }

    /// <summary>The message of an action that was refused (a period that cannot be sent), or null.</summary>
    public string? ActionProblem { get; private set; }

    /// <summary>Pauses (<paramref name="paused"/> true) or resumes a subscription, then shows the page again.</summary>
    public async Task<IActionResult> OnPostPausedAsync([FromRoute] string id, [FromForm(Name = SubscriptionField)] string? subscription, bool paused)
    {
        var donorId = PathId(id, "donor");
        await Grains.GetGrain<IReportSubscriptionsGrain>(donorId).SetPaused(PathId(subscription, "report subscription"), paused);
        return SeeOther($"/donors/{donorId}/reports#subscriptions-heading");
    }

    /// <summary>Queues the report of the period sent (empty: the one a run would report now), then shows the page saying so.</summary>
    public async Task<IActionResult> OnPostSendNowAsync([FromRoute] string id, [FromForm(Name = SubscriptionField)] string? subscription,
        [FromForm(Name = PeriodField)] string? period)
    {
        var donorId = PathId(id, "donor");
        var sendNow = HttpContext.RequestServices.GetRequiredService<SendNow>();
        try
        {
            var (queued, _) = await sendNow.QueueAsync(Grains.GetGrain<IReportSubscriptionsGrain>(donorId), PathId(subscription, "report subscription"), period?.Trim());
            return SeeOther($"/donors/{donorId}/reports?sent={queued}#archive-heading");
        }
        catch (InvalidFieldException invalid)
        {
            await OnGetAsync(id);
            ActionProblem = W.Rule(invalid.Violations[0].Description);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>Gives a subscription a new webhook secret and shows it, this once.</summary>
    public async Task<IActionResult> OnPostRotateAsync([FromRoute] string id, [FromForm(Name = SubscriptionField)] string? subscription)
    {
        var donorId = PathId(id, "donor");
        var view = await Grains.GetGrain<IReportSubscriptionsGrain>(donorId).RotateWebhookSecret(PathId(subscription, "report subscription"));
        var secret = await HttpContext.RequestServices.GetRequiredService<WebhookSecrets>().OfAsync(view, HttpContext.RequestAborted);
        await OnGetAsync(id);
        RotatedSecret = (view.SubscriptionId, secret);
        // The secret is on this answer only: no cache, no copy in the browser's history.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    // The period "send now" queued, as the address it led back to names it; nothing for anything else.
    private void ReadSent()
    {
        var sent = Request.Query["sent"].ToString();
        if (sent.Length > 0)
        {
            try
            {
                SentPeriod = ReportingPeriod.Parse(sent, "sent");
            }
            catch (InvalidFieldException)
            {
                // Not a period: nothing to say.
            }
        }
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
