namespace Moa.Evaluation.Statistics;

/// <summary>A metric's mean over items with its standard error and a percentile bootstrap confidence interval.</summary>
/// <param name="Mean">Mean of the per-item values.</param>
/// <param name="StdErr">Sample standard deviation (n-1) over the square root of n, as lm-evaluation-harness reports it.</param>
/// <param name="CiLow">Lower bound of the bootstrap interval.</param>
/// <param name="CiHigh">Upper bound of the bootstrap interval.</param>
/// <param name="Count">Number of items.</param>
public readonly record struct MetricEstimate(double Mean, double StdErr, double CiLow, double CiHigh, int Count);

/// <summary>
/// Means, standard errors and bootstrap intervals. The bootstrap is a percentile bootstrap with a fixed seed
/// (<see cref="Random"/> with an explicit seed is deterministic across runs and platforms), so a run's scores are reproducible.
/// </summary>
public static class SampleStatistics
{
    /// <summary>Mean, stderr and a <paramref name="confidence"/> percentile bootstrap interval over <paramref name="resamples"/> resamples.</summary>
    public static MetricEstimate Estimate(ReadOnlySpan<double> values, int resamples = 1000, int seed = 1234, double confidence = 0.95)
    {
        var n = values.Length;
        if (n == 0)
        {
            return new MetricEstimate(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var mean = Mean(values);
        var stderr = n > 1 ? Math.Sqrt(SampleVariance(values, mean) / n) : double.NaN;
        if (resamples <= 0)
        {
            return new MetricEstimate(mean, stderr, double.NaN, double.NaN, n);
        }

        var rng = new Random(seed);
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += values[rng.Next(n)];
            }

            means[b] = sum / n;
        }

        Array.Sort(means);
        var alpha = (1 - confidence) / 2;
        return new MetricEstimate(mean, stderr, Percentile(means, alpha), Percentile(means, 1 - alpha), n);
    }

    /// <summary>
    /// Macro-F1 of <paramref name="predicted"/> against <paramref name="gold"/>, as scikit-learn's <c>f1_score(average="macro")</c>
    /// (which lm-eval's <c>f1</c> calls): the mean over every label seen in either list of 2·TP / (2·TP + FP + FN).
    /// </summary>
    public static double MacroF1(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        if (gold.Length != predicted.Length)
        {
            throw new ArgumentException($"{gold.Length} gold labels for {predicted.Length} predictions.", nameof(predicted));
        }

        if (gold.Length == 0)
        {
            return double.NaN;
        }

        var counts = new SortedDictionary<int, (int Tp, int Fp, int Fn)>();
        for (var i = 0; i < gold.Length; i++)
        {
            int g = gold[i], p = predicted[i];
            counts.TryGetValue(g, out var cg);
            counts.TryGetValue(p, out var cp);
            if (g == p)
            {
                counts[g] = (cg.Tp + 1, cg.Fp, cg.Fn);
            }
            else
            {
                counts[g] = (cg.Tp, cg.Fp, cg.Fn + 1);
                counts.TryGetValue(p, out cp);
                counts[p] = (cp.Tp, cp.Fp + 1, cp.Fn);
            }
        }

        var sum = 0.0;
        foreach (var (tp, fp, fn) in counts.Values)
        {
            var denominator = (2 * tp) + fp + fn;
            sum += denominator == 0 ? 0 : 2.0 * tp / denominator;
        }

        return sum / counts.Count;
    }

    /// <summary>Macro-F1 with a percentile bootstrap interval over items (stderr from the bootstrap).</summary>
    public static MetricEstimate EstimateMacroF1(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted, int resamples = 1000, int seed = 1234, double confidence = 0.95)
    {
        var n = gold.Length;
        var f1 = MacroF1(gold, predicted);
        if (n == 0 || resamples <= 0)
        {
            return new MetricEstimate(f1, double.NaN, double.NaN, double.NaN, n);
        }

        var rng = new Random(seed);
        var g = new int[n];
        var p = new int[n];
        var values = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                var j = rng.Next(n);
                g[i] = gold[j];
                p[i] = predicted[j];
            }

            values[b] = MacroF1(g, p);
        }

        var mean = Mean(values);
        var stderr = Math.Sqrt(SampleVariance(values, mean));
        Array.Sort(values);
        var alpha = (1 - confidence) / 2;
        return new MetricEstimate(f1, stderr, Percentile(values, alpha), Percentile(values, 1 - alpha), n);
    }

    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return values.Length == 0 ? double.NaN : sum / values.Length;
    }

    /// <summary>Unbiased sample variance (divides by n-1).</summary>
    public static double SampleVariance(ReadOnlySpan<double> values, double mean)
    {
        var ss = 0.0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return ss / (values.Length - 1);
    }

    /// <summary>Linear-interpolated percentile (numpy's default "linear" method) of sorted values; <paramref name="q"/> in [0, 1].</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }
}
