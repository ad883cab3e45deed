using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Reports.Rendering;

/// <summary>A piece of a report's content, laid out the same way by the PDF and HTML renderers.</summary>
internal abstract record ReportBlock
{
    /// <summary>Every text the block shows (the PDF writer picks its fonts' glyphs from them).</summary>
    public abstract IEnumerable<string> Texts { get; }
}

/// <summary>A heading; level 1 is the report's title, 2 a pilot, 3 a part of a pilot.</summary>
internal sealed record HeadingBlock(int Level, string Text) : ReportBlock
{
    /// <inheritdoc/>
    public override IEnumerable<string> Texts => [Text];
}

/// <summary>A paragraph.</summary>
internal sealed record TextBlock(string Text) : ReportBlock
{
    /// <inheritdoc/>
    public override IEnumerable<string> Texts => [Text];
}

/// <summary>A table with a header row.</summary>
internal sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock
{
    /// <inheritdoc/>
    public override IEnumerable<string> Texts => Header.Concat(Rows.SelectMany(r => r));
}

/// <summary>A chart (numbers and dates only), its caption and its legend, which the writers lay out as text.</summary>
internal sealed record ChartBlock(PilotChart Chart, string Caption, IReadOnlyList<LegendEntry> Legend) : ReportBlock
{
    /// <inheritdoc/>
    public override IEnumerable<string> Texts => Legend.Select(e => e.Label).Prepend(Caption);
}

/// <summary>How a legend entry is marked.</summary>
internal enum LegendMark
{
    /// <summary>A solid line (a KPI).</summary>
    Line,

    /// <summary>A dashed line (trajectories).</summary>
    Dashed,

    /// <summary>A dot (verified periods).</summary>
    Dot,

    /// <summary>A diamond (milestones).</summary>
    Diamond,
}

/// <summary>One entry of a chart's legend.</summary>
/// <param name="Label">What it stands for, in the report's language.</param>
/// <param name="Color">Its colour, "#rrggbb".</param>
/// <param name="Mark">How it is drawn.</param>
internal sealed record LegendEntry(string Label, string Color, LegendMark Mark);

/// <summary>What a report says, in order: totals first, then each pilot with its KPIs, charts, milestones and review.</summary>
internal static class ReportDocument
{
    /// <summary>The blocks of <paramref name="report"/>.</summary>
    public static IEnumerable<ReportBlock> Blocks(DonorReport report)
    {
        var l = report.Language;
        string W(string key) => ReportText.Word(key, l);

        yield return new HeadingBlock(1, $"{W("report")}: {report.Title}");
        if (report.Revision > 1)
            yield return new TextBlock(RevisionText.Line(report.Revision, report.Changes, l));
        yield return new TextBlock($"{W("donor")}: {report.DonorName} · {W("period")}: {ReportCulture.Period(report.Period, l)} · " +
            $"{W("cutoff")}: {ReportCulture.Instant(report.Cutoff, report.TimeZone, l)}");
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

        // Each pilot's blocks (texts, tables, its chart) are made on every core; they come out in the pilots' order.
        foreach (var blocks in report.Pilots.AsParallel().AsOrdered().Select(pilot => Pilot(report, pilot).ToList()))
        {
            foreach (var block in blocks)
                yield return block;
        }
    }

