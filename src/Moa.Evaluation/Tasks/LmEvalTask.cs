using System.Text;
using System.Text.Json;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Tasks;

/// <summary>
/// A multiple-choice task defined as lm-evaluation-harness defines it (<c>doc_to_text</c>, <c>doc_to_choice</c>,
/// <c>target_delimiter</c>, <c>fewshot_delimiter</c>, <c>metric_list</c>), so that a Moa score and a published lm-eval score
/// of the same task mean the same thing. Requests are built as lm-eval builds them: context = few-shot examples + the item's
/// text, continuation = delimiter + choice, and trailing white space of the context moved to the front of the continuation.
/// </summary>
public sealed class LmEvalTask
{
    /// <summary>The lm-eval task name (<c>kobest_copa</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The Moa subset whose items the task scores (<c>COPA</c> of an imported KoBEST); null: every item.</summary>
    public string? Subset { get; init; }

    /// <summary>The lm-eval file whose definition this reproduces, for the record.</summary>
    public required string Source { get; init; }

    public required Func<BenchmarkItem, string> DocToText { get; init; }

    public required Func<BenchmarkItem, IReadOnlyList<string>> DocToChoice { get; init; }

    /// <summary>The index of the gold choice (lm-eval's <c>doc_to_target</c>); null: the item's own answer.</summary>
    public Func<BenchmarkItem, int>? DocToTarget { get; init; }

    /// <summary>The task's <c>num_fewshot</c> (used when the command line does not set <c>--fewshot</c>); null: zero-shot.</summary>
    public int? NumFewShot { get; init; }

    /// <summary>lm-eval's <c>fewshot_config.sampler</c>: <c>default</c> (<c>random.sample</c>) or <c>first_n</c>.</summary>
    public string FewShotSampler { get; init; } = LmEvalFewShot.DefaultSampler;

    /// <summary>The task's <c>description</c>, rendered per item and put before the few-shot examples; null: none.</summary>
    public Func<BenchmarkItem, string>? Description { get; init; }

    /// <summary>
    /// The target as text when the task has no <c>doc_to_choice</c> (a <c>generate_until</c> task whose target is the answer
    /// itself); null: the gold choice's text.
    /// </summary>
    public Func<BenchmarkItem, string>? DocToTargetText { get; init; }

    /// <summary>Set for an <c>output_type: generate_until</c> task (generation, filters, exact match); null: <c>multiple_choice</c>.</summary>
    public LmEvalGeneration? Generation { get; init; }

    public string TargetDelimiter { get; init; } = " ";

    public string FewShotDelimiter { get; init; } = "\n\n";

    /// <summary>The task's metrics in lm-eval's names: <c>acc</c>, <c>acc_norm</c>, <c>f1</c> (macro-F1 over the run).</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    /// <summary>Whether the task scores <paramref name="item"/>.</summary>
    public bool AppliesTo(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Subset is null || string.Equals(item.Subset, Subset, StringComparison.Ordinal);
    }

    /// <summary>The index of <paramref name="item"/>'s gold choice.</summary>
    public int Gold(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DocToTarget is null ? item.AnswerIndex : DocToTarget(item);
    }

    /// <summary>The target of <paramref name="item"/> as text: the gold choice, or the target itself for a task without choices.</summary>
    public string TargetText(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DocToTargetText is { } text ? text(item) : DocToChoice(item)[Gold(item)];
    }

    /// <summary>One few-shot example: its text, the delimiter and its gold choice (lm-eval's <c>doc_to_text + target_delimiter + doc_to_target</c>).</summary>
    public string FewShotExample(BenchmarkItem shot)
    {
        ArgumentNullException.ThrowIfNull(shot);
        return DocToText(shot) + TargetDelimiter + TargetText(shot);
    }

    /// <summary>The description for <paramref name="item"/> (empty without one).</summary>
    public string DescriptionFor(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Description?.Invoke(item) ?? string.Empty;
    }

    /// <summary>
    /// The request for one choice as lm-eval sends it: white space at the end of <paramref name="context"/> moves to the start
    /// of the continuation (so <c>"… 답변: "</c> + <c>" 예"</c> scores <c>"  예"</c> after <c>"… 답변:"</c>).
    /// </summary>
    public static (string Context, string Continuation) Request(string context, string continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var kept = context.TrimEnd();
        return kept.Length == context.Length ? (context, continuation) : (kept, context[kept.Length..] + continuation);
    }
}

/// <summary>
/// The lm-evaluation-harness tasks Moa reproduces for the benchmarks it imports, by lm-eval name (<c>--task kobest_copa</c>).
/// Each definition follows the task's YAML and <c>utils.py</c> in lm-eval's <c>lm_eval/tasks</c> (see docs/evaluation/tasks.md).
/// </summary>
public static class LmEvalTasks
{
    private static readonly string[] s_noYes = ["아니오", "예"];
    private static readonly string[] s_negPos = ["부정", "긍정"];

