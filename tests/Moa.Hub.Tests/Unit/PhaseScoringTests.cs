using Moa.Evaluation.Leaderboard;
using Moa.Hub.Leaderboard;

namespace Moa.Hub.Tests.Unit;

/// <summary>The phase computation without the web: ties where intervals overlap, missing data named, determinism.</summary>
public sealed class PhaseScoringTests
{
    /// <summary>Three teams; <paramref name="gap"/> sets how far team 3 trails on every part.</summary>
    internal static ScoringInput Input(double gap, int items = 400, int battlesPerPair = 40, int resamples = 300)
    {
        var teams = new[] { new ScoringTeam(1, "가팀", "a", "ref"), new ScoringTeam(2, "나팀", "b", "ref"), new ScoringTeam(3, "다팀", "c", "ref") };
        var benchmarks = new[] { new PhaseBenchmark { Id = 10, Name = "kmmlu", Kind = BenchmarkKinds.Common, RandomBaseline = 0.25 }, new PhaseBenchmark { Id = 11, Name = "boolq", Kind = BenchmarkKinds.Common, RandomBaseline = 0.5 } };
        var rng = new Random(3);
        var runs = new List<ScoringRun>();
        var quality = new Dictionary<long, double> { [1] = 0.80, [2] = 0.79, [3] = 0.80 - gap };
        foreach (var b in benchmarks)
        {
            var ids = Enumerable.Range(0, items).Select(i => $"{b.Name}-{i}").ToArray();
            var reference = ids.Select(_ => rng.NextDouble() < 0.85 ? 1.0 : 0.0).ToArray();
            foreach (var t in teams)
            {
                runs.Add(new ScoringRun(b.Id, t.OrganisationId, RunRoles.Reference, ids, reference));
                runs.Add(new ScoringRun(b.Id, t.OrganisationId, RunRoles.Model, ids, [.. ids.Select(_ => rng.NextDouble() < quality[t.OrganisationId] ? 1.0 : 0.0)]));
            }
        }

        var rubric = new[] { new RubricItem { Code = "method", Title = "m", Weight = 1, MaxPoints = 5 } };
        var reviews = new List<ScoringReview>();
        foreach (var t in teams)
        {
            for (var r = 0; r < 4; r++)
            {
                reviews.Add(new ScoringReview(100 + r, t.OrganisationId, "method", Math.Clamp((quality[t.OrganisationId] * 5) + ((r - 1.5) * 0.2), 0, 5)));
            }
        }

        var battles = new List<ScoringBattle>();
        foreach (var (a, b) in new[] { (1L, 2L), (1L, 3L), (2L, 3L) })
        {
            for (var i = 0; i < battlesPerPair; i++)
            {
                var pa = 0.5 + (2 * (quality[a] - quality[b]));
                var outcome = rng.NextDouble() < pa ? BattleOutcome.AWins : BattleOutcome.BWins;
                battles.Add(new ScoringBattle(a, b, outcome, rng.Next(50, 500), rng.Next(50, 500)));
            }
        }

        var config = new PhaseConfig(PhaseRanking.Phase1Scheme, 1, Resamples: resamples);
        return new ScoringInput(1, "test", config, teams, benchmarks, rubric, runs, reviews, battles, [new ScoringRating(1, 4), new ScoringRating(3, 2)]);
    }

    [Fact]
    public void Compute_CloseTeamsAtTheCut_IsATieWithTheReason()
    {
        var result = PhaseScoring.Compute(Input(gap: 0.01));
        var last = result.Standings[^1];
        last.Decision.ShouldBe("tie");
        last.Reason.ShouldStartWith("tie: interval [");
        last.Reason.ShouldContain("팀's [", customMessage: "the reason names the other team, not its id");
        result.Standings.Count(s => s.Decision == "eliminate").ShouldBe(0);
    }

    [Fact]
    public void Compute_ClearlyWorseTeam_IsEliminated()
    {
        var result = PhaseScoring.Compute(Input(gap: 0.35));
        result.Standings[^1].OrganisationId.ShouldBe(3);
        result.Standings[^1].Decision.ShouldBe("eliminate");
        result.Standings.Take(2).ShouldAllBe(s => s.Decision == "advance");
        result.User.Teams.Single(t => t.OrganisationId == 1).MeanRating.ShouldBe(4);
    }

