using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Reports.Rendering;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Domain;
using Cooperation.Web.Reading;
using Cooperation.Web.Words;

namespace Cooperation.Tests.Web;

/// <summary>
/// The read pages never print a code: every domain value they show has its word in the reports'
/// vocabulary (one home), and every word they build from a key (a history's event kinds, the pilots
/// table's columns, what is owed) is in the pages' words, in every language.
/// </summary>
public sealed class PageVocabularyTests
{
    /// <summary>The enums whose values the read pages print, besides those reports print (<c>ReportTextTests.PrintedEnums</c>).</summary>
    public static readonly Type[] PageEnums =
    [
        typeof(PilotKind), typeof(MouStatus), typeof(CommitmentStatus), typeof(RelationKind), typeof(PartnershipRole),
        typeof(OrganisationKind), typeof(CreditHolder), typeof(ReportCadence),
    ];

    [Fact]
    public void Every_domain_value_a_page_prints_has_its_word_in_every_language()
    {
        ReportTextTests.AssertWordsOf(PageEnums);
        Assert.Equal("エコ工業団地", ReportText.Of(PilotKind.EcoIndustrialPark, ReportLanguage.Ja));
        Assert.Equal("Thành phố kết nghĩa", ReportText.Of(RelationKind.SisterCity, ReportLanguage.Vi));
    }

    [Theory]
    // A pilot's history holds its own events and its KPIs' (a pilot is a KPI subject).
    [InlineData("pilot.", "pilot.update-submitted")]
    [InlineData("kpi.", "kpi.readings-recorded")]
    [InlineData("mou.", "mou.signed")]
    public void Every_event_a_pages_history_shows_has_its_words(string prefix, string example)
    {
        var kinds = EventJson.Kinds.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        Assert.Contains(example, kinds);
        AssertWords(kinds.Select(k => $"event.{k}"));
    }

    [Fact]
    public void Every_word_built_from_a_key_is_written_down()
    {
        AssertWords(PilotTable.ColumnKeys.Select(c => $"pilots.column.{c}"));
        AssertWords(Enum.GetNames<DueItemKind>().Select(k => $"owed.kind.{k.ToLowerInvariant()}"));
        AssertWords(Enum.GetNames<ReportingFrequency>().Select(f => $"pilot.frequency.{f.ToLowerInvariant()}"));
        AssertWords(Enum.GetNames<ReportLanguage>().Select(l => $"reports.language.{l.ToLowerInvariant()}"));
    }

    private static void AssertWords(IEnumerable<string> keys)
    {
        foreach (var language in WebWords.Languages)
        {
            var table = WebWords.TableOf(language);
            foreach (var key in keys)
                Assert.True(table.ContainsKey(key), $"{language} lacks page word {key}");
        }
    }
}
