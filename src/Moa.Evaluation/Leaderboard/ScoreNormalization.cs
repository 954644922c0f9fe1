namespace Moa.Evaluation.Leaderboard;

/// <summary>
/// Puts benchmark scores on one scale, as the Open LLM Leaderboard v2 does: <c>(score − random) / (max − random)</c>,
/// clipped to [0, 1], so that a model at chance scores 0 on a two-choice and on a five-choice benchmark alike; and expresses
/// a team's score as a share of its declared reference model's.
/// </summary>
public static class ScoreNormalization
{
    /// <summary>The normalised score in [0, 1]; <paramref name="randomBaseline"/> is chance (1/choices for multiple choice).</summary>
    public static double Normalize(double score, double randomBaseline, double maxScore = 1.0)
    {
        if (!(maxScore > randomBaseline))
        {
            throw new ArgumentException($"max score {maxScore} must exceed the random baseline {randomBaseline}.", nameof(maxScore));
        }

        return double.IsNaN(score) ? double.NaN : Math.Clamp((score - randomBaseline) / (maxScore - randomBaseline), 0.0, 1.0);
    }

    /// <summary>Chance accuracy of multiple-choice items: the mean of 1/choices over the items.</summary>
    public static double RandomBaseline(IEnumerable<int> choicesPerItem)
    {
        ArgumentNullException.ThrowIfNull(choicesPerItem);
        double sum = 0;
        var n = 0;
        foreach (var c in choicesPerItem)
        {
            if (c < 1)
            {
                throw new ArgumentException($"an item has {c} choices.", nameof(choicesPerItem));
            }

            sum += 1.0 / c;
            n++;
        }

        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>
    /// The team's normalised score as a share of the reference model's on the same items, with a paired percentile bootstrap
    /// interval (items resampled together for both models). Per-item scores are in [0, 1] (accuracy 0/1, or partial credit).
    /// </summary>
    public static RatioEstimate ShareOfReference(ReadOnlySpan<double> team, ReadOnlySpan<double> reference, double randomBaseline, int resamples = 1000, int seed = 1234, double confidence = 0.95)
    {
        if (team.Length != reference.Length || team.Length == 0)
        {
            throw new ArgumentException($"{team.Length} team scores for {reference.Length} reference scores: score both on the same items.", nameof(reference));
        }

        var n = team.Length;
        var point = Share(Mean(team), Mean(reference), randomBaseline);
        if (resamples <= 0)
        {
            return new RatioEstimate(point, double.NaN, double.NaN);
        }

        var rng = new Random(seed);
        var shares = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            double st = 0, sr = 0;
            for (var i = 0; i < n; i++)
            {
                var j = rng.Next(n);
                st += team[j];
                sr += reference[j];
            }

            shares[b] = Share(st / n, sr / n, randomBaseline);
        }

        Array.Sort(shares);
        var alpha = (1 - confidence) / 2;
        return new RatioEstimate(point, Statistics.SampleStatistics.Percentile(shares, alpha), Statistics.SampleStatistics.Percentile(shares, 1 - alpha));
    }

    /// <summary>A mean score as a share of the reference model's mean, both normalised first; NaN when the reference is at chance.</summary>
    public static double Share(double team, double reference, double randomBaseline)
    {
        var r = Normalize(reference, randomBaseline);
        return r <= 0 ? double.NaN : Normalize(team, randomBaseline) / r;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double s = 0;
        foreach (var v in values)
        {
            s += v;
        }

        return s / values.Length;
    }
}

/// <summary>A point estimate with a percentile bootstrap interval.</summary>
public readonly record struct RatioEstimate(double Value, double Low, double High);
