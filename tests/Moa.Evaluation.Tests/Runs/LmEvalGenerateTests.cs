using System.Text.Json;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Models;
using Moa.Evaluation.ReferenceModel;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Serving;
using Moa.Evaluation.Tasks;

namespace Moa.Evaluation.Tests.Runs;

/// <summary>
/// <c>generate_until</c> from a task YAML: docs/evaluation/lm-eval-tasks/kmmlu_direct.yaml run by Moa gives, item by item, the
/// prompt, generated text, filtered answers and exact_match that <c>scripts/lmeval-golden-generate.py</c> computed with
/// lm-eval's rules (Python's random for the 2-shot examples, re.findall for the regex filter, Hugging Face's exact_match)
/// against the same reference model (an order-8 character model of the fixture's answered questions).
/// </summary>
public sealed class LmEvalGenerateTests : IAsyncLifetime
{
    private static readonly string Fixture = Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "kmmlu-format");

    private static readonly string Yaml = Path.Combine(TestPaths.RepoRoot, "docs", "evaluation", "lm-eval-tasks", "kmmlu_direct.yaml");

    private ReferenceModelServer? _server;

    public async Task InitializeAsync() =>
        _server = await ReferenceModelServer.StartAsync(new ReferenceCompletionService(CharNgramModel.Train(CorpusReader.Read(Path.Combine(Fixture, "answered-corpus.jsonl")), 8), "moa-ngram"), 0);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task KmmluDirectYaml_EqualsTheGoldenLmEvalComputation_ItemByItem()
    {
        var test = KmmluImporter.Import(Path.Combine(Fixture, "test"));
        var dev = KmmluImporter.Import(Path.Combine(Fixture, "dev"));
        var task = LmEvalTaskYaml.Read(Yaml).ToTask(test.Card.Subsets);
        task.Generation.ShouldNotBeNull();
        task.Generation.Until.ShouldBe(["Q:", "\n\n", "</s>", "."]);
        task.Generation.MaxGenToks.ShouldBe(16);
        task.Metrics.ShouldBe(["exact_match,letter", "exact_match,raw"]);
        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram" });

        var run = await new EvalRunner(client).RunAsync(new EvalInput(test.Card, test.Items, "h", dev.Items), new EvalOptions { Task = task, FewShot = 2, BootstrapResamples = 0 }, TestPaths.NewTempDir());

        var golden = File.ReadLines(Path.Combine(Fixture, "..", "lmeval-golden-generate.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        run.Manifest.ItemErrors.ShouldBe(0);
        run.Items.Count.ShouldBe(golden.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            var g = golden[i];
            var r = run.Items[i];
            var key = g.GetProperty("key").GetString();
            r.Prompt.ShouldBe(g.GetProperty("prompt").GetString(), $"{key}: prompt");
            r.Response.ShouldBe(g.GetProperty("response").GetString(), $"{key}: generated text cut at until");
            r.Reference.ShouldBe(g.GetProperty("gold").GetString());
            foreach (var pipeline in new[] { "letter", "raw" })
            {
                r.Filtered![pipeline].ShouldBe(g.GetProperty("filtered").GetProperty(pipeline).GetString(), $"{key}: filter {pipeline}");
                r.Metrics["exact_match," + pipeline].ShouldBe(g.GetProperty("exact_match").GetProperty(pipeline).GetDouble(), $"{key}: exact_match {pipeline}");
            }
        }

        var expected = golden.Average(g => g.GetProperty("exact_match").GetProperty("letter").GetDouble());
        expected.ShouldBeInRange(0.2, 0.8);
        run.Scores.Overall.Metrics["exact_match,letter"].Mean.ShouldBe(expected, 1e-12);
        run.Manifest.PrimaryMetric.ShouldBe("exact_match,letter");
    }

    [Fact]
    public void RegexFilter_AndExactMatch_FollowLmEval()
    {
        // findall: no group -> whole match; one group -> the group; several -> the first non-empty one; group_select -1 -> last.
        new LmEvalFilterStep(@"\d+").Apply("1번이 아니라 23번").ShouldBe("1");
        new LmEvalFilterStep(@"(\d+)번", -1).Apply("1번이 아니라 23번").ShouldBe("23");
        new LmEvalFilterStep(@"정답[은는]? ?(?:\(([A-D])\)|([A-D]))").Apply("정답은 C입니다").ShouldBe("C");
        new LmEvalFilterStep(@"(?P<x>[A-D])").Apply(" b B ").ShouldBe("B");
        new LmEvalFilterStep(@"([A-D])", 0, "없음").Apply("모름").ShouldBe("없음");
        new LmEvalFilterStep(@"([A-D])", 3).Apply("A B").ShouldBe("[invalid]");

        var em = new ExactMatchOptions { IgnoreCase = true, IgnorePunctuation = true, RegexesToIgnore = [" "] };
        em.Score(" c. ", "C").ShouldBe(1.0);
        em.Score("정답: C", "C").ShouldBe(0.0);
        new ExactMatchOptions().Score("C ", "C").ShouldBe(0.0);
        new ExactMatchOptions { IgnoreNumbers = true }.Score("A1", "A").ShouldBe(1.0);

        var generation = new LmEvalGeneration { Until = ["\n\n", "."] };
        generation.Cut(" C. 설명\n\n다음").ShouldBe(" C");
        generation.Cut("끝없음").ShouldBe("끝없음");
    }

    [Fact]
    public void ReferenceServer_StopsBeforeTheFirstStopString()
    {
        var model = CharNgramModel.Train(["정답은 C. 다음 문제", "정답은 C. 다음 문제"], 4);
        var service = new ReferenceCompletionService(model, "m");
        using var stopped = JsonDocument.Parse(service.Completions("{\"prompt\": \"정답은\", \"max_tokens\": 8, \"stop\": [\".\", \"\\n\"]}"u8).Body);
        stopped.RootElement.GetProperty("choices")[0].GetProperty("text").GetString().ShouldBe(" C");
        stopped.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString().ShouldBe("stop");
        var refused = service.Completions("{\"prompt\": \"정답은\", \"max_tokens\": 2, \"echo\": true, \"logprobs\": 1, \"stop\": \".\"}"u8);
        refused.Status.ShouldBe(400);
    }

    [Fact]
    public async Task GenerateUntil_ServerFailure_FailsTheItem_AndTokenizerIsRefused()
    {
        var test = KmmluImporter.Import(Path.Combine(Fixture, "test"));
        var task = LmEvalTaskYaml.Read(Yaml).ToTask(test.Card.Subsets);

        // A model name the server does not serve: the item fails as not_found and is left out of the scores.
        using var wrong = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "other", MaxRetries = 0 });
        var run = await new EvalRunner(wrong).RunAsync(new EvalInput(test.Card, [.. test.Items.Take(2)], "h"), new EvalOptions { Task = task, BootstrapResamples = 0 }, TestPaths.NewTempDir());
        run.Items.ShouldAllBe(i => i.ErrorKind == "not_found");
        run.Manifest.ItemErrors.ShouldBe(2);

        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram" });
        (await Should.ThrowAsync<MoaException>(() => new EvalRunner(client).RunAsync(new EvalInput(test.Card, test.Items, "h"), new EvalOptions { Task = task, Tokens = TokenRequests.Open("cl100k") }, TestPaths.NewTempDir())))
            .Message.ShouldContain("generate_until");
    }
}
