namespace Moa.Evaluation.Leaderboard;

/// <summary>
/// The Ladder mechanism (Blum and Hardt, 2015) for a sealed holdout: a team sees a new score only when a submission beats
/// its best so far by more than <see cref="Step"/>, and then only rounded to the step; otherwise it sees its previous best.
/// Probing the sealed items one submission at a time therefore reveals almost nothing, while real improvements show.
/// </summary>
public sealed class Ladder
{
    private double _best = double.NegativeInfinity;

    /// <param name="step">The step η (e.g. 0.01 for one accuracy point).</param>
    public Ladder(double step)
    {
        if (!(step > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "the ladder step must be positive.");
        }

        Step = step;
    }

    public double Step { get; }

    /// <summary>The score shown so far (negative infinity before the first submission).</summary>
    public double Shown => _best;

    /// <summary>Registers a submission's true holdout score and returns the score to show.</summary>
    public double Submit(double score)
    {
        if (double.IsNaN(score))
        {
            throw new ArgumentException("a submission's score is NaN.", nameof(score));
        }

        if (double.IsNegativeInfinity(_best) || score > _best + Step)
        {
            _best = Math.Round(score / Step, MidpointRounding.AwayFromZero) * Step;
        }

        return _best;
    }
}
