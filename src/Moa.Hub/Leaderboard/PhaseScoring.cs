using System.Globalization;
using Moa.Evaluation.Leaderboard;

namespace Moa.Hub.Leaderboard;

/// <summary>A team of a phase as scoring sees it.</summary>
public sealed record ScoringTeam(long OrganisationId, string Name, string Model, string ReferenceModel);

/// <summary>Per-item scores (in [0, max]) of one model on one benchmark, keyed by item id.</summary>
public sealed record ScoringRun(long BenchmarkId, long OrganisationId, string Role, IReadOnlyList<string> ItemIds, IReadOnlyList<double> Scores);

/// <summary>One reviewer's score of one rubric item of one team's report.</summary>
public sealed record ScoringReview(long ReviewerId, long OrganisationId, string ItemCode, double Value);

/// <summary>One voted battle (outcome from A's side) with the lengths of the two answers in characters.</summary>
public sealed record ScoringBattle(long OrganisationA, long OrganisationB, BattleOutcome Outcome, int LengthA, int LengthB);

/// <summary>An absolute rating (1–5) of one anonymous answer.</summary>
public sealed record ScoringRating(long OrganisationId, int Value);

/// <summary>Everything a phase's ranking is computed from: its definition and the stored raw data.</summary>
public sealed record ScoringInput(
    long PhaseId,
    string Phase,
    PhaseConfig Config,
    IReadOnlyList<ScoringTeam> Teams,
    IReadOnlyList<PhaseBenchmark> Benchmarks,
    IReadOnlyList<RubricItem> Rubric,
    IReadOnlyList<ScoringRun> Runs,
    IReadOnlyList<ScoringReview> Reviews,
    IReadOnlyList<ScoringBattle> Battles,
    IReadOnlyList<ScoringRating> Ratings);

/// <summary>A team's composite standing.</summary>
public sealed record StandingRow(int Rank, long OrganisationId, string Team, double Points, double Low, double High, double BenchmarkPoints, double ExpertPoints, double UserPoints, string Decision, string Reason);

/// <summary>A team's score on one benchmark as a share of its reference model's, with the bootstrap interval.</summary>
public sealed record BenchmarkShareRow(long OrganisationId, string Team, long BenchmarkId, string Benchmark, string Kind, int Items, double TeamScore, double ReferenceScore, double Share, double Low, double High);

/// <summary>A team's expert-review share of the rubric's points with its interval over reviewers.</summary>
public sealed record ExpertTeamRow(long OrganisationId, string Team, int Reviews, double Share, double Low, double High);

/// <summary>A review far from the rest of the panel on the same report.</summary>
public sealed record ExpertOutlierRow(long OrganisationId, string Team, long ReviewerId, double Share, double OthersMean, double Z);

/// <summary>Agreement between reviewers, each team's share, and the outlier reviews.</summary>
public sealed record ExpertSummary(double? Alpha, IReadOnlyList<ExpertTeamRow> Teams, IReadOnlyList<ExpertOutlierRow> Outliers);

/// <summary>A team's Bradley–Terry rating, its expected win share against an average model, and the absolute ratings beside it.</summary>
public sealed record UserTeamRow(long OrganisationId, string Team, double Rating, double Low, double High, int Battles, double WinShare, double? MeanRating, int Ratings);

/// <summary>The user part: ratings with length control.</summary>
public sealed record UserSummary(double? LengthCoefficient, int Battles, IReadOnlyList<UserTeamRow> Teams);

/// <summary>A phase's full result: composite standings, and the three parts they were computed from.</summary>
public sealed record PhaseResult(long PhaseId, string Phase, int Resamples, int Seed, double Confidence, IReadOnlyList<PhaseCriterion> Criteria, IReadOnlyList<StandingRow> Standings, IReadOnlyList<BenchmarkShareRow> Benchmarks, ExpertSummary Expert, UserSummary User);

