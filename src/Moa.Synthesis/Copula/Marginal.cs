using MathNet.Numerics.Distributions;
using Moa.Synthesis.Data;

namespace Moa.Synthesis.Copula;

/// <summary>
/// The distribution of one column, as a map between its values and (0, 1): a discrete support with cumulative bounds
/// (categories by frequency; numbers with few distinct values in order) or a quantile table for continuous numbers.
/// Missing numbers are not part of the map; their rate is kept and modelled by the copula as an indicator.
/// </summary>
public sealed class Marginal
{
    /// <summary>Numeric columns with at most this many distinct values are discrete (exact frequencies).</summary>
    internal const int MaxDiscreteNumbers = 256;

    /// <summary>Points of the quantile table of a continuous column.</summary>
    internal const int QuantilePoints = 2001;

    /// <summary>Categorical support in order (null is the missing value).</summary>
    public List<string?>? Categories { get; set; }

    /// <summary>Discrete numeric support, ascending.</summary>
    public List<double>? Values { get; set; }

    /// <summary>Upper cumulative probability of each discrete value; the last is 1.</summary>
    public List<double>? Cumulative { get; set; }

    /// <summary>Quantile table of a continuous column: value at probability i/(n-1).</summary>
    public List<double>? Quantiles { get; set; }

    /// <summary>Share of missing values of a numeric or date-time column.</summary>
    public double MissingRate { get; set; }

    internal bool IsDiscrete => Cumulative is not null;

    /// <summary>Fits the marginal and returns, for every row, a uniform score in (0, 1) (ties spread at random).</summary>
    internal static (Marginal Marginal, double[] Uniform) Fit(DataColumn column, Random rng)
    {
        var n = column.Length;
        var u = new double[n];
        if (column.Values is { } values)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var missing = 0;
            foreach (var v in values)
            {
                if (v is null)
                {
                    missing++;
                }
                else
                {
                    counts[v] = counts.GetValueOrDefault(v) + 1;
                }
            }

            var ordered = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => ((string?)kv.Key, kv.Value)).ToList();
            if (missing > 0)
            {
                ordered.Add((null, missing));
            }

            var cats = ordered.Select(o => o.Item1).ToList();
            var cum = Cumulate(ordered.Select(o => (double)o.Value), n);
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < cats.Count; k++)
            {
                if (cats[k] is { } c)
                {
                    index[c] = k;
                }
            }

            var nullIndex = cats.Count - 1;
            for (var i = 0; i < n; i++)
            {
                var k = values[i] is { } s ? index[s] : nullIndex;
                var lo = k == 0 ? 0 : cum[k - 1];
                u[i] = lo + (rng.NextDouble() * (cum[k] - lo));
            }

            Clamp(u);
            return (new Marginal { Categories = cats, Cumulative = cum }, u);
        }

        var numbers = column.Numbers!;
        var present = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(numbers[i]))
            {
                present.Add(i);
            }
        }

        var m = present.Count;
        var missingRate = n == 0 ? 0 : (n - m) / (double)n;
        if (m == 0)
        {
            return (new Marginal { Values = [], Cumulative = [], MissingRate = missingRate }, u);
        }

        var keys = new double[m];
        var rows = present.ToArray();
        for (var i = 0; i < m; i++)
        {
            keys[i] = numbers[rows[i]];
        }

        Array.Sort(keys, rows);
        var distinct = 1;
        for (var i = 1; i < m; i++)
        {
            if (keys[i] != keys[i - 1])
            {
                distinct++;
            }
        }

        // Each run of equal values gets scores spread uniformly over its share of (0, 1): exact for discrete columns.
        for (int start = 0, end; start < m; start = end)
        {
            end = start + 1;
            while (end < m && keys[end] == keys[start])
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                u[rows[i]] = (start + (rng.NextDouble() * (end - start))) / m;
            }
        }

        Clamp(u);
        Marginal marginal;
        if (distinct <= MaxDiscreteNumbers)
        {
            var vals = new List<double>(distinct);
            var freq = new List<double>(distinct);
            for (int start = 0, end; start < m; start = end)
            {
                end = start + 1;
                while (end < m && keys[end] == keys[start])
                {
                    end++;
                }

                vals.Add(keys[start]);
                freq.Add(end - start);
            }

            marginal = new Marginal { Values = vals, Cumulative = Cumulate(freq, m), MissingRate = missingRate };
        }
        else
        {
            var q = Math.Min(QuantilePoints, m);
            var table = new List<double>(q);
            for (var i = 0; i < q; i++)
            {
                var pos = q == 1 ? 0 : i * (m - 1) / (double)(q - 1);
                var lo = (int)Math.Floor(pos);
                var hi = Math.Min(m - 1, lo + 1);
                table.Add(keys[lo] + ((pos - lo) * (keys[hi] - keys[lo])));
            }

            marginal = new Marginal { Quantiles = table, MissingRate = missingRate };
        }

        return (marginal, u);
    }

    /// <summary>The category at probability <paramref name="u"/>.</summary>
    internal string? Category(double u) => Categories![Find(u)];

    /// <summary>The number at probability <paramref name="u"/> (NaN when the column was always missing).</summary>
    internal double Number(double u)
    {
        if (Cumulative is not null)
        {
            return Values!.Count == 0 ? double.NaN : Values[Find(u)];
        }

        var q = Quantiles!;
        var pos = u * (q.Count - 1);
        var lo = Math.Clamp((int)Math.Floor(pos), 0, q.Count - 1);
        var hi = Math.Min(q.Count - 1, lo + 1);
        return q[lo] + ((pos - lo) * (q[hi] - q[lo]));
    }

    private int Find(double u)
    {
        var cum = Cumulative!;
        int lo = 0, hi = cum.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (cum[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static List<double> Cumulate(IEnumerable<double> counts, double total)
    {
        var cum = new List<double>();
        var run = 0.0;
        foreach (var c in counts)
        {
            run += c;
            cum.Add(run / total);
        }

        if (cum.Count > 0)
        {
            cum[^1] = 1.0;
        }

        return cum;
    }

    private static void Clamp(double[] u)
    {
        const double eps = 1e-9;
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = Math.Clamp(u[i], eps, 1 - eps);
        }
    }

    /// <summary>Standard normal quantile.</summary>
    internal static double Probit(double u) => Normal.InvCDF(0, 1, u);
}
