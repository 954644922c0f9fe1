using MathNet.Numerics.LinearAlgebra;

namespace Moa.Evaluation.Leaderboard;

/// <summary>The outcome of one blind pairwise battle, from model A's side.</summary>
public enum BattleOutcome
{
    AWins,
    BWins,
    Tie,
}

/// <summary>
/// One blind battle: two anonymous answers to the same prompt and the voter's choice. <see cref="LengthA"/> and
/// <see cref="LengthB"/> (characters of each answer) feed the length control; leave them 0 to fit without it.
/// </summary>
public readonly record struct Battle(string ModelA, string ModelB, BattleOutcome Outcome, int LengthA = 0, int LengthB = 0);

/// <summary>A model's Bradley–Terry rating on the Elo-like scale (mean 1000, 400 points = 10:1 odds) with its bootstrap interval.</summary>
public sealed record BtRating(string Model, double Rating, double Low, double High, int Battles)
{
    /// <summary>The bootstrap replicates of the rating, in resample order (to combine with other criteria's replicates).</summary>
    public IReadOnlyList<double> Replicates { get; init; } = [];
}

/// <summary>A fitted Bradley–Terry model: ratings best first, and the length coefficient when length was controlled.</summary>
public sealed record BtResult(IReadOnlyList<BtRating> Ratings, double? LengthCoefficient);

/// <summary>
/// Bradley–Terry scores from pairwise votes, fitted as a logistic regression (the way LMArena computes its leaderboard):
/// P(A beats B) = σ(β_A − β_B + γ·d), where d is the normalised length difference (len_A − len_B)/(len_A + len_B) when
/// <c>controlLength</c> is set ("style control"), so that a model is not rewarded for long answers alone. A tie counts as half
/// a win for each side. Fitted by Newton's method with a tiny ridge for identifiability; ratings are centred on 1000;
/// intervals come from a percentile bootstrap over battles.
/// </summary>
public static class BradleyTerry
{
    private const double Scale = 400 / 2.302585092994046; // 400 / ln 10: 400 rating points = 10:1 odds
    private const double Ridge = 1e-8;