    /// <summary>The blocks of one pilot's section.</summary>
    private static IEnumerable<ReportBlock> Pilot(DonorReport report, PilotSection pilot)
    {
        var l = report.Language;
        string W(string key) => ReportText.Word(key, l);

        yield return new HeadingBlock(2, $"{pilot.Title} ({pilot.PilotId})");
        yield return new TextBlock($"{W("status")}: {ReportText.Of(pilot.Status, l)} · {W("partnership")}: {pilot.PartnershipName} · {W("programme")}: {pilot.ProgrammeName}");
        yield return new TextBlock(Review(report, pilot.Review));
        if (pilot.EmissionReductions is { } reductions)
            yield return new TextBlock(ReportText.Format("reductions.text", l, ReportCulture.Amount(reductions, l), ReportCulture.Amount(pilot.VerifiedReductions ?? 0, l)));
        yield return Funding(pilot.Funding, l);
        if (pilot.Kpis.Count > 0)
            yield return Kpis(pilot.Kpis, l);
        if (pilot.Kpis.SelectMany(k => k.Points).Where(p => p.Historical).Select(p => p.Period).Order().ToArray() is [var first, .., var last])
        {
            yield return new TextBlock(ReportText.Format("historical.note", l, ReportCulture.Period(first, l), ReportCulture.Period(last, l),
                report.OrganisationName(pilot.HistoricalBy)));
        }
        if (ReportCharts.Pilot(pilot, report.Period.End, l) is { } chart)
            yield return chart;
        if (pilot.Milestones.Count > 0)
        {
            yield return new HeadingBlock(3, W("milestones"));
            yield return new TableBlock([W("milestone"), W("milestone.due"), W("milestone.done-on"), W("status")],
                pilot.Milestones.Select(m => (IReadOnlyList<string>)[ReportText.In(m.Definition.Title, l),
                    ReportCulture.Date(m.Definition.PlannedDate, l),
                    m.Progress.ActualDate is { } done ? ReportCulture.Date(done, l) : "–",
                    m.Overdue ? ReportText.Format("milestone.status", l, ReportText.Of(m.Progress.Status, l), W("overdue")) : ReportText.Of(m.Progress.Status, l)]).ToArray());
        }
        if (pilot.Notes.Count > 0)
        {
            yield return new HeadingBlock(3, W("notes"));
            foreach (var note in pilot.Notes)
                yield return new TextBlock($"• {note}");
        }
    }

    private static TableBlock Kpis(IReadOnlyList<KpiSection> kpis, ReportLanguage l)
    {
        string W(string key) => ReportText.Word(key, l);
        return new TableBlock([W("kpi"), W("baseline"), W("target"), W("actual"), W("progress"), W("status"), W("latest")],
            kpis.Select(k => (IReadOnlyList<string>)[
                $"{k.Name} ({k.View.Definition.Unit})",
                k.View.Definition.Baseline is { } b ? ReportCulture.Number(b.Value, l) : "–",
                k.View.Definition.Target is { } t ? ReportText.Format("target.by", l, ReportCulture.Number(t.Value, l), ReportCulture.Date(t.Date, l)) : "–",
                k.View.Progress.CurrentValue is { } v ? ReportCulture.Number(v, l) : "–",
                k.View.Progress.PercentOfTarget is { } p ? ReportCulture.Percent(p, l) : "–",
                ReportText.Of(k.View.Progress.Status, l),
                k.Points.Count == 0 ? "–" : ReportText.Format("latest.value", l, ReportCulture.Period(k.Points[^1].Period, l),
                    ReportCulture.Number(k.Points[^1].Value, l), W(k.Points[^1].Verified ? "verified" : "submitted")),
            ]).ToArray());
    }

    private static TableBlock Totals(string what, IReadOnlyList<ScopeTotal> totals, ReportLanguage l)
    {
        string W(string key) => ReportText.Word(key, l);
        return new TableBlock([what, W("pilots"), ReportText.Of(KpiStatus.OnTrack, l), ReportText.Of(KpiStatus.AtRisk, l),
                ReportText.Of(KpiStatus.OffTrack, l), W("not-judged"), W("reductions")],
            totals.Select(t => (IReadOnlyList<string>)[t.Name, ReportCulture.Count(t.PilotCount, l), ReportCulture.Count(t.Kpis.OnTrack, l),
                ReportCulture.Count(t.Kpis.AtRisk, l), ReportCulture.Count(t.Kpis.OffTrack, l), ReportCulture.Count(t.Kpis.NotJudged, l),
                ReportCulture.Amount(t.EmissionReductions, l) + " tCO2e"]).ToArray());
    }

    private static TableBlock Funding(IReadOnlyList<FundingTotal> funding, ReportLanguage l) => new(
        [ReportText.Word("funding", l), ReportText.Word("committed", l), ReportText.Word("disbursed", l)],
        funding.Select(f => (IReadOnlyList<string>)[ReportText.Of(f.Currency, l),
            ReportCulture.Money(f.Committed, f.Currency, l), ReportCulture.Money(f.Disbursed, f.Currency, l)]).ToArray());

    private static string Review(DonorReport report, PeriodReview? review)
    {
        var l = report.Language;
        if (review is null)
            return ReportText.Word("not-submitted", l);
        var text = ReportText.Format("review.text", l, ReportText.Of(review.Status, l), report.OrganisationName(review.LastSubmittedBy));
        if (review.Late)
            text = ReportText.Format("review.late", l, text);
        if (review.Status == ReviewStatus.Approved)
            text = ReportText.Format("review.approved-by", l, text, report.OrganisationName(review.DecidedBy));
        return text;
    }
}
