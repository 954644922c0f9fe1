using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;

namespace Moa.Cli.Tests;

/// <summary>The benchmark and evaluation verbs as a user runs them: real processes, real KoBEST files, a real server.</summary>
public sealed class BenchAndEvalCommandTests
{
    [Fact]
    public void Bench_ImportValidateSplit_ProfileFailureBlocksSplitUntilForced()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "copa");

        MoaProcess.Run("bench", "import", "kobest", TestPaths.Data("benchmarks", "kobest", "COPA"), "-o", dir).Code.ShouldBe(0);
        var validate = MoaProcess.Run("bench", "validate", dir, "--profile", "nia-2024");
        var split = MoaProcess.Run("bench", "split", dir, "--holdout", "0.1", "--seed", "7");
        var forced = MoaProcess.Run("bench", "split", dir, "--holdout", "0.1", "--seed", "7", "--force");

        validate.Code.ShouldBe(1);
        validate.Out.ShouldContain("FAILED kobest (1,000 items, profile nia-2024)");
        split.Code.ShouldBe(2);
        split.Err.ShouldContain("--force");
        split.Err.ShouldNotContain("   at ");
        forced.Code.ShouldBe(0, forced.Err);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "split.json")));
        manifest.RootElement.GetProperty("holdout_ids").GetArrayLength().ShouldBe(100);
    }

    [Fact]
    public void Eval_AgainstServeModel_WritesScoresAndRefusesAnUnreachableServer()
    {
        var root = TestPaths.NewTempDir();
        var bench = Path.Combine(root, "copa");
        MoaProcess.Run("bench", "import", "kobest", TestPaths.Data("benchmarks", "kobest", "COPA"), "-o", bench).Code.ShouldBe(0);
        var port = FreePort();
        using var server = Process.Start(MoaProcess.StartInfo("serve-model", "--ngram", TestPaths.Data("text", "nsmc_reviews_sample.jsonl"), "--order", "3", "--port", port.ToString()))!;
        server.StandardOutput.ReadToEndAsync();
        server.StandardError.ReadToEndAsync();
        try
        {
            WaitForPort(port);
            var run = Path.Combine(root, "run");
            var result = MoaProcess.Run("eval", bench, "--base-url", $"http://127.0.0.1:{port}/v1", "--model", "moa-ngram", "--limit", "40", "--out", run);

            result.Code.ShouldBe(0, result.Err);
            using var scores = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "scores.json")));
            scores.RootElement.ToString().ShouldContain("acc_norm");
            File.ReadLines(Path.Combine(run, "items.jsonl")).Count().ShouldBe(40);

            // SIGTERM (what a service manager or `kill` sends) stops the server cleanly with exit code 0.
            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            server.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue("serve-model did not stop on SIGTERM");
            server.ExitCode.ShouldBe(0);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }

        var dead = MoaProcess.Run("eval", bench, "--base-url", $"http://127.0.0.1:{FreePort()}/v1", "--model", "m", "--limit", "5", "--retries", "0", "--out", Path.Combine(root, "dead"));
        dead.Code.ShouldNotBe(0);
        (dead.Err + dead.Out).ShouldContain("127.0.0.1");
        dead.Err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Eval_TaskYamlWithTokenIds_RecordsTokenizerAndTruncation_AndBadInputIsRefused()
    {
        var root = TestPaths.NewTempDir();
        var bench = Path.Combine(root, "copa");
        MoaProcess.Run("bench", "import", "kobest", TestPaths.Data("benchmarks", "kobest", "COPA"), "-o", bench).Code.ShouldBe(0);
        var yaml = Path.Combine(TestPaths.RepoRoot, "docs", "evaluation", "lm-eval-tasks", "kobest_copa.yaml");
        var tokenizer = Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Text.Tests", "Tokens", "Reference", "nsmc-bpe.model");
        var port = FreePort();
        using var server = Process.Start(MoaProcess.StartInfo("serve-model", "--ngram", TestPaths.Data("text", "nsmc_reviews_sample.jsonl"), "--order", "3", "--port", port.ToString(), "--tokenizer", tokenizer))!;
        server.StandardOutput.ReadToEndAsync();
        server.StandardError.ReadToEndAsync();
        try
        {
            WaitForPort(port);
            var url = $"http://127.0.0.1:{port}/v1";
            var run = Path.Combine(root, "run");
            var result = MoaProcess.Run("eval", bench, "--task-yaml", yaml, "--tokenizer", tokenizer, "--max-length", "32", "--base-url", url, "--model", "moa-ngram", "--limit", "10", "--out", run);

            result.Code.ShouldBe(0, result.Err);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "run.json")));
            var config = manifest.RootElement.GetProperty("config");
            config.GetProperty("lm_eval_task").GetString().ShouldBe("kobest_copa");
            config.GetProperty("tokenizer").GetString().ShouldBe("Reference/nsmc-bpe.model");
            config.GetProperty("max_length").GetInt32().ShouldBe(32);
            manifest.RootElement.GetProperty("items").GetProperty("truncated").GetInt32().ShouldBeGreaterThan(0);
            using var first = JsonDocument.Parse(File.ReadLines(Path.Combine(run, "items.jsonl")).First());
            first.RootElement.GetProperty("tokens").EnumerateArray().ShouldAllBe(t => t.GetInt32() <= 32);

            var badYaml = Path.Combine(root, "bad.yaml");
            File.WriteAllText(badYaml, "task: t\noutput_type: multiple_choice\ndoc_to_text: x\ndoc_to_choice: [a]\nlimit: 5\n");
            var bad = MoaProcess.Run("eval", bench, "--task-yaml", badYaml, "--base-url", url, "--model", "moa-ngram", "--out", Path.Combine(root, "bad"));
            bad.Code.ShouldNotBe(0);
            bad.Err.ShouldContain($"{badYaml} line 5: key 'limit' is not supported");
            bad.Err.ShouldNotContain("   at ");

            var noTokenizer = MoaProcess.Run("eval", bench, "--task", "kobest_copa", "--max-length", "64", "--base-url", url, "--model", "moa-ngram", "--out", Path.Combine(root, "nt"));
            noTokenizer.Code.ShouldNotBe(0);
            noTokenizer.Err.ShouldContain("give --tokenizer too");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void Eval_KmmluIsFiveShot_AndAGenerateUntilYamlRuns_AndBadInputIsRefused()
    {
        var root = TestPaths.NewTempDir();
        var fixture = Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "kmmlu-format");
        var test = Path.Combine(root, "test");
        var dev = Path.Combine(root, "dev");
        MoaProcess.Run("bench", "import", "kmmlu", Path.Combine(fixture, "test"), "-o", test).Code.ShouldBe(0);
        MoaProcess.Run("bench", "import", "kmmlu", Path.Combine(fixture, "dev"), "-o", dev).Code.ShouldBe(0);
        var port = FreePort();
        using var server = Process.Start(MoaProcess.StartInfo("serve-model", "--ngram", Path.Combine(fixture, "answered-corpus.jsonl"), "--order", "8", "--port", port.ToString()))!;
        server.StandardOutput.ReadToEndAsync();
        server.StandardError.ReadToEndAsync();
        try
        {
            WaitForPort(port);
            var url = $"http://127.0.0.1:{port}/v1";

            // KMMLU is 5-shot by default: without a dev split to draw from, the run says what to give.
            var noDev = MoaProcess.Run("eval", test, "--task", "kmmlu", "--base-url", url, "--model", "moa-ngram", "--out", Path.Combine(root, "nodev"));
            noDev.Code.ShouldNotBe(0);
            noDev.Err.ShouldContain("--fewshot 5 needs examples: give --fewshot-from");
            noDev.Err.ShouldNotContain("   at ");

            var fiveShot = MoaProcess.Run("eval", test, "--task", "kmmlu", "--fewshot-from", dev, "--base-url", url, "--model", "moa-ngram", "--out", Path.Combine(root, "kmmlu"));
            fiveShot.Code.ShouldBe(0, fiveShot.Err);
            using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "kmmlu", "run.json"))))
            {
                manifest.RootElement.GetProperty("config").GetProperty("fewshot").GetInt32().ShouldBe(5);
                manifest.RootElement.GetProperty("config").GetProperty("fewshot_sampler").GetString().ShouldBe("lm-eval:default");
            }

            var tooMany = MoaProcess.Run("eval", test, "--task", "kmmlu", "--fewshot", "6", "--fewshot-from", dev, "--base-url", url, "--model", "moa-ngram", "--out", Path.Combine(root, "six"));
            tooMany.Code.ShouldNotBe(0);
            tooMany.Err.ShouldContain("the pool has 5 for subset 'Accounting'");

            var yaml = Path.Combine(TestPaths.RepoRoot, "docs", "evaluation", "lm-eval-tasks", "kmmlu_direct.yaml");
            var generate = MoaProcess.Run("eval", test, "--task-yaml", yaml, "--fewshot", "2", "--fewshot-from", dev, "--base-url", url, "--model", "moa-ngram", "--out", Path.Combine(root, "direct"));
            generate.Code.ShouldBe(0, generate.Err);
            File.ReadAllText(Path.Combine(root, "direct", "scores.json")).ShouldContain("exact_match,letter");
            using (var first = JsonDocument.Parse(File.ReadLines(Path.Combine(root, "direct", "items.jsonl")).First()))
            {
                first.RootElement.GetProperty("filtered").GetProperty("letter").GetString().ShouldBe("C");
            }

            var badYaml = Path.Combine(root, "bad.yaml");
            File.WriteAllText(badYaml, "task: t\ndoc_to_text: x\ndoc_to_target: y\ngeneration_kwargs:\n  until: [x]\n  top_p: 0.9\n");
            var bad = MoaProcess.Run("eval", test, "--task-yaml", badYaml, "--base-url", url, "--model", "moa-ngram", "--out", Path.Combine(root, "bad"));
            bad.Code.ShouldNotBe(0);
            bad.Err.ShouldContain($"{badYaml} line 6, generation_kwargs: key 'top_p' is not supported");
            bad.Err.ShouldNotContain("   at ");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void WaitForPort(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                using var c = new TcpClient("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(200);
            }
        }

        throw new TimeoutException($"serve-model did not listen on {port}");
    }
}
