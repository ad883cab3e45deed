using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Submissions;

/// <summary>One field of a saved update form, as the partner typed it (unchecked: a draft may hold "1,5").</summary>
/// <param name="Name">The form's field name.</param>
/// <param name="Value">What was typed.</param>
[GenerateSerializer, Immutable, Alias("coop.DraftField")]
public sealed record DraftField([property: Id(0)] string Name, [property: Id(1)] string Value);

/// <summary>A partner's unfinished update of a pilot for one period.</summary>
/// <param name="Fields">The form's fields as typed.</param>
/// <param name="SavedAt">When it was last saved.</param>
/// <param name="SavedBy">The person who saved it, when one signed in.</param>
[GenerateSerializer, Immutable, Alias("coop.UpdateDraft")]
public sealed record UpdateDraft(
    [property: Id(0)] ValueList<DraftField> Fields,
    [property: Id(1)] DateTimeOffset SavedAt,
    [property: Id(2)] string? SavedBy)
{
    /// <summary>Most fields a draft keeps (a pilot's KPIs and milestones, several fields each).</summary>
    public const int MaxFields = 1000;

    /// <summary>Longest field name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Refuses fields a form could not have sent: too many, nameless, too long.</summary>
    public static ValueList<DraftField> Checked(IReadOnlyCollection<DraftField> fields)
    {
        if (fields.Count > MaxFields)
            throw new InvalidFieldException("fields", $"must hold at most {MaxFields} fields");
        foreach (var field in fields)
        {
            Field.Text(field.Name, "fields.name", MaxNameLength);
            if (field.Value is null || field.Value.Length > PilotUpdate.MaxNoteLength)
                throw new InvalidFieldException("fields.value", $"must be at most {PilotUpdate.MaxNoteLength} characters");
        }
        return ValueList.Of(fields);
    }
}

/// <summary>
/// A partner organisation's draft of an update to a pilot for one reporting period, kept
/// server-side so a person can save and come back (from another device too); only the
/// organisation that saved it reads it, and only while it may report on the pilot. Submitting
/// the update discards it. Keyed by <see cref="KeyOf"/>.
/// </summary>
[Alias("coop.IUpdateDraftGrain")]
public interface IUpdateDraftGrain : IGrainWithStringKey
{
    /// <summary>The key of <paramref name="organisationId"/>'s draft of <paramref name="pilotId"/> for <paramref name="period"/>.</summary>
    static string KeyOf(string pilotId, ReportingPeriod period, string organisationId) => $"{pilotId}|{period}|{organisationId}";

    /// <summary>The draft, or null when none is kept.</summary>
    [Alias("Get"), ReadOnly]
    Task<UpdateDraft?> Get();

    /// <summary>Keeps <paramref name="fields"/> as the draft, replacing any earlier one; acknowledged once stored.</summary>
    [Alias("Save")]
    Task<UpdateDraft> Save(ValueList<DraftField> fields);

    /// <summary>Forgets the draft (the update was submitted, or the partner starts again).</summary>
    [Alias("Discard")]
    Task Discard();
}
