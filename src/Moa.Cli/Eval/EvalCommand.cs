using System.CommandLine;
using System.Globalization;
using Moa.Evaluation.Models;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Statistics;
using Moa.Evaluation.Tasks;
using Spectre.Console;

namespace Moa.Cli.Eval;

/// <summary><c>moa eval BENCH --base-url URL --model M</c> scores a model on a benchmark; <c>moa eval compare RUN_A RUN_B</c> tests the difference.</summary>
internal static class EvalCommand
{
    internal static Command Create()
    {
        var bench = new Argument<string?>("benchmark") { Description = "Benchmark folder (benchmark.yaml + items.jsonl) or an items.jsonl file; may be left out when --task-yaml names a local dataset_path.", Arity = ArgumentArity.ZeroOrOne };
        var baseUrl = new Option<string>("--base-url") { Description = "OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1.", Required = true };
        var model = new Option<string>("--model") { Description = "Model name the server expects.", Required = true };
        var modelDigest = new Option<string?>("--model-digest") { Description = "What identifies the weights (e.g. sha256:<hex> of the safetensors); part of every cache key. Default: the 'digest' the server reports in /v1/models; without either the cache is not used." };
        var apiKeyEnv = new Option<string?>("--api-key-env") { Description = "Environment variable holding the API key (sent as a Bearer token)." };
        var mode = new Option<string>("--mode") { Description = "loglikelihood (multiple choice via /v1/completions echo+logprobs) or generate (/v1/chat/completions).", DefaultValueFactory = _ => "loglikelihood" };
        var output = new Option<string?>("--out") { Description = "Run folder to write (default runs/<benchmark>-<model>)." };
        var cache = new Option<string?>("--cache") { Description = "Request cache folder (default <out>/cache); reruns resume from it." };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the request cache." };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight.", DefaultValueFactory = _ => 16 };
        var rate = new Option<double>("--rate-limit") { Description = "Requests per second (0 = unlimited).", DefaultValueFactory = _ => 0 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds per request.", DefaultValueFactory = _ => 120 };
        var retries = new Option<int>("--retries") { Description = "Retries for 429, 5xx, timeouts, cut or garbled bodies.", DefaultValueFactory = _ => 5 };
        var maxContext = new Option<int?>("--max-context") { Description = "Largest prompt in characters; few-shot examples are dropped to fit." };
        var fewshot = new Option<int?>("--fewshot") { Description = "Few-shot examples per item (default: the task YAML's num_fewshot, else 0)." };
        var fewshotFrom = new Option<string?>("--fewshot-from") { Description = "Benchmark folder or items.jsonl of the dev split to draw few-shot examples from." };
        var seed = new Option<int>("--seed") { Description = "Seed of the few-shot draw and the bootstrap.", DefaultValueFactory = _ => 1234 };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N items (after --subset)." };
        var subset = new Option<string[]>("--subset") { Description = "Only these sub-items (repeatable).", AllowMultipleArgumentsPerToken = true };
        var promptTemplate = new Option<string?>("--prompt-template") { Description = "Override the card's prompt template ({context}, {question}, {choices})." };
        var choiceTemplate = new Option<string?>("--choice-template") { Description = "Override the continuation template ({choice}), e.g. \" {choice}\"." };
        var instruction = new Option<string?>("--instruction") { Description = "Instruction appended to multiple-choice prompts in generate mode." };
        var system = new Option<string?>("--system") { Description = "System message in generate mode." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Largest completion in generate mode.", DefaultValueFactory = _ => 256 };
        var metric = new Option<string?>("--metric") { Description = "Primary metric (acc, acc_norm, acc_bytes, exact_match, char_f1); default from the card." };
        var taskName = new Option<string?>("--task") { Description = "An lm-evaluation-harness task reproduced exactly (" + string.Join(", ", LmEvalTasks.Names) + "): its prompt, choices, delimiters, metrics (acc, acc_norm, f1) and lm-eval's few-shot sampling instead of the card's template; selects the task's subset (kmmlu is 5-shot by default)." };
        var taskYaml = new Option<string?>("--task-yaml") { Description = "An lm-evaluation-harness task YAML (multiple_choice or generate_until; see docs/evaluation/tasks.md for the keys Moa reads)." };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "Tokenize locally with the model's tokenizer and send token ids: cl100k, o200k, gpt2, a SentencePiece .model or a tokenizer.json (lm-eval's context/continuation split)." };
        var bosTokenId = new Option<int?>("--bos-token-id") { Description = "With --tokenizer: a beginning-of-sequence id put before every context (default: none, as lm-eval for API models)." };
        var maxLength = new Option<int?>("--max-length") { Description = "With --tokenizer: the model's context in tokens; longer requests lose their oldest tokens (left truncation, counted in run.json)." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for confidence intervals.", DefaultValueFactory = _ => 1000 };

        var command = new Command("eval", "Evaluate a model served over an OpenAI-compatible API on a benchmark, scored like lm-evaluation-harness.");
        command.Arguments.Add(bench);
        foreach (var o in new Option[] { baseUrl, model, modelDigest, apiKeyEnv, mode, output, cache, noCache, concurrency, rate, timeout, retries, maxContext, fewshot, fewshotFrom, seed, limit, subset, promptTemplate, choiceTemplate, instruction, system, maxTokens, metric, taskName, taskYaml, tokenizer, bosTokenId, maxLength, bootstrap })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var yaml = parse.GetValue(taskYaml) is { } yp ? LmEvalTaskYaml.Read(yp) : null;
            if (yaml is not null && parse.GetValue(taskName) is not null)
            {
                throw new MoaException("give --task or --task-yaml, not both.");
            }

            var source = parse.GetValue(bench) ?? yaml?.LocalDataset
                ?? throw new MoaException(yaml is null
                    ? "give the benchmark folder to evaluate."
                    : $"give the benchmark folder to evaluate: {yaml.Path}'s dataset_path '{yaml.DatasetPath}' is not a local benchmark folder or items.jsonl.");
            var (card, items, hash) = EvalBenchmarkSource.Load(source);
            var subsets = parse.GetValue(subset) ?? [];
            var task = parse.GetValue(taskName) is { } tn ? LmEvalTasks.Get(tn)
                : yaml?.ToTask([.. items.Select(i => i.Subset).Distinct(StringComparer.Ordinal)]);
            IReadOnlyList<Moa.Evaluation.Benchmarks.BenchmarkItem> selected = subsets.Length > 0 ? [.. items.Where(i => subsets.Contains(i.Subset, StringComparer.Ordinal))] : items;
            if (task is not null)
            {
                selected = [.. selected.Where(task.AppliesTo)];
                if (selected.Count == 0)
                {
                    throw new MoaException($"--task {task.Name} scores subset {task.Subset}, and benchmark '{card.Name}' has no such items; import the benchmark the task is defined on.");
                }
            }
            if (parse.GetValue(limit) is { } n)
            {
                selected = [.. selected.Take(n)];
            }

            IReadOnlyList<Moa.Evaluation.Benchmarks.BenchmarkItem>? pool = parse.GetValue(fewshotFrom) is { } fs ? EvalBenchmarkSource.Load(fs).Items : null;
            if (task is not null && pool is not null)
            {
                pool = [.. pool.Where(task.AppliesTo)];
            }
            var evalMode = parse.GetValue(mode)!.ToLowerInvariant() switch
            {
                "loglikelihood" or "ll" => EvalMode.LogLikelihood,
                "generate" or "generation" => EvalMode.Generate,
                var other => throw new MoaException($"--mode {other}: use loglikelihood or generate."),
            };
            var template = PromptTemplate.FromCard(card);
            template = template with
            {
                Prompt = parse.GetValue(promptTemplate) ?? template.Prompt,
                Choice = parse.GetValue(choiceTemplate) ?? template.Choice,
                GenerationInstruction = parse.GetValue(instruction) ?? template.GenerationInstruction,
            };
            var endpoint = new EndpointOptions
            {
                BaseUrl = parse.GetValue(baseUrl)!,
                Model = parse.GetValue(model)!,
                ModelDigest = parse.GetValue(modelDigest),
                ApiKeyEnvironmentVariable = parse.GetValue(apiKeyEnv),
                Concurrency = parse.GetValue(concurrency),
                RequestsPerSecond = parse.GetValue(rate),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                MaxRetries = parse.GetValue(retries),
            };
            var outDir = parse.GetValue(output) ?? Path.Combine("runs", Safe(card.Name) + "-" + Safe(endpoint.Model));
            var cacheStore = parse.GetValue(noCache) ? null : new RequestCache(parse.GetValue(cache) ?? Path.Combine(outDir, "cache"));
            var options = new EvalOptions
            {
                Mode = evalMode,
                FewShot = parse.GetValue(fewshot) ?? task?.NumFewShot ?? 0,
                Seed = parse.GetValue(seed),
                Template = template,
                MaxTokens = parse.GetValue(maxTokens),
                MaxContextChars = parse.GetValue(maxContext),
                Metric = parse.GetValue(metric),
                SystemPrompt = parse.GetValue(system),
                BootstrapResamples = parse.GetValue(bootstrap),
                Task = task,
                Tokens = parse.GetValue(tokenizer) is { } tk ? TokenRequests.Open(tk, parse.GetValue(bosTokenId), parse.GetValue(maxLength))
                    : parse.GetValue(bosTokenId) is not null || parse.GetValue(maxLength) is not null ? throw new MoaException("--bos-token-id and --max-length count tokens: give --tokenizer too.") : null,
            };
            using var client = new ModelClient(endpoint, cacheStore);
            var runner = new EvalRunner(client);
            var lastShown = 0;
            var result = runner.RunAsync(new EvalInput(card, selected, hash, pool), options, outDir, (done, total) =>
            {
                var pct = done * 10 / total;
                if (pct > Volatile.Read(ref lastShown) && Interlocked.Exchange(ref lastShown, pct) < pct)
                {
                    Console.Error.WriteLine($"moa: {done}/{total} items");
                }
            }).GetAwaiter().GetResult();
            if (client.CacheBypassReason is { } bypass && cacheStore is not null)
            {
                Console.Error.WriteLine($"moa: request cache not used: {bypass}.");
            }

            Print(result);
            return Report(result);
        }));

        command.Subcommands.Add(CreateCompare());
        command.Subcommands.Add(IndependenceCommand.Create());
        return command;
    }

    private static Command CreateCompare()
    {
        var runA = new Argument<string>("run-a") { Description = "Run folder of model A." };
        var runB = new Argument<string>("run-b") { Description = "Run folder of model B." };
        var resamples = new Option<int>("--resamples") { Description = "Paired bootstrap resamples.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed.", DefaultValueFactory = _ => 1234 };
        var command = new Command("compare", "Compare two runs item by item: paired bootstrap of the score difference and McNemar's test.");
        command.Arguments.Add(runA);
        command.Arguments.Add(runB);
        command.Options.Add(resamples);
        command.Options.Add(seed);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var a = RunRecord.Read(parse.GetValue(runA)!);
            var b = RunRecord.Read(parse.GetValue(runB)!);
            var cmp = RunComparison.Compare(a, b, parse.GetValue(resamples), parse.GetValue(seed));
            if (!cmp.SameBenchmark)
            {
                Console.Error.WriteLine($"moa: warning: the runs scored different benchmark content ({a.BenchmarkHash[..12]} vs {b.BenchmarkHash[..12]}); only shared item ids are compared.");
            }

            WideWhenRedirected();
            Console.WriteLine($"A = {a.Model} ({a.Directory})");
            Console.WriteLine($"B = {b.Model} ({b.Directory})");
            var table = new Table().AddColumns("group", "n", "A", "B", "B-A", "95% CI", "p boot", "A+B- / A-B+", "p exact", "p cc");
            foreach (var g in cmp.Subsets.Prepend(cmp.Overall))
            {
                table.AddRow(Markup.Escape(g.Group), g.Items.ToString(CultureInfo.InvariantCulture), F(g.MeanA), F(g.MeanB),
                    g.Bootstrap.Delta.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture),
                    Markup.Escape($"[{F(g.Bootstrap.CiLow)}, {F(g.Bootstrap.CiHigh)}]"),
                    P(g.Bootstrap.PValue), $"{g.McNemar.OnlyA} / {g.McNemar.OnlyB}", P(g.McNemar.ExactP), P(g.McNemar.CorrectedP));
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{cmp.Shared} shared items, {cmp.Failed} left out (failed in a run), {cmp.OnlyInOne} in one run only. p boot: paired bootstrap of B-A; p exact / p cc: McNemar exact and with continuity correction.");
            return 0;
        }));
        return command;
    }

    // Spectre assumes 80 columns when output is redirected, which wraps every number; logs and pipes get a wide table.
    private static void WideWhenRedirected()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }
    }

    private static void Print(RunResult result)
    {
        WideWhenRedirected();
        var s = result.Scores;
        var metrics = s.MetricNames;
        var table = new Table().AddColumn("subset").AddColumn("n").AddColumn("errors");
        foreach (var m in metrics)
        {
            table.AddColumn(m == s.PrimaryMetric ? $"[bold]{m}[/] ± se [[95% CI]]" : m);
        }

        void Row(string name, GroupScores g)
        {
            var cells = new List<string> { Markup.Escape(name), g.Scored.ToString(CultureInfo.InvariantCulture), g.Errors.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(metrics.Select(m => m == s.PrimaryMetric ? Full(g.Metrics[m]) : F(g.Metrics[m].Mean)));
            table.AddRow([.. cells]);
        }

        foreach (var (name, g) in s.Subsets)
        {
            Row(name, g);
        }

        Row("overall", s.Overall);
        AnsiConsole.Write(table);
        var run = result.Manifest;
        Console.WriteLine($"run: {result.Directory} | {run.Requests} requests ({run.RequestsCached} cached, {run.RequestsSent} sent, {run.Retries} retries, {run.RequestErrors} errors) in {run.DurationSeconds:0.0} s");
    }

    private static int Report(RunResult result)
    {
        var failed = result.Items.Where(i => i.Failed).ToList();
        if (failed.Count == 0)
        {
            return 0;
        }

        var kinds = string.Join(", ", failed.GroupBy(i => i.ErrorKind).Select(g => $"{g.Key} {g.Count()}"));
        Console.Error.WriteLine($"moa: error: {failed.Count} of {result.Items.Count} items failed ({kinds}) and are not scored; first: {failed[0].Id}: {failed[0].ErrorMessage}. Fix the cause and rerun the same command: finished requests come from the cache.");
        return 1;
    }

    private static string Full(MetricEstimate e) => Markup.Escape($"{F(e.Mean)} ± {F(e.StdErr)} [{F(e.CiLow)}, {F(e.CiHigh)}]");

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string P(double v) => v < 0.0001 ? "<0.0001" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
