using System.Diagnostics;
using System.Globalization;
using Moa.Tabular.Hierarchies;
using Moa.Tabular.Models;
using Moa.Tabular.Risk;
using Moa.Tabular.Search;
using Moa.Tabular.Tables;

namespace Moa.Bench.Tabular;

/// <summary>
/// `deid DIR [ROUNDS]`: on gen_adult output in DIR (adult.csv + hierarchy_*.csv), times reading, the k-anonymity check of
/// the 8 quasi-identifiers, building the search problem, the optimal search (k=5, 5% suppression, Loss) and, as the
/// same-run baseline, the exhaustive search of the same lattice (skipped above 100k rows); prints the Loss found and memory.
/// </summary>
public static class DeidBench
{
    private static readonly string[] s_qis = ["age", "sex", "race", "marital-status", "education", "native-country", "workclass", "salary-class"];

    public static int Run(string dir, int rounds)
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var table = TableReader.Read(Path.Combine(dir, "adult.csv"));
        var read = watch.Elapsed.TotalSeconds;
        var tableBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"rows {table.RowCount:N0}, read {read:F2} s, table in memory {tableBytes / 1e6:F1} MB ({tableBytes / (double)table.RowCount:F1} B/row)");

        var check = new List<double>();
        var k = 0;
        var checkCpu = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            k = EquivalenceClasses.Of(table, s_qis).MinSize;
            check.Add(watch.Elapsed.TotalSeconds);
            checkCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        Console.WriteLine($"k-anonymity check ({s_qis.Length} QIs): k={k}, median {Median(check) * 1000:F1} ms wall, {Median(checkCpu) * 1000:F1} ms CPU over {rounds}");

        var qis = s_qis.Select(q => new QuasiIdentifier(q, Hierarchy.FromArxCsv(Path.Combine(dir, $"hierarchy_{q}.csv")))).ToArray();
        var build = new List<double>();
        var search = new List<double>();
        var searchCpu = new List<double>();
        GeneralizationProblem? problem = null;
        SearchResult? result = null;
        var beforeProblem = GC.GetTotalMemory(forceFullCollection: true);
        long problemBytes = 0;
        for (var i = 0; i < rounds; i++)
        {
            problem = null;
            watch.Restart();
            problem = GeneralizationProblem.Create(table, qis, [new KAnonymity(5)], 0.05, UtilityMetric.Loss);
            build.Add(watch.Elapsed.TotalSeconds);
            if (i == 0)
            {
                problemBytes = GC.GetTotalMemory(forceFullCollection: true) - beforeProblem;
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            result = LatticeSearch.Optimal(problem);
            search.Add(watch.Elapsed.TotalSeconds);
            searchCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        var best = result!.Best!;
        Console.WriteLine($"problem: {problem!.Cells:N0} cells, {problemBytes / 1e6:F1} MB; build median {Median(build):F3} s");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"optimal search: median {Median(search):F3} s wall, {Median(searchCpu):F3} s CPU (build+search {Median(build) + Median(search):F3} s); nodes {result.NodesTotal:N0}, evaluated {result.NodesEvaluated:N0}, pruned {result.NodesPruned:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"optimum: levels [{string.Join(",", best.Levels)}], Loss {best.Utility:F6}, suppressed {best.Suppressed:N0} ({100.0 * best.Suppressed / table.RowCount:F2}%), classes {best.Classes:N0}, min class {best.MinClassSize}"));

        if (table.RowCount <= 100_000)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var exhaustive = LatticeSearch.Exhaustive(problem);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"baseline exhaustive search: {seconds:F3} s wall, {cpuSeconds:F3} s CPU, Loss {exhaustive.Best!.Utility:F6} (same optimum: {Math.Abs(exhaustive.Best.Utility - best.Utility) < 1e-9}); optimal is {cpuSeconds / Median(searchCpu):F1}x less CPU"));
        }

        // ARX's Loss with ARX's default aggregate (MetricMDNMLoss: geometric mean), the metric of ARX's own benchmarks.
        var geometricSearch = new List<double>();
        var geometricCpu = new List<double>();
        SearchResult? geometric = null;
        GeneralizationProblem? geometricProblem = null;
        for (var i = 0; i < rounds; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            geometricProblem = GeneralizationProblem.Create(table, qis, [new KAnonymity(5)], 0.05, UtilityMetric.LossGeometric);
            geometric = LatticeSearch.Optimal(geometricProblem);
            geometricSearch.Add(watch.Elapsed.TotalSeconds);
            geometricCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        var g = geometric!.Best!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"optimal search, Loss with ARX's geometric aggregate (build+search): median {Median(geometricSearch):F3} s wall, {Median(geometricCpu):F3} s CPU; evaluated {geometric.NodesEvaluated:N0}; levels [{string.Join(",", g.Levels)}], Loss(geometric) {g.Utility:F6}, suppressed {g.Suppressed:N0} ({100.0 * g.Suppressed / table.RowCount:F2}%)"));
        if (table.RowCount <= 100_000)
        {
            var exhaustive = LatticeSearch.Exhaustive(geometricProblem!);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"baseline exhaustive search (geometric): {exhaustive.Elapsed.TotalSeconds:F3} s wall, Loss(geometric) {exhaustive.Best!.Utility:F6} (same optimum: {Math.Abs(exhaustive.Best.Utility - g.Utility) < 1e-9})"));
        }

        var heuristic = LatticeSearch.Heuristic(problem);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heuristic: {heuristic.Elapsed.TotalSeconds:F3} s, Loss {heuristic.Best?.Utility:F6}, evaluated {heuristic.NodesEvaluated}"));
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
