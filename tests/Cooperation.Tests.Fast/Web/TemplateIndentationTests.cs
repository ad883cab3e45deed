using System.Text;
using Cooperation.Web.Hosting;

namespace Cooperation.Tests.Web;

/// <summary>A page without its templates' indentation: the same page for a browser, fewer bytes.</summary>
public sealed class TemplateIndentationTests
{
    private static string Removed(string page)
    {
        var bytes = Encoding.UTF8.GetBytes(page);
        return Encoding.UTF8.GetString(bytes, 0, TemplateIndentation.Remove(bytes));
    }

    [Fact]
    public void A_line_break_and_the_indentation_after_it_become_one_line_break()
    {
        Assert.Equal("<ul>\n<li>Hải Phòng</li>\n<li>北九州市</li>\r\n</ul>\n",
            Removed("<ul>\n    <li>Hải Phòng</li>\n\n        <li>北九州市</li>\r\n\t</ul>\n   "));
    }

    [Fact]
    public void Spaces_inside_a_line_and_a_page_without_line_breaks_stay()
    {
        Assert.Equal("<p>a  b <b>c</b></p>", Removed("<p>a  b <b>c</b></p>"));
        Assert.Equal("", Removed(""));
    }

    [Fact]
    public void Pre_and_textarea_keep_their_whitespace_and_similar_names_do_not()
    {
        const string kept = "<pre>\n  two\n    four</pre>\n<textarea name=\"note\">\n  line one\n\n  line two</textarea>";
        Assert.Equal("<div>\n" + kept + "\n<preview>\n</preview>", Removed("<div>\n    " + kept + "\n    <preview>\n    </preview>"));
        Assert.Equal("<pre>\n  unclosed", Removed("<pre>\n  unclosed"));
    }
}
