using System.Text.Json;
using Moa.Evaluation.Analysis;
using Moa.Evaluation.Benchmarks;
using static Moa.Evaluation.Tests.Benchmarks.BenchmarkFixtures;

namespace Moa.Evaluation.Tests.Analysis;

public class ItemAnalysisTests
{
    private static readonly List<BenchmarkItem> s_items =
        [.. Enumerable.Range(0, 40).Select(i => Item($"q{i:D2}", i < 20 ? "grammar" : "history", Reviews[i], ["가", "나", "다", "라"], i % 4))];

    // Model m (0..5) answers item i correctly when (i * 7 + m * 13) % 10 < m + 3, so stronger models get more right.
    // Item q05 has a wrong key: every model picks choice 2. Model 5 always answers position A.
    private static string WriteRun(int m, Func<int, bool>? alwaysA = null)
    {
        var dir = TestPaths.NewTempDir($"run{m}");
        File.WriteAllText(Path.Combine(dir, "run.json"), JsonSerializer.Serialize(new { model = new { name = $"model-{m}" }, benchmark = "analysis", created = "2026-11-21" }));
        var lines = s_items.Select((item, i) =>
        {
            var key = item.AnswerIndex;
            int predicted;
            if (i == 5)
            {
                predicted = 2;
            }
            else if (alwaysA?.Invoke(i) == true)
            {
                predicted = 0;
            }
            else
            {
                predicted = ((i * 7) + (m * 13)) % 10 < m + 3 ? key : (key + 1) % 4;
            }

            return JsonSerializer.Serialize(new { id = item.Id, subset = item.Subset, correct = predicted == key, predicted, answer = key, score = predicted == key ? 1.0 : 0.0 });
        });
        File.WriteAllLines(Path.Combine(dir, "items.jsonl"), lines);
        return dir;
    }

    private static LoadedBenchmark Benchmark() => new(Card("analysis", "grammar", "history"), s_items, "mem", "h");

    private static List<EvaluationRun> Runs() =>
        [.. Enumerable.Range(0, 6).Select(m => EvaluationRun.Load(WriteRun(m, m == 5 ? _ => true : null)))];

    [Fact]
    public void Analyze_ComputesDifficultyAndFlagsTheWrongKey()
    {
        var report = ItemAnalyzer.Analyze(Benchmark(), Runs());

        report.Models.Select(m => m.Model).ShouldBe(["model-0", "model-1", "model-2", "model-3", "model-4", "model-5"]);
        var wrongKey = report.Items.Single(i => i.Id == "q05");
        wrongKey.Difficulty.ShouldBe(0);
        wrongKey.Flags.ShouldContain(ItemAnalyzer.AllFailFlag);
        wrongKey.ModalWrongChoice.ShouldBe(2);
        wrongKey.ModalWrongCount.ShouldBe(6);
        report.AllFail.ShouldContain(i => i.Id == "q05");
        report.Items.ShouldAllBe(i => i.Models == 6);
        var q00 = report.Items.Single(i => i.Id == "q00");
        q00.Difficulty.ShouldBe(q00.Correct / 6.0);
    }

