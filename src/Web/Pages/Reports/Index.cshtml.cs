using Cooperation.Contracts.DonorReports;
using Cooperation.Reports;
using Cooperation.Web.Reading;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Pages.Reports;

/// <summary>
/// A donor's reports (<c>/donors/{id}/reports</c>): the subscriptions the person may read with
/// their next runs, and the archive (each revision of each period's report, its files to open or
/// download). The donor's subscriptions grain decides, as for the API's ListSubscriptions and
/// ListReports: the donor itself, the city offices of the partnerships its subscriptions cover,
/// admins; anyone else gets the 403 page. What those who may manage a subscription do on it (pause,
/// send now, rotate its secret) is in <c>Index.Actions.cs</c>.
/// </summary>
public sealed partial class IndexModel(IGrainFactory grains, IOptions<DonorReportOptions> options, TimeProvider clock) : ReadPage(grains)
{
    /// <summary>Files the archive lists at most.</summary>
    public const int ArchiveLimit = 200;

    /// <summary>The donor.</summary>
    public string DonorId { get; private set; } = "";

    /// <summary>Its subscriptions the person may read, with their next run (none while paused).</summary>
    public IReadOnlyList<(ReportSubscriptionView Subscription, (DateTimeOffset At, Contracts.Common.ReportingPeriod Period)? Next)> Subscriptions { get; private set; } = [];

    /// <summary>The archive's revisions the person may read, newest period first.</summary>
    internal IReadOnlyList<ReportRevisionRow> Archive { get; private set; } = [];

    /// <summary>The query parameter that narrows the archive and the failed deliveries to one subscription.</summary>
    public const string OnlyParameter = "subscription";

    /// <summary>The subscription whose revisions and failed deliveries alone are shown, or null for all.</summary>
    public ReportSubscriptionView? Only { get; private set; }

    /// <summary>The donor's failed report deliveries the person may read, newest first, with their errors.</summary>
    public IReadOnlyList<DeliveryRecord> Failed { get; private set; } = [];

    /// <summary>Reads the subscriptions, the archive and the failed deliveries as the person.</summary>
    public async Task OnGetAsync(string id)
    {
        DonorId = PathId(id, "donor");
        ReadSent();
        var subscriptions = await Grains.GetGrain<IReportSubscriptionsGrain>(DonorId).List();
        // One subscription's revisions: one the person reads here; anything else is answered with all of them.
        var only = Request.Query[OnlyParameter].ToString();
        Only = subscriptions.FirstOrDefault(s => s.SubscriptionId == only);
        if (only.Length > 0 && Only is null)
            Refuse(OnlyParameter, W["subscription.unknown"]);
        var files = Grains.GetGrain<IReportArchiveGrain>(0).ListReadable(DonorId, Only?.SubscriptionId, ArchiveLimit);
        var failed = Grains.GetGrain<IDeliveryLogGrain>(0).ListFailed(DonorId);
        var now = clock.GetUtcNow();
        Subscriptions = [.. subscriptions.Select(s => (s, ReportCalendar.Of(s, options.Value).NextRunOf(s, now)))];
        Archive = ReportArchiveTable.Of(await files);
        Failed = [.. (await failed).Where(d => Only is null || d.Topic == Only.SubscriptionId)];
        await NameOrganisationsAsync([DonorId]);
    }
}
