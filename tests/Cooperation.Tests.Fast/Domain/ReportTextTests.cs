using System.Text.RegularExpressions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Rendering;

namespace Cooperation.Tests.Domain;

/// <summary>
/// The word tables of reports and notices: one per language, complete in all three, a word for
/// every enum value a report prints, and numbers, money, dates and instants as each language writes them.
/// </summary>
public sealed partial class ReportTextTests
{
    /// <summary>The enums whose values reports and notices print.</summary>
    public static readonly Type[] PrintedEnums = [typeof(PilotStatus), typeof(MilestoneStatus), typeof(ReviewStatus), typeof(KpiStatus), typeof(Currency)];

    [Fact]
    public void Every_language_has_every_key_with_a_word_and_the_same_blanks()
    {
        var english = ReportText.TableOf(ReportLanguage.En);
        Assert.NotEmpty(english);
        foreach (var language in ReportText.Languages)
        {
            var table = ReportText.TableOf(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, word) in table)
            {
                Assert.False(string.IsNullOrWhiteSpace(word), $"{language} {key} is blank");
                Assert.Equal(Blanks(english[key]), Blanks(word));
            }
        }
    }

    [Fact]
    public void Every_enum_value_a_report_prints_has_its_own_word_in_every_language()
    {
        AssertWordsOf(PrintedEnums);
        Assert.Equal("実施中", ReportText.Of(PilotStatus.InProgress, ReportLanguage.Ja));
        Assert.Equal("Đã nộp, chờ thẩm định", ReportText.Of(ReviewStatus.Submitted, ReportLanguage.Vi));
    }

    /// <summary>Asserts that every value of <paramref name="enums"/> has its own word in every language (key <c>"{type}.{name}"</c>).</summary>
    public static void AssertWordsOf(IEnumerable<Type> enums)
    {
        foreach (var language in ReportText.Languages)
        {
            var table = ReportText.TableOf(language);
            foreach (var type in enums)
            {
                foreach (var name in Enum.GetNames(type))
                    Assert.True(table.ContainsKey($"{type.Name}.{name}"), $"{language} lacks {type.Name}.{name}");
            }
        }
    }

    [Fact]
    public void A_word_nobody_wrote_down_fails_loudly()
    {
        var missing = Assert.Throws<KeyNotFoundException>(() => ReportText.Word("no-such-word", ReportLanguage.Ja));
        Assert.Contains("Words/*.json", missing.Message);
    }

    [Fact]
    public void Names_come_in_the_language_asked_for_else_english_else_any()
    {
        var name = new LocalizedText("Hải Phòng", "ハイフォン", "Hai Phong");
        Assert.Equal("ハイフォン", ReportText.In(name, ReportLanguage.Ja));
        Assert.Equal("Hải Phòng", ReportText.In(name, ReportLanguage.Vi));
        Assert.Equal("Hai Phong", ReportText.In(name with { Ja = null }, ReportLanguage.Ja));
        Assert.Equal("Hải Phòng", ReportText.In(new LocalizedText("Hải Phòng", null, null), ReportLanguage.Ja));
    }

    [Theory]
    [InlineData(ReportLanguage.En, "¥45,000,000", "US$250,000.50", "₫1,234,567")]
    [InlineData(ReportLanguage.Vi, "45.000.000 yên", "250.000,50 USD", "1.234.567 ₫")]
    [InlineData(ReportLanguage.Ja, "45,000,000円", "250,000.50米ドル", "1,234,567ドン")]
    public void Money_is_written_in_its_currencys_units_and_the_languages_way(ReportLanguage language, string yen, string dollars, string dong)
    {
        Assert.Equal(yen, ReportCulture.Money(45_000_000m, Currency.Jpy, language));
        Assert.Equal(dollars, ReportCulture.Money(250_000.5m, Currency.Usd, language));
        // Đồng have no minor unit: none is shown, the amount is rounded.
        Assert.Equal(dong, ReportCulture.Money(1_234_566.6m, Currency.Vnd, language));
    }

    [Theory]
    [InlineData(ReportLanguage.En, "1,250.5", "81.5 %", "20 Jan 2025", "Mar 2025", "Q1 2025", "20 Jan 2025 09:00 (Asia/Tokyo)")]
    [InlineData(ReportLanguage.Vi, "1.250,5", "81,5%", "20/01/2025", "tháng 3/2025", "quý 1/2025", "07:00 20/01/2025 (Asia/Ho_Chi_Minh)")]
    [InlineData(ReportLanguage.Ja, "1,250.5", "81.5%", "2025年1月20日", "2025年3月", "2025年第1四半期", "2025年1月20日 9:00（Asia/Tokyo）")]
    public void Numbers_dates_periods_and_instants_read_as_the_language_writes_them(
        ReportLanguage language, string number, string percent, string date, string month, string quarter, string instant)
    {
        Assert.Equal(number, ReportCulture.Number(1250.5, language));
        Assert.Equal(percent, ReportCulture.Percent(81.54, language));
        Assert.Equal(date, ReportCulture.Date(new DateOnly(2025, 1, 20), language));
        Assert.Equal(month, ReportCulture.Period(ReportingPeriod.Parse("2025-03", "period"), language));
        Assert.Equal(quarter, ReportCulture.Period(ReportingPeriod.Parse("2025-Q1", "period"), language));
        // Midnight UTC, read in the subscription's (or the recipient city's) zone.
        var zone = language == ReportLanguage.Vi ? "Asia/Ho_Chi_Minh" : "Asia/Tokyo";
        Assert.Equal(instant, ReportCulture.Instant(new DateTimeOffset(2025, 1, 20, 0, 0, 0, TimeSpan.Zero), zone, language));
    }

    private static string[] Blanks(string word) => [.. BlankPattern().Matches(word).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex BlankPattern();
}