    public static BtResult Fit(IReadOnlyList<Battle> battles, bool controlLength = false, int resamples = 1000, int seed = 1234, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(battles);
        if (battles.Count == 0)
        {
            throw new ArgumentException("no battles to rate.", nameof(battles));
        }

        var models = battles.SelectMany(b => new[] { b.ModelA, b.ModelB }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = models.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        foreach (var b in battles)
        {
            if (b.ModelA == b.ModelB)
            {
                throw new ArgumentException($"a battle pits {b.ModelA} against itself.", nameof(battles));
            }
        }

        var counts = new int[models.Length];
        foreach (var b in battles)
        {
            counts[index[b.ModelA]]++;
            counts[index[b.ModelB]]++;
        }

        // Per battle once: the two models' indexes, the length feature and the outcome (no lookups in the fitting loops).
        var rowsOf = new Rows(
            [.. battles.Select(b => index[b.ModelA])],
            [.. battles.Select(b => index[b.ModelB])],
            [.. battles.Select(b => controlLength ? LengthFeature(b) : 0)],
            [.. battles.Select(b => b.Outcome switch { BattleOutcome.AWins => 1.0, BattleOutcome.BWins => 0.0, _ => 0.5 })]);
        var all = Enumerable.Range(0, battles.Count).ToArray();
        var (beta, gamma, fitted) = Solve(rowsOf, all, null, models.Length, controlLength, null);
        var samples = new double[models.Length][];
        for (var m = 0; m < models.Length; m++)
        {
            samples[m] = new double[Math.Max(0, resamples)];
        }

        // The resamples are drawn in order from one seeded stream, then fitted in parallel: the same result at any thread count.
        // A resample is kept as the battles it drew with how often it drew each (the likelihood only needs the counts), and
        // its fit starts from the full data's solution, a few Newton steps away.
        var rng = new Random(seed);
        var picks = new (int[] Rows, int[] Weights)[Math.Max(0, resamples)];
        var drawn = new int[battles.Count];
        for (var r = 0; r < picks.Length; r++)
        {
            Array.Clear(drawn);
            for (var i = 0; i < drawn.Length; i++)
            {
                drawn[rng.Next(drawn.Length)]++;
            }

            var rows = new List<int>(drawn.Length);
            var weights = new List<int>(drawn.Length);
            for (var i = 0; i < drawn.Length; i++)
            {
                if (drawn[i] > 0)
                {
                    rows.Add(i);
                    weights.Add(drawn[i]);
                }
            }

            picks[r] = ([.. rows], [.. weights]);
        }

        Parallel.For(0, picks.Length, r =>
        {
            var (bs, _, _) = Solve(rowsOf, picks[r].Rows, picks[r].Weights, models.Length, controlLength, fitted);
            for (var m = 0; m < models.Length; m++)
            {
                samples[m][r] = bs[m];
            }
        });

        var alpha = (1 - confidence) / 2;
        var ratings = new List<BtRating>(models.Length);
        for (var m = 0; m < models.Length; m++)
        {
            double low = double.NaN, high = double.NaN;
            var replicates = (double[])samples[m].Clone();
            if (resamples > 0)
            {
                Array.Sort(samples[m]);
                low = Statistics.SampleStatistics.Percentile(samples[m], alpha);
                high = Statistics.SampleStatistics.Percentile(samples[m], 1 - alpha);
            }

            ratings.Add(new BtRating(models[m], beta[m], low, high, counts[m]) { Replicates = replicates });
        }

        return new BtResult([.. ratings.OrderByDescending(r => r.Rating).ThenBy(r => r.Model, StringComparer.Ordinal)], controlLength ? gamma : null);
    }

    /// <summary>
    /// Ratings (centred on 1000), the length coefficient and the raw coefficients from the battles at <paramref name="rows"/>,
    /// each counted <paramref name="weights"/> times (once where null), Newton's method from <paramref name="start"/> (zeros where null).
    /// </summary>
    private static (double[] Ratings, double Gamma, double[] Coefficients) Solve(Rows data, int[] rows, int[]? weights, int k, bool controlLength, double[]? start)
    {
        var p = k + (controlLength ? 1 : 0);
        var w = start is null ? new double[p] : (double[])start.Clone();
        var grad = new double[p];
        var hess = new double[p, p];
        for (var iteration = 0; iteration < 100; iteration++)
        {
            Array.Clear(grad);
            Array.Clear(hess);
            for (var j = 0; j < rows.Length; j++)
            {
                var row = rows[j];
                var n = weights is null ? 1 : weights[j];
                int a = data.A[row], c = data.B[row];
                var d = data.Length[row];
                var z = w[a] - w[c] + (controlLength ? w[k] * d : 0);
                var prob = 1 / (1 + Math.Exp(-z));
                var y = data.Y[row];
                var residual = n * (y - prob);
                var weight = n * prob * (1 - prob);
                grad[a] += residual;
                grad[c] -= residual;
                hess[a, a] += weight;
                hess[c, c] += weight;
                hess[a, c] -= weight;
                hess[c, a] -= weight;
                if (controlLength)
                {
                    grad[k] += residual * d;
                    hess[k, k] += weight * d * d;
                    hess[a, k] += weight * d;
                    hess[k, a] += weight * d;
                    hess[c, k] -= weight * d;
                    hess[k, c] -= weight * d;
                }
            }

            for (var i = 0; i < p; i++)
            {
                grad[i] -= Ridge * w[i];
                hess[i, i] += Ridge;
            }

            var step = Matrix<double>.Build.DenseOfArray(hess).Solve(Vector<double>.Build.Dense(grad));
            var shift = 0.0;
            for (var i = 0; i < p; i++)
            {
                // Undefeated or winless models drift to ±∞ under maximum likelihood: cap the step so the ridge holds them.
                var s = Math.Clamp(step[i], -5, 5);
                w[i] += s;
                step[i] = s;
                shift += i < k ? s / k : 0;
            }

            // Converged when the ratings stop moving. A common shift of all models changes nothing (ratings are centred) and
            // only the tiny ridge pins it, so rounding noise moves it by far more than 1e-10: it is left out of the test.
            var largest = 0.0;
            for (var i = 0; i < p; i++)
            {
                largest = Math.Max(largest, Math.Abs(i < k ? step[i] - shift : step[i]));
            }

            if (largest < 1e-10)
            {
                break;
            }
        }

        var mean = 0.0;
        for (var i = 0; i < k; i++)
        {
            mean += w[i];
        }

        mean /= k;
        var ratings = new double[k];
        for (var i = 0; i < k; i++)
        {
            ratings[i] = 1000 + (Scale * (w[i] - mean));
        }

        return (ratings, controlLength ? w[k] : 0, w);
    }

    private sealed record Rows(int[] A, int[] B, double[] Length, double[] Y);

    private static double LengthFeature(Battle b)
    {
        var total = (double)b.LengthA + b.LengthB;
        return total <= 0 ? 0 : (b.LengthA - b.LengthB) / total;
    }
}
