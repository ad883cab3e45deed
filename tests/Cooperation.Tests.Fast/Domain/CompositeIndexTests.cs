using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;

namespace Cooperation.Tests.Domain;

public sealed class CompositeIndexTests
{
    private static IndexComponent Component(string code, double score) => new(code, new LocalizedText(null, null, code), score);

    [Fact]
    public void The_total_is_the_sum_of_the_components()
    {
        // Quang Ninh's Provincial Green Index 2023: 7.41 + 6.18 + 6.68 + 5.73 = 26.00.
        var pgi = new CompositeIndex("pgi", new LocalizedText(null, null, "Provincial Green Index"), 2023,
            [Component("pollution", 7.41), Component("standards", 6.18), Component("leadership", 6.68), Component("support", 5.73)]);

        pgi.Validate();
        Assert.Equal(26.00, pgi.Total, 9);
    }

    [Fact]
    public void Components_are_needed_once_each()
    {
        var name = new LocalizedText(null, null, "PGI");
        Assert.Throws<InvalidFieldException>(() => new CompositeIndex("pgi", name, 2023, []).Validate());
        Assert.Throws<InvalidFieldException>(() => new CompositeIndex("pgi", name, 2023, [Component("a", 1), Component("a", 2)]).Validate());
        Assert.Throws<InvalidFieldException>(() => new CompositeIndex("pgi", name, 2023, [Component("a", double.NaN)]).Validate());
    }
}