    [Fact]
    public void Compute_SameInput_GivesIdenticalJson()
    {
        var a = LeaderboardService.ResultJson(PhaseScoring.Compute(Input(gap: 0.1)));
        var b = LeaderboardService.ResultJson(PhaseScoring.Compute(Input(gap: 0.1)));
        a.ShouldBe(b);
    }

    [Fact]
    public void Compute_MissingParts_NamesEveryProblem()
    {
        var input = Input(gap: 0.1);
        input = input with
        {
            Runs = [.. input.Runs.Where(r => !(r.OrganisationId == 2 && r.BenchmarkId == 11 && r.Role == RunRoles.Reference))],
            Reviews = [.. input.Reviews.Where(r => r.OrganisationId != 3)],
            Battles = [.. input.Battles.Where(b => b.OrganisationA != 3 && b.OrganisationB != 3)],
        };
        var ex = Should.Throw<PhaseIncompleteException>(() => PhaseScoring.Compute(input));
        ex.Problems.ShouldContain("team 나팀 has no run of its reference model on boolq");
        ex.Problems.ShouldContain("team 다팀 has no complete expert review");
        ex.Problems.ShouldContain("team 다팀 has no voted battle");
    }

    [Fact]
    public void PairedShare_EqualModels_IsOneWithAnIntervalAroundIt_AndMatchesTheLibraryPointEstimate()
    {
        var rng = new Random(5);
        var team = Enumerable.Range(0, 500).Select(_ => rng.NextDouble() < 0.7 ? 1.0 : 0.0).ToArray();
        var (point, reps, _, _) = PhaseScoring.PairedShare(team, team, 0.25, 400, 42);
        point.ShouldBe(1.0, 1e-12);
        reps.ShouldAllBe(x => Math.Abs(x - 1) < 1e-12, "identical answers: every paired resample gives the same share");
        var reference = Enumerable.Range(0, 500).Select(_ => rng.NextDouble() < 0.8 ? 1.0 : 0.0).ToArray();
        var (p2, reps2, _, _) = PhaseScoring.PairedShare(team, reference, 0.25, 1000, 42);
        var lib = ScoreNormalization.ShareOfReference(team, reference, 0.25, resamples: 1000, seed: 42);
        p2.ShouldBe(lib.Value, 1e-12);
        Array.Sort(reps2);
        reps2[25].ShouldBe(lib.Low, 0.03, "same bootstrap, other random stream: the interval agrees closely");
        reps2[974].ShouldBe(lib.High, 0.03);
    }

    [Theory]
    [InlineData(10_000, 0.6)]
    [InlineData(37, 0.02)]
    [InlineData(500, 0.97)]
    public void Binomial_DrawsHaveTheBinomialMeanAndVariance(int n, double p)
    {
        var logFactorial = new double[n + 1];
        for (var i = 2; i <= n; i++)
        {
            logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        }

        var rng = new PhaseScoring.SplitMix(7);
        var draws = Enumerable.Range(0, 20_000).Select(_ => (double)PhaseScoring.Binomial(ref rng, n, p, logFactorial)).ToArray();
        draws.ShouldAllBe(x => x >= 0 && x <= n);
        var mean = draws.Average();
        var variance = draws.Sum(x => (x - mean) * (x - mean)) / (draws.Length - 1);
        mean.ShouldBe(n * p, 4 * Math.Sqrt(n * p * (1 - p) / draws.Length));
        variance.ShouldBe(n * p * (1 - p), 0.05 * n * p * (1 - p));
    }

    [Fact]
    public void PairedShare_ContinuousScores_ResamplesItemsAndMatchesTheLibrary()
    {
        var rng = new Random(9);
        var team = Enumerable.Range(0, 500).Select(_ => rng.NextDouble() * 0.9).ToArray();
        var reference = Enumerable.Range(0, 500).Select(_ => rng.NextDouble()).ToArray();
        var (point, reps, _, _) = PhaseScoring.PairedShare(team, reference, 0.25, 1000, 42);
        var lib = ScoreNormalization.ShareOfReference(team, reference, 0.25, resamples: 1000, seed: 42);
        point.ShouldBe(lib.Value, 1e-12);
        Array.Sort(reps);
        reps[25].ShouldBe(lib.Low, 0.03);
        reps[974].ShouldBe(lib.High, 0.03);
    }
}
