using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Pilots;

/// <summary>How the readings of successive periods combine into a KPI's current value.</summary>
[GenerateSerializer, Alias("coop.KpiAggregation")]
public enum KpiAggregation
{
    /// <summary>Each period reports what happened in it; the current value is their sum.</summary>
    Incremental = 1,

    /// <summary>Each period reports the running total; the latest period counts.</summary>
    Cumulative = 2,

    /// <summary>Each period reports a level such as a rate; the latest period counts.</summary>
    Level = 3,
}

/// <summary>Whether a KPI should rise or fall.</summary>
[GenerateSerializer, Alias("coop.KpiDirection")]
public enum KpiDirection
{
    /// <summary>The target lies above the baseline.</summary>
    HigherIsBetter = 1,

    /// <summary>The target lies below the baseline.</summary>
    LowerIsBetter = 2,
}

/// <summary>A KPI value at a date: a baseline or a target.</summary>
/// <param name="Value">Finite number in the KPI's unit.</param>
/// <param name="Date">When it was measured or is due.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiPoint")]
public sealed record KpiPoint([property: Id(0)] double Value, [property: Id(1)] DateOnly Date);

/// <summary>A key performance indicator of a pilot.</summary>
/// <param name="Code">Code unique within the pilot.</param>
/// <param name="Name">Name in one or more languages.</param>
/// <param name="Unit">Unit of every value, e.g. "t" or "kWp".</param>
/// <param name="Baseline">Value before the pilot.</param>
/// <param name="Target">Value to reach, and by when.</param>
/// <param name="Aggregation">How period readings combine.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiDefinition")]
public sealed record KpiDefinition(
    [property: Id(0)] string Code,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] KpiPoint Baseline,
    [property: Id(4)] KpiPoint Target,
    [property: Id(5)] KpiAggregation Aggregation)
{
    /// <summary>Longest unit text.</summary>
    public const int MaxUnitLength = 32;

    /// <summary>Follows from where the target lies against the baseline.</summary>
    public KpiDirection Direction =>
        Target.Value >= Baseline.Value ? KpiDirection.HigherIsBetter : KpiDirection.LowerIsBetter;

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(Code, "kpi_code");
        LocalizedText.Require(Name, "name");
        if (Field.Text(Unit, "unit", MaxUnitLength) != Unit)
            throw new InvalidFieldException("unit", "must not start or end with spaces");
        if (Baseline is null)
            throw new InvalidFieldException("baseline", "is required");
        if (Target is null)
            throw new InvalidFieldException("target", "is required");
        Field.Finite(Baseline.Value, "baseline.value");
        Field.Finite(Target.Value, "target.value");
        if (Target.Value == Baseline.Value)
            throw new InvalidFieldException("target.value", "must differ from baseline.value");
        if (Target.Date <= Baseline.Date)
            throw new InvalidFieldException("target.date", "must come after baseline.date");
        Field.Choice(Aggregation, "aggregation");
    }
}
