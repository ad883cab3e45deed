using Cooperation.Contracts.Common;

namespace Cooperation.Silo.DueDates;

/// <summary>Something with a due date that can become overdue: a milestone, an MoU commitment.</summary>
public interface IDueItem<TSelf> where TSelf : IDueItem<TSelf>
{
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
public static class DueItems
{
    /// <summary>Open and past its due day on <paramref name="today"/>.</summary>
    public static bool IsOverdue<T>(T item, DateOnly today) where T : IDueItem<T> =>
        item.IsOpen && LocalCalendar.IsPastDue(item.DueDate, today);

    /// <summary>
    /// The items with every one newly overdue on <paramref name="today"/> marked at
    /// <paramref name="now"/>; null when none is newly overdue.
    /// </summary>
    public static ValueList<T>? MarkOverdue<T>(ValueList<T> items, DateOnly today, DateTimeOffset now) where T : IDueItem<T>
    {
        var changed = false;
        var marked = items.Select(item =>
        {
            if (item.OverdueSince is not null || !IsOverdue(item, today))
                return item;
            changed = true;
            return item.MarkedOverdue(now);
        }).ToArray();
        return changed ? ValueList.Of(marked) : null;
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
