using System.Text;

namespace Moa.Evaluation.Scoring;

/// <summary>
/// Multiple-choice metrics from per-choice log-likelihoods, defined as lm-evaluation-harness defines them:
/// <c>acc</c> = argmax of the summed continuation log-likelihood; <c>acc_norm</c> = argmax of the log-likelihood divided by
/// the choice's length in characters (Unicode code points, like Python's <c>len</c>); <c>acc_bytes</c> = divided by its UTF-8 length.
/// Ties go to the lowest index, like <c>numpy.argmax</c>.
/// </summary>
public readonly record struct MultipleChoiceScore(int Predicted, int PredictedNorm, int PredictedBytes, int Gold)
{
    public double Acc => Predicted == Gold ? 1.0 : 0.0;

    public double AccNorm => PredictedNorm == Gold ? 1.0 : 0.0;

    public double AccBytes => PredictedBytes == Gold ? 1.0 : 0.0;

    /// <summary>Scores one item from the log-likelihood of each choice and the choice texts (without the delimiter).</summary>
    public static MultipleChoiceScore Compute(ReadOnlySpan<double> logLikelihoods, IReadOnlyList<string> choices, int gold)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (logLikelihoods.Length != choices.Count || choices.Count == 0)
        {
            throw new ArgumentException($"{logLikelihoods.Length} log-likelihoods for {choices.Count} choices.", nameof(logLikelihoods));
        }

        int best = 0, bestNorm = 0, bestBytes = 0;
        double max = double.NegativeInfinity, maxNorm = double.NegativeInfinity, maxBytes = double.NegativeInfinity;
        for (var i = 0; i < choices.Count; i++)
        {
            var ll = logLikelihoods[i];
            var norm = ll / CharLength(choices[i]);
            var bytes = ll / Encoding.UTF8.GetByteCount(choices[i]);
            if (ll > max) { max = ll; best = i; }
            if (norm > maxNorm) { maxNorm = norm; bestNorm = i; }
            if (bytes > maxBytes) { maxBytes = bytes; bestBytes = i; }
        }

        return new MultipleChoiceScore(best, bestNorm, bestBytes, gold);
    }

    /// <summary>Length in Unicode code points (what Python's <c>len(str)</c> returns).</summary>
    public static int CharLength(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                n++;
            }
        }

        return n;
    }
}
