namespace Moa.Evaluation.Benchmarks;

/// <summary>
/// The <c>benchmark.yaml</c> card that sits beside <c>items.jsonl</c>: what the benchmark is,
/// how it is scored and which sub-items it has.
/// </summary>
public sealed class BenchmarkCard
{
    public string Name { get; set; } = string.Empty;

    public string Version { get; set; } = "1.0";

    public string License { get; set; } = string.Empty;

    /// <summary>BCP-47 language, e.g. <c>ko</c>.</summary>
    public string Language { get; set; } = "ko";

    /// <summary><c>multiple_choice</c>, <c>generation</c> or <c>classification</c>.</summary>
    public string TaskType { get; set; } = "multiple_choice";

    /// <summary>Primary metric, e.g. <c>acc</c>, <c>acc_norm</c>, <c>exact_match</c>, <c>char_f1</c>.</summary>
    public string Metric { get; set; } = "acc";

    /// <summary>Prompt template with <c>{context}</c>, <c>{question}</c>, <c>{choices}</c> placeholders.</summary>
    public string PromptTemplate { get; set; } = "{question}";

    /// <summary>Template of one choice's continuation for log-likelihood scoring, e.g. <c>" {choice}"</c>.</summary>
    public string ChoiceTemplate { get; set; } = " {choice}";

    public string Description { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    /// <summary>The sub-items (세부 측정 항목), in display order.</summary>
    public List<string> Subsets { get; set; } = [];
}
