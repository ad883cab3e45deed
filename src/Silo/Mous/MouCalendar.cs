using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Silo.DueDates;

namespace Cooperation.Silo.Mous;

/// <summary>
/// What an MoU's dates mean on a given day in its time zone, as plain logic: Draft until every
/// party signed, then Signed until the effective date, Active through the expiry date, Expired
/// after it; Terminated overrides all. Commitments are overdue once their due day has passed while
/// still open, as long as the MoU is not over (terminated or expired).
/// </summary>
internal static class MouCalendar
{
    /// <summary>The MoU's status on <paramref name="today"/>.</summary>
    public static MouStatus StatusOn(MouState state, DateOnly today)
    {
        var definition = state.Definition!;
        if (state.TerminationReason is not null)
            return MouStatus.Terminated;
        if (definition.PartyOrganisationIds.Any(party => state.Signatures.All(s => s.OrganisationId != party)))
            return MouStatus.Draft;
        if (today < definition.EffectiveDate)
            return MouStatus.Signed;
        return today <= definition.ExpiryDate ? MouStatus.Active : MouStatus.Expired;
    }

    /// <summary>Whether an MoU with <paramref name="status"/> is over: nothing under it is due any more.</summary>
    public static bool IsOver(MouStatus status) => status is MouStatus.Terminated or MouStatus.Expired;

    /// <summary>Whether an MoU with <paramref name="status"/> is within the warning days of its expiry on <paramref name="today"/>.</summary>
    public static bool ExpiringSoon(MouStatus status, DateOnly expiry, DateOnly today) =>
        status == MouStatus.Active && expiry.DayNumber - today.DayNumber <= MouDefinition.ExpiryWarningDays;

    /// <summary>The commitments the due-date check watches on <paramref name="today"/>: none once the MoU is over.</summary>
    public static ValueList<CommitmentRecord> Watched(MouState state, DateOnly today) =>
        IsOver(StatusOn(state, today)) ? [] : state.Commitments;

    /// <summary>The MoU as read on <paramref name="today"/>.</summary>
    public static MouView View(string mouId, MouState state, DateOnly today)
    {
        var status = StatusOn(state, today);
        var commitments = state.Commitments
            .OrderBy(c => c.Definition.DueDate)
            .Select(c => new CommitmentView(c.Definition, c.Status, !IsOver(status) && DueItems.IsOverdue(c, today), c.OverdueSince));
        return new MouView(mouId, state.Definition!, status, state.Signatures, state.TerminationReason,
            ValueList.Of(commitments), ExpiringSoon(status, state.Definition!.ExpiryDate, today));
    }
}
