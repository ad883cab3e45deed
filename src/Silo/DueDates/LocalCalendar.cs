namespace Cooperation.Silo.DueDates;

/// <summary>Dates as they are in a city: a due date has passed once the city's own date is later.</summary>
internal static class LocalCalendar
{
    /// <summary>Today's date in the IANA time zone <paramref name="timeZoneId"/>.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZoneId) => DateOf(clock.GetUtcNow(), timeZoneId);

    /// <summary>The date <paramref name="instant"/> falls on in the IANA time zone <paramref name="timeZoneId"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>The instant <paramref name="date"/> begins in the IANA time zone <paramref name="timeZoneId"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly date, string timeZoneId) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)), TimeSpan.Zero);

    /// <summary>
    /// Whether something due on <paramref name="due"/> is overdue on <paramref name="today"/>:
    /// the whole due day has passed.
    /// </summary>
    public static bool IsPastDue(DateOnly due, DateOnly today) => today > due;
}
