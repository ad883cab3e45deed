using Cooperation.Contracts.Common;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// Periods in the demo scenario: absolute ("2025-03", "2024-Q1") or counted back from the
/// current one ("current-2": two periods before the one today falls in), so the demo's recent
/// reporting (on time, late, missing, awaiting review) looks the same whatever day it is loaded.
/// </summary>
internal static class DemoPeriods
{
    private const string Current = "current";

    /// <summary>The period <paramref name="text"/> names, in <paramref name="frequency"/>, on <paramref name="today"/>.</summary>
    public static ReportingPeriod Resolve(string text, ReportingFrequency frequency, DateOnly today)
    {
        if (!text.StartsWith(Current, StringComparison.Ordinal))
            return ReportingPeriod.Parse(text, "period");
        var back = text.Length == Current.Length ? 0 : -int.Parse(text[Current.Length..], System.Globalization.CultureInfo.InvariantCulture);
        var months = frequency == ReportingFrequency.Monthly ? 1 : 3;
        return ReportingPeriod.Containing(today.AddMonths(-back * months), frequency);
    }

    /// <summary>The periods from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<ReportingPeriod> Range(ReportingPeriod from, ReportingPeriod to)
    {
        for (var period = from; period.CompareTo(to) <= 0; period = period.Next())
            yield return period;
    }

    /// <summary>Today in Hai Phong, where the demo's pilots report.</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
}
