using System.Text.Json;
using Moa.Evaluation.Models;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Scoring;
using Moa.Evaluation.Tests.Fixtures;

namespace Moa.Evaluation.Tests.Runs;

[Collection(NgramServerCollection.Name)]
public class EndToEndTests(NgramServerFixture server)
{
    private ModelClient Client(string? cacheDir, int concurrency = 16) => new(
        new EndpointOptions { BaseUrl = server.BaseUrl, Model = NgramServerFixture.ModelName, Concurrency = concurrency, RetryBaseDelay = TimeSpan.FromMilliseconds(5) },
        cacheDir is null ? null : new RequestCache(cacheDir));

    [Fact]
    public async Task KobestCopa_FullTestSplit_ScoresEveryItemAndWritesTheRun()
    {
        var (card, items) = TestBenchmarks.KobestCopa();
        items.Count.ShouldBe(1000);
        var dir = TestPaths.NewTempDir();
        using var client = Client(Path.Combine(dir, "cache"));

        var run = await new EvalRunner(client).RunAsync(new EvalInput(card, items, "copa-hash"), new EvalOptions(), dir);

        run.Manifest.ItemErrors.ShouldBe(0);
        run.Manifest.Requests.ShouldBe(2001); // probe + 2 choices x 1000
        run.Scores.Overall.Scored.ShouldBe(1000);
        run.Scores.Subsets.Keys.ShouldBe(["원인", "결과"]);
        var acc = run.Scores.Overall.Metrics["acc"];
        acc.Mean.ShouldBeInRange(0.35, 0.75); // a character 5-gram model is near chance on COPA, but not broken
        acc.CiLow.ShouldBeLessThan(acc.Mean);

        // items.jsonl carries the contract fields and is consistent with the logprobs it records.
        var lines = File.ReadAllLines(Path.Combine(dir, "items.jsonl"));
        lines.Length.ShouldBe(1000);
        var correct = 0;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var lps = r.GetProperty("logprobs").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var choices = r.GetProperty("continuations").EnumerateArray().Select(e => e.GetString()![1..]).ToArray();
            var expected = MultipleChoiceScore.Compute(lps, choices, r.GetProperty("answer").GetInt32());
            r.GetProperty("predicted").GetInt32().ShouldBe(expected.Predicted);
            r.GetProperty("correct").GetBoolean().ShouldBe(expected.Acc == 1.0);
            r.GetProperty("score").GetDouble().ShouldBe(expected.Acc);
            r.GetProperty("metrics").GetProperty("acc_norm").GetDouble().ShouldBe(expected.AccNorm);
            r.GetProperty("prompt").GetString()!.ShouldNotBeNullOrEmpty();
            lps.ShouldAllBe(v => v < 0);
            if (expected.Acc == 1.0) correct++;
        }

