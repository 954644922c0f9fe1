using Moa.Evaluation.Leaderboard;

namespace Moa.Evaluation.Tests.Leaderboard;

public class BradleyTerryTests
{
    // Battles shaped like a public arena dump: 10 models, 6,000 battles, about a fifth ties, uneven pairing.
    private static List<Battle> Arena(int seed, double[] strength, double lengthEffect = 0, double tieRate = 0.2, int count = 6000)
    {
        var rng = new Random(seed);
        var battles = new List<Battle>(count);
        for (var n = 0; n < count; n++)
        {
            var a = rng.Next(strength.Length);
            var b = (a + 1 + (int)(Math.Pow(rng.NextDouble(), 2) * (strength.Length - 1))) % strength.Length;
            int la = 200 + rng.Next(800), lb = 200 + rng.Next(800);
            var d = (la - lb) / (double)(la + lb);
            var p = 1 / (1 + Math.Exp(-(strength[a] - strength[b] + (lengthEffect * d))));
            var outcome = rng.NextDouble() < tieRate ? BattleOutcome.Tie : rng.NextDouble() < p ? BattleOutcome.AWins : BattleOutcome.BWins;
            battles.Add(new Battle($"m{a}", $"m{b}", outcome, la, lb));
        }

        return battles;
    }

    [Fact]
    public void Fit_EqualsTheMinorizationMaximizationReference()
    {
        double[] strength = [1.2, 0.9, 0.7, 0.5, 0.2, 0, -0.3, -0.6, -0.8, -1.1];
        var battles = Arena(7, strength);

        var fitted = BradleyTerry.Fit(battles, resamples: 0);
        var reference = MmReference(battles);

        foreach (var r in fitted.Ratings)
        {
            r.Rating.ShouldBe(reference[r.Model], 0.01, r.Model);
        }

        // The strongest generating model comes first, the weakest last.
        fitted.Ratings[0].Model.ShouldBe("m0");
        fitted.Ratings[^1].Model.ShouldBe("m9");
    }

    [Fact]
    public void Fit_BootstrapIntervalsHoldThePointAndNarrowWithData()
    {
        double[] strength = [0.5, 0, -0.5];
        var small = BradleyTerry.Fit(Arena(3, strength, count: 300), resamples: 100);
        var large = BradleyTerry.Fit(Arena(3, strength, count: 6000), resamples: 100);
        foreach (var r in small.Ratings)
        {
            r.Low.ShouldBeLessThanOrEqualTo(r.Rating);
            r.High.ShouldBeGreaterThanOrEqualTo(r.Rating);
        }

        var widthSmall = small.Ratings.Average(r => r.High - r.Low);
        var widthLarge = large.Ratings.Average(r => r.High - r.Low);
        widthLarge.ShouldBeLessThan(widthSmall / 2);
    }

    [Fact]
    public void LengthControl_RemovesTheRewardForLongAnswers()
    {
        // Equal models; voters prefer the longer answer; model m0 always answers at length and m3 briefly.
        var rng = new Random(11);
        var battles = new List<Battle>();
        for (var n = 0; n < 4000; n++)
        {
            var a = rng.Next(4);
            var b = (a + 1 + rng.Next(3)) % 4;
            int la = 300 + (a == 0 ? 600 : a == 3 ? -200 : 0) + rng.Next(200), lb = 300 + (b == 0 ? 600 : b == 3 ? -200 : 0) + rng.Next(200);
            var p = 1 / (1 + Math.Exp(-3 * (la - lb) / (double)(la + lb)));
            battles.Add(new Battle($"m{a}", $"m{b}", rng.NextDouble() < p ? BattleOutcome.AWins : BattleOutcome.BWins, la, lb));
        }

        var raw = BradleyTerry.Fit(battles, resamples: 0);
        var controlled = BradleyTerry.Fit(battles, controlLength: true, resamples: 0);

        var spreadRaw = raw.Ratings.Max(r => r.Rating) - raw.Ratings.Min(r => r.Rating);
        var spreadControlled = controlled.Ratings.Max(r => r.Rating) - controlled.Ratings.Min(r => r.Rating);
        spreadRaw.ShouldBeGreaterThan(100);
        spreadControlled.ShouldBeLessThan(spreadRaw / 4);
        controlled.LengthCoefficient!.Value.ShouldBe(3, 0.5);
        raw.LengthCoefficient.ShouldBeNull();
    }

