using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Notices;

/// <summary>What falls due.</summary>
[GenerateSerializer, Alias("coop.DueItemKind")]
public enum DueItemKind
{
    /// <summary>An update for a pilot's reporting period, whose submission window closes.</summary>
    ReportingPeriod = 1,

    /// <summary>A pilot's milestone.</summary>
    Milestone = 2,

    /// <summary>An MoU commitment.</summary>
    Commitment = 3,
}

/// <summary>Something an organisation owes by a date: what reminders list.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="EntityId">The pilot or MoU it belongs to.</param>
/// <param name="EntityTitle">The pilot's or MoU's title.</param>
/// <param name="ItemId">The period ("2026-10"), milestone or commitment.</param>
/// <param name="Text">The milestone's title or the commitment's text; the period for a reporting period.</param>
/// <param name="DueDate">The day it is due (a window's last day), in the entity's city.</param>
/// <param name="Overdue">Past its due day.</param>
/// <param name="OwnerOrganisationId">Who owes it: a pilot's lead for its updates and milestones, a commitment's owner.</param>
[GenerateSerializer, Immutable, Alias("coop.DueItem")]
public sealed record DueItem(
    [property: Id(0)] DueItemKind Kind,
    [property: Id(1)] string EntityId,
    [property: Id(2)] LocalizedText EntityTitle,
    [property: Id(3)] string ItemId,
    [property: Id(4)] LocalizedText Text,
    [property: Id(5)] DateOnly DueDate,
    [property: Id(6)] bool Overdue,
    [property: Id(7)] string OwnerOrganisationId);

/// <summary>Something that has due items: pilots and MoUs.</summary>
[Alias("coop.IHasDueItems")]
public interface IHasDueItems : IGrainWithStringKey
{
    /// <summary>
    /// What is owed within <paramref name="withinDays"/> days (in the entity's city) and not done, overdue
    /// items included: open milestones and commitments, and reporting periods whose window is
    /// open and closes by then with nothing submitted. For the platform and those who may read the entity.
    /// </summary>
    [Alias("GetDueItems"), Orleans.Concurrency.ReadOnly]
    Task<ValueList<DueItem>> GetDueItems(int withinDays);
}
