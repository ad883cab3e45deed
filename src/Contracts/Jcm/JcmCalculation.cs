using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Contracts.Jcm;

/// <summary>
/// Turns a monitoring period into emission reductions and credits: ER = RE − PE, never below
/// zero (no negative credits: a negative ER is reported as zero with a warning), rounded down to
/// whole tonnes for credits, and the credits allocated to their holders as the project states
/// (<see cref="Allocate"/>).
/// </summary>
public static class JcmCalculation
{
    /// <summary>The KPI a JCM pilot's computed emission reductions are recorded on, tCO2e per reporting period.</summary>
    public const string EmissionReductionsKpi = "emission-reductions";

    /// <summary>Whether <paramref name="kpi"/> can take the reductions: the emission-reductions KPI, an incremental number.</summary>
    public static bool TakesReductions(KpiDefinition? kpi) =>
        kpi is { Code: EmissionReductionsKpi, Aggregation: KpiAggregation.Incremental, Measure: KpiMeasure.Number };

    /// <summary>Computes <paramref name="period"/> under <paramref name="plan"/>, reporting in <paramref name="frequency"/> periods.</summary>
    public static MonitoringResult Compute(JcmMonitoringPlan plan, MonitoringPeriodInput period, ReportingFrequency frequency)
    {
        period.Validate();
        var methodology = JcmMethodologies.CheckPlan(plan);
        for (var i = 0; i < period.Values.Count; i++)
        {
            if (plan.Parameters.All(p => p.Code != period.Values[i].Code))
                throw new InvalidFieldException($"values[{i}].code", $"'{period.Values[i].Code}' is not a monitored parameter of the plan");
        }
        var monitored = JcmMethodologies.Decimals(period.Values.Select(v => (v.Code, v.Value)));
        foreach (var code in methodology.MonitoredParameters.Where(code => !monitored.ContainsKey(code)))
            throw new InvalidFieldException("values", $"needs a value for '{code}'");

        Emissions emissions;
        try
        {
            emissions = methodology.Calculate(monitored, JcmMethodologies.Decimals(plan.Factors.Select(f => (f.Code, f.Value))));
        }
        catch (OverflowException)
        {
            throw new InvalidFieldException("values", "give emissions too large to compute; check the units");
        }
        var reductions = emissions.Reference - emissions.Project;
        if (Math.Abs(reductions) > MaxReductions || Math.Abs(emissions.Reference) > MaxReductions)
            throw new InvalidFieldException("values", string.Create(CultureInfo.InvariantCulture, $"give more than {MaxReductions:E0} tCO2e; check the units"));
        var warnings = new List<string>();
        if (reductions < 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Project emissions exceed reference emissions (ER = {decimal.Round(reductions, 6)} tCO2e); reported as 0: no negative credits."));
            reductions = 0;
        }
        var credits = (long)decimal.Floor(reductions);
        return new MonitoringResult(period, emissions.Reference, emissions.Project, reductions, credits,
            Allocate(credits, plan.CreditShares, plan.Rounding), warnings.ToArray(), ReportingPeriod.Containing(period.End, frequency), plan);
    }

    /// <summary>Largest emissions a monitoring period may give, tCO2e: far above any plant, below any overflow.</summary>
    public const decimal MaxReductions = 1_000_000_000_000m;

    /// <summary>
    /// Allocates whole credits to the plan's holders by their percentages and the project's
    /// rounding rule; the allocations add up to <paramref name="credits"/>.
    /// </summary>
    public static ValueList<CreditAllocation> Allocate(long credits, IReadOnlyList<CreditShare> shares, CreditRounding rounding) =>
        rounding == CreditRounding.GovernmentsRoundedUp ? GovernmentsRoundedUp(credits, shares) : LargestRemainder(credits, shares);

    /// <summary>Each holder's credits over several periods (in the order holders first appear).</summary>
    public static ValueList<CreditAllocation> Totals(IEnumerable<MonitoringResult> periods) => ValueList.Of(periods
        .SelectMany(p => p.Allocations)
        .GroupBy(a => (a.Party, a.Holder))
        .Select(g => new CreditAllocation(g.Key.Party, g.Sum(a => a.Credits), g.Key.Holder)));

    /// <summary>
    /// Each holder gets the whole part of its share, and the tonnes left go one each to the
    /// largest fractional parts (earlier holders first on ties).
    /// </summary>
    private static ValueList<CreditAllocation> LargestRemainder(long credits, IReadOnlyList<CreditShare> shares)
    {
        var whole = Proportional(credits, shares.Select(s => s.Percent).ToArray());
        return shares.Select((share, i) => new CreditAllocation(share.Party, whole[i], share.Holder)).ToArray();
    }

    /// <summary>
    /// The governments' shares rounded up, in the order listed and never beyond what is left; the
    /// participants share the remainder by their percentages (largest remainders).
    /// </summary>
    private static ValueList<CreditAllocation> GovernmentsRoundedUp(long credits, IReadOnlyList<CreditShare> shares)
    {
        var allocated = new long[shares.Count];
        var left = credits;
        for (var i = 0; i < shares.Count; i++)
        {
            if (shares[i].Holder == CreditHolder.ProjectParticipant)
                continue;
            allocated[i] = Math.Min(left, (long)decimal.Ceiling(credits * shares[i].Percent / 100m));
            left -= allocated[i];
        }
        var participants = Enumerable.Range(0, shares.Count).Where(i => shares[i].Holder == CreditHolder.ProjectParticipant).ToArray();
        var split = Proportional(left, participants.Select(i => shares[i].Percent).ToArray());
        for (var j = 0; j < participants.Length; j++)
            allocated[participants[j]] = split[j];
        return shares.Select((share, i) => new CreditAllocation(share.Party, allocated[i], share.Holder)).ToArray();
    }

    /// <summary>
    /// <paramref name="total"/> split in proportion to <paramref name="weights"/>: whole parts
    /// first, then one each to the largest fractions (earlier first on ties); adds up to the total.
    /// </summary>
    private static long[] Proportional(long total, decimal[] weights)
    {
        var sum = weights.Sum();
        if (weights.Length == 0 || sum <= 0)
            return new long[weights.Length];
        var exact = weights.Select(w => total * w / sum).ToArray();
        var whole = exact.Select(e => (long)decimal.Floor(e)).ToArray();
        var left = total - whole.Sum();
        foreach (var index in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - whole[i]).ThenBy(i => i).Take((int)left))
            whole[index]++;
        return whole;
    }
}