    [Fact]
    public void Fit_RejectsWhatCannotBeRated()
    {
        Should.Throw<ArgumentException>(() => BradleyTerry.Fit([]));
        Should.Throw<ArgumentException>(() => BradleyTerry.Fit([new Battle("a", "a", BattleOutcome.Tie)]));

        // An undefeated model gets a finite, top rating (the ridge and the step cap keep it off infinity).
        var result = BradleyTerry.Fit([new("a", "b", BattleOutcome.AWins), new("a", "b", BattleOutcome.AWins), new("b", "c", BattleOutcome.Tie)], resamples: 0);
        result.Ratings[0].Model.ShouldBe("a");
        double.IsFinite(result.Ratings[0].Rating).ShouldBeTrue();
    }

    // Hunter's (2004) minorization-maximization for Bradley-Terry, ties as half a win: an independent way to the same MLE.
    private static Dictionary<string, double> MmReference(List<Battle> battles)
    {
        var models = battles.SelectMany(b => new[] { b.ModelA, b.ModelB }).Distinct().ToList();
        var pi = models.ToDictionary(m => m, _ => 1.0);
        var wins = models.ToDictionary(m => m, _ => 0.0);
        foreach (var b in battles)
        {
            wins[b.ModelA] += b.Outcome switch { BattleOutcome.AWins => 1, BattleOutcome.Tie => 0.5, _ => 0 };
            wins[b.ModelB] += b.Outcome switch { BattleOutcome.BWins => 1, BattleOutcome.Tie => 0.5, _ => 0 };
        }

        for (var it = 0; it < 2000; it++)
        {
            var denominator = models.ToDictionary(m => m, _ => 0.0);
            foreach (var b in battles)
            {
                var s = 1 / (pi[b.ModelA] + pi[b.ModelB]);
                denominator[b.ModelA] += s;
                denominator[b.ModelB] += s;
            }

            var next = models.ToDictionary(m => m, m => wins[m] / denominator[m]);
            var geo = Math.Exp(next.Values.Average(Math.Log));
            pi = next.ToDictionary(p => p.Key, p => p.Value / geo);
        }

        return pi.ToDictionary(p => p.Key, p => 1000 + (400 / Math.Log(10) * Math.Log(p.Value)));
    }
}

public class InterRaterTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, missing values.
    private static readonly double?[][] s_example =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static IEnumerable<Rating> Example() =>
        s_example.SelectMany((row, o) => row.Select((v, u) => (v, u)).Where(x => x.v.HasValue).Select(x => new Rating($"u{x.u}", $"o{o}", x.v!.Value)));

    [Fact]
    public void KrippendorffAlpha_MatchesThePublishedExample()
    {
        InterRater.KrippendorffAlpha(Example(), RatingLevel.Nominal).ShouldBe(0.743, 0.001);
        InterRater.KrippendorffAlpha(Example(), RatingLevel.Interval).ShouldBe(0.849, 0.001);
    }

    [Fact]
    public void KrippendorffAlpha_EdgeCases()
    {
        InterRater.KrippendorffAlpha([new("u", "a", 3), new("u", "b", 3), new("v", "a", 1), new("v", "b", 1)]).ShouldBe(1.0);
        double.IsNaN(InterRater.KrippendorffAlpha([new("u", "a", 3)])).ShouldBeTrue();
        double.IsNaN(InterRater.KrippendorffAlpha([new("u", "a", 3), new("u", "b", 3)])).ShouldBeTrue();
    }

    [Fact]
    public void Outliers_FlagTheReviewerFarFromThePanel()
    {
        var ratings = new List<Rating>();
        for (var u = 0; u < 10; u++)
        {
            for (var r = 0; r < 5; r++)
            {
                ratings.Add(new Rating($"report{u}", $"r{r}", 70 + u + (r % 2)));
            }
        }

        ratings.Add(new Rating("report3", "careless", 10));
        var outliers = InterRater.Outliers(ratings);
        outliers.Count.ShouldBe(1);
        outliers[0].Rater.ShouldBe("careless");
    }
}

