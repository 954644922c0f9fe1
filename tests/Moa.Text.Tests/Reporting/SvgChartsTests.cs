using System.Globalization;
using System.Xml.Linq;
using Moa.Text.Reporting;

namespace Moa.Text.Tests.Reporting;

public class SvgChartsTests
{
    public static TheoryData<string> Charts() => new()
    {
        SvgCharts.HorizontalBars([("<script>제거 · removed</script>", 1234.5), ("kept & fine", 0)]),
        SvgCharts.GroupedColumns(["a<b", "c"], [("series \"1\"", [1, 2_500_000]), ("s2", [3])]),
        SvgCharts.GroupedBars(["task <1>", "task 2"], ["model & co", "m2"], (c, s) => c == 1 && s == 1 ? null : 0.25 * (c + s + 1), "accuracy"),
        SvgCharts.Histogram([0, 0.2, 0.5, 1, double.NaN], 5, "difficulty <p>"),
        SvgCharts.Scatter([(0.5, -0.2, true, "item <x>"), (1, 1, false, "y")], "p", "discrimination"),
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Chart_IsWellFormedSvgWithEncodedLabels(string svg)
    {
        var root = XElement.Parse(svg);
        root.Name.LocalName.ShouldBe("svg");
        root.Attribute("class")!.Value.ShouldBe("chart");
        svg.ShouldNotContain("<script>");
        svg.ShouldNotContain("<b");
    }

    [Fact]
    public void Numbers_AreInvariantWhateverTheCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var svg = SvgCharts.HorizontalBars([("x", 1234.5)], valueFormat: "N1");
            svg.ShouldContain("1,234.5");
            XElement.Parse(svg).Descendants().Where(e => e.Name.LocalName == "rect").Single().Attribute("width")!.Value.ShouldNotContain(",");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
