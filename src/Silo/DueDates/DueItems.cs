using Cooperation.Contracts.Common;

namespace Cooperation.Silo.DueDates;

/// <summary>Something with a due date that can become overdue: a milestone, an MoU commitment.</summary>
internal interface IDueItem<TSelf> where TSelf : IDueItem<TSelf>
{
    /// <summary>Its id within its pilot or MoU.</summary>
    string ItemId { get; }

    /// <summary>The day it is due, in its city.</summary>
    DateOnly DueDate { get; }

    /// <summary>Still to be done (neither done nor cancelled).</summary>
    bool IsOpen { get; }

    /// <summary>When the due-date check found it overdue, if it has.</summary>
    DateTimeOffset? OverdueSince { get; }

    /// <summary>A copy found overdue at <paramref name="at"/>.</summary>
    TSelf MarkedOverdue(DateTimeOffset at);
}

/// <summary>The overdue rules for any <see cref="IDueItem{TSelf}"/>, as plain logic.</summary>
internal static class DueItems
{
    /// <summary>Open and past its due day on <paramref name="today"/>.</summary>
    public static bool IsOverdue<T>(T item, DateOnly today) where T : IDueItem<T> =>
        item.IsOpen && LocalCalendar.IsPastDue(item.DueDate, today);

    /// <summary>Ids of the items that are overdue on <paramref name="today"/> but not yet marked so.</summary>
    public static ValueList<string> NewlyOverdue<T>(IEnumerable<T> items, DateOnly today) where T : IDueItem<T> =>
        ValueList.Of(items.Where(item => item.OverdueSince is null && IsOverdue(item, today)).Select(item => item.ItemId));

    /// <summary>The items with those in <paramref name="ids"/> marked overdue at <paramref name="at"/>.</summary>
    public static ValueList<T> MarkOverdue<T>(ValueList<T> items, IReadOnlyCollection<string> ids, DateTimeOffset at) where T : IDueItem<T> =>
        ValueList.Of(items.Select(item => ids.Contains(item.ItemId) && item.OverdueSince is null ? item.MarkedOverdue(at) : item));

    /// <summary>
    /// The items with every one newly overdue on <paramref name="today"/> marked at
    /// <paramref name="now"/>; null when none is newly overdue.
    /// </summary>
    public static ValueList<T>? MarkOverdue<T>(ValueList<T> items, DateOnly today, DateTimeOffset now) where T : IDueItem<T>
    {
        var ids = NewlyOverdue(items, today);
        return ids.Count == 0 ? null : MarkOverdue(items, ids, now);
    }

    /// <summary>
    /// When the next open item not yet found overdue becomes overdue: the start of the day after
    /// its due day in <paramref name="timeZoneId"/>; null when there is none to watch.
    /// </summary>
    public static DateTimeOffset? NextCheck<T>(IEnumerable<T> items, string timeZoneId) where T : IDueItem<T>
    {
        var pending = items.Where(item => item.IsOpen && item.OverdueSince is null).Select(item => (DateOnly?)item.DueDate).Min();
        return pending is { } due ? LocalCalendar.StartOf(due.AddDays(1), timeZoneId) : null;
    }
}
