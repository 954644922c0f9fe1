using Moa.Synthesis.Data;

namespace Moa.Synthesis.Evaluation;

/// <summary>Similarity of one column's distribution: 1 - Kolmogorov-Smirnov statistic (numbers, dates) or 1 - total variation (categories).</summary>
public sealed record ColumnScore(string Column, string Kind, string Metric, double Score, double MissingReal, double MissingSynthetic);

/// <summary>Similarity of one pair of columns: correlation similarity (both numeric) or contingency similarity (otherwise).</summary>
public sealed record PairScore(string A, string B, string Metric, double Score);

/// <summary>Per-column and pairwise fidelity of a synthetic table to the real one, in the SDMetrics sense.</summary>
internal static class Fidelity
{
    /// <summary>Numbers are cut into this many quantile bins of the real column for contingency tables.</summary>
    private const int Bins = 10;

    public static List<ColumnScore> Columns(ColumnTable real, ColumnTable synthetic) =>
        [.. real.Columns.Select(r =>
        {
            var s = synthetic[r.Name];
            var missingReal = MissingRate(r);
            var missingSynthetic = MissingRate(s);
            return r.Kind == ColumnKind.Categorical
                ? new ColumnScore(r.Name, "categorical", "TV complement", 1 - TotalVariation(r.Values!, s.Values!), missingReal, missingSynthetic)
                : new ColumnScore(r.Name, r.Kind == ColumnKind.DateTime ? "datetime" : "numeric", "KS complement", 1 - Ks(r.Numbers!, s.Numbers!), missingReal, missingSynthetic);
        })];

    public static List<PairScore> Pairs(ColumnTable real, ColumnTable synthetic)
    {
        var names = real.Columns.Select(c => c.Name).ToArray();
        var codes = new (int[] Real, int[] Synthetic, int Size)[names.Length];
        Parallel.For(0, names.Length, c => codes[c] = Codes(real[names[c]], synthetic[names[c]]));
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < names.Length; a++)
        {
            for (var b = a + 1; b < names.Length; b++)
            {
                pairs.Add((a, b));
            }
        }

        var scores = new PairScore[pairs.Count];
        Parallel.For(0, pairs.Count, p =>
        {
            var (a, b) = pairs[p];
            var (ra, rb) = (real[names[a]], real[names[b]]);
            if (ra.Kind != ColumnKind.Categorical && rb.Kind != ColumnKind.Categorical)
            {
                var cr = Pearson(ra.Numbers!, rb.Numbers!);
                var cs = Pearson(synthetic[names[a]].Numbers!, synthetic[names[b]].Numbers!);
                scores[p] = new PairScore(names[a], names[b], "correlation similarity", 1 - (Math.Abs(cr - cs) / 2));
            }
            else
            {
                var (x, y) = (codes[a], codes[b]);
                var tv = 0.0;
                var hr = Joint(x.Real, y.Real, x.Size, y.Size);
                var hs = Joint(x.Synthetic, y.Synthetic, x.Size, y.Size);
                var (nr, ns) = (Math.Max(1, x.Real.Length), Math.Max(1, x.Synthetic.Length));
                for (var k = 0; k < hr.Length; k++)
                {
                    tv += Math.Abs((hr[k] / (double)nr) - (hs[k] / (double)ns));
                }

                scores[p] = new PairScore(names[a], names[b], "contingency similarity", 1 - (tv / 2));
            }
        });
        return [.. scores];
    }

    private static double MissingRate(DataColumn c) => c.Length == 0 ? 0 : Enumerable.Range(0, c.Length).Count(c.IsMissing) / (double)c.Length;

    internal static double TotalVariation(string?[] real, string?[] synthetic)
    {
        var counts = new Dictionary<string, (double R, double S)>(StringComparer.Ordinal);
        foreach (var v in real)
        {
            var key = v ?? "\0missing";
            var cur = counts.GetValueOrDefault(key);
            counts[key] = (cur.R + 1, cur.S);
        }

        foreach (var v in synthetic)
        {
            var key = v ?? "\0missing";
            var cur = counts.GetValueOrDefault(key);
            counts[key] = (cur.R, cur.S + 1);
        }

        var (nr, ns) = (Math.Max(1, real.Length), Math.Max(1, synthetic.Length));
        return counts.Values.Sum(c => Math.Abs((c.R / nr) - (c.S / ns))) / 2;
    }

    /// <summary>Two-sample Kolmogorov-Smirnov statistic over present values (1 when only one side has any).</summary>
    internal static double Ks(double[] real, double[] synthetic)
    {
        var a = real.Where(v => !double.IsNaN(v)).ToArray();
        var b = synthetic.Where(v => !double.IsNaN(v)).ToArray();
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 0 : 1;
        }

        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        var d = 0.0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == x)
            {
                i++;
            }

            while (j < b.Length && b[j] == x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((i / (double)a.Length) - (j / (double)b.Length)));
        }

        return d;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
            {
                continue;
            }

            n++;
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }

        if (n < 2)
        {
            return 0;
        }

        var cov = (sxy / n) - (sx / n * sy / n);
        var vx = (sxx / n) - (sx / n * sx / n);
        var vy = (syy / n) - (sy / n * sy / n);
        return vx <= 0 || vy <= 0 ? 0 : Math.Clamp(cov / Math.Sqrt(vx * vy), -1, 1);
    }

    /// <summary>Codes of both tables' values in one shared domain: categories, or quantile bins of the real numbers (+ missing).</summary>
    private static (int[] Real, int[] Synthetic, int Size) Codes(DataColumn real, DataColumn synthetic)
    {
        if (real.Values is not null)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            int Code(string? v)
            {
                if (v is null)
                {
                    return 0;
                }

                if (!index.TryGetValue(v, out var c))
                {
                    c = index.Count + 1;
                    index[v] = c;
                }

                return c;
            }

            var r = real.Values.Select(Code).ToArray();
            var s = synthetic.Values!.Select(Code).ToArray();
            return (r, s, index.Count + 1);
        }

        var present = real.Numbers!.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        var edges = present.Length == 0 ? [] : Enumerable.Range(1, Bins - 1).Select(k => present[k * (present.Length - 1) / Bins]).Distinct().ToArray();
        int Bin(double v) => double.IsNaN(v) ? 0 : 1 + UpperBound(edges, v);
        return ([.. real.Numbers!.Select(Bin)], [.. synthetic.Numbers!.Select(Bin)], edges.Length + 2);
    }

    private static int UpperBound(double[] edges, double v)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (edges[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int[] Joint(int[] a, int[] b, int sa, int sb)
    {
        var h = new int[sa * sb];
        for (var i = 0; i < a.Length; i++)
        {
            h[(a[i] * sb) + b[i]]++;
        }

        return h;
    }
}
