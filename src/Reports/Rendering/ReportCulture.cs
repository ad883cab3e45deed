using System.Collections.Frozen;
using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// Numbers, amounts, dates, periods and instants as a language writes them. The patterns are words
/// of the language's table (<c>format.*</c>, <c>money.*</c> in <see cref="ReportText"/>), so one
/// file per language holds everything a reader of that language sees; the platform does not
/// depend on the machine's culture data.
/// </summary>
internal static class ReportCulture
{
    private static readonly FrozenDictionary<ReportLanguage, NumberFormatInfo> Numbers = ReportText.Languages.ToFrozenDictionary(l => l, l =>
        new NumberFormatInfo
        {
            NumberDecimalSeparator = ReportText.Word("format.decimal", l),
            NumberGroupSeparator = ReportText.Word("format.group", l),
            NegativeSign = "-",
        });

    /// <summary>A measured value: grouped thousands, up to two decimals ("1,250.5"; Vietnamese "1.250,5").</summary>
    public static string Number(double value, ReportLanguage language) => value.ToString("#,0.##", NumbersOf(language));

    /// <summary>An exact amount (tCO2e): grouped thousands, up to two decimals.</summary>
    public static string Amount(decimal value, ReportLanguage language) => value.ToString("#,0.##", NumbersOf(language));

    /// <summary>A count.</summary>
    public static string Count(int value, ReportLanguage language) => value.ToString("#,0", NumbersOf(language));

    /// <summary>A percentage with one decimal at most ("81.5 %"; Japanese "81.5%").</summary>
    public static string Percent(double value, ReportLanguage language) =>
        ReportText.Format("format.percent", language, value.ToString("#,0.#", NumbersOf(language)));

    /// <summary>
    /// Money in its currency's minor units (đồng and yen have none, dollars two) and the language's
    /// way of writing it: "¥45,000,000", "45.000.000 yên", "45,000,000円".
    /// </summary>
    public static string Money(decimal amount, Currency currency, ReportLanguage language)
    {
        var pattern = currency == Currency.Usd ? "#,0.00" : "#,0";
        var rounded = Math.Round(amount, currency == Currency.Usd ? 2 : 0, MidpointRounding.AwayFromZero);
        return ReportText.Format($"money.{currency}", language, rounded.ToString(pattern, NumbersOf(language)));
    }

    /// <summary>A day ("20 Jan 2025", "20/01/2025", "2025年1月20日").</summary>
    public static string Date(DateOnly date, ReportLanguage language) =>
        date.ToString(ReportText.Word("format.date", language), CultureInfo.InvariantCulture);

    /// <summary>A reporting period ("Mar 2025", "tháng 3/2025", "2025年3月"; quarters "Q1 2025", "quý 1/2025", "2025年第1四半期").</summary>
    public static string Period(ReportingPeriod period, ReportLanguage language) => period.Frequency == ReportingFrequency.Monthly
        ? period.Start.ToString(ReportText.Word("format.month", language), CultureInfo.InvariantCulture)
        : ReportText.Format("format.quarter", language, period.Year.ToString(CultureInfo.InvariantCulture), period.Number.ToString(CultureInfo.InvariantCulture));

    /// <summary>A month on a chart's axis, in digits and Latin letters only (the chart's font has no others).</summary>
    public static string AxisMonth(DateOnly month, ReportLanguage language) =>
        month.ToString(ReportText.Word("format.axis-month", language), CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant as read in <paramref name="timeZone"/> (IANA id): the day, the time and the zone,
    /// e.g. "20 Jan 2025 09:00 (Asia/Tokyo)". An unknown zone reads as UTC.
    /// </summary>
    public static string Instant(DateTimeOffset instant, string? timeZone, ReportLanguage language)
    {
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return ReportText.Format("format.instant", language, Date(DateOnly.FromDateTime(local.DateTime), language),
            local.ToString(ReportText.Word("format.time", language), CultureInfo.InvariantCulture), zone.Id);
    }

    /// <summary>The day <paramref name="instant"/> falls on in <paramref name="timeZone"/> (IANA id; an unknown or no zone reads as UTC).</summary>
    public static DateOnly DateIn(DateTimeOffset instant, string? timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(timeZone)).DateTime);

    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>How <paramref name="language"/> writes numbers: its decimal and group separators (words <c>format.decimal</c>, <c>format.group</c>).</summary>
    public static NumberFormatInfo NumbersOf(ReportLanguage language) =>
        Numbers.TryGetValue(language, out var numbers) ? numbers : Numbers[ReportLanguage.En];
}
