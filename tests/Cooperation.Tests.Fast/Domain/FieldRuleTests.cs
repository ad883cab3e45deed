using Cooperation.Contracts.Common;

namespace Cooperation.Tests.Domain;

public sealed class FieldRuleTests
{
    [Theory]
    [InlineData("hai-phong")]
    [InlineData("a")]
    [InlineData("hp-compost-2025")]
    [InlineData("face")]
    public void Accepts_plain_ids(string id) => Assert.Equal(id, Field.Id(id, "pilot_id"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hai-Phong")]
    [InlineData("0123")]
    [InlineData("123")]
    [InlineData("-x")]
    [InlineData("x-")]
    [InlineData("hai phong")]
    [InlineData("hải-phòng")]
    public void Refuses_other_ids_naming_the_field(string? id)
    {
        var error = Assert.Throws<InvalidFieldException>(() => Field.Id(id, "pilot_id"));
        Assert.Equal("pilot_id", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Refuses_ids_longer_than_64() =>
        Assert.Throws<InvalidFieldException>(() => Field.Id(new string('a', 65), "pilot_id"));

    [Theory]
    [InlineData(1e16)]
    [InlineData(-1e16)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_non_finite_numbers(double value) =>
        Assert.Throws<InvalidFieldException>(() => Field.Finite(value, "value"));

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("15/04/2014")]
    [InlineData("2014-4-15")]
    public void Refuses_malformed_dates(string date) =>
        Assert.Throws<InvalidFieldException>(() => Field.Date(date, "baseline.date"));

    [Fact]
    public void Localized_text_needs_one_language_and_trims()
    {
        var text = LocalizedText.Create("  Hải Phòng ", "", null, "name");
        Assert.Equal(new LocalizedText("Hải Phòng", null, null), text);
        Assert.Equal("Hải Phòng", text.Display);

        var error = Assert.Throws<InvalidFieldException>(() => LocalizedText.Create(" ", null, "", "title"));
        Assert.Equal("title", Assert.Single(error.Violations).Field);
        Assert.Throws<InvalidFieldException>(() => LocalizedText.Create(new string('x', 301), null, null, "title"));
        // Texts that did not come through Create are checked as strictly.
        Assert.Throws<InvalidFieldException>(() => LocalizedText.Require(new LocalizedText(" x", null, null), "title"));
        Assert.Throws<InvalidFieldException>(() => LocalizedText.Require(null, "title"));
    }
}