public class PhaseTests
{
    private static double[] Replicates(double value, double spread, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, 400).Select(_ => value + (spread * (rng.NextDouble() - 0.5)))];
    }

    private static List<CriterionScore> Scores(params (string Team, double Value, double Spread)[] teams) =>
        [.. teams.SelectMany((t, i) => PhaseRanking.Phase1Scheme.Select((c, j) => new CriterionScore(t.Team, c.Name, t.Value, Replicates(t.Value, t.Spread, (i * 10) + j))))];

    [Fact]
    public void Rank_EliminatesOnlyWhereIntervalsSeparate()
    {
        var clear = PhaseRanking.Rank(PhaseRanking.Phase1Scheme, Scores(("A", 0.9, 0.02), ("B", 0.8, 0.02), ("C", 0.5, 0.02)), eliminate: 1);
        clear.Select(s => s.Team).ShouldBe(["A", "B", "C"]);
        clear[0].Points.ShouldBe(90, 1e-9);
        clear[2].Decision.ShouldBe(PhaseDecision.Eliminate);
        clear[1].Decision.ShouldBe(PhaseDecision.Advance);

        var close = PhaseRanking.Rank(PhaseRanking.Phase1Scheme, Scores(("A", 0.9, 0.02), ("B", 0.61, 0.2), ("C", 0.60, 0.2)), eliminate: 1);
        close[2].Decision.ShouldBe(PhaseDecision.Tie);
        close[1].Decision.ShouldBe(PhaseDecision.Tie);
        close[2].Reason.ShouldContain("overlaps B");
        close[0].Decision.ShouldBe(PhaseDecision.Advance);
    }

    [Fact]
    public void Rank_RejectsIncompleteInput()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PhaseRanking.Rank(PhaseRanking.Phase1Scheme, Scores(("A", 0.9, 0.02)), eliminate: 1));
        var missing = Scores(("A", 0.9, 0.02), ("B", 0.5, 0.02)).Where(s => !(s.Team == "B" && s.Criterion == "user")).ToList();
        Should.Throw<ArgumentException>(() => PhaseRanking.Rank(PhaseRanking.Phase1Scheme, missing, eliminate: 1)).Message.ShouldContain("user");
    }

    [Fact]
    public void Normalization_IsTheOpenLlmLeaderboardV2Rule()
    {
        ScoreNormalization.Normalize(0.25, 0.25).ShouldBe(0);
        ScoreNormalization.Normalize(0.20, 0.25).ShouldBe(0); // below chance clips to 0
        ScoreNormalization.Normalize(0.625, 0.25).ShouldBe(0.5);
        ScoreNormalization.RandomBaseline([2, 4]).ShouldBe(0.375);
        Should.Throw<ArgumentException>(() => ScoreNormalization.Normalize(0.5, 1.0));
    }

    [Fact]
    public void ShareOfReference_IsPairedAndHasAnInterval()
    {
        var rng = new Random(5);
        var reference = Enumerable.Range(0, 2000).Select(_ => rng.NextDouble() < 0.8 ? 1.0 : 0.0).ToArray();
        var team = reference.Select(r => r == 1 && rng.NextDouble() < 0.9 ? 1.0 : 0.0).ToArray();
        var share = ScoreNormalization.ShareOfReference(team, reference, 0.25, resamples: 500);
        share.Value.ShouldBe(((team.Average() - 0.25) / 0.75) / ((reference.Average() - 0.25) / 0.75), 1e-12);
        share.Low.ShouldBeLessThan(share.Value);
        share.High.ShouldBeGreaterThan(share.Value);
        Should.Throw<ArgumentException>(() => ScoreNormalization.ShareOfReference([1.0], [1.0, 0.0], 0.5));
    }

    [Fact]
    public void Ladder_ShowsOnlyRealImprovements()
    {
        var ladder = new Ladder(0.01);
        ladder.Submit(0.7012).ShouldBe(0.70, 1e-12);
        ladder.Submit(0.7090).ShouldBe(0.70, 1e-12); // within one step: the old best is shown
        ladder.Submit(0.6000).ShouldBe(0.70, 1e-12);
        ladder.Submit(0.7260).ShouldBe(0.73, 1e-12);

        // A team probing with random submissions around its best learns nothing new.
        var rng = new Random(2);
        for (var i = 0; i < 500; i++)
        {
            ladder.Submit(0.73 + ((rng.NextDouble() - 0.5) * 0.01)).ShouldBe(0.73, 1e-12);
        }

        Should.Throw<ArgumentOutOfRangeException>(() => new Ladder(0));
    }
}
