using System.Globalization;
using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Jcm;

/// <summary>
/// Turns a monitoring period into emission reductions and credits: ER = RE − PE, never below
/// zero (no negative credits: a negative ER is reported as zero with a warning), rounded down to
/// whole tonnes for credits, and the credits split by the plan's shares with the largest
/// remainders getting the odd tonnes.
/// </summary>
public static class JcmCalculation
{
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
            Split(credits, plan.CreditShares), warnings.ToArray(), ReportingPeriod.Containing(period.End, frequency), plan);
    }

    /// <summary>Largest emissions a monitoring period may give, tCO2e: far above any plant, below any overflow.</summary>
    public const decimal MaxReductions = 1_000_000_000_000m;

    /// <summary>
    /// Splits whole credits by percentage shares (adding up to 100): each party gets the whole
    /// part of its share, and the tonnes left go one each to the largest fractional parts
    /// (earlier parties first on ties). The allocations add up to <paramref name="credits"/>.
    /// </summary>
    public static ValueList<CreditAllocation> Split(long credits, IReadOnlyList<CreditShare> shares)
    {
        var exact = shares.Select(s => credits * s.Percent / 100m).ToArray();
        var whole = exact.Select(decimal.Floor).ToArray();
        var left = credits - (long)whole.Sum();
        foreach (var index in Enumerable.Range(0, shares.Count).OrderByDescending(i => exact[i] - whole[i]).ThenBy(i => i).Take((int)left))
            whole[index]++;
        return shares.Select((share, i) => new CreditAllocation(share.Party, (long)whole[i])).ToArray();
    }
}
