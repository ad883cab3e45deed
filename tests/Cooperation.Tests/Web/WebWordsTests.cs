using System.Text.RegularExpressions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using Cooperation.Web.Words;

namespace Cooperation.Tests.Web;

/// <summary>
/// The pages' words: every key in every language with the same blanks, every word the code asks
/// for written down, and the domain's field rules (passwords, addresses) in every language.
/// </summary>
public sealed partial class WebWordsTests
{
    [Fact]
    public void Every_key_is_in_every_language_with_a_word_and_the_same_blanks_in_the_same_file()
    {
        var english = WebWords.TableOf(ReportLanguage.En);
        Assert.NotEmpty(english);
        foreach (var language in WebWords.Languages)
        {
            var table = WebWords.TableOf(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, word) in table)
            {
                Assert.False(string.IsNullOrWhiteSpace(word), $"{language} {key} is blank");
                Assert.Equal(Blanks(english[key]), Blanks(word));
                Assert.Equal(WebWords.PartsOf(ReportLanguage.En)[key], WebWords.PartsOf(language)[key]);
            }
        }
    }

    [Fact]
    public void Every_word_the_pages_ask_for_by_name_is_written_down()
    {
        var web = Path.Combine(Ops.Root, "src", "Web");
        var asked = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => AskedFor().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.True(asked.Count > 50, $"only {asked.Count} words found: is the pattern still right?");
        Assert.All(asked, a => Assert.True(WebWords.Has(a.Key), $"{a.File} asks for '{a.Key}', which no Words/*.json has"));
    }

    [Fact]
    public void The_domains_password_and_address_rules_read_in_every_language()
    {
        var descriptions = new List<string>();
        void Collect(Action rule)
        {
            var refused = Assert.Throws<InvalidFieldException>(rule);
            descriptions.AddRange(refused.Violations.Select(v => v.Description));
        }
        Collect(() => PasswordRules.Check("", "someone@example.org"));
        Collect(() => PasswordRules.Check("short", "someone@example.org"));
        Collect(() => PasswordRules.Check(new string('x', PasswordRules.MaxLength + 1), "someone@example.org"));
        Collect(() => PasswordRules.Check("aaaaaaaaaaaaaaaa", "someone@example.org"));
        Collect(() => PasswordRules.Check("my name is someone, hello", "someone@example.org"));
        Collect(() => AccountEmail.Normalise("not an address", "email"));
        Collect(() => new AccountDefinition("a@example.org", new string('n', 200), "org", Contracts.Access.Role.Donor, ReportLanguage.En).Validate());
        Collect(() => new AccountDefinition("a@example.org", "Name", "Bad Id", Contracts.Access.Role.Donor, ReportLanguage.En).Validate());
        foreach (var description in descriptions)
        {
            foreach (var language in WebWords.Languages)
                Assert.NotEqual(description, PageWords.RuleIn(description, language));
        }
        Assert.Equal("12文字以上にしてください。", PageWords.RuleIn("must have at least 12 characters", ReportLanguage.Ja));
        Assert.Equal("an unknown rule", PageWords.RuleIn("an unknown rule", ReportLanguage.Vi));
    }

    private static string[] Blanks(string word) => [.. BlankPattern().Matches(word).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex BlankPattern();

    // W["key"], W.Format("key", …), WebWords.Word("key", …), WebWords.Format("key", …): keys written out, not built.
    [GeneratedRegex("""(?:\bW\[|\bW\.Format\(|WebWords\.(?:Word|Format)\()"(?<key>[^"{}]+)"[\],]""")]
    private static partial Regex AskedFor();
}
