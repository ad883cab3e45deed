using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Pilots;

/// <summary>A pilot's definition as its events store it.</summary>
/// <param name="PartnershipId">Its partnership.</param>
/// <param name="ProgrammeId">Its programme.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Frequency">Its reporting calendar.</param>
/// <param name="CityId">The city it runs in.</param>
/// <param name="Location">Where in the city.</param>
/// <param name="LeadOrganisationId">The organisation leading it.</param>
/// <param name="ParticipantOrganisationIds">Other organisations taking part.</param>
/// <param name="OrganisationIds">The lead and the participants: derived when written, stored since the first events (they held it), never read.</param>
internal sealed record StoredPilotDefinition(
    string PartnershipId,
    string ProgrammeId,
    StoredText Title,
    PilotKind Kind,
    ReportingFrequency Frequency,
    string CityId,
    string? Location,
    string LeadOrganisationId,
    ValueList<string> ParticipantOrganisationIds,
    ValueList<string>? OrganisationIds = null) : IStoredRecord<StoredPilotDefinition, PilotDefinition>
{
    /// <inheritdoc/>
    public static StoredPilotDefinition Of(PilotDefinition value) => new(value.PartnershipId, value.ProgrammeId, StoredText.Of(value.Title),
        value.Kind, value.Frequency, value.CityId, value.Location, value.LeadOrganisationId, value.ParticipantOrganisationIds,
        ValueList.Of(value.OrganisationIds));

    /// <inheritdoc/>
    public PilotDefinition ToContract() =>
        new(PartnershipId, ProgrammeId, Title.ToContract(), Kind, Frequency, CityId, Location, LeadOrganisationId, ParticipantOrganisationIds);
}

/// <summary>A funding line as its event stores it.</summary>
/// <param name="LineId">Its id within the pilot.</param>
/// <param name="DonorOrganisationId">The donor.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Committed">Amount committed.</param>
/// <param name="Disbursed">Amount disbursed.</param>
internal sealed record StoredFundingLine(string LineId, string DonorOrganisationId, Currency Currency, decimal Committed, decimal Disbursed)
    : IStoredRecord<StoredFundingLine, FundingLine>
{
    /// <inheritdoc/>
    public static StoredFundingLine Of(FundingLine value) => new(value.LineId, value.DonorOrganisationId, value.Currency, value.Committed, value.Disbursed);

    /// <inheritdoc/>
    public FundingLine ToContract() => new(LineId, DonorOrganisationId, Currency, Committed, Disbursed);
}

/// <summary>A milestone as planned, as its event stores it.</summary>
/// <param name="MilestoneId">Its id within the pilot.</param>
/// <param name="Title">Its title.</param>
/// <param name="PlannedDate">When it is due.</param>
internal sealed record StoredMilestone(string MilestoneId, StoredText Title, DateOnly PlannedDate) : IStoredRecord<StoredMilestone, MilestoneDefinition>
{
    /// <inheritdoc/>
    public static StoredMilestone Of(MilestoneDefinition value) => new(value.MilestoneId, StoredText.Of(value.Title), value.PlannedDate);

    /// <inheritdoc/>
    public MilestoneDefinition ToContract() => new(MilestoneId, Title.ToContract(), PlannedDate);
}

/// <summary>Progress on a milestone as events store it.</summary>
/// <param name="Status">Where it stands.</param>
/// <param name="ActualDate">When it was reached.</param>
/// <param name="EvidenceLink">Link to evidence.</param>
internal sealed record StoredMilestoneProgress(MilestoneStatus Status, DateOnly? ActualDate, string? EvidenceLink)
    : IStoredRecord<StoredMilestoneProgress, MilestoneProgress>
{
    /// <inheritdoc/>
    public static StoredMilestoneProgress Of(MilestoneProgress value) => new(value.Status, value.ActualDate, value.EvidenceLink);

    /// <inheritdoc/>
    public MilestoneProgress ToContract() => new(Status, ActualDate, EvidenceLink);
}

/// <summary>A milestone's progress reported in an update, as the update's event stores it.</summary>
/// <param name="MilestoneId">The milestone.</param>
/// <param name="Progress">Its progress.</param>
internal sealed record StoredMilestoneReport(string MilestoneId, StoredMilestoneProgress Progress) : IStoredRecord<StoredMilestoneReport, MilestoneReport>
{
    /// <inheritdoc/>
    public static StoredMilestoneReport Of(MilestoneReport value) => new(value.MilestoneId, StoredMilestoneProgress.Of(value.Progress));

    /// <inheritdoc/>
    public MilestoneReport ToContract() => new(MilestoneId, Progress.ToContract());
}
