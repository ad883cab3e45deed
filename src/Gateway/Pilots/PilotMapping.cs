using Cooperation.Gateway.Submissions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Jcm;
using Cooperation.Gateway.Kpis;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Pilots;

/// <summary>Pilots, funding and milestones between the wire and the domain.</summary>
internal static class PilotMapping
{
    /// <summary>A wire create request to a domain definition; monthly when no frequency is given.</summary>
    public static PilotDefinition ToDomain(this Proto.CreatePilotRequest request) => new(
        request.PartnershipId,
        request.ProgrammeId,
        request.Title.ToDomain("title"),
        CommonMapping.ToDomain<PilotKind>((int)request.Kind, "kind"),
        CommonMapping.ToDomain((int)request.ReportingFrequency, "reporting_frequency", ReportingFrequency.Monthly),
        request.CityId,
        request.Location.Trim().OrNull(),
        request.LeadOrganisationId,
        ValueList.Of(request.ParticipantOrganisationIds));

    /// <summary>Which of the kind's KPI templates the request starts the pilot with: none when skipped, those named, else all.</summary>
    public static KpiTemplateChoice TemplateChoice(this Proto.CreatePilotRequest request)
    {
        if (request.SkipKpiTemplates && request.KpiTemplateCodes.Count > 0)
            throw new InvalidFieldException("kpi_template_codes", "must be empty when skip_kpi_templates is set");
        return request.SkipKpiTemplates ? KpiTemplateChoice.None
            : request.KpiTemplateCodes.Count > 0 ? KpiTemplateChoice.Only(request.KpiTemplateCodes) : KpiTemplateChoice.All;
    }

    /// <summary>A pilot's full view as the API returns it.</summary>
    public static Proto.Pilot ToProto(this PilotView view)
    {
        var definition = view.Definition;
        var wire = new Proto.Pilot
        {
            PilotId = view.PilotId,
            PartnershipId = definition.PartnershipId,
            ProgrammeId = definition.ProgrammeId,
            Title = definition.Title.ToProto(),
            Kind = CommonMapping.ToProto<Proto.PilotKind>(definition.Kind),
            ReportingFrequency = CommonMapping.ToProto<Proto.ReportingFrequency>(definition.Frequency),
            CityId = definition.CityId,
            Location = definition.Location ?? "",
            LeadOrganisationId = definition.LeadOrganisationId,
            ParticipantOrganisationIds = { definition.ParticipantOrganisationIds },
            Status = CommonMapping.ToProto<Proto.PilotStatus>(view.Status),
            StatusHistory =
            {
                view.StatusHistory.Select(c => new Proto.StatusChange
                {
                    From = CommonMapping.ToProto<Proto.PilotStatus>(c.From),
                    To = CommonMapping.ToProto<Proto.PilotStatus>(c.To),
                    Reason = c.Reason ?? "",
                    At = ((DateTimeOffset?)c.At).ToWire(),
                    EffectiveOn = c.EffectiveOn.ToWire(),
                }),
            },
            FundingLines =
            {
                view.FundingLines.Select(l => new Proto.FundingLine
                {
                    LineId = l.LineId,
                    DonorOrganisationId = l.DonorOrganisationId,
                    Currency = CommonMapping.ToProto<Proto.Currency>(l.Currency),
                    Committed = l.Committed.ToWire(),
                    Disbursed = l.Disbursed.ToWire(),
                }),
            },
            FundingTotals =
            {
                view.FundingTotals.Select(t => new Proto.FundingTotal
                {
                    Currency = CommonMapping.ToProto<Proto.Currency>(t.Currency),
                    Committed = t.Committed.ToWire(),
                    Disbursed = t.Disbursed.ToWire(),
                }),
            },
            Milestones = { view.Milestones.Select(ToProto) },
            Kpis = { view.Kpis.Select(k => k.ToProto()) },
            ReadingCount = view.ReadingCount,
            Jcm = view.Jcm?.ToProto(view.PilotId),
            Reporting = { view.Reporting.Select(p => p.ToProto()) },
            Figures = CommonMapping.ToProto<Proto.Figures>(view.Basis),
        };
        if (view.MilestoneCompletion is { } completion)
            wire.MilestoneCompletion = Math.Round(completion, 2);
        return wire;
    }

    /// <summary>A milestone as the API returns it.</summary>
    public static Proto.Milestone ToProto(this MilestoneView view) => new()
    {
        MilestoneId = view.Definition.MilestoneId,
        Title = view.Definition.Title.ToProto(),
        PlannedDate = Field.Format(view.Definition.PlannedDate),
        Status = CommonMapping.ToProto<Proto.MilestoneStatus>(view.Progress.Status),
        ActualDate = view.Progress.ActualDate.ToWire(),
        EvidenceLink = view.Progress.EvidenceLink ?? "",
        Overdue = view.Overdue,
        OverdueSince = view.OverdueSince.ToWire(),
    };

    /// <summary>A pilot in short as the API returns it.</summary>
    public static Proto.PilotSummary ToProto(this PilotSummary summary) => new()
    {
        PilotId = summary.PilotId,
        Title = summary.Title.ToProto(),
        Kind = CommonMapping.ToProto<Proto.PilotKind>(summary.Kind),
        Status = CommonMapping.ToProto<Proto.PilotStatus>(summary.Status),
        MilestonesDone = summary.MilestonesDone,
        MilestonesCounted = summary.MilestonesCounted,
        OverdueMilestones = summary.OverdueMilestones,
        Kpis = summary.Kpis.ToProto(),
        Reporting = summary.Reporting.ToProto(),
    };

    /// <summary>KPI status counts as the API returns them.</summary>
    public static Proto.KpiStatusCounts ToProto(this KpiStatusCounts counts) => new()
    {
        OnTrack = counts.OnTrack,
        AtRisk = counts.AtRisk,
        OffTrack = counts.OffTrack,
        NotJudged = counts.NotJudged,
    };
}
