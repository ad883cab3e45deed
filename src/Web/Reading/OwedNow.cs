using Cooperation.Contracts.Common;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Web.Reading;

/// <summary>Something an organisation owes, as its home lists it.</summary>
/// <param name="Item">The pilot's or MoU's due item (<see cref="IHasDueItems.GetDueItems"/>).</param>
/// <param name="Period">For a reporting period: the period, whose window opens the day after it ends and closes on the item's due date.</param>
internal sealed record OwedItem(DueItem Item, ReportingPeriod? Period)
{
    /// <summary>The first day the period takes updates; null for milestones and commitments.</summary>
    public DateOnly? WindowOpensOn => Period is { } period ? SubmissionWindow.OpensOn(period) : null;
}

/// <summary>
/// What a partner agency owes now, on its home: of the due items of the pilots and MoUs it may
/// read (the grains decide what is due, in each one's city), those it owns (a pilot's lead owes
/// its updates and milestones, a commitment's owner the commitment); overdue first, then by due day.
/// </summary>
internal static class OwedNow
{
    /// <summary>The items of <paramref name="items"/> that <paramref name="organisationId"/> owes, in the order the home lists them.</summary>
    public static IReadOnlyList<OwedItem> Of(string organisationId, IEnumerable<DueItem> items) =>
    [
        .. items.Where(i => i.OwnerOrganisationId == organisationId)
            .OrderByDescending(i => i.Overdue)
            .ThenBy(i => i.DueDate)
            .ThenBy(i => i.EntityId, StringComparer.Ordinal)
            .ThenBy(i => i.ItemId, StringComparer.Ordinal)
            .Select(i => new OwedItem(i, i.Kind == DueItemKind.ReportingPeriod ? PeriodOf(i.ItemId) : null)),
    ];

    private static ReportingPeriod? PeriodOf(string itemId)
    {
        try
        {
            return ReportingPeriod.Parse(itemId, "item_id");
        }
        catch (InvalidFieldException)
        {
            return null;
        }
    }
}
