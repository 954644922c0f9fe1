using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Models;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Tests.Fixtures;

namespace Moa.Evaluation.Tests.Runs;

public class FailurePathTests
{
    private static readonly BenchmarkCard s_card = new() { Name = "fake", Subsets = ["s"] };

    // The fake scores every character -1, and "✗" -2: choice 0 ("맞음") wins on every metric.
    private static List<BenchmarkItem> Items(int n, string tag = "") => [.. Enumerable.Range(0, n).Select(i =>
        new BenchmarkItem($"q{i}", "s", $"질문 {i}{tag}", null, ["맞음", "틀✗림"], TestBenchmarks.Number(0)))];

    private static ModelClient Client(FakeOpenAiServer fake, int retries = 3, double timeoutS = 30, string? cache = null, string? digest = "sha256:fake-weights") => new(
        new EndpointOptions
        {
            BaseUrl = fake.BaseUrl,
            Model = "fake",
            ModelDigest = digest,
            Concurrency = 4,
            MaxRetries = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(2),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(timeoutS),
        },
        cache is null ? null : new RequestCache(cache));

    [Fact]
    public async Task HealthyFakeServer_ScoresAsPredicted()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((_, _) => FakeBehaviour.Ok);
        using var client = Client(fake);
        var run = await new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(8), "h"), new EvalOptions(), TestPaths.NewTempDir());
        run.Scores.Overall.Metrics["acc"].Mean.ShouldBe(1.0);
        run.Items[0].LogLikelihoods.ShouldBe([-3.0, -5.0]); // " 맞음" = 3 chars x -1; " 틀✗림" = 3 x -1 + -2
    }

    [Fact]
    public async Task TransientServerErrorsAndRateLimits_AreRetriedAndCounted()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((prompt, attempt) =>
            prompt.Contains("질문 1", StringComparison.Ordinal) && attempt == 1 ? FakeBehaviour.ServerError
            : prompt.Contains("질문 2", StringComparison.Ordinal) && attempt <= 2 ? FakeBehaviour.RateLimited
            : FakeBehaviour.Ok);
        using var client = Client(fake);
        var run = await new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(4), "h"), new EvalOptions(), TestPaths.NewTempDir());
        run.Manifest.ItemErrors.ShouldBe(0);
        run.Manifest.Retries.ShouldBe(2 + 4); // item 1: two prompts x one 500; item 2: two prompts x two 429s
        run.Manifest.RetriesByKind["server_error"].ShouldBe(2);
        run.Manifest.RetriesByKind["rate_limited"].ShouldBe(4);
        run.Scores.Overall.Metrics["acc"].Mean.ShouldBe(1.0);
    }

    [Theory]
    [InlineData(FakeBehaviour.ServerError, "server_error", "CUDA out of memory")]
    [InlineData(FakeBehaviour.RateLimited, "rate_limited", "Rate limit")]
    [InlineData(FakeBehaviour.MalformedJson, "malformed_json", "not valid JSON")]
    [InlineData(FakeBehaviour.TruncatedBody, "truncated_response", "cut off")]
    [InlineData(FakeBehaviour.ContextOverflow, "context_overflow", "maximum context length")]
    public async Task PersistentFailures_FailTheItem_AreCounted_AndNeverScoredAsZero(FakeBehaviour behaviour, string kind, string message)
    {
        await using var fake = await FakeOpenAiServer.StartAsync((prompt, _) => prompt.Contains("질문 3", StringComparison.Ordinal) ? behaviour : FakeBehaviour.Ok);
        using var client = Client(fake, retries: 2);
        var dir = TestPaths.NewTempDir();
        var run = await new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(5), "h"), new EvalOptions(), dir);

        var failed = run.Items.Single(i => i.Failed);
        failed.Id.ShouldBe("q3");
        failed.ErrorKind.ShouldBe(kind);
        failed.ErrorMessage!.ShouldContain(message);
        run.Manifest.ItemErrors.ShouldBe(1);
        run.Manifest.ErrorsByKind[kind].ShouldBeGreaterThanOrEqualTo(1);
        run.Scores.Overall.Scored.ShouldBe(4);
        run.Scores.Overall.Errors.ShouldBe(1);
        run.Scores.Complete.ShouldBeFalse();
        run.Scores.Overall.Metrics["acc"].Mean.ShouldBe(1.0); // the failure is left out, not counted as wrong
        var retries = kind == "context_overflow" ? 0 : 2;
        run.Manifest.Retries.ShouldBe(retries * run.Manifest.RequestErrors);
        File.ReadAllText(Path.Combine(dir, "items.jsonl")).ShouldContain($"\"kind\":\"{kind}\"");
        File.ReadAllText(Path.Combine(dir, "scores.json")).ShouldContain("\"complete\": false");
    }

    [Fact]
    public async Task Cache_IsKeyedByTheWeights_AndBypassedWhenTheyAreUnknown()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((_, _) => FakeBehaviour.Ok);
        var cache = TestPaths.NewTempDir();
        async Task<RunResult> Run(string? digest)
        {
            using var client = Client(fake, cache: cache, digest: digest);
            var result = await new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(3), "h"), new EvalOptions(), TestPaths.NewTempDir());
            (client.CacheBypassReason is null).ShouldBe(digest is not null);
            return result;
        }

        (await Run("sha256:aaaa")).Manifest.RequestsCached.ShouldBe(0);
        var same = await Run("sha256:aaaa");
        same.Manifest.RequestsCached.ShouldBeGreaterThanOrEqualTo(6);
        same.Manifest.ModelDigest.ShouldBe("sha256:aaaa");

        // New weights under the same name and URL: nothing is reused.
        (await Run("sha256:bbbb")).Manifest.RequestsCached.ShouldBe(0);

        // The fake reports no digest in /v1/models: unidentified weights never use the cache.
        var unknown = await Run(null);
        unknown.Manifest.RequestsCached.ShouldBe(0);
        unknown.Manifest.ModelDigest.ShouldBeNull();
    }

    [Fact]
    public async Task FailedResponses_AreNotCached_SoARerunRetriesThem()
    {
        var broken = true;
        await using var fake = await FakeOpenAiServer.StartAsync((prompt, _) => broken && prompt.Contains("질문 0", StringComparison.Ordinal) ? FakeBehaviour.MalformedJson : FakeBehaviour.Ok);
        var cache = TestPaths.NewTempDir();
        using (var client = Client(fake, retries: 0, cache: cache))
        {
            var first = await new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(3), "h"), new EvalOptions(), TestPaths.NewTempDir());
            first.Manifest.ItemErrors.ShouldBe(1);
        }

        broken = false;
        using var again = Client(fake, retries: 0, cache: cache);
        var second = await new EvalRunner(again).RunAsync(new EvalInput(s_card, Items(3), "h"), new EvalOptions(), TestPaths.NewTempDir());
        second.Manifest.ItemErrors.ShouldBe(0);
        second.Manifest.RequestsSent.ShouldBe(2); // only the two choices of the item that failed
    }

    [Fact]
    public async Task ServerWithoutPromptLogprobs_IsRefusedBeforeTheRun()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((_, _) => FakeBehaviour.NoPromptLogprobs);
        using var client = Client(fake);
        var ex = await Should.ThrowAsync<EndpointException>(new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(3), "h"), new EvalOptions(), TestPaths.NewTempDir()));
        ex.Message.ShouldContain("no prompt logprobs");
        ex.Message.ShouldContain("--mode generate");
        fake.Requests.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task UnreachableServer_IsAClearUserError()
    {
        int port;
        using (var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        }

        using var client = new ModelClient(new EndpointOptions { BaseUrl = $"http://127.0.0.1:{port}/v1", Model = "m", RetryBaseDelay = TimeSpan.FromMilliseconds(1) });
        var ex = await Should.ThrowAsync<EndpointException>(new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(1), "h"), new EvalOptions(), TestPaths.NewTempDir()));
        ex.Message.ShouldContain("cannot reach");
        ex.Message.ShouldContain("--base-url");
    }

    [Fact]
    public async Task SlowServer_TimesOut_AsTimeout()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((prompt, _) => prompt.Contains("질문 0", StringComparison.Ordinal) ? FakeBehaviour.Slow : FakeBehaviour.Ok);
        using var client = Client(fake, retries: 1, timeoutS: 2);
        var run = await new EvalRunner(client).RunAsync(new EvalInput(s_card, Items(2), "h"), new EvalOptions(), TestPaths.NewTempDir());
        run.Items[0].ErrorKind.ShouldBe("timeout");
        run.Items[0].ErrorMessage!.ShouldContain("--timeout");
        run.Items[1].Failed.ShouldBeFalse();
    }

    [Fact]
    public async Task Generation_ExtractsTheAnswerFromChat()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((_, _) => FakeBehaviour.Ok); // chat always says "정답: 2"
        using var client = Client(fake);
        var items = Items(4).Select((i, n) => i with { Answer = TestBenchmarks.Number(n % 2) }).ToList();
        var run = await new EvalRunner(client).RunAsync(new EvalInput(s_card, items, "h"), new EvalOptions { Mode = EvalMode.Generate }, TestPaths.NewTempDir());
        run.Items.ShouldAllBe(i => i.Predicted == 1 && i.Extraction == "marker");
        run.Scores.Overall.Metrics["acc"].Mean.ShouldBe(0.5);
    }

    [Fact]
    public async Task Generation_TextAnswers_UseExactMatchAndCharF1()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((_, _) => FakeBehaviour.Ok);
        using var client = Client(fake);
        BenchmarkItem[] items =
        [
            new("t1", "s", "질문", null, [], TestBenchmarks.Text("정답: 2")),
            new("t2", "s", "질문", null, [], TestBenchmarks.Text("정답 3")),
        ];
        var run = await new EvalRunner(client).RunAsync(new EvalInput(s_card, items, "h"), new EvalOptions { Mode = EvalMode.Generate }, TestPaths.NewTempDir());
        run.Scores.PrimaryMetric.ShouldBe("exact_match");
        run.Items[0].Metrics["exact_match"].ShouldBe(1.0);
        run.Items[1].Metrics["exact_match"].ShouldBe(0.0);
        run.Items[1].Metrics["char_f1"].ShouldBe(2.0 / 3.0, 1e-12);
    }

    [Fact]
    public async Task BadInputs_AreUserErrorsNamingTheProblem()
    {
        await using var fake = await FakeOpenAiServer.StartAsync((_, _) => FakeBehaviour.Ok);
        using var client = Client(fake);
        var runner = new EvalRunner(client);
        var text = new BenchmarkItem("t", "s", "q", null, [], TestBenchmarks.Text("a"));
        (await Should.ThrowAsync<MoaException>(runner.RunAsync(new EvalInput(s_card, [text], "h"), new EvalOptions(), TestPaths.NewTempDir()))).Message.ShouldContain("--mode generate");
        var badAnswer = Items(1)[0] with { Answer = TestBenchmarks.Number(5) };
        (await Should.ThrowAsync<MoaException>(runner.RunAsync(new EvalInput(s_card, [badAnswer], "h"), new EvalOptions(), TestPaths.NewTempDir()))).Message.ShouldContain("'q0'");
        (await Should.ThrowAsync<MoaException>(runner.RunAsync(new EvalInput(s_card, Items(1), "h"), new EvalOptions { FewShot = 2 }, TestPaths.NewTempDir()))).Message.ShouldContain("--fewshot-from");
        (await Should.ThrowAsync<MoaException>(runner.RunAsync(new EvalInput(s_card, Items(1), "h"), new EvalOptions { Metric = "bleu" }, TestPaths.NewTempDir()))).Message.ShouldContain("acc_norm");
        Should.Throw<MoaException>(() => new EndpointOptions { BaseUrl = "localhost:8000", Model = "m" }.Validate()).Message.ShouldContain("--base-url");
        Should.Throw<MoaException>(() => new EndpointOptions { BaseUrl = "http://h/v1", Model = "m", ApiKeyEnvironmentVariable = "MOA_TEST_UNSET_KEY_VAR" }.Validate()).Message.ShouldContain("MOA_TEST_UNSET_KEY_VAR");
    }
}
