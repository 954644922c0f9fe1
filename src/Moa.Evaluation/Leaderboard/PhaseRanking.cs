using System.Globalization;

namespace Moa.Evaluation.Leaderboard;

/// <summary>A criterion of a phase and its weight in points (the 2026 phase-1 scheme: benchmarks 40, expert review 35, users 25).</summary>
public sealed record PhaseCriterion(string Name, double Points);

/// <summary>
/// A team's result on one criterion, in [0, 1] (share of the reference model for benchmarks, rubric share for experts,
/// scaled rating for users), with bootstrap replicates of it (all criteria use the same number of replicates).
/// </summary>
public sealed record CriterionScore(string Team, string Criterion, double Value, IReadOnlyList<double> Replicates);

/// <summary>What a phase decides for a team, and why.</summary>
public enum PhaseDecision
{
    Advance,
    Eliminate,

    /// <summary>At the cut, but the intervals do not separate it from a team on the other side: no one is eliminated on it.</summary>
    Tie,
}

/// <summary>A team's composite points with its interval, its rank, the decision and the reason in words.</summary>
public sealed record TeamStanding(string Team, int Rank, double Points, double Low, double High, IReadOnlyDictionary<string, double> PointsByCriterion, PhaseDecision Decision, string Reason);

/// <summary>
/// The composite ranking of a phase: each criterion's value times its points, summed; the interval of the sum from the
/// criteria's bootstrap replicates (criteria are measured independently, so replicate r of the composite is the sum of the
/// criteria's replicate r). The bottom <c>eliminate</c> teams are eliminated only where the intervals separate them from the
/// lowest team that advances; otherwise both sides are a tie and the reason says which intervals overlap.
/// </summary>
public static class PhaseRanking
{
    /// <summary>The 2026 phase-1 scheme.</summary>
    public static IReadOnlyList<PhaseCriterion> Phase1Scheme { get; } =
        [new("benchmark", 40), new("expert", 35), new("user", 25)];

    public static IReadOnlyList<TeamStanding> Rank(IReadOnlyList<PhaseCriterion> criteria, IReadOnlyList<CriterionScore> scores, int eliminate, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(scores);
        var teams = scores.Select(s => s.Team).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (eliminate < 0 || eliminate >= teams.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(eliminate), eliminate, $"eliminate 0 to {teams.Count - 1} of {teams.Count} teams.");
        }

        var replicates = scores.Select(s => s.Replicates.Count).Distinct().ToList();
        if (replicates.Count != 1)
        {
            throw new ArgumentException("every criterion score needs the same number of bootstrap replicates.", nameof(scores));
        }

        var r = replicates[0];
        var rows = new List<(string Team, double Points, double Low, double High, Dictionary<string, double> ByCriterion)>();
        foreach (var team in teams)
        {
            var composite = new double[r];
            var byCriterion = new Dictionary<string, double>(StringComparer.Ordinal);
            double points = 0;
            foreach (var c in criteria)
            {
                var s = scores.SingleOrDefault(x => x.Team == team && x.Criterion == c.Name)
                    ?? throw new ArgumentException($"team {team} has no score for criterion {c.Name}.", nameof(scores));
                byCriterion[c.Name] = s.Value * c.Points;
                points += s.Value * c.Points;
                for (var i = 0; i < r; i++)
                {
                    composite[i] += s.Replicates[i] * c.Points;
                }
            }

            Array.Sort(composite);
            var alpha = (1 - confidence) / 2;
            var low = r > 0 ? Statistics.SampleStatistics.Percentile(composite, alpha) : double.NaN;
            var high = r > 0 ? Statistics.SampleStatistics.Percentile(composite, 1 - alpha) : double.NaN;
            rows.Add((team, points, low, high, byCriterion));
        }

        var ordered = rows.OrderByDescending(x => x.Points).ThenBy(x => x.Team, StringComparer.Ordinal).ToList();
        var survivors = ordered.Count - eliminate;
        var decisions = new PhaseDecision[ordered.Count];
        var reasons = new string[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            decisions[i] = i < survivors ? PhaseDecision.Advance : PhaseDecision.Eliminate;
            reasons[i] = i < survivors ? "above the cut" : "below the cut; interval separated from every advancing team";
        }

        if (eliminate > 0)
        {
            for (var i = survivors; i < ordered.Count; i++)
            {
                for (var j = 0; j < survivors; j++)
                {
                    if (ordered[i].High >= ordered[j].Low)
                    {
                        decisions[i] = PhaseDecision.Tie;
                        decisions[j] = PhaseDecision.Tie;
                        reasons[i] = Overlap(ordered[i], ordered[j]);
                        reasons[j] = Overlap(ordered[j], ordered[i]);
                    }
                }
            }
        }

        return [.. ordered.Select((x, i) => new TeamStanding(x.Team, i + 1, x.Points, x.Low, x.High, x.ByCriterion, decisions[i], reasons[i]))];
    }

    private static string Overlap((string Team, double Points, double Low, double High, Dictionary<string, double> _) a, (string Team, double Points, double Low, double High, Dictionary<string, double> _) b) =>
        string.Create(CultureInfo.InvariantCulture, $"tie: interval [{a.Low:0.0}, {a.High:0.0}] overlaps {b.Team}'s [{b.Low:0.0}, {b.High:0.0}] across the cut");
}
