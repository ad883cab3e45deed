using Cooperation.Contracts.Common;

namespace Cooperation.Tests.Domain;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2025-03", ReportingFrequency.Monthly, 2025, 3, "2025-03-01", "2025-03-31")]
    [InlineData("2024-02", ReportingFrequency.Monthly, 2024, 2, "2024-02-01", "2024-02-29")]
    [InlineData("2025-Q1", ReportingFrequency.Quarterly, 2025, 1, "2025-01-01", "2025-03-31")]
    [InlineData("2025-Q4", ReportingFrequency.Quarterly, 2025, 4, "2025-10-01", "2025-12-31")]
    public void Parses_months_and_quarters(string text, ReportingFrequency frequency, int year, int number, string start, string end)
    {
        var period = ReportingPeriod.Parse(text, "period");

        Assert.Equal(frequency, period.Frequency);
        Assert.Equal(year, period.Year);
        Assert.Equal(number, period.Number);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-Q5")]
    [InlineData("2025-Q0")]
    [InlineData("2025-3")]
    [InlineData("25-03")]
    [InlineData("2025/03")]
    [InlineData("N/A")]
    [InlineData("0999-01")]
    [InlineData("3000-01")]
    [InlineData("9999-Q4")]
    public void Refuses_anything_else_naming_the_field(string text)
    {
        var error = Assert.Throws<InvalidFieldException>(() => ReportingPeriod.Parse(text, "readings[2].period"));
        Assert.Equal("readings[2].period", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Orders_by_time()
    {
        var periods = new[] { "2025-02", "2024-12", "2025-01" }.Select(p => ReportingPeriod.Parse(p, "p")).Order();
        Assert.Equal(["2024-12", "2025-01", "2025-02"], periods.Select(p => p.ToString()));
    }
}
