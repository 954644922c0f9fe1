using System.Diagnostics;
using System.Text;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Models;
using Moa.Evaluation.Scoring;
using Moa.Evaluation.Tasks;

namespace Moa.Evaluation.Runs;

/// <summary>A finished run: where it was written, its manifest facts, its scores and its items.</summary>
public sealed record RunResult(string Directory, RunManifest Manifest, RunScores Scores, IReadOnlyList<ItemResult> Items);

/// <summary>
/// Runs a benchmark against a model endpoint and writes a run folder (<c>run.json</c>, <c>items.jsonl</c>, <c>scores.json</c>).
/// Multiple choice is scored by log-likelihood (acc, acc_norm, acc_bytes, as lm-evaluation-harness defines them) or by generation
/// with answer extraction; text answers by exact match and character F1. Items run concurrently; results keep the input order.
/// A failed request fails its item, which is reported and counted, never scored as zero.
/// </summary>
public sealed class EvalRunner
{
    private static readonly string[] s_llMetrics = ["acc", "acc_norm", "acc_bytes"];
    private static readonly string[] s_genChoiceMetrics = ["acc"];
    private static readonly string[] s_genTextMetrics = ["exact_match", "char_f1"];

    private readonly ModelClient _client;

    public EvalRunner(ModelClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>The metrics a mode produces for a benchmark (first = default primary).</summary>
    public static IReadOnlyList<string> MetricsFor(EvalMode mode, IReadOnlyList<BenchmarkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return mode == EvalMode.LogLikelihood ? s_llMetrics : items.All(i => i.IsMultipleChoice) ? s_genChoiceMetrics : s_genTextMetrics;
    }

    /// <summary>Evaluates <paramref name="input"/> and writes the run to <paramref name="outDir"/>.</summary>
    public async Task<RunResult> RunAsync(EvalInput input, EvalOptions options, string outDir, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outDir);
        Validate(input, options);
        var template = options.Template ?? PromptTemplate.FromCard(input.Card);
        var metrics = options.Task?.Metrics ?? MetricsFor(options.Mode, input.Items);
        var primary = options.Metric is { } m && metrics.Contains(m) ? m
            : input.Card.Metric is { Length: > 0 } cm && metrics.Contains(cm) && options.Metric is null ? cm
            : options.Metric is { } bad ? throw new MoaException($"--metric {bad} does not apply to {Describe(options.Mode)}: use one of {string.Join(", ", metrics)}.")
            : metrics[0];
        var sampler = new FewShotSampler(input.FewShotPool ?? [], options.Seed);

        // lm-eval's examples depend on the order items are drawn in (one generator per task), so they are drawn before the
        // items run concurrently.
        var taskShots = options.Task is { } fewShotTask && options.FewShot > 0
            ? LmEvalFewShot.Draw(input.Items, input.FewShotPool ?? [], options.FewShot, options.Seed, fewShotTask.FewShotSampler)
            : null;

        // The cache is keyed by the weights' digest; without one it is bypassed rather than trusted.
        await _client.ResolveModelDigestAsync(cancellationToken).ConfigureAwait(false);
        if (options.Task?.Generation is not null)
        {
            // generate_until sends plain text completions: neither prompt logprobs nor chat are needed.
        }
        else if (options.Mode == EvalMode.LogLikelihood)
        {
            await LogprobProbe.EnsurePromptLogprobsAsync(_client, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await LogprobProbe.EnsureChatAsync(_client, cancellationToken).ConfigureAwait(false);
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = new ItemResult[input.Items.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, input.Items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _client.Options.Concurrency, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var item = input.Items[index];
                var shots = taskShots?[index] ?? sampler.Sample(item, options.FewShot);
                results[index] = options.Task?.Generation is { } generation
                    ? await ScoreGenerateUntilAsync(item, shots, options.Task, generation, options, primary, ct).ConfigureAwait(false)
                    : options.Mode == EvalMode.LogLikelihood
                    ? await ScoreLogLikelihoodAsync(item, shots, template, options, primary, ct).ConfigureAwait(false)
                    : await ScoreGenerationAsync(item, shots, template, options, primary, ct).ConfigureAwait(false);
                var n = Interlocked.Increment(ref done);
                progress?.Invoke(n, input.Items.Count);
            }).ConfigureAwait(false);

        var scores = RunScores.Compute(results, metrics, primary, input.Card.Subsets, options.BootstrapResamples, options.Seed)
            with { Bias = KobbqBias.Compute(input.Items, results) };
        var manifest = RunManifest.Create(_client, input, options, template, primary, started, DateTimeOffset.UtcNow, clock.Elapsed, results);
        RunWriter.Write(outDir, manifest, scores, results);
        return new RunResult(Path.GetFullPath(outDir), manifest, scores, results);
    }

    private static void Validate(EvalInput input, EvalOptions options)
    {
        if (input.Items.Count == 0)
        {
            throw new MoaException($"benchmark '{input.Card.Name}' has no items to evaluate (check --subset and --limit).");
        }

        if (options.FewShot < 0 || options.MaxTokens < 1 || options.BootstrapResamples < 0)
        {
            throw new MoaException("--fewshot and --bootstrap must be >= 0 and --max-tokens >= 1.");
        }

        if (options.Task is { } task)
        {
            if (task.Generation is null && options.Mode != EvalMode.LogLikelihood)
            {
                throw new MoaException($"--task {task.Name} is a log-likelihood multiple-choice task: leave out --mode generate.");
            }

            if (task.Generation is not null && options.Tokens is not null)
            {
                throw new MoaException($"task {task.Name} generates text (generate_until): --tokenizer applies to log-likelihood tasks only.");
            }

            if (input.Items.FirstOrDefault(i => !task.AppliesTo(i)) is { } stray)
            {
                throw new MoaException($"item '{stray.Id}' (subset {stray.Subset}) is not part of task {task.Name}, which scores subset {task.Subset}; select it with --subset {task.Subset}.");
            }
        }

        if (options.Tokens is not null && options.Mode != EvalMode.LogLikelihood)
        {
            throw new MoaException("--tokenizer sends token ids to /v1/completions for log-likelihood scoring: leave out --mode generate.");
        }

        if (options.FewShot > 0 && (input.FewShotPool is null || input.FewShotPool.Count == 0))
        {
            throw new MoaException($"--fewshot {options.FewShot} needs examples: give --fewshot-from with a dev split of '{input.Card.Name}'.");
        }

        foreach (var item in input.Items)
        {
            if (options.Task?.Generation is { } && options.Task.DocToTargetText is not null)
            {
                continue;
            }

            if (options.Task?.Generation is null && options.Mode == EvalMode.LogLikelihood && !item.IsMultipleChoice)
            {
                throw new MoaException($"item '{item.Id}' has no choices: log-likelihood scoring needs multiple choice; use --mode generate for text answers.");
            }

            if (options.Task is { } t)
            {
                var count = t.DocToChoice(item).Count;
                var gold = t.Gold(item);
                if (gold < 0 || gold >= count)
                {
                    throw new MoaException($"item '{item.Id}': task {t.Name} gives gold choice {gold}, which is not a 0-based index into its {count} choices ({t.Source}).");
                }
            }
            else if (item.IsMultipleChoice && (item.AnswerIndex < 0 || item.AnswerIndex >= item.Choices.Count))
            {
                throw new MoaException($"item '{item.Id}': answer {item.Answer.GetRawText()} is not a 0-based index into its {item.Choices.Count} choices; fix items.jsonl.");
            }
        }
    }

    private static string Describe(EvalMode mode) => mode == EvalMode.LogLikelihood ? "log-likelihood multiple choice" : "generation";

    private async Task<ItemResult> ScoreLogLikelihoodAsync(BenchmarkItem item, IReadOnlyList<BenchmarkItem> shots, PromptTemplate template, EvalOptions options, string primary, CancellationToken ct)
    {
        var task = options.Task;
        var gold = task?.Gold(item) ?? item.AnswerIndex;
        var result = new ItemResult { Id = item.Id, Subset = item.Subset, Answer = gold };
        IReadOnlyList<string> choices = task?.DocToChoice(item) ?? item.Choices;
        var continuations = task is null
            ? Enumerable.Range(0, item.Choices.Count).Select(i => template.RenderChoice(item, i)).ToArray()
            : [.. choices.Select(c => task.TargetDelimiter + c)];
        var longest = continuations.Max(c => c.Length);
        var itemPrompt = task is null ? template.RenderPrompt(item) : task.DocToText(item);
        Func<BenchmarkItem, string> shot = task is null
            ? s => template.RenderPrompt(s) + template.RenderChoice(s, s.AnswerIndex) + template.FewShotSeparator
            : s => task.FewShotExample(s) + task.FewShotDelimiter;
        var description = task?.DescriptionFor(item) ?? string.Empty;
        var (context, used) = FitContext(shots, shot, itemPrompt, longest + description.Length, options.MaxContextChars);
        context = context is null ? null : description + context;
        result.FewShotIds = used;
        if (context is not null && task is not null)
        {
            // lm-eval moves trailing white space of the context into every continuation.
            var moved = continuations.Select(c => LmEvalTask.Request(context, c)).ToArray();
            context = moved[0].Context;
            continuations = [.. moved.Select(m => m.Continuation)];
        }

        result.Prompt = context ?? itemPrompt;
        result.Continuations = continuations;
        if (context is null)
        {
            return Fail(result, RequestErrorKind.ContextOverflow, $"the prompt and its longest choice exceed --max-context {options.MaxContextChars} characters even without few-shot examples.");
        }

        var tasks = new Task<(LogLikelihood Value, bool FromCache)>[continuations.Length];
        if (options.Tokens is { } tokens)
        {
            var requests = new TokenRequest[continuations.Length];
            try
            {
                for (var i = 0; i < continuations.Length; i++)
                {
                    requests[i] = tokens.Build(context, continuations[i]);
                }
            }
            catch (MoaException ex)
            {
                return Fail(result, RequestErrorKind.ClientError, ex.Message);
            }

            result.TokenCounts = [.. requests.Select(r => r.Prompt.Length)];
            result.Truncated = requests.Any(r => r.Truncated);
            if (requests.FirstOrDefault(r => r.ContextLength < 1) is { Prompt: not null } over)
            {
                return Fail(result, RequestErrorKind.ContextOverflow, $"a continuation alone fills --max-length {tokens.MaxLength} tokens; nothing of the context is left to condition on.");
            }

            for (var i = 0; i < continuations.Length; i++)
            {
                var request = requests[i];
                var body = OpenAiProtocol.LogLikelihoodRequest(_client.Options.Model, request.Prompt);
                tasks[i] = _client.PostAsync(OpenAiProtocol.CompletionsPath, body, b => OpenAiProtocol.ParseTokenLogLikelihood(b, request.ContextLength, request.Prompt.Length), ct);
            }
        }
        else
        {
            var ctxLen = OpenAiProtocol.CodePoints(context);
            for (var i = 0; i < continuations.Length; i++)
            {
                var full = context + continuations[i];
                var promptLen = OpenAiProtocol.CodePoints(full);
                var body = OpenAiProtocol.LogLikelihoodRequest(_client.Options.Model, full);
                tasks[i] = _client.PostAsync(OpenAiProtocol.CompletionsPath, body, b => OpenAiProtocol.ParseLogLikelihood(b, ctxLen, promptLen), ct);
            }
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            var failed = tasks.First(t => t.IsFaulted).Exception!.InnerException as RequestFailedException;
            return Fail(result, failed!.Kind, failed.Message);
        }

        var lls = tasks.Select(t => t.Result.Value.Sum).ToArray();
        result.LogLikelihoods = lls;
        result.IsGreedy = tasks.Select(t => t.Result.Value.IsGreedy).ToArray();
        result.Cached = tasks.All(t => t.Result.FromCache);
        var score = MultipleChoiceScore.Compute(lls, choices, gold);
        result.Metrics["acc"] = score.Acc;
        result.Metrics["acc_norm"] = score.AccNorm;
        result.Metrics["acc_bytes"] = score.AccBytes;

        // f1 is a corpus metric (macro-F1 of acc's predictions over the run): the item scores by acc.
        result.Predicted = primary switch { "acc_norm" => score.PredictedNorm, "acc_bytes" => score.PredictedBytes, _ => score.Predicted };
        result.ArgmaxPredicted = score.Predicted;
        result.Score = result.Metrics[primary == RunScores.MacroF1 ? "acc" : primary];
        result.Correct = result.Score >= 1.0;
        return result;
    }

    private async Task<ItemResult> ScoreGenerationAsync(BenchmarkItem item, IReadOnlyList<BenchmarkItem> shots, PromptTemplate template, EvalOptions options, string primary, CancellationToken ct)
    {
        var result = new ItemResult { Id = item.Id, Subset = item.Subset, Answer = item.AnswerIndex };
        var itemPrompt = item.IsMultipleChoice ? template.RenderGenerationPrompt(item) : template.RenderPrompt(item);
        var (prompt, used) = FitContext(
            shots,
            s => (s.IsMultipleChoice ? template.RenderGenerationPrompt(s) : template.RenderPrompt(s)) + "\n정답: " + PromptTemplate.GenerationAnswer(s) + template.FewShotSeparator,
            itemPrompt,
            0,
            options.MaxContextChars);
        result.FewShotIds = used;
        result.Prompt = prompt ?? itemPrompt;
        if (prompt is null)
        {
            return Fail(result, RequestErrorKind.ContextOverflow, $"the prompt exceeds --max-context {options.MaxContextChars} characters even without few-shot examples.");
        }

        var body = OpenAiProtocol.ChatRequest(_client.Options.Model, prompt, options.MaxTokens, options.SystemPrompt);
        string response;
        try
        {
            (response, result.Cached) = await _client.PostAsync(OpenAiProtocol.ChatPath, body, OpenAiProtocol.ParseChatContent, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            return Fail(result, ex.Kind, ex.Message);
        }

        result.Response = response;
        if (item.IsMultipleChoice)
        {
            var extracted = AnswerExtractor.Extract(response, item.Choices.Count, item.Choices);
            result.Extraction = extracted.Method;
            result.Predicted = extracted.Index;
            result.Metrics["acc"] = extracted.Index == item.AnswerIndex ? 1.0 : 0.0;
        }
        else
        {
            result.Reference = item.AnswerText;
            result.Metrics["exact_match"] = TextMatch.ExactMatch(response, item.AnswerText);
            result.Metrics["char_f1"] = TextMatch.CharF1(response, item.AnswerText);
        }

        result.Score = result.Metrics[primary];
        result.Correct = item.IsMultipleChoice ? result.Score >= 1.0 : result.Metrics["exact_match"] >= 1.0;
        return result;
    }

    // lm-eval's generate_until: description + examples + the item's text, one greedy completion stopped at `until`, then
    // each filter pipeline and exact_match against the target.
    private async Task<ItemResult> ScoreGenerateUntilAsync(BenchmarkItem item, IReadOnlyList<BenchmarkItem> shots, LmEvalTask task, LmEvalGeneration generation, EvalOptions options, string primary, CancellationToken ct)
    {
        var result = new ItemResult { Id = item.Id, Subset = item.Subset, Answer = task.DocToTargetText is null ? task.Gold(item) : -1 };
        var description = task.DescriptionFor(item);
        var (prompt, used) = FitContext(shots, s => task.FewShotExample(s) + task.FewShotDelimiter, task.DocToText(item), description.Length, options.MaxContextChars);
        result.FewShotIds = used;
        result.Prompt = description + (prompt ?? task.DocToText(item));
        result.Reference = task.TargetText(item);
        if (prompt is null)
        {
            return Fail(result, RequestErrorKind.ContextOverflow, $"the prompt exceeds --max-context {options.MaxContextChars} characters even without few-shot examples.");
        }

        var body = OpenAiProtocol.GenerateUntilRequest(_client.Options.Model, result.Prompt, generation.MaxGenToks, generation.Until);
        string response;
        try
        {
            (response, result.Cached) = await _client.PostAsync(OpenAiProtocol.CompletionsPath, body, OpenAiProtocol.ParseCompletionText, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            return Fail(result, ex.Kind, ex.Message);
        }

        result.Response = generation.Cut(response);
        var filtered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var filter in generation.Filters)
        {
            var answer = filter.Apply(result.Response);
            filtered[filter.Name] = answer;
            result.Metrics[generation.MetricName(filter)] = generation.ExactMatch.Score(answer, result.Reference);
        }

        result.Filtered = filtered;
        result.Score = result.Metrics[primary];
        result.Correct = result.Score >= 1.0;
        return result;
    }

    /// <summary>Few-shot prefix plus the item prompt, dropping the earliest examples until it fits; null when even zero-shot does not fit.</summary>
    private static (string? Prompt, IReadOnlyList<string> Used) FitContext(IReadOnlyList<BenchmarkItem> shots, Func<BenchmarkItem, string> render, string itemPrompt, int extra, int? max)
    {
        var parts = shots.Select(render).ToList();
        var ids = shots.Select(s => s.Id).ToList();
        while (true)
        {
            var total = parts.Sum(p => p.Length) + itemPrompt.Length + extra;
            if (max is null || total <= max)
            {
                var sb = new StringBuilder(total);
                foreach (var p in parts) sb.Append(p);
                sb.Append(itemPrompt);
                return (sb.ToString(), ids);
            }

            if (parts.Count == 0)
            {
                return (null, []);
            }

            parts.RemoveAt(0);
            ids.RemoveAt(0);
        }
    }

    private static ItemResult Fail(ItemResult result, RequestErrorKind kind, string message)
    {
        result.ErrorKind = RequestFailedException.KindName(kind);
        result.ErrorMessage = message;
        result.Correct = false;
        result.Score = double.NaN;
        return result;
    }
}
