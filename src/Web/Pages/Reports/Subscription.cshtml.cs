using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Delivery;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages.Reports;

/// <summary>
/// A donor's subscription form (<c>/donors/{id}/subscriptions</c> to create one,
/// <c>/donors/{id}/subscriptions/{subscription}</c> to change it): scope, schedule, language,
/// formats, recipients, webhook. The donor's subscriptions grain decides who may (the donor, the
/// offices of what it covers, admins) and checks the definition with the domain's rules; the
/// webhook target is checked as the API checks it. A new subscription's webhook secret is shown
/// on the answer to its creation, once, never again (the page is not kept by the browser).
/// </summary>
internal sealed class SubscriptionModel(IGrainFactory grains, PublicRecords records, WebhookTargets targets, WebhookSecrets secrets) : FormPage
{
    /// <summary>The donor.</summary>
    public string DonorId { get; private set; } = "";

    /// <summary>The subscription changed, or null when one is created.</summary>
    public ReportSubscriptionView? Current { get; private set; }

    /// <summary>The subscription's id: the one changed, or the one the form creates.</summary>
    public string SubscriptionId { get; private set; } = "";

    /// <summary>The scopes the form offers.</summary>
    public IReadOnlyList<ScopeChoice> Scopes { get; private set; } = [];

    /// <summary>Once created: the new subscription and its webhook secret, shown this once.</summary>
    public (ReportSubscriptionView Subscription, string Secret)? Created { get; private set; }

    /// <summary>What the form sent (null on the first showing: the subscription, or the defaults, fill it).</summary>
    private IFormCollection? Sent { get; set; }

    /// <summary>The text of <paramref name="field"/> as sent, or <paramref name="shown"/> on the first showing.</summary>
    public string Value(string field, string? shown) => Sent is { } sent ? sent[field].ToString() : shown ?? "";

    /// <summary>Whether <paramref name="format"/> is ticked.</summary>
    public bool Ticked(ReportFormats format) => Sent is { } sent
        ? sent[SubscriptionForm.FormatsField].Contains(SubscriptionForm.FormatName(format))
        : (Current?.Definition.Formats ?? ReportFormats.Pdf).HasFlag(format);

    /// <summary>Shows the form, empty (with the defaults) or holding the subscription.</summary>
    public async Task OnGetAsync([FromRoute] string id, [FromRoute] string? subscription)
    {
        await PrepareAsync(id, subscription);
        SubscriptionId = Current?.SubscriptionId ?? SubscriptionForm.NewId();
    }

    /// <summary>Creates or changes the subscription, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] string id, [FromRoute] string? subscription)
    {
        await PrepareAsync(id, subscription);
        Sent = Request.Form;
        SubscriptionId = Current?.SubscriptionId
            ?? (Request.Form[SubscriptionForm.IdField].ToString() is { Length: > 0 } sentId ? sentId : SubscriptionForm.NewId());
        var reading = SubscriptionForm.Read(DonorId, field => Request.Form[field].ToString(), field => [.. Request.Form[field].Select(v => v ?? "")]);
        foreach (var (field, word) in reading.Unreadable)
            Refuse(field, W[word]);
        if (!Valid)
            return Refused();
        var donor = grains.GetGrain<IReportSubscriptionsGrain>(DonorId);
        try
        {
            // The domain's rules first (the grain checks them again), then where a webhook may go, as the API does.
            reading.Definition.Validate();
            await targets.CheckSavedAsync(reading.Definition.WebhookUrl, "webhook_url", HttpContext.RequestAborted);
            if (Current is not null)
            {
                await donor.Change(Current.SubscriptionId, reading.Definition);
                return SeeOther($"/donors/{DonorId}/reports#subscriptions-heading");
            }
            var (view, isNew) = await donor.Create(SubscriptionId, reading.Definition);
            if (!isNew)
                return SeeOther($"/donors/{DonorId}/reports#subscriptions-heading");
            Created = (view, await secrets.OfAsync(view, HttpContext.RequestAborted));
            // The secret is on this answer only: no cache, no copy in the browser's history.
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, reading.Fields);
            return Refused();
        }
        catch (EntityExistsException)
        {
            // The id was taken by another definition (a form sent again after a change): this one is new, under a fresh id.
            Problem = W["subscription.id-used"];
            SubscriptionId = SubscriptionForm.NewId();
            return Refused();
        }
    }

    /// <summary>The delete form's confirmation box.</summary>
    public const string ConfirmDeleteField = "confirmDelete";

    /// <summary>Ends the subscription once the person ticked that they mean it; its archived reports stay.</summary>
    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] string id, [FromRoute] string? subscription)
    {
        await PrepareAsync(id, subscription ?? "");
        SubscriptionId = Current!.SubscriptionId;
        if (Request.Form[ConfirmDeleteField] != "true")
        {
            Refuse(ConfirmDeleteField, W["subscription.delete.unconfirmed"]);
            return Refused();
        }
        await grains.GetGrain<IReportSubscriptionsGrain>(DonorId).Delete(SubscriptionId);
        return SeeOther($"/donors/{DonorId}/reports?deleted={Uri.EscapeDataString(SubscriptionId)}#subscriptions-heading");
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task PrepareAsync(string id, string? subscription)
    {
        DonorId = ReadPage.PathId(id, "donor");
        var donor = grains.GetGrain<IReportSubscriptionsGrain>(DonorId);
        if (subscription is not null)
            Current = await donor.GetToManage(ReadPage.PathId(subscription, "report subscription"));
        else
            // Whoever may read the donor's reports page may open its form; the grain decides on the subscription itself.
            await donor.List();
        Scopes = await SubscriptionChoices.ScopesAsync(grains, Current?.Definition.Scope);
        var organisation = await grains.GetGrain<IOrganisationGrain>(DonorId).Get();
        DefaultTimeZone = (await records.CityAsync(organisation.Definition.CityId)).TimeZone;
    }

    /// <summary>The time zone a new subscription's schedule is read in by default: the donor's city's.</summary>
    public string DefaultTimeZone { get; private set; } = "UTC";

    /// <summary>The figures a new subscription counts by default.</summary>
    public static FigureBasis DefaultBasis => FigureBasis.All;
}