    private static readonly LmEvalTask[] s_tasks =
    [
        new()
        {
            Name = "kobest_boolq",
            Subset = "BoolQ",
            Source = "lm_eval/tasks/kobest/kobest_boolq.yaml",
            DocToText = item => $"{Context(item)} 질문: {item.Question} 답변: ",
            DocToChoice = _ => s_noYes,
            Metrics = ["acc", "f1"],
        },
        new()
        {
            Name = "kobest_copa",
            Subset = "COPA",
            Source = "lm_eval/tasks/kobest/kobest_copa.yaml (utils.copa_doc_to_text)",

            // The connector carries its own leading space and the f-string adds another: "{premise}  왜냐하면".
            DocToText = item => $"{Context(item)} {CopaConnector(item)}",
            DocToChoice = item => item.Choices,
            Metrics = ["acc", "f1"],
        },
        new()
        {
            Name = "kobest_hellaswag",
            Subset = "HellaSwag",
            Source = "lm_eval/tasks/kobest/kobest_hellaswag.yaml (utils.hellaswag_process_doc)",
            DocToText = item => $"문장: {Context(item)}",
            DocToChoice = item => item.Choices,
            Metrics = ["acc", "acc_norm", "f1"],
        },
        new()
        {
            Name = "kobest_sentineg",
            Subset = "SentiNeg",
            Source = "lm_eval/tasks/kobest/kobest_sentineg.yaml (utils.sentineg_doc_to_text)",
            DocToText = item => $"문장: {Context(item)} 긍부정:",
            DocToChoice = _ => s_negPos,
            Metrics = ["acc", "f1"],
        },
        new()
        {
            Name = "kobest_wic",
            Subset = "WiC",
            Source = "lm_eval/tasks/kobest/kobest_wic.yaml (utils.wic_doc_to_text)",
            DocToText = item => $"문장1: {MetaText(item, "sentence1")} 문장2: {MetaText(item, "sentence2")} 두 문장에서 {MetaText(item, "target")}가 같은 뜻으로 쓰였나?",
            DocToChoice = _ => s_noYes,
            Metrics = ["acc", "f1"],
        },
        new()
        {
            Name = "click",
            Source = "lm_eval/tasks/click (utils.get_context, lettered options)",
            DocToText = ClickText,
            DocToChoice = item => Letters(item.Choices.Count),
            Metrics = ["acc", "acc_norm"],
        },
        new()
        {
            Name = "kmmlu",
            Source = "lm_eval/tasks/kmmlu/default/_default_kmmlu_yaml (question, lettered options, full-width colon; fewshot_split dev, 5-shot as published)",
            DocToText = KmmluText,
            DocToChoice = item => Letters(item.Choices.Count),
            NumFewShot = 5,
            Metrics = ["acc"],
        },
    ];

    /// <summary>Every task name, in the order shown to users.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_tasks.Select(t => t.Name)];

    /// <summary>The task called <paramref name="name"/>, or null.</summary>
    public static LmEvalTask? Find(string name) => s_tasks.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>The task called <paramref name="name"/>; a <see cref="MoaException"/> listing the names when there is none.</summary>
    public static LmEvalTask Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_tasks.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
            ?? throw new MoaException($"--task {name}: no such task; use one of {string.Join(", ", Names)}.");
    }

    private static string Context(BenchmarkItem item) => item.Context ?? string.Empty;

    private static string CopaConnector(BenchmarkItem item) => MetaText(item, "relation").Trim() switch
    {
        "원인" => " 왜냐하면",
        "결과" => " 그래서",
        var other => throw new MoaException($"item '{item.Id}': COPA relation '{other}' is neither 원인 nor 결과; re-import the benchmark with `moa bench import kobest`."),
    };

    private static string MetaText(BenchmarkItem item, string key)
    {
        if (item.Meta is { } meta && meta.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        throw new MoaException($"item '{item.Id}' has no meta.{key}, which this task needs; re-import the benchmark with this version of `moa bench import`.");
    }

    private static string[] Letters(int count) => [.. Enumerable.Range(0, count).Select(i => ((char)('A' + i)).ToString())];

    // lm-eval writes "A:{0}, B: {1}, C: {2}, D: {3}" (no space after the first colon) and names "A, B, C, D" in the
    // instruction; items with another number of options list their own letters the same way.
    private static string ClickText(BenchmarkItem item)
    {
        var letters = Letters(item.Choices.Count);
        var options = new StringBuilder();
        for (var i = 0; i < item.Choices.Count; i++)
        {
            options.Append(i == 0 ? string.Empty : ", ").Append(letters[i]).Append(i == 0 ? ":" : ": ").Append(item.Choices[i]);
        }

        var named = string.Join(", ", letters);
        return string.IsNullOrEmpty(item.Context)
            ? $"주어진 질문을 천천히 읽고, 적절한 정답을 {named} 중에 골라 알파벳 하나로 답하시오.\n\n질문: {item.Question}\n보기:\n{options}\n정답:"
            : $"주어진 맥락을 천천히 읽고, 질문에 대한 적절한 정답을 {named} 중에 골라 알파벳 하나로 답하시오.\n\n맥락: {item.Context}\n질문: {item.Question}\n보기:\n{options}\n정답:";
    }

    private static string KmmluText(BenchmarkItem item)
    {
        var sb = new StringBuilder(item.Question.Trim());
        var letters = Letters(item.Choices.Count);
        for (var i = 0; i < item.Choices.Count; i++)
        {
            sb.Append('\n').Append(letters[i]).Append(". ").Append(item.Choices[i]);
        }

        return sb.Append("\n정답：").ToString();
    }
}
