using Moa.Tabular.Risk;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Tests.Risk;

public sealed class RiskAnalyzerTests
{
    internal static Table RandomTable(int rows, int columns, int cardinality, int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, columns).Select(i => $"q{i}").Append("s").ToArray();
        var data = new List<string[]>();
        for (var r = 0; r < rows; r++)
        {
            var row = new string[columns + 1];
            for (var c = 0; c < columns; c++)
            {
                row[c] = random.Next(cardinality).ToString();
            }

            row[columns] = "v" + random.Next(4);
            data.Add(row);
        }

        return Table.FromRows(names, data);
    }

    private static string Key(Table t, IReadOnlyList<string> qis, int r) => string.Join("|", qis.Select(q => t[q][r]));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Analyze_EqualsBruteForce(int seed)
    {
        var table = RandomTable(60, 3, 3, seed);
        string[] qis = ["q0", "q1", "q2"];
        var report = RiskAnalyzer.Analyze(table, qis);

        var sizes = Enumerable.Range(0, table.RowCount).GroupBy(r => Key(table, qis, r)).ToDictionary(g => g.Key, g => g.Count());
        var risk = Enumerable.Range(0, table.RowCount).Select(r => 1.0 / sizes[Key(table, qis, r)]).ToArray();
        report.Prosecutor.Max.ShouldBe(risk.Max(), 1e-12);
        report.Prosecutor.Average.ShouldBe(risk.Average(), 1e-12);
        report.Prosecutor.RecordsAboveThreshold.ShouldBe(risk.Count(x => x > 0.2));
        report.SampleUniques.ShouldBe(sizes.Values.Count(v => v == 1));
        report.Classes.ShouldBe(sizes.Count);
        report.Marketer.ShouldBe((double)sizes.Count / table.RowCount, 1e-12);
        report.MinClassSize.ShouldBe(sizes.Values.Min());
        report.RecordRisk.ShouldBe(risk);

        // SUDA brute force: minimal subsets on which the row is unique.
        var m = qis.Length;
        for (var r = 0; r < table.RowCount; r++)
        {
            var expected = 0.0;
            for (var s = 1; s < 1 << m; s++)
            {
                if (UniqueOn(table, qis, s, r) && Enumerable.Range(0, m).All(c => (s & (1 << c)) == 0 || (s & ~(1 << c)) == 0 || !UniqueOn(table, qis, s & ~(1 << c), r)))
                {
                    expected += Factorial(m - System.Numerics.BitOperations.PopCount((uint)s));
                }
            }

            report.SudaScore[r].ShouldBe(expected, $"row {r}");
        }
    }

    private static bool UniqueOn(Table t, string[] qis, int subset, int row)
    {
        var picked = qis.Where((_, i) => (subset & (1 << i)) != 0).ToArray();
        var key = Key(t, picked, row);
        return Enumerable.Range(0, t.RowCount).Count(r => Key(t, picked, r) == key) == 1;
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    [Fact]
    public void Analyze_WithPopulation_JournalistUsesPopulationClassSizes()
    {
        var population = RandomTable(300, 2, 3, 9);
        var keep = Enumerable.Range(0, 300).Select(r => r % 3 == 0).ToArray();
        var sample = population.Where(keep);
        string[] qis = ["q0", "q1"];
        var report = RiskAnalyzer.Analyze(sample, qis, new RiskOptions { Population = population });
        var popSizes = Enumerable.Range(0, 300).GroupBy(r => Key(population, qis, r)).ToDictionary(g => g.Key, g => g.Count());
        var journalist = Enumerable.Range(0, sample.RowCount).Select(r => 1.0 / popSizes[Key(sample, qis, r)]).ToArray();
        report.JournalistBasis.ShouldBe("population");
        report.Journalist.Max.ShouldBe(journalist.Max(), 1e-12);
        report.Journalist.Average.ShouldBe(journalist.Average(), 1e-12);
        report.Marketer.ShouldBe(journalist.Average(), 1e-12);
        report.PopulationUniques.ShouldBe(journalist.Count(j => j == 1.0));
    }

    [Fact]
    public void Analyze_SuppressedRowsAreLeftOut()
    {
        var table = Table.FromRows(["a", "b"], [["1", "x"], ["1", "x"], ["*", "*"], ["2", "y"]]);
        var report = RiskAnalyzer.Analyze(table, ["a", "b"]);
        report.Suppressed.ShouldBe(1);
        report.Records.ShouldBe(3);
        report.RecordRisk.ShouldBe([0.5, 0.5, 0, 1]);
    }

    [Fact]
    public void Zayatz_AllUniquesAndFullSample_IsOne()
    {
        RiskAnalyzer.Zayatz([1, 1, 1], 1.0).ShouldBe(1);
        RiskAnalyzer.Zayatz([1, 2], 0.5).ShouldBe(0.5 / (0.5 + (2 * 0.5 * 0.5)), 1e-12);
    }

    [Fact]
    public void Contributions_NameTheColumnThatMakesUniques()
    {
        // q1 is an id-like column: dropping it removes every unique.
        var rows = Enumerable.Range(0, 40).Select(i => new[] { (i % 2).ToString(), i.ToString() }).ToArray();
        var table = Table.FromRows(["q0", "q1"], rows);
        var report = RiskAnalyzer.Analyze(table, ["q0", "q1"]);
        report.Contributions[0].Column.ShouldBe("q1");
        report.Contributions[0].UniquesWithout.ShouldBe(0);
    }

    [Fact]
    public void EquivalenceClasses_WideKeysStillGroupCorrectly()
    {
        // 10 columns of 100,000 distinct values each overflow a 63-bit mixed-radix key.
        var rows = 2000;
        var columns = Enumerable.Range(0, 10).Select(c =>
        {
            var values = Enumerable.Range(0, 100_000).Select(v => v.ToString()).ToArray();
            var codes = Enumerable.Range(0, rows).Select(r => (r * (c + 7)) % 3 == 0 ? 5 : r % 100_000).ToArray();
            return Column.FromCodes($"c{c}", values, codes);
        }).ToArray();
        var table = new Table(columns);
        var names = columns.Select(c => c.Name).ToArray();
        var classes = EquivalenceClasses.Of(table, names);
        var expected = Enumerable.Range(0, rows).Select(r => Key(table, names, r)).Distinct().Count();
        classes.ClassCount.ShouldBe(expected);
    }
}
