using System.Globalization;
using System.Text;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Delivery;
using Cooperation.Reports.Rendering;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports.Notices;

/// <summary>
/// The daily reminder digest: every pilot and MoU lists what its owners owe within the configured
/// days (and what is overdue); each organisation with contacts that did not opt out gets one
/// e-mail listing all of its items, at most once a day (the delivery log's key is the day).
/// </summary>
public sealed partial class DueReminderJob(
    IGrainFactory grains,
    DeliveryLog deliveries,
    ReportMailer mailer,
    IOptions<NoticeOptions> options,
    TimeProvider clock,
    ILogger<DueReminderJob> logger)
{
    /// <summary>The recurring job's name.</summary>
    public const string JobId = "notices:due-reminders";

    /// <summary>The delivery log's topic of digests.</summary>
    public const string Topic = "due-reminders";

    // Entities read at once.
    private const int Parallelism = 16;

    /// <summary>Keeps the recurring job on the configured schedule.</summary>
    public static void Schedule(IRecurringJobManager jobs, NoticeOptions settings) =>
        jobs.AddOrUpdate<DueReminderJob>(JobId, job => job.RunAsync(CancellationToken.None), settings.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone) });

    /// <summary>Sends today's digests; returns how many were sent now.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        CallerContext.ActAsPlatform();
        var settings = options.Value;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone)).DateTime);
        var items = new List<DueItem>();
        await Parallel.ForEachAsync(await OwersAsync(cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (owner, _) =>
            {
                var owed = await owner.GetDueItems(settings.WithinDays);
                lock (items)
                    items.AddRange(owed);
            });

        var sent = 0;
        foreach (var owner in items.GroupBy(i => i.OwnerOrganisationId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var organisation = await grains.GetGrain<IOrganisationGrain>(owner.Key).Get();
            var addresses = organisation.Contacts?.For(NoticeKind.DueReminders) ?? [];
            if (addresses.Count == 0)
                continue;
            var key = new DeliveryKey(owner.Key, Topic, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "email");
            if (await deliveries.DeliverOnceAsync(key, string.Join(", ", addresses),
                    reference => mailer.SendAsync(addresses, DueDigest.Subject(organisation, owner.ToList(), day), DueDigest.Text(organisation, owner.ToList(), day), [],
                        reference, cancellationToken),
                    cancellationToken))
            {
                sent++;
            }
        }
        LogSent(logger, sent, items.Count, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return sent;
    }

    /// <summary>Every pilot and MoU there is, from the journal (the silo's directory of entities).</summary>
    private async Task<IReadOnlyList<IHasDueItems>> OwersAsync(CancellationToken cancellationToken)
    {
        var directory = grains.GetGrain<IEntityDirectoryGrain>(0);
        var pilots = await directory.Ids(EntityTypes.Pilot).WaitAsync(cancellationToken);
        var mous = await directory.Ids(EntityTypes.Mou).WaitAsync(cancellationToken);
        return [.. pilots.Select(id => grains.GetGrain<IPilotGrain>(id)), .. mous.Select(id => grains.GetGrain<IMouGrain>(id))];
    }

    [LoggerMessage(LogLevel.Information, "Due reminders of {Day}: {Sent} digest(s) sent now, {Items} item(s) due or overdue in all")]
    private static partial void LogSent(ILogger logger, int sent, int items, string day);
}

/// <summary>
/// An organisation's digest in its preferred language (<see cref="ReportText"/>): overdue items
/// first, then the others by due date; dates as the language writes them, names in it.
/// </summary>
internal static class DueDigest
{
    /// <summary>The subject: the day, how many items, how many overdue.</summary>
    public static string Subject(OrganisationView organisation, IReadOnlyList<DueItem> items, DateOnly day)
    {
        var language = organisation.Definition.NoticeLanguage;
        var overdue = items.Count(i => i.Overdue);
        var (date, count) = (ReportCulture.Date(day, language), ReportCulture.Count(items.Count, language));
        return overdue > 0
            ? ReportText.Format("digest.subject.overdue", language, date, count, ReportCulture.Count(overdue, language))
            : ReportText.Format("digest.subject", language, date, count);
    }

    /// <summary>The digest of <paramref name="items"/> for <paramref name="organisation"/> on <paramref name="day"/>.</summary>
    public static string Text(OrganisationView organisation, IReadOnlyList<DueItem> items, DateOnly day)
    {
        var language = organisation.Definition.NoticeLanguage;
        var text = new StringBuilder();
        text.Append(ReportText.Format("digest.intro", language, ReportText.In(organisation.Definition.Names, language), ReportCulture.Date(day, language))).Append('\n');
        foreach (var (title, group) in new[] { ("digest.overdue", items.Where(i => i.Overdue)), ("digest.due-soon", items.Where(i => !i.Overdue)) })
        {
            var lines = group.OrderBy(i => i.DueDate).ThenBy(i => i.EntityId, StringComparer.Ordinal).ToList();
            if (lines.Count == 0)
                continue;
            text.Append('\n').Append(ReportText.Format(title, language, ReportCulture.Count(lines.Count, language))).Append('\n');
            foreach (var item in lines)
                text.Append("- ").Append(ReportCulture.Date(item.DueDate, language)).Append("  ").Append(Describe(item, language)).Append('\n');
        }
        return text.ToString();
    }

    private static string Describe(DueItem item, ReportLanguage language)
    {
        var entity = ReportText.In(item.EntityTitle, language);
        return item.Kind switch
        {
            DueItemKind.ReportingPeriod => ReportText.Format("digest.period", language, Period(item.ItemId, language), entity, item.EntityId),
            DueItemKind.Milestone => ReportText.Format("digest.milestone", language, ReportText.In(item.Text, language), entity, item.EntityId),
            DueItemKind.Commitment => ReportText.Format("digest.commitment", language, ReportText.In(item.Text, language), entity, item.EntityId),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "Every due item kind has its digest line."),
        };
    }

    private static string Period(string period, ReportLanguage language)
    {
        try
        {
            return ReportCulture.Period(ReportingPeriod.Parse(period, "period"), language);
        }
        catch (InvalidFieldException)
        {
            return period;
        }
    }
}
