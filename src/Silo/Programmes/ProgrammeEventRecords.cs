using Cooperation.Contracts.Common;
using Cooperation.Contracts.Programmes;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Programmes;

/// <summary>A programme's definition as its event stores it.</summary>
/// <param name="OwnerKind">Whether a partnership or a city owns it.</param>
/// <param name="OwnerId">The owner's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day, if set.</param>
/// <param name="Frequency">Reporting calendar of its own KPIs.</param>
/// <param name="SubmissionWindowDays">
/// Days its pilots' updates are on time; events written before programmes had a window hold none
/// and mean the 15 days that applied then (whatever the default for new programmes becomes).
/// </param>
internal sealed record StoredProgrammeDefinition(
    ProgrammeOwnerKind OwnerKind,
    string OwnerId,
    StoredText Name,
    DateOnly Start,
    DateOnly? End,
    ReportingFrequency Frequency,
    int SubmissionWindowDays = 15) : IStoredRecord<StoredProgrammeDefinition, ProgrammeDefinition>
{
    /// <inheritdoc/>
    public static StoredProgrammeDefinition Of(ProgrammeDefinition value) =>
        new(value.OwnerKind, value.OwnerId, StoredText.Of(value.Name), value.Start, value.End, value.Frequency, value.SubmissionWindowDays);

    /// <inheritdoc/>
    public ProgrammeDefinition ToContract() => new(OwnerKind, OwnerId, Name.ToContract(), Start, End, Frequency, SubmissionWindowDays);
}
