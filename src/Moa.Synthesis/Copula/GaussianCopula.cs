using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Moa.Synthesis.Data;

namespace Moa.Synthesis.Copula;

/// <summary>One modelled column of a copula: its marginal and its latent dimensions.</summary>
public sealed class CopulaColumn
{
    public string Name { get; set; } = "";

    public Marginal Marginal { get; set; } = new();

    /// <summary>Latent dimension of the value.</summary>
    public int ValueDim { get; set; }

    /// <summary>Latent dimension of the missing-value indicator of a numeric column, or -1 when it is never missing.</summary>
    public int MissingDim { get; set; } = -1;
}

/// <summary>
/// A Gaussian copula: each column is mapped through its own marginal to a standard normal score, the scores' correlation
/// is estimated, and samples are drawn from that multivariate normal and mapped back. Missing numbers are an extra binary
/// dimension so that missingness keeps its relation to the other columns. Not differentially private.
/// </summary>
public sealed class CopulaModel
{
    public List<CopulaColumn> Columns { get; set; } = [];

    /// <summary>Correlation of the latent normal scores (row-major, dims x dims).</summary>
    public double[][] Correlation { get; set; } = [];

    /// <summary>Fits the copula to the modelled columns of <paramref name="table"/>.</summary>
    public static CopulaModel Fit(ColumnTable table, int seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        var n = table.RowCount;
        var columns = new CopulaColumn[table.Columns.Count];
        var latent = new List<double[]>();
        var fitted = new (Marginal Marginal, double[] Z, double[]? MissingZ)[table.Columns.Count];
        Parallel.For(0, table.Columns.Count, c =>
        {
            var column = table.Columns[c];
            var rng = new Random(Seeds.Mix(seed, c));
            var (marginal, u) = Marginal.Fit(column, rng);
            var z = new double[n];
            double[]? missingZ = null;
            var p = marginal.MissingRate;
            if (column.Numbers is { } numbers && p > 0)
            {
                missingZ = new double[n];
                for (var i = 0; i < n; i++)
                {
                    var missing = double.IsNaN(numbers[i]);
                    // Present rows take (0, 1-p), missing rows (1-p, 1): the indicator as a one-column categorical.
                    var ui = missing ? (1 - p) + (rng.NextDouble() * p) : rng.NextDouble() * (1 - p);
                    missingZ[i] = Marginal.Probit(Math.Clamp(ui, 1e-9, 1 - 1e-9));
                    z[i] = missing ? Normal.Sample(rng, 0, 1) : Marginal.Probit(u[i]);
                }
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    z[i] = Marginal.Probit(u[i]);
                }
            }

            fitted[c] = (marginal, z, missingZ);
        });

        for (var c = 0; c < columns.Length; c++)
        {
            var col = new CopulaColumn { Name = table.Columns[c].Name, Marginal = fitted[c].Marginal, ValueDim = latent.Count };
            latent.Add(fitted[c].Z);
            if (fitted[c].MissingZ is { } mz)
            {
                col.MissingDim = latent.Count;
                latent.Add(mz);
            }

            columns[c] = col;
        }

