using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// A pilot's part of a donor report, collected where its data lives: one call per pilot, figures
/// from the grain's memory, the funding filtered for the caller as the pilot view filters it.
/// </summary>
internal sealed partial class PilotGrain
{
    /// <inheritdoc/>
    public async Task<PilotReportSection?> GetReportSectionIfReadable(PilotReportRequest request)
    {
        // Whom a single read refuses, and a pilot that does not exist, are left out of the report.
        if (Scope is not { } scope || !AccessPolicy.Allows(CallerContext.Current, Permission.ReadPilot, scope))
            return null;
        var definition = Definition;
        if (request.ProgrammeId is { } programmeId && definition.ProgrammeId != programmeId)
            return null;
        var (period, cutoff) = (request.Period, request.Cutoff);
        var view = ForCaller(View());

        var approved = view.Reporting.Select(r => r.Review)
            .Where(r => r.Status == ReviewStatus.Approved && r.DecidedAt <= cutoff)
            .ToArray();
        var verified = approved.Select(r => r.Period).ToHashSet();
        // Migrated history says so: approved on load, by whom.
        var historical = approved.Where(r => r.Historical).ToArray();
        var figures = await FiguresAsOfAsync(cutoff, period, Field.Choice(request.Basis, "figures") == FigureBasis.Approved ? verified : null);
        var notes = figures.SelectMany(f => f.Periods).Where(r => r.Period.End >= period.Start).Select(r => r.Note).OfType<string>();
        // The pilot's own period that ends the report's (a quarterly pilot in a monthly report).
        var pilotPeriod = ReportingPeriod.Containing(period.End, definition.Frequency);
        var milestones = view.Milestones
            .Where(m => m.Overdue || (m.Definition.PlannedDate >= period.Start && m.Definition.PlannedDate <= period.End));
        return new PilotReportSection(Id, definition, view.Status, ValueList.Of(milestones), figures,
            ValueList.Of(approved.Select(r => r.Period)), ValueList.Of(historical.Select(r => r.Period)),
            view.Jcm?.TotalReductions, view.Jcm?.VerifiedReductions,
            view.FundingTotals,
            view.Reporting.FirstOrDefault(r => r.Review.Period == pilotPeriod && r.Review.Submissions > 0)?.Review,
            ValueList.Of(notes.Distinct(StringComparer.Ordinal)),
            historical.Select(r => r.DecidedBy).LastOrDefault());
    }
}
