using Moa.Tabular.Hierarchies;
using Moa.Tabular.Models;
using Moa.Tabular.Search;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Tests.Search;

public sealed class SearchTests
{
    private static readonly Hierarchy s_four = Hierarchy.FromRows("four",
    [
        ["0", "0-1", "*"], ["1", "0-1", "*"], ["2", "2-3", "*"], ["3", "2-3", "*"],
    ]);

    private static readonly Hierarchy s_fourDeep = Hierarchy.FromRows("four-deep",
    [
        ["0", "0-1", "0-3", "*"], ["1", "0-1", "0-3", "*"], ["2", "2-3", "0-3", "*"], ["3", "2-3", "0-3", "*"],
    ]);

    internal static Table RandomTable(int rows, int qis, int seed, int sensitiveValues = 5)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, qis).Select(i => $"q{i}").Append("s").Append("n").ToArray();
        var data = new List<string[]>();
        for (var r = 0; r < rows; r++)
        {
            var row = new string[qis + 2];
            for (var c = 0; c < qis; c++)
            {
                // Skewed so that some cells are rare.
                row[c] = Math.Min(3, (int)(random.NextDouble() * random.NextDouble() * 5)).ToString();
            }

            row[qis] = "v" + random.Next(sensitiveValues);
            row[qis + 1] = random.Next(40, 60).ToString();
            data.Add(row);
        }

        return Table.FromRows(names, data);
    }

    private static QuasiIdentifier[] Qis(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new QuasiIdentifier($"q{i}", i % 2 == 0 ? s_four : s_fourDeep))];

    public static TheoryData<string, int, double, string> Cases => new()
    {
        { "k", 3, 0.0, "loss" },
        { "k", 4, 0.05, "loss" },
        { "k", 5, 0.1, "entropy" },
        { "k", 3, 0.05, "dm" },
        { "distinct", 3, 0.05, "loss" },
        { "entropy", 2, 0.1, "loss" },
        { "recursive", 2, 0.1, "entropy" },
        { "t-equal", 2, 0.1, "loss" },
        { "t-ordered", 2, 0.1, "loss" },
        { "k", 4, 0.05, "loss-geometric" },
        { "k", 2, 0.0, "loss-geometric" },
        { "distinct", 2, 0.1, "loss-geometric" },
    };

    private static PrivacyModel[] Models(string kind, int k) => kind switch
    {
        "k" => [new KAnonymity(k)],
        "distinct" => [new KAnonymity(2), new DistinctLDiversity("s", k)],
        "entropy" => [new EntropyLDiversity("s", k)],
        "recursive" => [new RecursiveCLDiversity("s", 3, k)],
        "t-equal" => [new KAnonymity(2), new TCloseness("s", 0.35, ordered: false)],
        "t-ordered" => [new KAnonymity(2), new TCloseness("n", 0.2, ordered: true)],
        _ => throw new ArgumentException(kind),
    };

    private static UtilityMetric Metric(string name) => name switch
    {
        "entropy" => UtilityMetric.NonUniformEntropy,
        "dm" => UtilityMetric.Discernibility,
        "loss-geometric" => UtilityMetric.LossGeometric,
        _ => UtilityMetric.Loss,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Optimal_FindsTheExhaustiveOptimum(string kind, int k, double limit, string metric)
    {
        for (var seed = 1; seed <= 3; seed++)
        {
            var table = RandomTable(150, 4, seed);
            var problem = GeneralizationProblem.Create(table, Qis(4), Models(kind, k), limit, Metric(metric));
            var optimal = LatticeSearch.Optimal(problem);
            var exhaustive = LatticeSearch.Exhaustive(problem);
            if (exhaustive.Best is null)
            {
                optimal.Best.ShouldBeNull();
                continue;
            }

            optimal.Best.ShouldNotBeNull();
            optimal.Best.Utility.ShouldBe(exhaustive.Best.Utility, 1e-9, $"seed {seed}");
            optimal.Best.Anonymous.ShouldBeTrue();
            (optimal.NodesEvaluated + optimal.NodesPruned).ShouldBe(optimal.NodesTotal);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_EqualsBruteForceOnTheGeneralisedTable(string kind, int k, double limit, string metric)
    {
        var table = RandomTable(120, 3, 7);
        var qis = Qis(3);
        var models = Models(kind, k);
        var problem = GeneralizationProblem.Create(table, qis, models, limit, Metric(metric));
        var random = new Random(3);
        for (var trial = 0; trial < 12; trial++)
        {
            int[] levels = [.. qis.Select(q => random.Next(q.Hierarchy.Height))];
            var result = problem.Evaluate(levels);
            var expected = BruteForce(table, qis, levels, models, limit, Metric(metric));
            result.Suppressed.ShouldBe(expected.Suppressed, $"levels {string.Join(",", levels)}");
            result.Anonymous.ShouldBe(expected.Anonymous);
            result.Utility.ShouldBe(expected.Utility, 1e-9);
        }
    }

    /// <summary>Independent computation on strings: generalise every row, group, test each class, price every cell.</summary>
    private static (int Suppressed, bool Anonymous, double Utility) BruteForce(Table table, QuasiIdentifier[] qis, int[] levels, PrivacyModel[] models, double limit, UtilityMetric metric)
    {
        var n = table.RowCount;
        string Gen(int q, int r, int level)
        {
            qis[q].Hierarchy.TryGeneralize(table[qis[q].Column][r], level, out var g, out _);
            return g;
        }

        var keys = Enumerable.Range(0, n).Select(r => string.Join("|", qis.Select((_, q) => Gen(q, r, levels[q])))).ToArray();
        var groups = Enumerable.Range(0, n).GroupBy(r => keys[r]).ToList();
        var failingRows = new HashSet<int>();
        foreach (var g in groups)
        {
            var rows = g.ToList();
            if (!models.All(m => Passes(m, table, rows)))
            {
                failingRows.UnionWith(rows);
            }
        }

        var suppressed = failingRows.Count;
        var anonymous = suppressed <= Math.Floor(limit * n + 1e-9);
        double utility;
        if (metric == UtilityMetric.Discernibility)
        {
            utility = groups.Where(g => !failingRows.Contains(g.First())).Sum(g => (double)g.Count() * g.Count()) + (double)suppressed * n;
        }
        else if (metric is UtilityMetric.Loss or UtilityMetric.LossGeometric)
        {
            var sum = 0.0;
            var product = 1.0;
            for (var q = 0; q < qis.Length; q++)
            {
                var before = sum;
                var leaves = new[] { "0", "1", "2", "3" };
                for (var r = 0; r < n; r++)
                {
                    if (failingRows.Contains(r))
                    {
                        sum += 1;
                        continue;
                    }

                    var g = Gen(q, r, levels[q]);
                    var under = leaves.Count(l => { qis[q].Hierarchy.TryGeneralize(l, levels[q], out var x, out _); return x == g; });
                    sum += (under - 1.0) / (leaves.Length - 1);
                }

                // ARX's geometric aggregate (MetricMDNMLoss's default): per attribute the mean cell loss l, then (Π (1 + l))^(1/Q) − 1.
                product *= 1.0 + ((sum - before) / n);
            }

            utility = metric == UtilityMetric.Loss ? sum / (n * qis.Length) : Math.Pow(product, 1.0 / qis.Length) - 1.0;
        }
        else
        {
            var sum = 0.0;
            for (var q = 0; q < qis.Length; q++)
            {
                for (var r = 0; r < n; r++)
                {
                    var original = table[qis[q].Column][r];
                    var countOriginal = Enumerable.Range(0, n).Count(x => table[qis[q].Column][x] == original);
                    var g = Gen(q, r, levels[q]);
                    var countGeneral = failingRows.Contains(r) ? n : Enumerable.Range(0, n).Count(x => Gen(q, x, levels[q]) == g);
                    sum += -Math.Log2((double)countOriginal / countGeneral);
                }
            }

            utility = sum;
        }

        return (suppressed, anonymous, utility);
    }

    private static bool Passes(PrivacyModel model, Table table, List<int> rows)
    {
        var size = rows.Count;
        switch (model)
        {
            case KAnonymity k:
                return size >= k.K;
            case DistinctLDiversity d:
                return rows.Select(r => table["s"][r]).Distinct().Count() >= d.L;
            case EntropyLDiversity e:
                var entropy = -rows.GroupBy(r => table["s"][r]).Sum(g => (double)g.Count() / size * Math.Log((double)g.Count() / size));
                return entropy >= Math.Log(e.L) - 1e-12;
            case RecursiveCLDiversity rc:
                var counts = rows.GroupBy(r => table["s"][r]).Select(g => g.Count()).OrderByDescending(c => c).ToList();
                return counts.Count >= rc.L && counts[0] < rc.C * counts.Skip(rc.L - 1).Sum();
            case TCloseness t:
                var column = t.SensitiveAttribute!;
                var all = Enumerable.Range(0, table.RowCount).Select(r => table[column][r]).ToList();
                var domain = all.Distinct().ToList();
                if (t.Ordered)
                {
                    domain = [.. domain.OrderBy(v => double.Parse(v))];
                }

                var p = domain.Select(v => rows.Count(r => table[column][r] == v) / (double)size).ToArray();
                var q = domain.Select(v => all.Count(x => x == v) / (double)all.Count).ToArray();
                double distance;
                if (!t.Ordered)
                {
                    distance = p.Zip(q, (a, b) => Math.Abs(a - b)).Sum() / 2;
                }
                else
                {
                    var cumulative = 0.0;
                    distance = 0;
                    for (var i = 0; i < domain.Count - 1; i++)
                    {
                        cumulative += p[i] - q[i];
                        distance += Math.Abs(cumulative);
                    }

                    distance /= domain.Count - 1;
                }

                return distance <= t.T + 1e-12;
            default:
                throw new ArgumentException(model.Name);
        }
    }

    [Theory]
    [InlineData("loss")]
    [InlineData("loss-geometric")]
    [InlineData("dm")]
    public void RollUp_EqualsDirectGroupingOnEveryNodeOfALatticeLargerThanItsCache(string metric)
    {
        // 1,728 nodes visited in index order: the roll-up cache (256 summaries) evicts and reuses its arrays many times.
        var table = RandomTable(400, 6, 5);
        var problem = GeneralizationProblem.Create(table, Qis(6), [new KAnonymity(3)], 0.05, Metric(metric));
        problem.NodeCount.ShouldBe(1728);
        var heights = problem.Heights.ToArray();
        for (var i = 0; i < problem.NodeCount; i++)
        {
            var levels = new int[heights.Length];
            var rest = i;
            for (var q = heights.Length - 1; q >= 0; q--)
            {
                levels[q] = rest % heights[q];
                rest /= heights[q];
            }

            var rolled = problem.Evaluate(levels);
            var direct = problem.Evaluate(levels, out _, out _);
            rolled.Suppressed.ShouldBe(direct.Suppressed, $"levels {string.Join(",", levels)}");
            rolled.Classes.ShouldBe(direct.Classes);
            rolled.MinClassSize.ShouldBe(direct.MinClassSize);
            rolled.Utility.ShouldBe(direct.Utility, 1e-9);
        }
    }

    [Fact]
    public void LossGeometric_IsArxsAggregateOfThePerAttributeLosses()
    {
        // Two quasi-identifiers whose per-attribute Loss is 1/3 and 0: the arithmetic mean is 1/6, ARX's geometric
        // aggregate is sqrt((1 + 1/3) * (1 + 0)) − 1.
        var table = Table.FromRows(["q0", "q1"], [["0", "0"], ["1", "0"], ["2", "0"], ["3", "0"]]);
        QuasiIdentifier[] qis = [new("q0", s_four), new("q1", s_four)];
        var arithmetic = GeneralizationProblem.Create(table, qis, [new KAnonymity(1)], 0, UtilityMetric.Loss).Evaluate([1, 0]);
        var geometric = GeneralizationProblem.Create(table, qis, [new KAnonymity(1)], 0, UtilityMetric.LossGeometric).Evaluate([1, 0]);
        arithmetic.Utility.ShouldBe(1.0 / 6, 1e-12);
        geometric.Utility.ShouldBe(Math.Sqrt(4.0 / 3) - 1, 1e-12);
        GeneralizationProblem.Create(table, qis, [new KAnonymity(1)], 0, UtilityMetric.LossGeometric).Evaluate([2, 2]).Utility.ShouldBe(1.0, 1e-12);
        GeneralizationProblem.Create(table, qis, [new KAnonymity(1)], 0, UtilityMetric.LossGeometric).Evaluate([0, 0]).Utility.ShouldBe(0.0, 1e-12);
    }

    [Fact]
    public void DeltaPresence_EqualsBruteForceAndMatchesExhaustive()
    {
        var population = RandomTable(200, 3, 11);
        var keep = Enumerable.Range(0, 200).Select(r => r % 4 != 0).ToArray();
        var sample = population.Where(keep);
        var qis = Qis(3);
        var problem = GeneralizationProblem.Create(sample, qis, [new DeltaPresence(0.5, 0.9)], 0.1, UtilityMetric.Loss, population);
        var levels = new[] { 1, 1, 1 };
        var result = problem.Evaluate(levels);
        string Key(Table t, int r) => string.Join("|", qis.Select((q, i) => { q.Hierarchy.TryGeneralize(t[q.Column][r], levels[i], out var g, out _); return g; }));
        var popCounts = Enumerable.Range(0, population.RowCount).GroupBy(r => Key(population, r)).ToDictionary(g => g.Key, g => g.Count());
        var failing = Enumerable.Range(0, sample.RowCount).GroupBy(r => Key(sample, r))
            .Where(g => { var d = (double)g.Count() / popCounts[g.Key]; return d < 0.5 || d > 0.9; }).Sum(g => g.Count());
        result.Suppressed.ShouldBe(failing);
        LatticeSearch.Optimal(problem).Best?.Utility.ShouldBe(LatticeSearch.Exhaustive(problem).Best!.Utility, 1e-9);
    }

    [Fact]
    public void Apply_GeneralisesAndSuppressesToAKAnonymousTable()
    {
        var table = RandomTable(200, 4, 5);
        var problem = GeneralizationProblem.Create(table, Qis(4), [new KAnonymity(5)], 0.05);
        var best = LatticeSearch.Optimal(problem).Best!;
        var output = problem.Apply(table, best.Levels, out var result);
        result.Suppressed.ShouldBe(best.Suppressed);
        var risk = Moa.Tabular.Risk.RiskAnalyzer.Analyze(output, ["q0", "q1", "q2", "q3"]);
        risk.MinClassSize.ShouldBeGreaterThanOrEqualTo(5);
        risk.Suppressed.ShouldBe(best.Suppressed);
        output["s"].Values.ShouldBe(table["s"].Values);
    }

    [Fact]
    public void Heuristic_FindsAnAnonymousNodeNoBetterThanTheOptimum()
    {
        var table = RandomTable(300, 5, 13);
        var problem = GeneralizationProblem.Create(table, Qis(5), [new KAnonymity(4)], 0.02);
        var heuristic = LatticeSearch.Heuristic(problem);
        var optimal = LatticeSearch.Optimal(problem);
        heuristic.Best.ShouldNotBeNull();
        heuristic.Best.Anonymous.ShouldBeTrue();
        heuristic.Best.Utility.ShouldBeGreaterThanOrEqualTo(optimal.Best!.Utility - 1e-12);
    }

    [Fact]
    public void Create_ValueOutsideHierarchy_NamesColumnAndRow()
    {
        var table = Table.FromRows(["q0"], [["0"], ["1"], ["9"]]);
        var ex = Should.Throw<MoaException>(() => GeneralizationProblem.Create(table, [new QuasiIdentifier("q0", s_four)], [new KAnonymity(2)], 0));
        ex.Message.ShouldContain("row 3");
        ex.Message.ShouldContain("column 'q0'");
        ex.Message.ShouldContain("'9'");
    }

    [Fact]
    public void Create_EmptyTable_IsAClearError()
    {
        var table = Table.FromRows(["q0"], []);
        Should.Throw<MoaException>(() => GeneralizationProblem.Create(table, [new QuasiIdentifier("q0", s_four)], [new KAnonymity(2)], 0))
            .Message.ShouldContain("no rows");
    }

    [Fact]
    public void Create_MissingColumn_IsAClearError()
    {
        var table = Table.FromRows(["q0"], [["0"]]);
        Should.Throw<MoaException>(() => GeneralizationProblem.Create(table, [new QuasiIdentifier("age", s_four)], [new KAnonymity(2)], 0))
            .Message.ShouldContain("'age'");
    }
}
