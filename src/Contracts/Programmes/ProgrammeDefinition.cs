using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Contracts.Programmes;

/// <summary>Who a programme belongs to.</summary>
[GenerateSerializer, Alias("coop.ProgrammeOwnerKind")]
public enum ProgrammeOwnerKind
{
    /// <summary>A partnership, e.g. the Green Growth Promotion Plan of Hai Phong and Kitakyushu.</summary>
    Partnership = 1,

    /// <summary>A city, e.g. Bac Ninh's Green Growth Strategy to 2030.</summary>
    City = 2,
}

/// <summary>
/// What a programme is: a plan with a period that pilots run under and that may carry its own
/// KPIs (e.g. cleaner-production assessments counted across a province).
/// </summary>
/// <param name="OwnerKind">Whether a partnership or a city owns it.</param>
/// <param name="OwnerId">The owning partnership's or city's id.</param>
/// <param name="Name">Name in one or more languages.</param>
/// <param name="Start">First day of the programme.</param>
/// <param name="End">Last day, if set.</param>
/// <param name="Frequency">Reporting calendar of its own KPIs.</param>
/// <param name="SubmissionWindowDays">Days after a period ends that its pilots' updates are on time (1–120).</param>
[GenerateSerializer, Immutable, Alias("coop.ProgrammeDefinition")]
public sealed record ProgrammeDefinition(
    [property: Id(0)] ProgrammeOwnerKind OwnerKind,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] LocalizedText Name,
    [property: Id(3)] DateOnly Start,
    [property: Id(4)] DateOnly? End,
    [property: Id(5)] ReportingFrequency Frequency,
    [property: Id(6)] int SubmissionWindowDays = SubmissionWindow.DefaultDays)
{
    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Choice(OwnerKind, "owner_kind");
        Field.Id(OwnerId, "owner_id");
        LocalizedText.Require(Name, "name");
        if (End is { } end && end <= Start)
            throw new InvalidFieldException("end", "must come after start");
        Field.Choice(Frequency, "reporting_frequency");
        if (SubmissionWindowDays is < 1 or > SubmissionWindow.MaxDays)
            throw new InvalidFieldException("submission_window_days", $"must be 1–{SubmissionWindow.MaxDays} days");
    }
}

/// <summary>A programme as read back, with its own KPIs' progress.</summary>
/// <param name="ProgrammeId">Its id.</param>
/// <param name="Definition">What it is.</param>
/// <param name="Kpis">Programme-level KPIs with progress.</param>
/// <param name="ReadingCount">Readings stored for those KPIs.</param>
[GenerateSerializer, Immutable, Alias("coop.ProgrammeView")]
public sealed record ProgrammeView(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] ProgrammeDefinition Definition,
    [property: Id(2)] ValueList<KpiView> Kpis,
    [property: Id(3)] long ReadingCount);
