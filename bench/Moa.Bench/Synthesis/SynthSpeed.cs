using System.Diagnostics;
using System.Globalization;
using Moa.Synthesis;
using Moa.Synthesis.Data;
using Moa.Synthesis.Evaluation;

namespace Moa.Bench.Synthesis;

/// <summary>
/// Scale measurements of bench/synth.sh on seeded in-memory tables (no parsing in the timings):
/// <c>copula ROWS COLS</c> fits and samples a Gaussian copula; <c>privacy ROWS COLS QUERIES</c> runs the distance,
/// exact-match, membership, singling-out and linkability figures of <c>moa synth evaluate</c>. Each prints the time of a
/// same-run baseline beside it: one sort of every column (what any rank-based fit must at least do) and one full
/// pass of distance computations from one query row over the reference table.
/// </summary>
internal static class SynthSpeed
{
    public static int Run(string[] args)
    {
        var mode = args[0];
        var rows = int.Parse(args[1], CultureInfo.InvariantCulture);
        var cols = int.Parse(args[2], CultureInfo.InvariantCulture);
        Console.WriteLine($"cores {Environment.ProcessorCount}; {rows:N0} rows x {cols} columns");
        var watch = Stopwatch.StartNew();
        var real = Table(rows, cols, 1);
        Console.WriteLine($"generate: {watch.Elapsed.TotalSeconds:0.0} s (not counted)");
        if (mode == "copula")
        {
            watch.Restart();
            foreach (var c in real.Columns.Where(c => c.Numbers is not null))
            {
                var copy = (double[])c.Numbers!.Clone();
                Array.Sort(copy);
            }

            var baseline = watch.Elapsed.TotalSeconds;
            var cpu0 = Cpu();
            watch.Restart();
            var model = SynthModel.Fit(real, SynthSpec.Parse("synthesizer: copula\nseed: 1"));
            var fit = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var synthetic = model.Sample(rows);
            var sample = watch.Elapsed.TotalSeconds;
            var cpu = Cpu() - cpu0;
            var ks = Fidelity.Columns(real, synthetic).Average(c => c.Score);
            Console.WriteLine($"copula fit {fit:0.00} s + sample {sample:0.00} s = {fit + sample:0.00} s; baseline (sort every numeric column once) {baseline:0.00} s, ratio {(fit + sample) / baseline:0.0}x; mean column fidelity {ks:0.0000}; CPU {cpu:0.0} s (all threads); peak working set {PeakGiB():0.00} GiB");
            return 0;
        }

        var queries = int.Parse(args[3], CultureInfo.InvariantCulture);
        var synthetic2 = Table(rows, cols, 2);
        var holdout = Table(rows / 5, cols, 3);
        watch.Restart();
        var encoding = new RowEncoding(real, [.. real.Names]);
        var encoded = encoding.Encode(real);
        var one = encoding.Encode(holdout, [0]);
        var encodeTime = watch.Elapsed.TotalSeconds;
        watch.Restart();
        encoding.Nearest(one, encoded);
        var pass = watch.Elapsed.TotalSeconds;
        var cpuStart = Cpu();
        watch.Restart();
        var scores = PrivacyAttacks.Run(real, holdout, synthetic2, new EvaluationOptions { Queries = queries });
        var total = watch.Elapsed.TotalSeconds;
        var cpuTotal = Cpu() - cpuStart;
        Console.WriteLine($"privacy figures {total:0.0} s wall, CPU {cpuTotal:0.0} s (DCR {queries:N0}+{queries:N0} queries vs {rows:N0} rows, closer-to-train share, membership {queries:N0}+{queries:N0} vs {rows:N0} synthetic rows, exact matches over all rows, singling out, linkability); baseline one query over the table {pass * 1000:0.0} ms (encode {encodeTime:0.0} s); peak working set {PeakGiB():0.00} GiB");
        Console.WriteLine("profile (CPU s): " + string.Join(", ", scores.Profile.Select(p => $"{p.Phase} {p.CpuSeconds:0.0}")));
        Console.WriteLine($"DCR median synthetic {scores.DcrSyntheticMedian:0.0000} vs holdout {scores.DcrHoldoutMedian:0.0000}; closer-to-train share {scores.DcrCloserToTrainShare:0.000}; membership AUC {scores.MembershipAuc:0.000}; exact {scores.ExactMatchRate:0.0000} vs {scores.ExactMatchBaseline:0.0000}");
        return 0;
    }

    /// <summary>A seeded table: numeric columns from a correlated normal (half continuous, half whole numbers), then categorical ones.</summary>
    internal static ColumnTable Table(int rows, int cols, int seed)
    {
        var numeric = cols / 2;
        var columns = new DataColumn[cols];
        var categories = Enumerable.Range(0, 12).Select(k => "c" + k.ToString(CultureInfo.InvariantCulture)).ToArray();
        Parallel.For(0, cols, c =>
        {
            var rng = new Random((seed * 1000) + c);
            var shared = new Random(seed);
            if (c < numeric)
            {
                var v = new double[rows];
                for (var i = 0; i < rows; i++)
                {
                    var z = (0.6 * Gauss(shared)) + (0.8 * Gauss(rng));
                    v[i] = c % 2 == 0 ? Math.Round(1000 * Math.Exp(z), 2) : Math.Round(40 + (12 * z));
                }

                columns[c] = DataColumn.Numeric("n" + c.ToString(CultureInfo.InvariantCulture), v, c % 2 != 0);
            }
            else
            {
                var v = new string?[rows];
                for (var i = 0; i < rows; i++)
                {
                    var z = (0.6 * Gauss(shared)) + (0.8 * Gauss(rng));
                    v[i] = categories[Math.Clamp((int)((z + 3) * 2), 0, categories.Length - 1)];
                }

                columns[c] = DataColumn.Categorical("k" + c.ToString(CultureInfo.InvariantCulture), v);
            }
        });
        return new ColumnTable(columns);
    }

    private static double PeakGiB() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