        (correct / 1000.0).ShouldBe(acc.Mean, 1e-12);

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "run.json")));
        var m = manifest.RootElement;
        m.GetProperty("model").GetString().ShouldBe(NgramServerFixture.ModelName);
        m.GetProperty("benchmark").GetProperty("hash").GetString().ShouldBe("copa-hash");
        m.GetProperty("config_hash").GetString()!.Length.ShouldBe(64);
        m.GetProperty("requests").GetProperty("errors").GetInt64().ShouldBe(0);
        using var scores = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "scores.json")));
        scores.RootElement.GetProperty("overall").GetProperty("metrics").GetProperty("acc").GetProperty("stderr").GetDouble().ShouldBeGreaterThan(0);
        scores.RootElement.GetProperty("subsets").GetProperty("결과").GetProperty("metrics").GetProperty("acc_bytes").GetProperty("ci_high").GetDouble().ShouldBeGreaterThan(0);

        // A rerun against the same cache sends nothing and reproduces the items byte for byte.
        using var again = Client(Path.Combine(dir, "cache"));
        var dir2 = TestPaths.NewTempDir();
        var rerun = await new EvalRunner(again).RunAsync(new EvalInput(card, items, "copa-hash"), new EvalOptions(), dir2);
        rerun.Manifest.RequestsSent.ShouldBe(0);
        rerun.Manifest.RequestsCached.ShouldBe(2001);
        File.ReadAllText(Path.Combine(dir2, "items.jsonl")).Replace("\"cached\":true", "\"cached\":false")
            .ShouldBe(File.ReadAllText(Path.Combine(dir, "items.jsonl")));
        rerun.Manifest.ConfigHash.ShouldBe(run.Manifest.ConfigHash);
    }

    [Fact]
    public async Task KilledRun_ResumesWithoutRepeatingFinishedRequests()
    {
        var (card, items) = TestBenchmarks.KobestCopa("dev");
        var subset = items.Take(300).ToList();
        var dir = TestPaths.NewTempDir();
        using var cts = new CancellationTokenSource();
        using (var client = Client(Path.Combine(dir, "cache"), concurrency: 4))
        {
            var task = new EvalRunner(client).RunAsync(new EvalInput(card, subset, "h"), new EvalOptions(), dir, (done, _) =>
            {
                if (done == 100) cts.Cancel();
            }, cts.Token);
            await Should.ThrowAsync<OperationCanceledException>(task);
            client.Counters.Succeeded.ShouldBeGreaterThanOrEqualTo(200);
        }

        File.Exists(Path.Combine(dir, "items.jsonl")).ShouldBeFalse();
        using var resumed = Client(Path.Combine(dir, "cache"));
        var run = await new EvalRunner(resumed).RunAsync(new EvalInput(card, subset, "h"), new EvalOptions(), dir);
        run.Manifest.RequestsCached.ShouldBeGreaterThanOrEqualTo(200);
        run.Manifest.RequestsSent.ShouldBeLessThanOrEqualTo(601 - 200);
        run.Manifest.ItemsScored.ShouldBe(300);
    }

    [Fact]
    public async Task ClickSubset_LogLikelihoodAndGeneration_EndToEnd()
    {
        var (card, items) = TestBenchmarks.Click(25, "Culture/Korean History/History_Kedu.json", "Language/Grammar/Grammar_Kedu.json");
        items.Count.ShouldBe(50);
        items.ShouldAllBe(i => i.AnswerIndex >= 0);
        using var client = Client(null);

        var ll = await new EvalRunner(client).RunAsync(new EvalInput(card, items, "click"), new EvalOptions(), TestPaths.NewTempDir());
        ll.Scores.PrimaryMetric.ShouldBe("acc_norm");
        ll.Scores.Subsets.Count.ShouldBe(2);
        ll.Items.ShouldAllBe(i => !i.Failed && i.LogLikelihoods!.Length == items.First(x => x.Id == i.Id).Choices.Count);
        ll.Items[0].Prompt.ShouldContain("질문:");

        var gen = await new EvalRunner(client).RunAsync(new EvalInput(card, items.Take(10).ToList(), "click"), new EvalOptions { Mode = EvalMode.Generate, MaxTokens = 6 }, TestPaths.NewTempDir());
        gen.Items.ShouldAllBe(i => !i.Failed && i.Response != null && i.Response.Length > 0);
        gen.Items[0].Prompt.ShouldContain("1. ");
        gen.Scores.MetricNames.ShouldBe(["acc"]);
    }

    [Fact]
    public async Task FewShot_IsDeterministicAndDrawnFromThePool()
    {
        var (card, test) = TestBenchmarks.KobestCopa();
        var (_, dev) = TestBenchmarks.KobestCopa("dev");
        var items = test.Take(20).ToList();
        using var client = Client(null);
        var options = new EvalOptions { FewShot = 3, Seed = 42 };
        var a = await new EvalRunner(client).RunAsync(new EvalInput(card, items, "h", dev), options, TestPaths.NewTempDir());
        var b = await new EvalRunner(client).RunAsync(new EvalInput(card, items, "h", dev), options, TestPaths.NewTempDir());
        a.Items.Select(i => string.Join(",", i.FewShotIds)).ShouldBe(b.Items.Select(i => string.Join(",", i.FewShotIds)));
        a.Items.ShouldAllBe(i => i.FewShotIds.Count == 3 && i.FewShotIds.All(id => id.StartsWith("copa-dev-")));
        a.Items[0].Prompt.Split("\n\n").Length.ShouldBe(4);
        a.Manifest.ConfigHash.ShouldNotBe((await new EvalRunner(client).RunAsync(new EvalInput(card, items, "h", dev), options with { Seed = 43 }, TestPaths.NewTempDir())).Manifest.ConfigHash);

        // Too small a context drops examples first, then fails the item as context_overflow (never a silent zero).
        var tight = await new EvalRunner(client).RunAsync(new EvalInput(card, items, "h", dev), options with { MaxContextChars = 60 }, TestPaths.NewTempDir());
        tight.Items.ShouldAllBe(i => i.FewShotIds.Count < 3 || i.Failed);
        var none = await new EvalRunner(client).RunAsync(new EvalInput(card, items, "h", dev), options with { MaxContextChars = 10 }, TestPaths.NewTempDir());
        none.Items.ShouldAllBe(i => i.ErrorKind == "context_overflow");
        none.Scores.Overall.Errors.ShouldBe(20);
        double.IsNaN(none.Scores.Overall.Metrics["acc"].Mean).ShouldBeTrue();
    }

    [Fact]
    public async Task ServerContextLimit_IsReportedAsContextOverflow()
    {
        var (card, items) = TestBenchmarks.KobestCopa();
        var longItem = items[0] with { Id = "long", Question = string.Concat(Enumerable.Repeat(items[0].Question, 120)) };
        using var client = Client(null);
        var run = await new EvalRunner(client).RunAsync(new EvalInput(card, [longItem, items[1]], "h"), new EvalOptions(), TestPaths.NewTempDir());
        run.Items[0].ErrorKind.ShouldBe("context_overflow");
        run.Items[0].ErrorMessage!.ShouldContain("maximum context length");
        run.Items[1].Failed.ShouldBeFalse();
        run.Manifest.Retries.ShouldBe(0);
        run.Manifest.ErrorsByKind["context_overflow"].ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Compare_TwoRunsOfTheSameBenchmark_PairsItemsById()
    {
        var (card, items) = TestBenchmarks.KobestCopa();
        var subset = items.Take(200).ToList();
        using var client = Client(null);
        var dirA = TestPaths.NewTempDir();
        var dirB = TestPaths.NewTempDir();
        await new EvalRunner(client).RunAsync(new EvalInput(card, subset, "h"), new EvalOptions { Metric = "acc" }, dirA);
        await new EvalRunner(client).RunAsync(new EvalInput(card, subset, "h"), new EvalOptions { Metric = "acc_norm" }, dirB);

        var cmp = RunComparison.Compare(RunRecord.Read(dirA), RunRecord.Read(dirB), 2000);
        cmp.Shared.ShouldBe(200);
        cmp.SameBenchmark.ShouldBeTrue();
        cmp.Overall.Items.ShouldBe(200);
        var a = RunRecord.Read(dirA).Items;
        var b = RunRecord.Read(dirB).Items;
        var onlyA = a.Zip(b).Count(p => p.First.Correct && !p.Second.Correct);
        cmp.Overall.McNemar.OnlyA.ShouldBe(onlyA);
        cmp.Overall.Bootstrap.Delta.ShouldBe(cmp.Overall.MeanB - cmp.Overall.MeanA, 1e-12);
        cmp.Subsets.Count.ShouldBe(2);

        var self = RunComparison.Compare(RunRecord.Read(dirA), RunRecord.Read(dirA), 500);
        self.Overall.McNemar.ExactP.ShouldBe(1.0);
        self.Overall.Bootstrap.PValue.ShouldBe(1.0);
    }

    [Fact]
    public void RunRecord_NotARunFolder_IsAUserError()
    {
        Should.Throw<MoaException>(() => RunRecord.Read(TestPaths.NewTempDir())).Message.ShouldContain("not a run folder");
    }
}
