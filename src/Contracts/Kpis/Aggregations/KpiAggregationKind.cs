using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis.Aggregations;

/// <summary>What aggregation reads of one period: the value that counts, and a ratio's parts.</summary>
/// <param name="Value">The period's value (for ratios, its own numerator ÷ denominator).</param>
/// <param name="Numerator">For ratio KPIs: the numerator.</param>
/// <param name="Denominator">For ratio KPIs: the denominator.</param>
public readonly record struct PeriodFigure(double Value, double? Numerator = null, double? Denominator = null)
{
    /// <summary>The figure of a stored reading.</summary>
    public static PeriodFigure Of(StoredKpiReading reading) => new(reading.Value, reading.Numerator, reading.Denominator);
}

/// <summary>How a KPI stands against its target: the share of the way from baseline to target, and its status.</summary>
/// <param name="PercentOfTarget">Share of the way from baseline to target, in percent; null without baseline and target.</param>
/// <param name="Status">Against the straight line from baseline to target.</param>
public readonly record struct KpiJudgement(double? PercentOfTarget, KpiStatus Status);

/// <summary>
/// One kind of KPI aggregation (<see cref="KpiAggregation"/>), all its rules in one class: what a
/// definition of this kind may be, what a reading must hold, how periods combine into the value
/// that the table shows and the chart draws period by period, and how that value is judged. A new
/// kind is a new sealed subclass (found by <see cref="KpiAggregations"/>) and a new enum value;
/// nothing else switches on the kind.
/// </summary>
public abstract class KpiAggregationKind
{
    /// <summary>A kind and what a definition of it may be.</summary>
    /// <param name="kind">The kind these rules are for.</param>
    /// <param name="breakdownsAddUp">Whether a number KPI's breakdown must add up to its reading.</param>
    /// <param name="breaksDown">Whether readings may be broken down by dimensions at all.</param>
    /// <param name="onlyGrows">Whether the value can only grow.</param>
    /// <param name="takesYesNo">Whether a yes/no KPI may be of this kind.</param>
    protected KpiAggregationKind(KpiAggregation kind, bool breakdownsAddUp, bool breaksDown, bool onlyGrows, bool takesYesNo) =>
        (Kind, BreakdownsAddUp, BreaksDown, OnlyGrows, TakesYesNo) = (kind, breakdownsAddUp, breaksDown, onlyGrows, takesYesNo);

    /// <summary>The kind these rules are for.</summary>
    public KpiAggregation Kind { get; }

    /// <summary>Whether a number KPI's breakdown must add up to its reading: sums of counts or amounts do, rates do not.</summary>
    public bool BreakdownsAddUp { get; }

    /// <summary>Whether readings may be broken down by dimensions at all.</summary>
    public bool BreaksDown { get; }

    /// <summary>Whether the value can only grow (a sum or a running total): such a KPI cannot aim lower.</summary>
    public bool OnlyGrows { get; }

    /// <summary>Whether a yes/no KPI may be of this kind: only where the latest period counts.</summary>
    public bool TakesYesNo { get; }

    /// <summary>
    /// Checks what <paramref name="reading"/> must hold for <paramref name="kpi"/>, adding what is
    /// wrong to <paramref name="violations"/> under <paramref name="field"/>; returns the value to
    /// store, or null when there is none to compute. A reading with any violation is refused whole
    /// (<see cref="KpiReadingRules.Check"/>).
    /// </summary>
    public abstract double? ValueOf(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations);

    /// <summary>
    /// The KPI's value after each of <paramref name="periods"/> (oldest first, the value that counts
    /// per period): the last is its current value (the table), each one a point of the chart.
    /// </summary>
    public abstract IEnumerable<double> ValuesAfterEach(KpiDefinition kpi, IEnumerable<PeriodFigure> periods);

    /// <summary>The KPI's current value after <paramref name="periods"/> (at least one, oldest first).</summary>
    public double CurrentValue(KpiDefinition kpi, IEnumerable<PeriodFigure> periods) => ValuesAfterEach(kpi, periods).Last();

    /// <summary>
    /// How <paramref name="value"/>, measured at the end of a period on <paramref name="asOf"/>,
    /// stands: (value − baseline) ÷ (target − baseline), right for KPIs that should fall as well as
    /// rise (it may exceed 100 or be negative), judged against the straight line
    /// (<see cref="KpiTrajectory.Status"/>). Every kind today is judged so.
    /// </summary>
    public virtual KpiJudgement Judge(KpiDefinition kpi, double value, DateOnly asOf)
    {
        if (kpi is not { Baseline: { } baseline, Target: { } target })
            return new(null, KpiStatus.NoTarget);
        var reached = (value - baseline.Value) / (target.Value - baseline.Value);
        // Bounded inputs keep this finite; a baseline and target a hair apart could still overflow.
        return new(double.IsFinite(reached) ? reached * 100 : null,
            KpiTrajectory.Status(reached, KpiTrajectory.ExpectedShare(baseline, target, asOf)));
    }

    /// <summary>
    /// What looks unlikely about a period's <paramref name="value"/> of <paramref name="kpi"/> after
    /// <paramref name="previous"/>, the previous period's value (<see cref="KpiPlausibility.Of"/>):
    /// the warnings every kind shares, and a negative value where the value can only grow.
    /// </summary>
    public virtual IEnumerable<PlausibilityWarning> WarningsAbout(KpiDefinition kpi, double value, double? previous)
    {
        foreach (var warning in KpiPlausibility.Common(kpi, value, previous))
            yield return warning;
        if (OnlyGrows && value < 0)
            yield return PlausibilityWarning.NegativeWhereOnlyGrowing;
    }

    /// <summary>What a reading of a KPI read as one value must hold: a value its measure allows, no ratio parts.</summary>
    protected static double? PlainValue(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations)
    {
        if (reading.Numerator is not null || reading.Denominator is not null)
            violations.Add(new($"{field}.numerator", "only ratio KPIs take a numerator and denominator; send value"));
        if (reading.Value is not { } value)
        {
            violations.Add(new($"{field}.value", "is required"));
            return null;
        }
        if (kpi.CheckValue(value) is { } problem)
        {
            violations.Add(new($"{field}.value", problem));
            return null;
        }
        return value;
    }
}
