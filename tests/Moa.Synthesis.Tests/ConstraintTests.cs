using Moa.Synthesis.Data;

namespace Moa.Synthesis.Tests;

public class ConstraintTests
{
    private static ColumnTable Orders(int rows)
    {
        var rng = new Random(8);
        string[] cities = ["서울", "부산"];
        string[][] districts = [["강남구", "종로구"], ["해운대구", "중구"]];
        var id = new string?[rows];
        var city = new string?[rows];
        var district = new string?[rows];
        var price = new double[rows];
        var qty = new double[rows];
        var total = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            id[i] = $"order-{i}";
            var c = rng.Next(2);
            city[i] = cities[c];
            district[i] = districts[c][rng.Next(2)];
            price[i] = 1000 + rng.Next(9000);
            qty[i] = 1 + rng.Next(5);
            total[i] = price[i] * qty[i];
        }

        return new ColumnTable(
        [
            DataColumn.Categorical("id", id), DataColumn.Categorical("city", city), DataColumn.Categorical("district", district),
            DataColumn.Numeric("price", price), DataColumn.Numeric("qty", qty), DataColumn.Numeric("total", total),
        ]);
    }

    private const string Spec = """
        synthesizer: copula
        constraints:
          ranges:
            - { column: price, min: 2000, max: 8000 }
          fixed_combinations:
            - [city, district]
          derived:
            - { column: total, formula: price * qty }
          unique: [id]
        """;

    [Theory]
    [InlineData("copula")]
    [InlineData("mst")]
    public void Sample_EveryConstraint_Holds(string synthesizer)
    {
        var real = Orders(5_000);
        var model = SynthModel.Fit(real, SynthSpec.Parse(Spec.Replace("synthesizer: copula", $"synthesizer: {synthesizer}")));
        var syn = model.Sample(3_000);
        syn.RowCount.ShouldBe(3_000);
        syn["price"].Numbers!.ShouldAllBe(v => v >= 2000 && v <= 8000);
        var allowed = new HashSet<string> { "서울/강남구", "서울/종로구", "부산/해운대구", "부산/중구" };
        Enumerable.Range(0, syn.RowCount).ShouldAllBe(i => allowed.Contains(syn["city"].Values![i] + "/" + syn["district"].Values![i]));
        Enumerable.Range(0, syn.RowCount).ShouldAllBe(i => syn["total"].Numbers![i] == syn["price"].Numbers![i] * syn["qty"].Numbers![i]);
        syn["id"].Values!.Distinct().Count().ShouldBe(3_000);
        syn["id"].Values!.Intersect(real["id"].Values!).ShouldBeEmpty();
        syn.Names.ShouldBe(real.Names);
    }

    [Fact]
    public void Sample_ImpossibleRange_IsAClearError()
    {
        var real = Orders(1_000);
        var model = SynthModel.Fit(real, SynthSpec.Parse("constraints:\n  ranges:\n    - { column: price, min: 20000, max: 30000 }"));
        Should.Throw<MoaException>(() => model.Sample(100)).Message.ShouldContain("constraints reject");
    }

    [Theory]
    [InlineData("constraints:\n  derived:\n    - { column: total, formula: 'price * (qty' }", "expected ')'")]
    [InlineData("constraints:\n  derived:\n    - { column: total, formula: 'price ** qty' }", "unexpected '*'")]
    [InlineData("constraints:\n  fixed_combinations:\n    - [city]", "at least two columns")]
    [InlineData("constraints:\n  ranges:\n    - { column: price }", "needs min, max or both")]
    public void Parse_BadConstraint_NamesTheProblem(string yaml, string expected) =>
        Should.Throw<MoaException>(() => SynthSpec.Parse(yaml)).Message.ShouldContain(expected);

    [Theory]
    [InlineData("constraints:\n  unique: [order_no]", "column 'order_no' is not in the table")]
    [InlineData("constraints:\n  derived:\n    - { column: total, formula: price * city }", "input 'city' must be a modelled numeric")]
    [InlineData("constraints:\n  ranges:\n    - { column: city, min: 1 }", "is categorical")]
    public void Fit_ConstraintOnWrongColumn_NamesTheColumn(string yaml, string expected) =>
        Should.Throw<MoaException>(() => SynthModel.Fit(Orders(100), SynthSpec.Parse(yaml))).Message.ShouldContain(expected);
}
