namespace Moa.Evaluation.Statistics;

/// <summary>Result of McNemar's test on paired correct/incorrect outcomes of two models.</summary>
/// <param name="OnlyA">Items A got right and B got wrong (b).</param>
/// <param name="OnlyB">Items B got right and A got wrong (c).</param>
/// <param name="ExactP">Two-sided exact binomial p-value, n = b + c, p = 0.5.</param>
/// <param name="ChiSquare">(|b - c| - 1)^2 / (b + c), the statistic with Edwards' continuity correction.</param>
/// <param name="CorrectedP">p-value of <paramref name="ChiSquare"/> under chi-square with 1 degree of freedom.</param>
public readonly record struct McNemarResult(int OnlyA, int OnlyB, double ExactP, double ChiSquare, double CorrectedP);

/// <summary>Result of a paired bootstrap of the difference of means (B - A).</summary>
public readonly record struct PairedBootstrapResult(double Delta, double CiLow, double CiHigh, double PValue, int Resamples);

/// <summary>Significance tests for two models scored on the same items.</summary>
public static class PairedTests
{
    /// <summary>McNemar's test: exact (binomial) and chi-square with continuity correction.</summary>
    public static McNemarResult McNemar(ReadOnlySpan<bool> correctA, ReadOnlySpan<bool> correctB)
    {
        if (correctA.Length != correctB.Length)
        {
            throw new ArgumentException("Paired outcomes must have the same length.", nameof(correctB));
        }

        int b = 0, c = 0;
        for (var i = 0; i < correctA.Length; i++)
        {
            if (correctA[i] && !correctB[i]) b++;
            else if (!correctA[i] && correctB[i]) c++;
        }

        return McNemar(b, c);
    }

    /// <summary>McNemar's test from the discordant counts.</summary>
    public static McNemarResult McNemar(int onlyA, int onlyB)
    {
        var n = onlyA + onlyB;
        if (n == 0)
        {
            return new McNemarResult(onlyA, onlyB, 1.0, 0.0, 1.0);
        }

        var k = Math.Min(onlyA, onlyB);
        var logHalfN = n * Math.Log(0.5);
        var logPmf = logHalfN; // log C(n,0) 0.5^n
        var tail = 0.0;
        for (var i = 0; i <= k; i++)
        {
            tail += Math.Exp(logPmf);
            logPmf += Math.Log((double)(n - i) / (i + 1));
        }

        var exact = Math.Min(1.0, 2 * tail);
        var diff = Math.Max(Math.Abs(onlyA - onlyB) - 1.0, 0.0);
        var chi = diff * diff / n;
        return new McNemarResult(onlyA, onlyB, exact, chi, ChiSquare1Survival(chi));
    }

    /// <summary>
    /// Paired bootstrap of mean(B) - mean(A): resamples item indices with replacement; the interval is the percentile interval,
    /// the two-sided p-value is the share of resampled deltas at least as far from the observed delta as the observed delta is
    /// from zero (the shifted-null test of Berg-Kirkpatrick et al., 2012), with +1 smoothing.
    /// </summary>
    public static PairedBootstrapResult PairedBootstrap(ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB, int resamples = 10_000, int seed = 1234, double confidence = 0.95)
    {
        if (scoresA.Length != scoresB.Length || scoresA.Length == 0)
        {
            throw new ArgumentException("Paired scores must be non-empty and of the same length.", nameof(scoresB));
        }

        var n = scoresA.Length;
        var diffs = new double[n];
        for (var i = 0; i < n; i++)
        {
            diffs[i] = scoresB[i] - scoresA[i];
        }

        var delta = SampleStatistics.Mean(diffs);
        var rng = new Random(seed);
        var deltas = new double[resamples];
        var extreme = 0;
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += diffs[rng.Next(n)];
            }

            deltas[r] = sum / n;
            if (Math.Abs(deltas[r] - delta) >= Math.Abs(delta) - 1e-12)
            {
                extreme++;
            }
        }

        Array.Sort(deltas);
        var alpha = (1 - confidence) / 2;
        var p = (extreme + 1.0) / (resamples + 1.0);
        return new PairedBootstrapResult(delta, SampleStatistics.Percentile(deltas, alpha), SampleStatistics.Percentile(deltas, 1 - alpha), Math.Min(1.0, p), resamples);
    }

    /// <summary>P(X &gt;= x) for chi-square with one degree of freedom: erfc(sqrt(x / 2)).</summary>
    public static double ChiSquare1Survival(double x) => x <= 0 ? 1.0 : Erfc(Math.Sqrt(x / 2));

    /// <summary>Complementary error function, accurate to about 1e-14 (Taylor series below 2, Lentz continued fraction above).</summary>
    public static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x < 2)
        {
            // erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
            double term = x, sum = x, x2 = x * x;
            for (var n = 1; n < 100; n++)
            {
                term *= -x2 / n;
                var add = term / ((2 * n) + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }

            return 1 - (2 / Math.Sqrt(Math.PI) * sum);
        }

        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), modified Lentz.
        const double Tiny = 1e-300;
        var f = x;
        double c = x, d = 0;
        for (var k = 1; k < 500; k++)
        {
            var a = k / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = x + (a / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
