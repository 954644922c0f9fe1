namespace Moa.Evaluation.Leaderboard;

/// <summary>How two ratings differ in Krippendorff's alpha.</summary>
public enum RatingLevel
{
    /// <summary>Categories: any two different values disagree equally.</summary>
    Nominal,

    /// <summary>Scores on an interval scale (rubric points): disagreement is the squared difference.</summary>
    Interval,
}

/// <summary>One reviewer's score of one unit (a team's technical report, a rubric item); reviewers may skip units.</summary>
public readonly record struct Rating(string Unit, string Rater, double Value);

/// <summary>A rating far from what the other reviewers gave the same unit.</summary>
public sealed record OutlierRating(string Unit, string Rater, double Value, double OthersMean, double Z);

/// <summary>Agreement between expert reviewers: Krippendorff's alpha (any number of raters, missing ratings allowed) and outlier reviews.</summary>
public static class InterRater
{
    /// <summary>
    /// Krippendorff's alpha = 1 − D_o / D_e over the pairable values (units rated at least twice): 1 is perfect agreement,
    /// 0 agreement at chance. NaN when there is nothing to compare or no variation at all.
    /// </summary>
    public static double KrippendorffAlpha(IEnumerable<Rating> ratings, RatingLevel level = RatingLevel.Interval)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var units = ratings.GroupBy(r => r.Unit, StringComparer.Ordinal)
            .Select(g => g.Select(r => r.Value).ToArray())
            .Where(v => v.Length >= 2)
            .ToList();
        var values = units.SelectMany(v => v).ToArray();
        var n = values.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        double observed = 0;
        foreach (var unit in units)
        {
            double sum = 0;
            for (var i = 0; i < unit.Length; i++)
            {
                for (var j = 0; j < unit.Length; j++)
                {
                    if (i != j)
                    {
                        sum += Delta(unit[i], unit[j], level);
                    }
                }
            }

            observed += sum / (unit.Length - 1);
        }

        observed /= n;
        double expected = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    expected += Delta(values[i], values[j], level);
                }
            }
        }

        expected /= (double)n * (n - 1);
        return expected == 0 ? double.NaN : 1 - (observed / expected);
    }

    /// <summary>
    /// Ratings whose distance from the mean of the other reviewers of the same unit exceeds <paramref name="threshold"/>
    /// standard deviations of all such distances (a reviewer far off the panel, or one who did not read the report).
    /// </summary>
    public static IReadOnlyList<OutlierRating> Outliers(IEnumerable<Rating> ratings, double threshold = 2.5)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var rows = new List<(Rating R, double Others)>();
        foreach (var unit in ratings.GroupBy(r => r.Unit, StringComparer.Ordinal))
        {
            var list = unit.ToList();
            if (list.Count < 3)
            {
                continue;
            }

            var total = list.Sum(r => r.Value);
            rows.AddRange(list.Select(r => (r, (total - r.Value) / (list.Count - 1))));
        }

        if (rows.Count < 2)
        {
            return [];
        }

        var deviations = rows.Select(x => x.R.Value - x.Others).ToArray();
        var sd = Math.Sqrt(deviations.Sum(d => d * d) / deviations.Length);
        if (sd == 0)
        {
            return [];
        }

        return [.. rows.Select((x, i) => new OutlierRating(x.R.Unit, x.R.Rater, x.R.Value, x.Others, deviations[i] / sd))
            .Where(o => Math.Abs(o.Z) > threshold)
            .OrderByDescending(o => Math.Abs(o.Z))];
    }

    private static double Delta(double a, double b, RatingLevel level) => level == RatingLevel.Nominal
        ? (a == b ? 0 : 1)
        : (a - b) * (a - b);
}