    [Fact]
    public void Discrimination_IsThePointBiserialWithTheRestScore()
    {
        var runs = Runs();
        var report = ItemAnalyzer.Analyze(Benchmark(), runs);
        var item = report.Items.First(i => i.Discrimination is not null);
        var index = s_items.FindIndex(i => i.Id == item.Id);

        // Pearson correlation of 0/1 correctness with accuracy on the other 39 items, computed directly.
        var x = runs.Select(r => r.Items[index].Correct ? 1.0 : 0.0).ToArray();
        var y = runs.Select(r => (r.Items.Count(c => c.Correct) - x[runs.IndexOf(r)]) / 39.0).ToArray();
        double mx = x.Average(), my = y.Average();
        var pearson = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));

        item.Discrimination!.Value.ShouldBe(pearson, 1e-4);
    }

    [Fact]
    public void PositionBias_FindsTheModelThatAlwaysAnswersA()
    {
        var report = ItemAnalyzer.Analyze(Benchmark(), Runs());

        var biased = report.PositionBias.Single(b => b.Model == "model-5");
        biased.FavouredPosition.ShouldBe(0);
        biased.PValue.ShouldBeLessThan(1e-6);
        biased.KeyShare[0].ShouldBe(0.25, 0.01);
        report.PositionBias.Single(b => b.Model == "model-4").PValue.ShouldBeGreaterThan(0.01);
    }

    [Fact]
    public void SubsetSummaries_GiveAccuracyPerModel()
    {
        var report = ItemAnalyzer.Analyze(Benchmark(), Runs());

        report.Subsets.Select(s => s.Subset).ShouldBe(["grammar", "history"]);
        var grammar = report.Subsets[0];
        grammar.Items.ShouldBe(20);
        grammar.AllFail.ShouldBe(1);
        grammar.Accuracy.Count.ShouldBe(6);
        var expected = report.Items.Where(i => i.Subset == "grammar").Average(i => i.Difficulty);
        grammar.MeanDifficulty.ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Html_IsSelfContainedWithInlineSvgAndEncodedText()
    {
        var items = s_items.ToList();
        items[5] = items[5] with { Question = "<script>alert('x')</script> 꺾쇠 & 앰퍼샌드" };
        var report = ItemAnalyzer.Analyze(new LoadedBenchmark(Card("analysis", "grammar", "history"), items, "mem", "h"), Runs());
        var path = Path.Combine(TestPaths.NewTempDir(), "report.html");

        ItemAnalysisHtml.Write(report, path);

        var html = File.ReadAllText(path);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<svg");
        html.ShouldNotContain("<script");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldNotContain("src=");
        html.ShouldNotContain("<link");
        html.ShouldContain("q05");
        html.ShouldContain("C (6 of 6)");
        Should.Throw<MoaException>(() => ItemAnalysisHtml.Write(report, "/nonexistent/dir/r.html")).Message.ShouldContain("folder not found");
    }

    [Fact]
    public void Json_RoundTripsWithNullDiscrimination()
    {
        using var json = JsonDocument.Parse(ItemAnalyzer.Analyze(Benchmark(), Runs()).ToJson());

        var q05 = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "q05");
        q05.GetProperty("discrimination").ValueKind.ShouldBe(JsonValueKind.Null);
        q05.GetProperty("flags")[0].GetString().ShouldBe("all-fail");
    }

    [Fact]
    public void Analyze_NeedsTwoRunsOfThisBenchmark()
    {
        var runs = Runs();
        Should.Throw<MoaException>(() => ItemAnalyzer.Analyze(Benchmark(), [runs[0]])).Message.ShouldContain("at least 2 runs");

        var other = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(other, "run.json"), "{\"model\":\"m\"}");
        File.WriteAllText(Path.Combine(other, "items.jsonl"), "{\"id\":\"zzz\",\"correct\":true}\n");
        Should.Throw<MoaException>(() => ItemAnalyzer.Analyze(Benchmark(), [runs[0], EvaluationRun.Load(other)])).Message.ShouldContain("none of its 1 results has an id of benchmark 'analysis'");
    }

    [Fact]
    public void PartialRunsAndUnknownIds_AreNoted()
    {
        var partial = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(partial, "run.json"), "{\"model\":\"half\",\"benchmark\":\"other-name\"}");
        File.WriteAllText(Path.Combine(partial, "items.jsonl"), "{\"id\":\"q00\",\"correct\":true,\"predicted\":0,\"answer\":0}\n{\"id\":\"nope\",\"correct\":false}\n");

        var report = ItemAnalyzer.Analyze(Benchmark(), [.. Runs(), EvaluationRun.Load(partial)]);

        report.Models.Single(m => m.Model == "half").ShouldBe(new ModelSummary("half", partial, 1, 1.0, 1));
        report.Items.Single(i => i.Id == "q00").Models.ShouldBe(7);
        report.Items.Single(i => i.Id == "q01").Models.ShouldBe(6);
        report.Notes.ShouldContain(n => n.Contains("names benchmark 'other-name'"));
        report.Notes.ShouldContain(n => n.Contains("1 results have ids that are not in the benchmark"));
    }

    [Theory]
    [InlineData(null, "{\"id\":\"q\",\"correct\":true}", "run.json: file not found")]
    [InlineData("{\"model\":", "{\"id\":\"q\",\"correct\":true}", "run.json line 1: not valid JSON")]
    [InlineData("{\"model\":\"m\"}", "{\"id\":\"q\",\"correct\":true}\n{\"id\":\"r\"}", "items.jsonl line 2: item 'r': missing boolean field 'correct'")]
    [InlineData("{\"model\":\"m\"}", "{\"id\":\"q\",\"correct\":true,\"predicted\":\"B\"}", "items.jsonl line 1: item 'q': field 'predicted' must be a whole number")]
    [InlineData("{\"model\":\"m\"}", "{\"id\":\"q\",\"correct\":true\n", "items.jsonl line 1: not valid JSON")]
    [InlineData("{\"model\":\"m\"}", null, "items.jsonl: file not found")]
    public void EvaluationRun_BadInput_NamesFileAndLine(string? runJson, string? itemsJsonl, string expected)
    {
        var dir = TestPaths.NewTempDir();
        if (runJson is not null)
        {
            File.WriteAllText(Path.Combine(dir, "run.json"), runJson);
        }

        if (itemsJsonl is not null)
        {
            File.WriteAllText(Path.Combine(dir, "items.jsonl"), itemsJsonl);
        }

        Should.Throw<MoaException>(() => EvaluationRun.Load(dir)).Message.ShouldContain(expected);
        Should.Throw<MoaException>(() => EvaluationRun.Load("/nonexistent/run")).Message.ShouldContain("run folder not found");
    }

    [Fact]
    public void EvaluationRun_WithoutModelName_UsesTheFolderName()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "exaone-7.8b");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "run.json"), "{}");
        File.WriteAllText(Path.Combine(dir, "items.jsonl"), "{\"id\":\"q00\",\"correct\":false,\"predicted\":-1,\"answer\":0,\"score\":0.25}\n");

        var run = EvaluationRun.Load(dir);

        run.Model.ShouldBe("exaone-7.8b");
        run.Items.Single().ShouldBe(new RunItemResult("q00", string.Empty, false, -1, 0, 0.25));
    }
}
