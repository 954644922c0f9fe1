using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Models;
using Moa.Evaluation.ReferenceModel;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Serving;
using Moa.Evaluation.Statistics;
using Moa.Evaluation.Tasks;

namespace Moa.Evaluation.Tests.Runs;

/// <summary>
/// <c>--task</c> reproduces lm-evaluation-harness: per-item requests, log-likelihoods and predictions equal a golden file that
/// <c>scripts/lmeval-golden.py</c> computed from the raw KoBEST TSVs with lm-eval's request construction, against the same
/// reference model (a character 4-gram on the first 3,000 NSMC reviews).
/// </summary>
public sealed class LmEvalTaskTests : IAsyncLifetime
{
    private static readonly string SentencePieceModel = Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Text.Tests", "Tokens", "Reference", "nsmc-bpe.model");

    private ReferenceModelServer? _server;

    public async Task InitializeAsync()
    {
        var model = CharNgramModel.Train(CorpusReader.Read(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(3000), 4);
        _server = await ReferenceModelServer.StartAsync(new ReferenceCompletionService(model, "moa-ngram", tokenizer: TokenRequests.Open(SentencePieceModel).Tokenizer), 0);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("kobest_boolq")]
    [InlineData("kobest_copa")]
    [InlineData("kobest_hellaswag")]
    [InlineData("kobest_sentineg")]
    [InlineData("kobest_wic")]
    public async Task Task_EqualsTheGoldenLmEvalComputation_ItemByItem(string name)
    {
        var golden = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "lmeval-golden.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("task").GetString() == name)
            .ToList();
        golden.Count.ShouldBe(25);
        var task = LmEvalTasks.Get(name);
        var imported = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"), "dev");
        var items = imported.Items.Where(task.AppliesTo).Take(golden.Count).ToList();
        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram", Concurrency = 8 });

        var run = await new EvalRunner(client).RunAsync(new EvalInput(imported.Card, items, "h"), new EvalOptions { Task = task, BootstrapResamples = 0 }, TestPaths.NewTempDir());

        run.Manifest.ItemErrors.ShouldBe(0);
        for (var i = 0; i < golden.Count; i++)
        {
            var g = golden[i];
            var r = run.Items[i];
            r.Prompt.ShouldBe(g.GetProperty("context").GetString(), $"{name} item {i}: context");
            r.Continuations.ShouldBe(g.GetProperty("continuations").EnumerateArray().Select(c => c.GetString()!).ToArray(), $"{name} item {i}: continuations");
            r.Answer.ShouldBe(g.GetProperty("gold").GetInt32());
            var lls = g.GetProperty("loglikelihoods").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            for (var c = 0; c < lls.Length; c++)
            {
                r.LogLikelihoods![c].ShouldBe(lls[c], 1e-9);
            }

            r.ArgmaxPredicted.ShouldBe(g.GetProperty("argmax").GetInt32());
            r.Metrics["acc"].ShouldBe(g.GetProperty("acc").GetDouble());
            r.Metrics["acc_norm"].ShouldBe(g.GetProperty("acc_norm").GetDouble());
        }

        run.Scores.Overall.Metrics["acc"].Mean.ShouldBe(golden.Average(g => g.GetProperty("acc").GetDouble()), 1e-12);
        run.Scores.MetricNames.ShouldBe(task.Metrics);
        if (task.Metrics.Contains("f1"))
        {
            var f1 = SampleStatistics.MacroF1([.. golden.Select(g => g.GetProperty("gold").GetInt32())], [.. golden.Select(g => g.GetProperty("argmax").GetInt32())]);
            run.Scores.Overall.Metrics["f1"].Mean.ShouldBe(f1, 1e-12);
        }
    }

    /// <summary>
    /// CLIcK: <c>scripts/lmeval-golden-click.py</c> built lm-eval's lettered prompts from the raw CLIcK JSON files (four items
    /// of each file that have four options) and scored " A" to " D" on the same reference model.
    /// </summary>
    [Fact]
    public async Task Click_EqualsTheGoldenLmEvalComputation_ItemByItem()
    {
        var golden = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "lmeval-golden-click.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        golden.Count.ShouldBeGreaterThan(80);
        var imported = ClickImporter.Import(TestPaths.Data("benchmarks", "click"));
        var byId = imported.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var items = golden.Select(g => byId[g.GetProperty("id").GetString()!]).ToList();
        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram", Concurrency = 8 });

        var run = await new EvalRunner(client).RunAsync(new EvalInput(imported.Card, items, "h"), new EvalOptions { Task = LmEvalTasks.Get("click"), BootstrapResamples = 0 }, TestPaths.NewTempDir());

        run.Manifest.ItemErrors.ShouldBe(0);
        for (var i = 0; i < golden.Count; i++)
        {
            var g = golden[i];
            var r = run.Items[i];
            var id = g.GetProperty("id").GetString();
            r.Prompt.ShouldBe(g.GetProperty("context").GetString(), $"{id}: context");
            r.Continuations.ShouldBe(g.GetProperty("continuations").EnumerateArray().Select(c => c.GetString()!).ToArray(), $"{id}: continuations");
            r.Answer.ShouldBe(g.GetProperty("gold").GetInt32());
            var lls = g.GetProperty("loglikelihoods").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            for (var c = 0; c < lls.Length; c++)
            {
                r.LogLikelihoods![c].ShouldBe(lls[c], 1e-9, $"{id} choice {c}");
            }

            r.ArgmaxPredicted.ShouldBe(g.GetProperty("argmax").GetInt32());
            r.Metrics["acc"].ShouldBe(g.GetProperty("acc").GetDouble());
            r.Metrics["acc_norm"].ShouldBe(g.GetProperty("acc_norm").GetDouble());
        }

        run.Scores.Overall.Metrics["acc"].Mean.ShouldBe(golden.Average(g => g.GetProperty("acc").GetDouble()), 1e-12);
    }

    /// <summary>
    /// Token ids: <c>scripts/lmeval-golden-tokens.py</c> tokenised with SentencePiece's own spm_encode, split context and
    /// continuation, cut to 128 tokens on the left and summed <c>token_logprobs[ctxlen:-1]</c> as lm-eval does; every BoolQ
    /// item is truncated.
    /// </summary>
    [Theory]
    [InlineData("kobest_boolq")]
    [InlineData("kobest_copa")]
    [InlineData("kobest_hellaswag")]
    [InlineData("kobest_sentineg")]
    [InlineData("kobest_wic")]
    public async Task Task_WithTokenIds_EqualsTheGoldenLmEvalComputation(string name)
    {
        var golden = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "lmeval-golden-tokens.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("task").GetString() == name)
            .ToList();
        golden.Count.ShouldBe(10);
        var task = LmEvalTasks.Get(name);
        var imported = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"), "dev");
        var items = imported.Items.Where(task.AppliesTo).Take(golden.Count).ToList();
        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram", Concurrency = 8 });
        var tokens = TokenRequests.Open(SentencePieceModel, maxLength: 128);

        var run = await new EvalRunner(client).RunAsync(new EvalInput(imported.Card, items, "h"), new EvalOptions { Task = task, Tokens = tokens, BootstrapResamples = 0 }, TestPaths.NewTempDir());

        run.Manifest.ItemErrors.ShouldBe(0);
        run.Manifest.Config["tokenizer"].ShouldBe("Reference/nsmc-bpe.model");
        run.Manifest.Config["max_length"].ShouldBe(128);
        run.Manifest.ItemsTruncated.ShouldBe(golden.Count(g => g.GetProperty("truncated").GetBoolean()));
        for (var i = 0; i < golden.Count; i++)
        {
            var g = golden[i];
            var r = run.Items[i];
            r.Answer.ShouldBe(g.GetProperty("gold").GetInt32());
            r.TokenCounts.ShouldBe([.. g.GetProperty("tokens").EnumerateArray().Select(x => x.GetInt32())], $"{name} item {i}: tokens sent");
            r.Truncated.ShouldBe(g.GetProperty("truncated").GetBoolean());
            var lls = g.GetProperty("loglikelihoods").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            for (var c = 0; c < lls.Length; c++)
            {
                r.LogLikelihoods![c].ShouldBe(lls[c], 1e-9, $"{name} item {i} choice {c}");
            }

            r.ArgmaxPredicted.ShouldBe(g.GetProperty("argmax").GetInt32());
            r.Metrics["acc"].ShouldBe(g.GetProperty("acc").GetDouble());
        }

        if (name == "kobest_boolq")
        {
            golden.ShouldAllBe(g => g.GetProperty("truncated").GetBoolean());
        }
    }

    [Fact]
    public void TokenRequests_SplitAsLmEval_AndCutOnTheLeft()
    {
        var tokens = TokenRequests.Open("cl100k");
        var tokenizer = tokens.Tokenizer;

        // Trailing white space of the context moves into the continuation; the continuation is whole minus context.
        var (ctx, cont) = tokens.EncodePair("질문: 무엇? 답변: ", " 예");
        ctx.ShouldBe([.. tokenizer.Encode("질문: 무엇? 답변:")]);
        int[] whole = [.. tokenizer.Encode("질문: 무엇? 답변:  예")];
        cont.ShouldBe(whole[ctx.Length..]);

        // No BOS unless configured; a configured one leads the context only.
        var withBos = TokenRequests.Open("cl100k", bosTokenId: 100257).EncodePair("가나", " 다");
        withBos.Context[0].ShouldBe(100257);
        withBos.Context[1..].ShouldBe([.. tokenizer.Encode("가나")]);

        // Left truncation: the oldest ids go, the continuation stays whole, ctxlen shrinks by the cut.
        var full = tokens.Build("가나다라마바사아자차카타파하 " + string.Concat(Enumerable.Repeat("문장 ", 40)), " 끝");
        full.Truncated.ShouldBeFalse();
        var cut = TokenRequests.Open("cl100k", maxLength: 16).Build("가나다라마바사아자차카타파하 " + string.Concat(Enumerable.Repeat("문장 ", 40)), " 끝");
        cut.Truncated.ShouldBeTrue();
        cut.Prompt.Length.ShouldBe(16);
        cut.Prompt.ShouldBe(full.Prompt[^16..]);
        (cut.Prompt.Length - cut.ContextLength).ShouldBe(full.Prompt.Length - full.ContextLength);

        Should.Throw<MoaException>(() => TokenRequests.Open("pretokens")).Message.ShouldContain("no token ids");
        Should.Throw<MoaException>(() => TokenRequests.Open(Path.Combine(Path.GetDirectoryName(SentencePieceModel)!, "nsmc-unigram.model")))
            .Message.ShouldContain("byte-fallback pieces wrong ids");
        Should.Throw<MoaException>(() => TokenRequests.Open("cl100k", maxLength: 1)).Message.ShouldContain("--max-length 1");
        Should.Throw<MoaException>(() => tokens.EncodePair(string.Empty, "예")).Message.ShouldContain("--bos-token-id");
    }

    [Fact]
    public async Task TokenIds_ContinuationLongerThanMaxLength_FailsTheItemAsContextOverflow()
    {
        var imported = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"), "dev");
        var task = LmEvalTasks.Get("kobest_hellaswag");
        var items = imported.Items.Where(task.AppliesTo).Take(2).ToList();
        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram" });
        var run = await new EvalRunner(client).RunAsync(new EvalInput(imported.Card, items, "h"), new EvalOptions { Task = task, Tokens = TokenRequests.Open(SentencePieceModel, maxLength: 2), BootstrapResamples = 0 }, TestPaths.NewTempDir());
        run.Items.ShouldAllBe(i => i.ErrorKind == "context_overflow");
        run.Items[0].ErrorMessage!.ShouldContain("--max-length 2");

        (await Should.ThrowAsync<MoaException>(() => new EvalRunner(client).RunAsync(new EvalInput(imported.Card, items, "h"), new EvalOptions { Tokens = TokenRequests.Open(SentencePieceModel), Mode = EvalMode.Generate }, TestPaths.NewTempDir())))
            .Message.ShouldContain("--tokenizer");
    }

    [Fact]
    public void ReferenceServer_TokenIdsWithoutTokenizer_AreRefused()
    {
        var model = CharNgramModel.Train(["가나다라 마바사"], 3);
        var reply = new ReferenceCompletionService(model, "m").Completions("{\"prompt\": [1, 2, 3], \"max_tokens\": 1}"u8);
        reply.Status.ShouldBe(400);
        System.Text.Encoding.UTF8.GetString(reply.Body).ShouldContain("--tokenizer");
    }

    [Fact]
    public void MacroF1_AlwaysYesOnBoolQ_IsOneThird()
    {
        // The published example: an always-예 model on a 50.2 % 예 split scores acc 0.502 and macro-F1 0.334.
        int[] gold = [.. Enumerable.Repeat(1, 502), .. Enumerable.Repeat(0, 498)];
        int[] predicted = [.. Enumerable.Repeat(1, 1000)];
        SampleStatistics.MacroF1(gold, predicted).ShouldBe(0.334, 0.0005);
        SampleStatistics.MacroF1([0, 1, 2, 2], [0, 1, 2, 2]).ShouldBe(1.0);
        SampleStatistics.MacroF1([0, 0, 1, 1], [1, 1, 0, 0]).ShouldBe(0.0);

        // scikit-learn: f1_score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], average="macro") == 0.26666...
        SampleStatistics.MacroF1([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1]).ShouldBe(0.8 / 3, 1e-12);
    }

    [Fact]
    public void Request_MovesTrailingWhiteSpaceIntoTheContinuation()
    {
        LmEvalTask.Request("지문 질문: 무엇? 답변: ", " 예").ShouldBe(("지문 질문: 무엇? 답변:", "  예"));
        LmEvalTask.Request("문장: 좋다 긍부정:", " 긍정").ShouldBe(("문장: 좋다 긍부정:", " 긍정"));
        LmEvalTask.Request("a\n\n", " b").ShouldBe(("a", "\n\n b"));
    }

    [Fact]
    public void Templates_AreLmEvals()
    {
        var copa = new BenchmarkItem("c", "COPA", "q", "전쟁이 시작되었다.", ["가", "나"], JsonDocument.Parse("0").RootElement,
            new Dictionary<string, JsonElement> { ["relation"] = JsonDocument.Parse("\"결과\"").RootElement });
        LmEvalTasks.Get("kobest_copa").DocToText(copa).ShouldBe("전쟁이 시작되었다.  그래서");
        var click = new BenchmarkItem("k", "History", "질문?", null, ["하나", "둘", "셋", "넷"], JsonDocument.Parse("1").RootElement);
        LmEvalTasks.Get("click").DocToText(click).ShouldEndWith("질문: 질문?\n보기:\nA:하나, B: 둘, C: 셋, D: 넷\n정답:");
        LmEvalTasks.Get("click").DocToChoice(click).ShouldBe(["A", "B", "C", "D"]);
        LmEvalTasks.Get("kmmlu").DocToText(click).ShouldBe("질문?\nA. 하나\nB. 둘\nC. 셋\nD. 넷\n정답：");
    }

    [Fact]
    public async Task BadUse_IsRefusedWithTheFix()
    {
        Should.Throw<MoaException>(() => LmEvalTasks.Get("kobest_xyz")).Message.ShouldContain("kobest_copa");
        var imported = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"), "dev");
        var task = LmEvalTasks.Get("kobest_copa");
        using var client = new ModelClient(new EndpointOptions { BaseUrl = _server!.BaseUrl.ToString(), Model = "moa-ngram" });
        var boolq = imported.Items.Where(i => i.Subset == "BoolQ").Take(2).ToList();
        (await Should.ThrowAsync<MoaException>(() => new EvalRunner(client).RunAsync(new EvalInput(imported.Card, boolq, "h"), new EvalOptions { Task = task }, TestPaths.NewTempDir())))
            .Message.ShouldContain("--subset COPA");
        var copa = imported.Items.Where(task.AppliesTo).Take(2).ToList();
        (await Should.ThrowAsync<MoaException>(() => new EvalRunner(client).RunAsync(new EvalInput(imported.Card, copa, "h"), new EvalOptions { Task = task, Mode = EvalMode.Generate }, TestPaths.NewTempDir())))
            .Message.ShouldContain("log-likelihood");

        // An item imported before the task needed its meta: the message says to re-import.
        var bare = copa[0] with { Meta = null };
        Should.Throw<MoaException>(() => task.DocToText(bare)).Message.ShouldContain("re-import");
    }
}
