using System.Globalization;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Reporting;
using Cooperation.Contracts.Submissions;
using ScottPlot;

namespace Cooperation.Gateway.Reporting.Rendering;

/// <summary>A piece of a report's content, laid out the same way by the PDF and HTML renderers.</summary>
public abstract record ReportBlock;

/// <summary>A heading; level 1 is the report's title, 2 a pilot, 3 a part of a pilot.</summary>
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph.</summary>
public sealed record TextBlock(string Text) : ReportBlock;

/// <summary>A table with a header row.</summary>
public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A chart.</summary>
public sealed record ChartBlock(Plot Plot) : ReportBlock;

/// <summary>What a report says, in order: totals first, then each pilot with its KPIs, charts, milestones and review.</summary>
public static class ReportDocument
{
    /// <summary>The blocks of <paramref name="report"/>.</summary>
    public static IEnumerable<ReportBlock> Blocks(DonorReport report)
    {
        var l = report.Language;
        string W(string key) => ReportText.Word(key, l);

        yield return new HeadingBlock(1, $"{W("report")}: {report.Title}");
        if (report.Revision > 1)
            yield return new TextBlock(RevisionText.Line(report.Revision, report.Changes, l));
        yield return new TextBlock($"{W("donor")}: {report.DonorName} · {W("period")}: {report.Period} · " +
            $"{W("cutoff")}: {report.Cutoff.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        yield return new TextBlock(W(report.Basis == FigureBasis.Approved ? "basis.approved" : "basis.all"));

        yield return new HeadingBlock(2, W("totals"));
        if (report.Pilots.Count == 0)
        {
            yield return new TextBlock(W("no-pilots"));
            yield break;
        }
        yield return Totals(W("partnership"), report.Partnerships, l);
        yield return Totals(W("programme"), report.Programmes, l);
        yield return Funding(report.FundingTotals, l);

        foreach (var pilot in report.Pilots)
        {
            yield return new HeadingBlock(2, $"{pilot.Title} ({pilot.PilotId})");
            yield return new TextBlock($"{W("status")}: {pilot.Status} · {W("partnership")}: {pilot.PartnershipId}");
            yield return new TextBlock(Review(pilot.Review, l));
            if (pilot.EmissionReductions is { } reductions)
                yield return new TextBlock($"{W("reductions")}: {Amount(reductions)} tCO2e ({W("verified")}: {Amount(pilot.VerifiedReductions ?? 0)} tCO2e)");
            yield return Funding(pilot.Funding, l);
            if (pilot.Kpis.Count > 0)
            {
                yield return new TableBlock([W("kpi"), W("baseline"), W("target"), W("actual"), W("progress"), W("status"), W("period")],
                    pilot.Kpis.Select(k => (IReadOnlyList<string>)[
                        $"{k.Name} ({k.View.Definition.Unit})",
                        k.View.Definition.Baseline is { } b ? Number(b.Value) : "–",
                        k.View.Definition.Target is { } t ? $"{Number(t.Value)} ({t.Date:yyyy-MM})" : "–",
                        k.View.Progress.CurrentValue is { } v ? Number(v) : "–",
                        k.View.Progress.PercentOfTarget is { } p ? $"{p:0.#} %" : "–",
                        ReportText.Status(k.View.Progress.Status, l),
                        k.Points.Count == 0 ? "–" : $"{k.Points[^1].Period}: {Number(k.Points[^1].Value)} ({W(k.Points[^1].Verified ? "verified" : "submitted")})",
                    ]).ToArray());
            }
            if (ReportCharts.Pilot(pilot, l) is { } chart)
                yield return new ChartBlock(chart);
            if (pilot.Milestones.Count > 0)
            {
                yield return new HeadingBlock(3, W("milestones"));
                yield return new TableBlock([W("milestones"), W("target"), W("actual"), W("status")],
                    pilot.Milestones.Select(m => (IReadOnlyList<string>)[ReportText.In(m.Definition.Title, l),
                        m.Definition.PlannedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        m.Progress.ActualDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–",
                        m.Overdue ? $"{m.Progress.Status} ({W("overdue")})" : m.Progress.Status.ToString()]).ToArray());
            }
            if (pilot.Notes.Count > 0)
            {
                yield return new HeadingBlock(3, W("notes"));
                foreach (var note in pilot.Notes)
                    yield return new TextBlock($"• {note}");
            }
        }
    }

    private static TableBlock Totals(string what, IReadOnlyList<ScopeTotal> totals, ReportLanguage l)
    {
        string W(string key) => ReportText.Word(key, l);
        return new TableBlock([what, W("pilots"), W("on-track"), W("at-risk"), W("off-track"), W("not-judged"), W("reductions")],
            totals.Select(t => (IReadOnlyList<string>)[t.Id, Count(t.PilotCount), Count(t.Kpis.OnTrack), Count(t.Kpis.AtRisk),
                Count(t.Kpis.OffTrack), Count(t.Kpis.NotJudged), Amount(t.EmissionReductions) + " tCO2e"]).ToArray());
    }

    private static TableBlock Funding(IReadOnlyList<FundingTotal> funding, ReportLanguage l) => new(
        [ReportText.Word("funding", l), ReportText.Word("committed", l), ReportText.Word("disbursed", l)],
        funding.Select(f => (IReadOnlyList<string>)[f.Currency.ToString(), Amount(f.Committed), Amount(f.Disbursed)]).ToArray());

    private static string Review(PeriodReview? review, ReportLanguage l)
    {
        string W(string key) => ReportText.Word(key, l);
        if (review is null)
            return $"{W("review")}: {W("not-submitted")}";
        var text = $"{W("review")}: {review.Status}, {W("submitted-by")} {review.LastSubmittedBy ?? "–"}";
        if (review.Late)
            text += $" ({W("late")})";
        if (review.Status == ReviewStatus.Approved)
            text += $", {W("approved-by")} {review.DecidedBy ?? "–"}";
        return text;
    }

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
