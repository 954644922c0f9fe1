using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Models;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Tasks;
using Moa.Evaluation.ReferenceModel;
using Moa.Evaluation.Serving;

namespace Moa.Evaluation.Tests.Runs;

/// <summary>
/// Few-shot prompts equal lm-evaluation-harness's: <c>scripts/lmeval-golden-fewshot.py</c> drew the examples with Python's own
/// <c>random.Random(1234)</c> and assembled each 5-shot context from the raw files (KoBEST test items with train examples, CLIcK
/// categories drawing from themselves, a KMMLU-format fixture with dev examples); Moa's run must send exactly those contexts.
/// </summary>
public sealed class LmEvalFewShotTests : IAsyncLifetime
{
    private const int PerTask = 8;

    private static readonly string KmmluFixture = Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "kmmlu-format");

    private static readonly string[] s_clickCategories = ["Economy", "History", "Law", "Politics", "Popular", "Society", "Tradition"];

    private ReferenceModelServer? _server;

    // 5-shot CLIcK prompts run to several thousand characters: a small model with a context that holds them.
    public async Task InitializeAsync() =>
        _server = await ReferenceModelServer.StartAsync(new ReferenceCompletionService(CharNgramModel.Train(CorpusReader.Read(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(500), 3), "moa-ngram", maxContext: 1_000_000), 0);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public void PythonRandom_GivesCPythonsNumbers()
    {
        // python3 -c "import random; r = random.Random(1234); print([r.getrandbits(32) for _ in range(4)])"
        var r = new PythonRandom(1234);
        uint[] bits = [r.GetRandBits(32), r.GetRandBits(32), r.GetRandBits(32), r.GetRandBits(32)];
        bits.ShouldBe([4150886329u, 3342196574u, 1892932127u, 501869158u]);
        new PythonRandom(0).GetRandBits(32).ShouldBe(3626764237u);
        new PythonRandom((1L << 40) + 5).GetRandBits(32).ShouldBe(2166296868u);

        // r = random.Random(1234); r.sample(range(10), 5), r.sample(range(3665), 5), r.sample(range(100), 30):
        // both of CPython's strategies (a shrinking pool, and rejection of repeats for large populations).
        var s = new PythonRandom(1234);
        s.Sample([.. Enumerable.Range(0, 10)], 5).ShouldBe([7, 1, 0, 9, 4]);
        s.Sample([.. Enumerable.Range(0, 3665)], 5).ShouldBe([143, 2750, 2838, 343, 403]);
        s.Sample([.. Enumerable.Range(0, 100)], 30).ShouldBe([98, 45, 30, 2, 3, 96, 44, 82, 79, 61, 78, 59, 19, 11, 23, 14, 1, 64, 62, 31, 8, 69, 88, 91, 86, 65, 5, 34, 71, 76]);
        Should.Throw<ArgumentOutOfRangeException>(() => s.Sample([1, 2], 3));
    }

    [Theory]
    [InlineData("kobest_boolq")]
    [InlineData("kobest_copa")]
    [InlineData("kobest_hellaswag")]
    [InlineData("kobest_sentineg")]
    [InlineData("kobest_wic")]
    public async Task Kobest_FiveShot_EqualsTheGoldenLmEvalPrompts(string name)
    {
        var task = LmEvalTasks.Get(name);
        var test = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"), "test");
        var train = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"), "train");
        var items = test.Items.Where(task.AppliesTo).Take(PerTask).ToList();
        var run = await Run(test.Card, items, [.. train.Items.Where(task.AppliesTo)], task);

        AssertGolden(run, Golden(name).Take(PerTask).ToList(), name);
    }

    [Fact]
    public async Task Click_FiveShot_DrawsFromItsOwnCategory_AsLmEval()
    {
        var imported = ClickImporter.Import(TestPaths.Data("benchmarks", "click"));
        var pool = imported.Items.Where(i => s_clickCategories.Contains(i.Subset)).ToList();
        var items = s_clickCategories.SelectMany(c => pool.Where(i => i.Subset == c).Take(PerTask)).ToList();
        var run = await Run(imported.Card, items, pool, LmEvalTasks.Get("click"));

        var golden = Golden("click");
        golden.Count.ShouldBe(items.Count);
        golden.Select(g => g.GetProperty("key").GetString()).ShouldBe(items.Select(i => i.Id));
        AssertGolden(run, golden, "click");

        // The few-shot split is the evaluated split: the item is never its own example.
        run.Items.ShouldAllBe(r => r.FewShotIds.Count == 5 && !r.FewShotIds.Contains(r.Id));
    }

    [Fact]
    public async Task Kmmlu_IsFiveShotByDefault_WithDevExamples_AsLmEval()
    {
        var task = LmEvalTasks.Get("kmmlu");
        task.NumFewShot.ShouldBe(5);
        var test = KmmluImporter.Import(Path.Combine(KmmluFixture, "test"));
        var dev = KmmluImporter.Import(Path.Combine(KmmluFixture, "dev"));
        var run = await Run(test.Card, test.Items, dev.Items, task, task.NumFewShot!.Value);

        var golden = Golden("kmmlu");
        golden.Count.ShouldBe(test.Items.Count);
        AssertGolden(run, golden, "kmmlu");

        // Five dev items per category: every test item sees all five, in an order drawn per category.
        run.Items.ShouldAllBe(r => r.FewShotIds.Count == 5);
        run.Items.Select(r => string.Join(",", r.FewShotIds)).Distinct().Count().ShouldBeGreaterThan(2);
    }

    [Fact]
    public void FirstN_TakesTheFirstDocuments_AndTooSmallAPoolIsAnError()
    {
        var pool = Enumerable.Range(0, 6).Select(i => Item($"d{i}", "S")).ToList();
        var items = new[] { Item("t0", "S"), Item("t1", "S") };
        var shots = LmEvalFewShot.Draw(items, pool, 3, 1234, LmEvalFewShot.FirstNSampler);
        shots.ShouldAllBe(s => s.Select(x => x.Id).SequenceEqual(new[] { "d0", "d1", "d2" }));

        // The pool is the evaluated split: k + 1 are drawn and the item removed (first_n: d0 is skipped for d0 itself).
        var same = LmEvalFewShot.Draw([pool[0], pool[4]], pool, 3, 1234, LmEvalFewShot.FirstNSampler);
        same[0].Select(x => x.Id).ShouldBe(["d1", "d2", "d3"]);
        same[1].Select(x => x.Id).ShouldBe(["d0", "d1", "d2"]);

        Should.Throw<MoaException>(() => LmEvalFewShot.Draw(items, pool, 7, 1234)).Message.ShouldContain("the pool has 6 for subset 'S'");
        Should.Throw<MoaException>(() => LmEvalFewShot.Draw(items, pool, 1, 1234, "balanced")).Message.ShouldContain("'balanced' is not supported");
    }

    private static BenchmarkItem Item(string id, string subset) =>
        new(id, subset, "q " + id, null, ["a", "b"], JsonDocument.Parse("0").RootElement);

    private async Task<RunResult> Run(BenchmarkCard card, IReadOnlyList<BenchmarkItem> items, IReadOnlyList<BenchmarkItem> pool, LmEvalTask task, int k = 5)
    {
        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram", Concurrency = 8 });
        var run = await new EvalRunner(client).RunAsync(new EvalInput(card, items, "h", pool), new EvalOptions { Task = task, FewShot = k, BootstrapResamples = 0 }, TestPaths.NewTempDir());
        run.Manifest.ItemErrors.ShouldBe(0);
        run.Manifest.Config["fewshot_sampler"].ShouldBe("lm-eval:default");
        return run;
    }

    private static List<JsonElement> Golden(string task) =>
        [.. File.ReadLines(Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "lmeval-golden-fewshot.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("task").GetString() == task)];

    private static void AssertGolden(RunResult run, List<JsonElement> golden, string name)
    {
        run.Items.Count.ShouldBe(golden.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            var g = golden[i];
            var r = run.Items[i];
            r.Prompt.ShouldBe(g.GetProperty("context").GetString(), $"{name} item {i}: 5-shot context");
            r.Continuations.ShouldBe([.. g.GetProperty("continuations").EnumerateArray().Select(c => c.GetString()!)], $"{name} item {i}: continuations");
            r.Answer.ShouldBe(g.GetProperty("gold").GetInt32(), $"{name} item {i}: gold");
        }
    }
}