        return new CopulaModel { Columns = [.. columns], Correlation = Correlate(latent, n) };
    }

    private static double[][] Correlate(List<double[]> latent, int n)
    {
        var d = latent.Count;
        var mean = new double[d];
        var sd = new double[d];
        for (var a = 0; a < d; a++)
        {
            var z = latent[a];
            mean[a] = n == 0 ? 0 : z.Average();
            var ss = 0.0;
            foreach (var v in z)
            {
                ss += (v - mean[a]) * (v - mean[a]);
            }

            sd[a] = Math.Sqrt(ss / Math.Max(1, n));
        }

        var corr = new double[d][];
        for (var a = 0; a < d; a++)
        {
            corr[a] = new double[d];
            corr[a][a] = 1;
        }

        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < d; a++)
        {
            for (var b = a + 1; b < d; b++)
            {
                pairs.Add((a, b));
            }
        }

        Parallel.ForEach(pairs, pair =>
        {
            var (a, b) = pair;
            var (za, zb) = (latent[a], latent[b]);
            var s = 0.0;
            for (var i = 0; i < n; i++)
            {
                s += (za[i] - mean[a]) * (zb[i] - mean[b]);
            }

            var r = sd[a] > 0 && sd[b] > 0 && n > 0 ? s / n / (sd[a] * sd[b]) : 0;
            corr[a][b] = corr[b][a] = Math.Clamp(r, -1, 1);
        });
        return corr;
    }

    /// <summary>Draws <paramref name="count"/> rows of the modelled columns, in the schema's kinds; same seed, same rows.</summary>
    internal ColumnTable Sample(int count, int seed, IReadOnlyList<ColumnSchema> schema)
    {
        var d = Correlation.Length;
        var lower = CholeskyFactor();
        var numbers = new double[Columns.Count][];
        var values = new string?[Columns.Count][];
        var kinds = Columns.Select(c => schema.First(s => s.Name == c.Name)).ToArray();
        for (var c = 0; c < Columns.Count; c++)
        {
            if (kinds[c].Kind == ColumnKind.Categorical)
            {
                values[c] = new string?[count];
            }
            else
            {
                numbers[c] = new double[count];
            }
        }

        const int chunk = 8192;
        var chunks = (count + chunk - 1) / chunk;
        Parallel.For(0, chunks, k =>
        {
            var rng = new Random(Seeds.Mix(seed, k));
            var e = new double[d];
            var z = new double[d];
            var end = Math.Min(count, (k + 1) * chunk);
            for (var i = k * chunk; i < end; i++)
            {
                Normal.Samples(rng, e, 0, 1);
                for (var a = 0; a < d; a++)
                {
                    var s = 0.0;
                    var row = lower[a];
                    for (var b = 0; b <= a; b++)
                    {
                        s += row[b] * e[b];
                    }

                    z[a] = s;
                }

                for (var c = 0; c < Columns.Count; c++)
                {
                    var col = Columns[c];
                    var u = Cdf(z[col.ValueDim]);
                    if (values[c] is { } v)
                    {
                        v[i] = col.Marginal.Category(u);
                        continue;
                    }

                    var missing = col.MissingDim >= 0 && Cdf(z[col.MissingDim]) > 1 - col.Marginal.MissingRate;
                    var x = missing ? double.NaN : col.Marginal.Number(u);
                    numbers[c]![i] = kinds[c].IsInteger && !double.IsNaN(x) ? Math.Round(x) : x;
                }
            }
        });

        var columns = new DataColumn[Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = kinds[c].Build(numbers[c], values[c]);
        }

        return new ColumnTable(columns);
    }

    private static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Constants.Sqrt2);

    /// <summary>Lower Cholesky factor of the correlation, shrunk towards the identity until it is positive definite.</summary>
    private double[][] CholeskyFactor()
    {
        var d = Correlation.Length;
        var m = Matrix<double>.Build.Dense(d, d, (i, j) => Correlation[i][j]);
        for (var shrink = 0.0; ; shrink = shrink == 0 ? 1e-8 : shrink * 10)
        {
            var s = m * (1 - shrink) + (Matrix<double>.Build.DenseIdentity(d) * shrink);
            try
            {
                var l = s.Cholesky().Factor;
                return [.. Enumerable.Range(0, d).Select(i => l.Row(i).ToArray())];
            }
            catch (ArgumentException) when (shrink < 0.5)
            {
                // Not positive definite (e.g. perfectly dependent columns): shrink more.
            }
        }
    }
}

/// <summary>Deterministic seeds for parallel parts (chunk k of seed s), independent of the thread count.</summary>
internal static class Seeds
{
    public static int Mix(int seed, long part)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ (ulong)part) + 0x9E3779B97F4A7C15UL;
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & 0x7FFFFFFF);
    }
}
