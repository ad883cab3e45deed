using System.Globalization;
using Cooperation.Contracts.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// A made-up but plausible reading history for one KPI: a linear trend from <see cref="Start"/>
/// by <see cref="Step"/> a period, with a gentle seasonal wave; for ratios a numerator trend over
/// a fixed denominator; optionally broken down by shares of one dimension. Every reading is
/// marked as demo data in its note. A pilot's history (<see cref="History"/>) is loaded as
/// approved by the admin, as a migration from spreadsheets would be; its later periods come as
/// partners' updates (see the scenario's "submit" steps), with values on the same trend.
/// </summary>
internal sealed record ReadingPlan
{
    /// <summary>"pilots/{id}" or "programmes/{id}".</summary>
    public required string Subject { get; init; }

    /// <summary>The KPI.</summary>
    public required string Kpi { get; init; }

    /// <summary>First period, e.g. "2025-01" or "2025-Q1": it also sets the frequency.</summary>
    public required string From { get; init; }

    /// <summary>Last period of a programme's readings, recorded as they are (programmes have no review).</summary>
    public string? To { get; init; }

    /// <summary>Last period of a pilot's history, loaded as approved, e.g. "current-3" (see <see cref="DemoPeriods"/>).</summary>
    public string? History { get; init; }

    /// <summary>Value (or numerator) of the first period.</summary>
    public double Start { get; init; }

    /// <summary>Change per period.</summary>
    public double Step { get; init; }

    /// <summary>Relative amplitude of the seasonal wave, e.g. 0.08.</summary>
    public double Wave { get; init; }

    /// <summary>For ratio KPIs: the denominator of every period.</summary>
    public double? Denominator { get; init; }

    /// <summary>Optional breakdown: the dimension.</summary>
    public string? Dimension { get; init; }

    /// <summary>Optional breakdown: each category's share of the value, adding up to 1.</summary>
    public Dictionary<string, double>? Shares { get; init; }

    /// <summary>The note every reading carries.</summary>
    public const string Note = "Demo data: made-up figures for illustration.";

    /// <summary>The first period, which sets the frequency.</summary>
    public ReportingPeriod First => ReportingPeriod.Parse(From, "from");

    /// <summary>The periods the plan records on <paramref name="today"/>: its history, or a programme's range.</summary>
    public IEnumerable<ReportingPeriod> Periods(DateOnly today) =>
        DemoPeriods.Range(First, DemoPeriods.Resolve(History ?? To ?? throw new InvalidDataException($"{this}: needs \"history\" or \"to\""),
            First.Frequency, today));

    /// <summary>The request recording the plan's periods on <paramref name="today"/>, leaving out <paramref name="recorded"/> ones.</summary>
    public Proto.RecordKpiReadingsRequest ToRequest(DateOnly today, IReadOnlySet<string> recorded)
    {
        var request = new Proto.RecordKpiReadingsRequest { Subject = Subject, Historical = History is not null };
        request.Readings.AddRange(Periods(today).Where(p => !recorded.Contains(p.ToString())).Select(Reading));
        return request;
    }

    /// <summary>The plan's reading for <paramref name="period"/>, on its trend.</summary>
    public Proto.KpiReadingInput Reading(ReportingPeriod period)
    {
        var index = DemoPeriods.Range(First, period).Count() - 1;
        var raw = (Start + Step * index) * (1 + Wave * Math.Sin(index * Math.PI / 6));
        var value = Math.Round(raw, raw < 10 ? 2 : 1);
        var reading = new Proto.KpiReadingInput { KpiCode = Kpi, Period = period.ToString(), Note = Note };
        if (Denominator is { } denominator)
        {
            reading.Numerator = Math.Min(value, denominator);
            reading.Denominator = denominator;
        }
        else
        {
            reading.Value = value;
            AddBreakdown(reading, value);
        }
        return reading;
    }

    // Shares rounded to 0.1; the last category takes the rest, so the parts add up exactly.
    private void AddBreakdown(Proto.KpiReadingInput reading, double value)
    {
        if (Dimension is null || Shares is not { Count: > 0 })
            return;
        var left = value;
        var categories = Shares.ToArray();
        for (var i = 0; i < categories.Length; i++)
        {
            var part = i == categories.Length - 1 ? Math.Round(left, 6) : Math.Round(value * categories[i].Value, 1);
            left -= part;
            reading.Breakdown.Add(new Proto.BreakdownValue { Dimension = Dimension, Category = categories[i].Key, Value = part });
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Subject} {Kpi} from {From}");
}