/// <summary>What is missing before a phase can be ranked, every problem named.</summary>
public sealed class PhaseIncompleteException(IReadOnlyList<string> problems)
    : MoaException("the phase cannot be ranked yet: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Computes a phase's ranking from raw data, deterministically (seeded bootstraps; the same input gives the same result
/// whatever the thread count). Benchmarks: per-item scores normalised as the Open LLM Leaderboard v2 does and expressed as
/// a share of the team's declared reference model on the same items, with a paired bootstrap over items; the criterion is
/// the mean share over the team's suite, capped at 1 (matching the reference earns full points). Experts: each complete
/// review's weighted rubric share, averaged over reviewers, bootstrap over reviewers; Krippendorff's alpha over rubric items.
/// Users: Bradley–Terry with length control; the criterion is the expected win share against an average-rated model.
/// The composite and the elimination decision come from <see cref="PhaseRanking"/>.
/// </summary>
public static class PhaseScoring
{
    public const string Benchmark = "benchmark";
    public const string Expert = "expert";
    public const string User = "user";

    public static PhaseResult Compute(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var config = input.Config;
        var r = config.Resamples;
        var problems = new List<string>();
        var teams = input.Teams.OrderBy(t => t.OrganisationId).ToList();
        if (teams.Count < 2)
        {
            problems.Add("a phase needs at least two teams");
        }

        var criteria = config.Criteria.Where(c => c.Points > 0).ToList();

        // The three parts are independent: computed at once, each into its own lists, merged in a fixed order.
        List<string> p1 = [], p2 = [], p3 = [];
        List<CriterionScore> s1 = [], s2 = [], s3 = [];
        List<BenchmarkShareRow> shareRows = [];
        var expert = new ExpertSummary(null, [], []);
        var user = new UserSummary(null, 0, []);
        Parallel.Invoke(
            () => shareRows = criteria.Any(c => c.Name == Benchmark) ? BenchmarkPart(input, teams, p1, s1) : [],
            () => expert = criteria.Any(c => c.Name == Expert) ? ExpertPart(input, teams, p2, s2) : expert,
            () => user = criteria.Any(c => c.Name == User) ? UserPart(input, teams, p3, s3) : user);
        problems.AddRange([.. p1, .. p2, .. p3]);
        List<CriterionScore> scores = [.. s1, .. s2, .. s3];
        if (problems.Count > 0)
        {
            throw new PhaseIncompleteException(problems);
        }

        if (config.Eliminate >= teams.Count)
        {
            throw new PhaseIncompleteException([string.Create(CultureInfo.InvariantCulture, $"the rule eliminates {config.Eliminate} of {teams.Count} teams; eliminate fewer")]);
        }

        var names = teams.ToDictionary(t => t.OrganisationId.ToString(CultureInfo.InvariantCulture), t => t, StringComparer.Ordinal);
        var standings = PhaseRanking.Rank(criteria, scores, config.Eliminate, config.Confidence)
            .Select(s => new StandingRow(
                s.Rank,
                names[s.Team].OrganisationId,
                names[s.Team].Name,
                s.Points,
                s.Low,
                s.High,
                s.PointsByCriterion.GetValueOrDefault(Benchmark),
                s.PointsByCriterion.GetValueOrDefault(Expert),
                s.PointsByCriterion.GetValueOrDefault(User),
                s.Decision.ToString().ToLowerInvariant(),
                NameTeams(s.Reason, names)))
            .ToList();
        return new PhaseResult(input.PhaseId, input.Phase, r, config.Seed, config.Confidence, config.Criteria, standings, shareRows, expert, user);
    }

    private static List<BenchmarkShareRow> BenchmarkPart(ScoringInput input, List<ScoringTeam> teams, List<string> problems, List<CriterionScore> scores)
    {
        var config = input.Config;
        var latest = input.Runs.GroupBy(x => (x.BenchmarkId, x.OrganisationId, x.Role)).ToDictionary(g => g.Key, g => g.Last());
        var jobs = new List<(ScoringTeam Team, PhaseBenchmark Bench, double[] T, double[] R)>();
        foreach (var team in teams)
        {
            var suite = input.Benchmarks.Where(b => b.TeamOrganisationId is null || b.TeamOrganisationId == team.OrganisationId).OrderBy(b => b.Id).ToList();
            if (suite.Count == 0)
            {
                problems.Add($"team {team.Name} has no benchmark in its suite");
            }

            foreach (var b in suite)
            {
                if (!latest.TryGetValue((b.Id, team.OrganisationId, RunRoles.Model), out var model))
                {
                    problems.Add($"team {team.Name} has no {(b.Sealed ? "sealed submission" : "run")} of its model on {b.Name}");
                    continue;
                }

                if (!latest.TryGetValue((b.Id, team.OrganisationId, RunRoles.Reference), out var reference))
                {
                    problems.Add($"team {team.Name} has no {(b.Sealed ? "sealed submission" : "run")} of its reference model on {b.Name}");
                    continue;
                }

                var byId = new Dictionary<string, double>(reference.ItemIds.Count, StringComparer.Ordinal);
                for (var i = 0; i < reference.ItemIds.Count; i++)
                {
                    byId[reference.ItemIds[i]] = reference.Scores[i];
                }

                if (byId.Count != model.ItemIds.Count || model.ItemIds.Any(id => !byId.ContainsKey(id)))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"team {team.Name} on {b.Name}: the model's run has {model.ItemIds.Count} items and the reference's {byId.Count}, not the same items; score both on the same items"));
                    continue;
                }

                var t = new double[model.ItemIds.Count];
                var rf = new double[t.Length];
                for (var i = 0; i < t.Length; i++)
                {
                    t[i] = model.Scores[i] / b.MaxScore;
                    rf[i] = byId[model.ItemIds[i]] / b.MaxScore;
                }

                jobs.Add((team, b, t, rf));
            }
        }

        if (problems.Count > 0)
        {
            return [];
        }

        var results = new (double Point, double[] Replicates, double TeamMean, double RefMean)[jobs.Count];
        Parallel.For(0, jobs.Count, j =>
        {
            var (team, b, t, rf) = jobs[j];
            results[j] = PairedShare(t, rf, b.RandomBaseline / b.MaxScore, config.Resamples, Seed(config.Seed, b.Id, team.OrganisationId));
        });
        var rows = new List<BenchmarkShareRow>(jobs.Count);
        var alpha = (1 - config.Confidence) / 2;
        for (var j = 0; j < jobs.Count; j++)
        {
            var (team, b, t, _) = jobs[j];
            var (point, reps, tm, rm) = results[j];
            if (double.IsNaN(point))
            {
                problems.Add($"team {team.Name} on {b.Name}: the reference model scores at or below chance, so a share of it is undefined");
                continue;
            }

            var sorted = (double[])reps.Clone();
            Array.Sort(sorted);
            rows.Add(new BenchmarkShareRow(team.OrganisationId, team.Name, b.Id, b.Name, b.Kind, t.Length, tm * b.MaxScore, rm * b.MaxScore, point,
                Percentile(sorted, alpha), Percentile(sorted, 1 - alpha)));
        }

        if (problems.Count > 0)
        {
            return [];
        }

        foreach (var team in teams)
        {
            var mine = Enumerable.Range(0, jobs.Count).Where(j => jobs[j].Team.OrganisationId == team.OrganisationId).ToList();
            var value = Math.Min(1, mine.Average(j => results[j].Point));
            var replicates = new double[config.Resamples];
            for (var i = 0; i < replicates.Length; i++)
            {
                double s = 0;
                foreach (var j in mine)
                {
                    s += results[j].Replicates[i];
                }

                replicates[i] = Math.Min(1, s / mine.Count);
            }

            scores.Add(new CriterionScore(Key(team), Benchmark, value, replicates));
        }

        return rows;
    }

    /// <summary>
    /// The share of the reference (normalised means) and its paired bootstrap replicates: items are resampled together for
    /// both models; a replicate where the reference falls to chance counts as 0. Per-item scores are usually a few discrete
    /// values (0/1, or small counts), so the paired items fall into a few (team, reference) outcome classes; resampling n
    /// items with replacement is then exactly a multinomial draw of n over the classes' frequencies, made as a chain of
    /// binomial draws, instead of n item draws. With many distinct classes the items themselves are resampled.
    /// </summary>
    internal static (double Point, double[] Replicates, double TeamMean, double RefMean) PairedShare(double[] team, double[] reference, double baseline, int resamples, ulong seed)
    {
        var n = team.Length;
        double st = 0, sr = 0;
        var classes = new Dictionary<(double T, double R), int>();
        for (var i = 0; i < n; i++)
        {
            st += team[i];
            sr += reference[i];
            if (classes.Count <= MaxClasses)
            {
                var key = (team[i], reference[i]);
                classes[key] = classes.GetValueOrDefault(key) + 1;
            }
        }

        var point = ScoreNormalization.Share(st / n, sr / n, baseline);
        var reps = classes.Count <= MaxClasses
            ? ClassBootstrap(classes, n, baseline, resamples, seed)
            : ItemBootstrap(team, reference, baseline, resamples, seed);
        return (point, reps, st / n, sr / n);
    }

    /// <summary>Above this many distinct (team, reference) score pairs the bootstrap draws items, not class counts.</summary>
    private const int MaxClasses = 64;

    private static double[] ClassBootstrap(Dictionary<(double T, double R), int> classes, int n, double baseline, int resamples, ulong seed)
    {
        // Largest classes first (fewest steps for the chained binomials); ties in a fixed order.
        var ordered = classes.OrderByDescending(c => c.Value).ThenBy(c => c.Key.T).ThenBy(c => c.Key.R).ToArray();
        var k = ordered.Length;
        var t = ordered.Select(c => c.Key.T).ToArray();
        var r = ordered.Select(c => c.Key.R).ToArray();
        // The chain: class j takes Binomial(items left, count_j / items of classes j..k-1); the last class takes the rest.
        var conditional = new double[k];
        var left = n;
        for (var j = 0; j < k; j++)
        {
            conditional[j] = (double)ordered[j].Value / left;
            left -= ordered[j].Value;
        }

        var logFactorial = new double[n + 1];
        for (var i = 2; i <= n; i++)
        {
            logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        }

        var reps = new double[resamples];
        var rng = new SplitMix(seed);
        for (var b = 0; b < resamples; b++)
        {
            double bt = 0, br = 0;
            var remaining = n;
            for (var j = 0; j < k && remaining > 0; j++)
            {
                var x = j == k - 1 ? remaining : Binomial(ref rng, remaining, conditional[j], logFactorial);
                bt += x * t[j];
                br += x * r[j];
                remaining -= x;
            }

            var s = ScoreNormalization.Share(bt / n, br / n, baseline);
            reps[b] = double.IsNaN(s) ? 0 : s;
        }

        return reps;
    }

    /// <summary>
    /// An exact Binomial(n, p) draw by inversion searched outwards from the mode (the probabilities from the mode's, by the
    /// ratio of neighbours): about 1.6 standard deviations of steps, not n.
    /// </summary>
    internal static int Binomial(ref SplitMix rng, int n, double p, double[] logFactorial)
    {
        if (n == 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        var mode = Math.Min(n, (int)Math.Floor((n + 1) * p));
        var q = 1 - p;
        var pm = Math.Exp(logFactorial[n] - logFactorial[mode] - logFactorial[n - mode] + (mode * Math.Log(p)) + ((n - mode) * Math.Log(q)));
        var u = (rng.Next() >> 11) * (1.0 / (1UL << 53));
        if (u < pm)
        {
            return mode;
        }

        u -= pm;
        var odds = p / q;
        int lo = mode, hi = mode;
        double plo = pm, phi = pm;
        while (lo > 0 || hi < n)
        {
            if (hi < n)
            {
                phi *= (n - hi) * odds / (hi + 1);
                hi++;
                if (u < phi)
                {
                    return hi;
                }

                u -= phi;
            }

            if (lo > 0)
            {
                plo *= lo / ((n - lo + 1) * odds);
                lo--;
                if (u < plo)
                {
                    return lo;
                }

                u -= plo;
            }
        }

        // Only rounding leaves probability unassigned: give it to the mode.
        return mode;
    }

    private static double[] ItemBootstrap(double[] team, double[] reference, double baseline, int resamples, ulong seed)
    {
        var n = team.Length;
        var reps = new double[resamples];
        var rng = new SplitMix(seed);
        for (var b = 0; b < resamples; b++)
        {
            double bt = 0, br = 0;
            var i = 0;
            for (; i + 1 < n; i += 2)
            {
                // Two draws from one 64-bit output.
                var x = rng.Next();
                var k1 = (int)(((x & 0xFFFFFFFFUL) * (ulong)n) >> 32);
                var k2 = (int)(((x >> 32) * (ulong)n) >> 32);
                bt += team[k1] + team[k2];
                br += reference[k1] + reference[k2];
            }

            if (i < n)
            {
                var k = rng.Below((uint)n);
                bt += team[k];
                br += reference[k];
            }

            var s = ScoreNormalization.Share(bt / n, br / n, baseline);
            reps[b] = double.IsNaN(s) ? 0 : s;
        }

        return reps;
    }

    private static ExpertSummary ExpertPart(ScoringInput input, List<ScoringTeam> teams, List<string> problems, List<CriterionScore> scores)
    {
        var config = input.Config;
        var rubric = input.Rubric.OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
        if (rubric.Count == 0)
        {
            problems.Add("the phase has no rubric for expert review");
            return new ExpertSummary(null, [], []);
        }

        var totalWeight = rubric.Sum(x => x.Weight);
        var complete = new List<(long Org, long Reviewer, double Share)>();
        foreach (var g in input.Reviews.GroupBy(x => (x.OrganisationId, x.ReviewerId)).OrderBy(g => g.Key.OrganisationId).ThenBy(g => g.Key.ReviewerId))
        {
            var values = g.ToDictionary(x => x.ItemCode, x => x.Value, StringComparer.Ordinal);
            if (rubric.All(x => values.ContainsKey(x.Code)))
            {
                complete.Add((g.Key.OrganisationId, g.Key.ReviewerId, rubric.Sum(x => x.Weight * values[x.Code] / x.MaxPoints) / totalWeight));
            }
        }

        var rows = new List<ExpertTeamRow>();
        var alpha = (1 - config.Confidence) / 2;
        foreach (var team in teams)
        {
            var mine = complete.Where(x => x.Org == team.OrganisationId).Select(x => x.Share).ToArray();
            if (mine.Length == 0)
            {
                problems.Add($"team {team.Name} has no complete expert review");
                continue;
            }

            var rng = new SplitMix(Seed(config.Seed, -1, team.OrganisationId));
            var replicates = new double[config.Resamples];
            for (var b = 0; b < replicates.Length; b++)
            {
                double s = 0;
                for (var i = 0; i < mine.Length; i++)
                {
                    s += mine[rng.Below((uint)mine.Length)];
                }

                replicates[b] = s / mine.Length;
            }

            var sorted = (double[])replicates.Clone();
            Array.Sort(sorted);
            rows.Add(new ExpertTeamRow(team.OrganisationId, team.Name, mine.Length, mine.Average(), Percentile(sorted, alpha), Percentile(sorted, 1 - alpha)));
            scores.Add(new CriterionScore(Key(team), Expert, mine.Average(), replicates));
        }

        var maxByCode = rubric.ToDictionary(x => x.Code, x => x.MaxPoints, StringComparer.Ordinal);
        var ratings = input.Reviews.Where(x => maxByCode.ContainsKey(x.ItemCode))
            .Select(x => new Rating(string.Create(CultureInfo.InvariantCulture, $"{x.OrganisationId}|{x.ItemCode}"), x.ReviewerId.ToString(CultureInfo.InvariantCulture), x.Value / maxByCode[x.ItemCode]));
        var a = InterRater.KrippendorffAlpha(ratings, RatingLevel.Interval);
        var names = teams.ToDictionary(t => t.OrganisationId.ToString(CultureInfo.InvariantCulture), t => t, StringComparer.Ordinal);
        var outliers = InterRater.Outliers(complete.Select(x => new Rating(x.Org.ToString(CultureInfo.InvariantCulture), x.Reviewer.ToString(CultureInfo.InvariantCulture), x.Share)), config.OutlierZ)
            .Where(o => names.ContainsKey(o.Unit))
            .Select(o => new ExpertOutlierRow(names[o.Unit].OrganisationId, names[o.Unit].Name, long.Parse(o.Rater, CultureInfo.InvariantCulture), o.Value, o.OthersMean, o.Z))
            .ToList();
        return new ExpertSummary(double.IsNaN(a) ? null : a, rows, outliers);
    }

    private static UserSummary UserPart(ScoringInput input, List<ScoringTeam> teams, List<string> problems, List<CriterionScore> scores)
    {
        var config = input.Config;
        var inPhase = teams.Select(t => t.OrganisationId).ToHashSet();
        var battles = input.Battles.Where(b => inPhase.Contains(b.OrganisationA) && inPhase.Contains(b.OrganisationB))
            .Select(b => new Battle(b.OrganisationA.ToString(CultureInfo.InvariantCulture), b.OrganisationB.ToString(CultureInfo.InvariantCulture), b.Outcome, b.LengthA, b.LengthB))
            .ToList();
        var missing = teams.Where(t => !battles.Any(b => b.ModelA == Key(t) || b.ModelB == Key(t))).ToList();
        foreach (var t in missing)
        {
            problems.Add($"team {t.Name} has no voted battle");
        }

        if (missing.Count > 0 || battles.Count == 0)
        {
            return new UserSummary(null, battles.Count, []);
        }

        var fit = BradleyTerry.Fit(battles, controlLength: true, resamples: config.Resamples, seed: config.Seed, confidence: config.Confidence);
        var rows = new List<UserTeamRow>();
        foreach (var rating in fit.Ratings)
        {
            var team = teams.Single(t => Key(t) == rating.Model);
            var mine = input.Ratings.Where(x => x.OrganisationId == team.OrganisationId).ToList();
            rows.Add(new UserTeamRow(team.OrganisationId, team.Name, rating.Rating, rating.Low, rating.High, rating.Battles, WinShare(rating.Rating),
                mine.Count == 0 ? null : mine.Average(x => x.Value), mine.Count));
            scores.Add(new CriterionScore(rating.Model, User, WinShare(rating.Rating), [.. rating.Replicates.Select(WinShare)]));
        }

        return new UserSummary(fit.LengthCoefficient, battles.Count, rows);
    }

    /// <summary>Expected share of wins against a model rated 1000 (the mean), in [0, 1].</summary>
    public static double WinShare(double rating) => 1 / (1 + Math.Pow(10, -(rating - 1000) / 400));

    private static string Key(ScoringTeam t) => t.OrganisationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>PhaseRanking's reasons name teams by key (organisation id): give their names.</summary>
    private static string NameTeams(string reason, Dictionary<string, ScoringTeam> names)
    {
        foreach (var (key, team) in names)
        {
            reason = reason.Replace(" " + key + "'s ", " " + team.Name + "'s ", StringComparison.Ordinal);
        }

        return reason;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : Moa.Evaluation.Statistics.SampleStatistics.Percentile(sorted, p);

    /// <summary>A seed per (phase seed, benchmark, team): every bootstrap has its own stream, independent of scheduling.</summary>
    internal static ulong Seed(int phaseSeed, long benchmark, long team)
    {
        var x = new SplitMix(((ulong)(uint)phaseSeed << 32) ^ (ulong)benchmark);
        var y = x.Next() ^ (ulong)team;
        return new SplitMix(y).Next();
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator; bounded draws by Lemire's multiply-shift.</summary>
    internal struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A draw in [0, n) (bias below 2^-32 for the sizes used here).</summary>
        public int Below(uint n) => (int)(((Next() >> 32) * n) >> 32);
    }
}
