using System.Globalization;

namespace Cooperation.Contracts.Common;

/// <summary>How long a reporting period is.</summary>
[GenerateSerializer, Alias("coop.ReportingFrequency")]
public enum ReportingFrequency
{
    /// <summary>Periods are calendar months, written "YYYY-MM".</summary>
    Monthly = 1,

    /// <summary>Periods are calendar quarters, written "YYYY-Qn".</summary>
    Quarterly = 2,
}

/// <summary>
/// A calendar month or quarter that readings are reported for, written "2025-03" or "2025-Q1".
/// Periods of the same frequency order by time.
/// </summary>
[GenerateSerializer, Immutable, Alias("coop.ReportingPeriod")]
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    /// <summary>Earliest year a period may fall in.</summary>
    public const int MinYear = 1900;

    /// <summary>Latest year a period may fall in.</summary>
    public const int MaxYear = 2999;

    /// <summary>Creates a period; <paramref name="number"/> is the month (1–12) or quarter (1–4).</summary>
    public ReportingPeriod(ReportingFrequency frequency, int year, int number)
    {
        var max = frequency == ReportingFrequency.Monthly ? 12 : 4;
        if (year is < MinYear or > MaxYear || number < 1 || number > max)
            throw new ArgumentOutOfRangeException(nameof(number), $"{year}/{number} is not a {frequency} period");
        Frequency = frequency;
        Year = year;
        Number = number;
    }

    /// <summary>Month or quarter.</summary>
    [Id(0)] public ReportingFrequency Frequency { get; }

    /// <summary>Calendar year.</summary>
    [Id(1)] public int Year { get; }

    /// <summary>Month 1–12 or quarter 1–4.</summary>
    [Id(2)] public int Number { get; }

    /// <summary>First day of the period.</summary>
    public DateOnly Start => new(Year, Frequency == ReportingFrequency.Monthly ? Number : (Number - 1) * 3 + 1, 1);

    /// <summary>Last day of the period.</summary>
    public DateOnly End => Start.AddMonths(Frequency == ReportingFrequency.Monthly ? 1 : 3).AddDays(-1);

    /// <summary>The period right after this one.</summary>
    public ReportingPeriod Next() => Containing(End.AddDays(1), Frequency);

    /// <summary>The period of <paramref name="frequency"/> that contains <paramref name="date"/>.</summary>
    public static ReportingPeriod Containing(DateOnly date, ReportingFrequency frequency) =>
        new(frequency, date.Year, frequency == ReportingFrequency.Monthly ? date.Month : (date.Month - 1) / 3 + 1);

    /// <summary>
    /// Parses "YYYY-MM" or "YYYY-Qn", refusing anything else with an error naming <paramref name="field"/>.
    /// </summary>
    public static ReportingPeriod Parse(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            throw new InvalidFieldException(field, "is required");
        if (text.Length == 7 && text[4] == '-' && TryYear(text, out var year))
        {
            if (text[5] == 'Q' && text[6] is >= '1' and <= '4')
                return new ReportingPeriod(ReportingFrequency.Quarterly, year, text[6] - '0');
            if (int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                && month is >= 1 and <= 12)
                return new ReportingPeriod(ReportingFrequency.Monthly, year, month);
        }
        throw new InvalidFieldException(field, "must be a month \"YYYY-MM\" or a quarter \"YYYY-Qn\"");
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
        && year is >= MinYear and <= MaxYear;

    /// <inheritdoc/>
    public int CompareTo(ReportingPeriod other) => Start != other.Start
        ? Start.CompareTo(other.Start)
        : Frequency.CompareTo(other.Frequency);

    /// <summary>The period as the API writes it.</summary>
    public override string ToString() => Frequency == ReportingFrequency.Monthly
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
