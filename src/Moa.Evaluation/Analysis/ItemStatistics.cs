namespace Moa.Evaluation.Analysis;

/// <summary>Small statistics used by item analysis and validation: quantiles, chi-square tail probabilities, point-biserial correlation.</summary>
public static class ItemStatistics
{
    /// <summary>Quantile of sorted values by linear interpolation between order statistics (type 7, as in R and NumPy).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    /// <summary>Chi-square goodness-of-fit p-value of <paramref name="observed"/> counts against a uniform distribution.</summary>
    public static double ChiSquareUniformPValue(ReadOnlySpan<int> observed)
    {
        var expected = new double[observed.Length];
        double total = 0;
        foreach (var o in observed)
        {
            total += o;
        }

        Array.Fill(expected, total / observed.Length);
        return ChiSquarePValue(observed, expected);
    }

    /// <summary>Chi-square goodness-of-fit p-value of observed counts against expected counts (cells with expectation 0 are skipped).</summary>
    public static double ChiSquarePValue(ReadOnlySpan<int> observed, ReadOnlySpan<double> expected)
    {
        double statistic = 0;
        var cells = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (expected[i] <= 0)
            {
                continue;
            }

            var d = observed[i] - expected[i];
            statistic += d * d / expected[i];
            cells++;
        }

        return cells < 2 ? 1.0 : ChiSquareSurvival(statistic, cells - 1);
    }

    /// <summary>P(X ≥ <paramref name="statistic"/>) for a chi-square variable with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double ChiSquareSurvival(double statistic, int degreesOfFreedom) =>
        statistic <= 0 ? 1.0 : UpperRegularizedGamma(degreesOfFreedom / 2.0, statistic / 2.0);

    /// <summary>
    /// Point-biserial correlation between a binary variable and a continuous one (Pearson's r with one variable 0/1);
    /// NaN when either variable is constant.
    /// </summary>
    public static double PointBiserial(ReadOnlySpan<bool> binary, ReadOnlySpan<double> values)
    {
        var n = binary.Length;
        if (n != values.Length)
        {
            throw new ArgumentException("binary and values must have the same length.", nameof(values));
        }

        double sum1 = 0, sum0 = 0, mean = 0;
        var n1 = 0;
        for (var i = 0; i < n; i++)
        {
            mean += values[i];
            if (binary[i])
            {
                sum1 += values[i];
                n1++;
            }
            else
            {
                sum0 += values[i];
            }
        }

        var n0 = n - n1;
        if (n1 == 0 || n0 == 0)
        {
            return double.NaN;
        }

        mean /= n;
        double variance = 0;
        for (var i = 0; i < n; i++)
        {
            variance += (values[i] - mean) * (values[i] - mean);
        }

        variance /= n;
        if (variance <= 1e-15)
        {
            return double.NaN;
        }

        var p = (double)n1 / n;
        return ((sum1 / n1) - (sum0 / n0)) / Math.Sqrt(variance) * Math.Sqrt(p * (1 - p));
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a): series below a + 1, Lentz continued fraction above.</summary>
    public static double UpperRegularizedGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 1.0;
        }

        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1.0 / a, sum = term;
            for (var k = 1; k < 10_000; k++)
            {
                term *= x / (a + k);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-16)
                {
                    break;
                }
            }

            return Math.Clamp(1.0 - (sum * Math.Exp(logPrefix)), 0.0, 1.0);
        }

        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1.0 / tiny;
        var d = 1.0 / b;
        var h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Clamp(Math.Exp(logPrefix) * h, 0.0, 1.0);
    }

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 coefficients).</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = coefficients[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++)
        {
            sum += coefficients[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
