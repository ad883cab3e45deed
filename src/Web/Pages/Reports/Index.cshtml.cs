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
/// admins; anyone else gets the 403 page.
/// </summary>
public sealed class IndexModel(IGrainFactory grains, IOptions<DonorReportOptions> options, TimeProvider clock) : ReadPage(grains)
{
    /// <summary>Files the archive lists at most.</summary>
    public const int ArchiveLimit = 200;

    /// <summary>The donor.</summary>
    public string DonorId { get; private set; } = "";

    /// <summary>Its subscriptions the person may read, with their next run (none while paused).</summary>
    public IReadOnlyList<(ReportSubscriptionView Subscription, (DateTimeOffset At, Contracts.Common.ReportingPeriod Period)? Next)> Subscriptions { get; private set; } = [];

    /// <summary>The archive's revisions the person may read, newest period first.</summary>
    internal IReadOnlyList<ReportRevisionRow> Archive { get; private set; } = [];

    /// <summary>Reads the subscriptions and the archive as the person.</summary>
    public async Task OnGetAsync(string id)
    {
        DonorId = PathId(id, "donor");
        var subscriptions = await Grains.GetGrain<IReportSubscriptionsGrain>(DonorId).List();
        var files = await Grains.GetGrain<IReportArchiveGrain>(0).ListReadable(DonorId, null, ArchiveLimit);
        var now = clock.GetUtcNow();
        Subscriptions = [.. subscriptions.Select(s => (s, ReportCalendar.Of(s, options.Value).NextRunOf(s, now)))];
        Archive = ReportArchiveTable.Of(files);
        await NameOrganisationsAsync([DonorId]);
    }
}
