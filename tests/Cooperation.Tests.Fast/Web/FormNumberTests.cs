using Cooperation.Contracts.DonorReports;
using Cooperation.Web.Forms;

namespace Cooperation.Tests.Fast.Web;

/// <summary>Numbers typed into forms are read as the person's language writes them, and what mixes the separators is refused, not guessed.</summary>
public sealed class FormNumberTests
{
    [Theory]
    [InlineData("1.5", ReportLanguage.En, 1.5)]
    [InlineData("1,500", ReportLanguage.En, 1500)]
    [InlineData("1,500.25", ReportLanguage.Ja, 1500.25)]
    [InlineData("-12", ReportLanguage.Ja, -12)]
    [InlineData("1,5", ReportLanguage.Vi, 1.5)]
    [InlineData("1.500", ReportLanguage.Vi, 1500)]
    [InlineData("1.500,25", ReportLanguage.Vi, 1500.25)]
    [InlineData(" 40 ", ReportLanguage.Vi, 40)]
    [InlineData("2e3", ReportLanguage.En, 2000)]
    public void A_number_in_the_persons_language_is_read(string typed, ReportLanguage language, double expected)
    {
        Assert.True(FormNumber.TryRead(typed, language, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5", ReportLanguage.En)]   // a comma decimal in a dot language
    [InlineData("1,5", ReportLanguage.Ja)]
    [InlineData("1.5", ReportLanguage.Vi)]   // a dot decimal in a comma language
    [InlineData("1,50,000", ReportLanguage.En)]
    [InlineData("1.500.25", ReportLanguage.En)]
    [InlineData("N/A", ReportLanguage.En)]
    [InlineData("", ReportLanguage.Vi)]
    [InlineData("Infinity", ReportLanguage.En)]
    public void What_mixes_the_separators_or_is_no_number_is_refused(string typed, ReportLanguage language)
    {
        Assert.False(FormNumber.TryRead(typed, language, out _));
    }

    [Theory]
    [InlineData(1.5, ReportLanguage.En, "1.5")]
    [InlineData(1.5, ReportLanguage.Vi, "1,5")]
    [InlineData(1234567.125, ReportLanguage.Ja, "1234567.125")]
    [InlineData(0.1, ReportLanguage.Vi, "0,1")]
    public void A_number_is_written_back_exactly_as_the_form_reads_it(double value, ReportLanguage language, string expected)
    {
        Assert.Equal(expected, FormNumber.Write(value, language));
        Assert.True(FormNumber.TryRead(expected, language, out var back));
        Assert.Equal(value, back);
    }
}
