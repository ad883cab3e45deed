using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis.Aggregations;

namespace Cooperation.Contracts.Kpis;

/// <summary>What kind of quantity a KPI measures.</summary>
[GenerateSerializer, Alias("coop.KpiMeasure")]
public enum KpiMeasure
{
    /// <summary>A number in the KPI's unit.</summary>
    Number = 1,

    /// <summary>A percentage, 0 to 100.</summary>
    Percentage = 2,

    /// <summary>Yes (1) or no (0), like a milestone reached.</summary>
    YesNo = 3,
}

/// <summary>Whether a KPI should rise or fall.</summary>
[GenerateSerializer, Alias("coop.KpiDirection")]
public enum KpiDirection
{
    /// <summary>More is better, e.g. compost produced.</summary>
    HigherIsBetter = 1,

    /// <summary>Less is better, e.g. energy consumption.</summary>
    LowerIsBetter = 2,
}

/// <summary>
/// How the readings of successive periods combine into a KPI's current value. Each value's rules
/// are one class in <see cref="KpiAggregations"/>.
/// </summary>
[GenerateSerializer, Alias("coop.KpiAggregation")]
public enum KpiAggregation
{
    /// <summary>Each period reports what happened in it; the current value is their sum.</summary>
    Incremental = 1,

    /// <summary>Each period reports the running total; the latest period counts, never summed.</summary>
    Cumulative = 2,

    /// <summary>Each period reports a level such as a rate; the latest period counts.</summary>
    Level = 3,

    /// <summary>
    /// Each period reports a numerator and a denominator; the current value is the sum of the
    /// numerators divided by the sum of the denominators (never an average of percentages).
    /// </summary>
    Ratio = 4,
}

/// <summary>A KPI value at a date: a baseline or a target.</summary>
/// <param name="Value">Number in the KPI's unit.</param>
/// <param name="Date">When it was measured or is due.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiPoint")]
public sealed record KpiPoint([property: Id(0)] double Value, [property: Id(1)] DateOnly Date);

/// <summary>A key performance indicator of a pilot or a programme.</summary>
/// <param name="Code">Code unique within its pilot or programme.</param>
/// <param name="Name">Name in one or more languages.</param>
/// <param name="Unit">Unit of every value, e.g. "t" or "kWp".</param>
/// <param name="Measure">Number, percentage or yes/no.</param>
/// <param name="Direction">Whether it should rise or fall.</param>
/// <param name="Aggregation">How period readings combine.</param>
/// <param name="Baseline">Value before the pilot; may be set later.</param>
/// <param name="Target">Value to reach and by when; may be set later.</param>
/// <param name="Dimensions">Disaggregations readings may break their value down by, e.g. "enterprise".</param>
[GenerateSerializer, Immutable, Alias("coop.KpiDefinition")]
public sealed record KpiDefinition(
    [property: Id(0)] string Code,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] KpiMeasure Measure,
    [property: Id(4)] KpiDirection Direction,
    [property: Id(5)] KpiAggregation Aggregation,
    [property: Id(6)] KpiPoint? Baseline,
    [property: Id(7)] KpiPoint? Target,
    [property: Id(8)] ValueList<string> Dimensions)
{
    /// <summary>Longest unit text.</summary>
    public const int MaxUnitLength = 32;

    /// <summary>Most disaggregation dimensions.</summary>
    public const int MaxDimensions = 3;

    /// <summary>Whether breakdowns must add up to the reading: sums of counts or amounts do, rates do not.</summary>
    public bool IsAdditive => Measure == KpiMeasure.Number && KpiAggregations.Of(Aggregation).BreakdownsAddUp;

    /// <summary>Whether a change to <paramref name="other"/> keeps the meaning of stored readings.</summary>
    public bool KeepsReadingsOf(KpiDefinition other) =>
        Unit == other.Unit && Measure == other.Measure && Aggregation == other.Aggregation && Dimensions.Equals(other.Dimensions);

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(Code, "kpi_code");
        LocalizedText.Require(Name, "name");
        Field.ExactText(Unit, "unit", MaxUnitLength);
        Field.Choice(Measure, "measure");
        Field.Choice(Direction, "direction");
        Field.Choice(Aggregation, "aggregation");
        var aggregation = KpiAggregations.Of(Aggregation);
        if (Measure == KpiMeasure.YesNo && !aggregation.TakesYesNo)
            throw new InvalidFieldException("aggregation", "a yes/no KPI is a level: the latest period counts");
        if (Direction == KpiDirection.LowerIsBetter && aggregation.OnlyGrows)
            throw new InvalidFieldException("direction", "a sum or running total only grows: to aim lower, measure a level or a ratio");
        ValidateDimensions(aggregation);
        ValidatePoint(Baseline, "baseline");
        ValidatePoint(Target, "target");
        if (Baseline is { } baseline && Target is { } target)
        {
            if (target.Date <= baseline.Date)
                throw new InvalidFieldException("target.date", "must come after baseline.date");
            if (Direction == KpiDirection.HigherIsBetter ? target.Value <= baseline.Value : target.Value >= baseline.Value)
                throw new InvalidFieldException("target.value",
                    Direction == KpiDirection.HigherIsBetter ? "must be above baseline.value (higher is better)" : "must be below baseline.value (lower is better)");
        }
    }

    /// <summary>Whether <paramref name="value"/> is one this KPI's measure allows.</summary>
    public string? CheckValue(double value) => Measure switch
    {
        _ when !Field.IsNumber(value) => Field.NumberRule,
        KpiMeasure.Number => null,
        KpiMeasure.Percentage => value is < 0 or > 100 ? "must be a percentage from 0 to 100" : null,
        KpiMeasure.YesNo => value is not (0 or 1) ? "must be 1 (yes) or 0 (no)" : null,
        _ => throw new ArgumentOutOfRangeException(nameof(Measure), Measure, "Every measure says which values it allows."),
    };

    private void ValidateDimensions(KpiAggregationKind aggregation)
    {
        if (Dimensions is null || Dimensions.Count == 0)
            return;
        if (Dimensions.Count > MaxDimensions)
            throw new InvalidFieldException("dimensions", $"must hold at most {MaxDimensions} dimensions");
        if (!aggregation.BreaksDown || Measure == KpiMeasure.YesNo)
            throw new InvalidFieldException("dimensions", "ratio and yes/no KPIs cannot be broken down");
        Field.DistinctIds(Dimensions, "dimensions");
    }

    private void ValidatePoint(KpiPoint? point, string field)
    {
        if (point is not null && CheckValue(point.Value) is { } problem)
            throw new InvalidFieldException($"{field}.value", problem);
    }
}
