using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Tasks;

namespace Moa.Evaluation.Runs;

/// <summary>How items are put to the model.</summary>
public enum EvalMode
{
    /// <summary>Multiple choice by comparing log-likelihoods of each choice (<c>/v1/completions</c> with echo and logprobs).</summary>
    LogLikelihood,

    /// <summary>Free generation (<c>/v1/chat/completions</c>), then answer extraction or text matching.</summary>
    Generate,
}

/// <summary>What to evaluate and how; everything here except concurrency-like knobs goes into the run's config hash.</summary>
public sealed record EvalOptions
{
    public EvalMode Mode { get; init; } = EvalMode.LogLikelihood;

    /// <summary>Few-shot examples per item, drawn from the few-shot pool.</summary>
    public int FewShot { get; init; }

    /// <summary>Seed of the few-shot draw and of the bootstrap.</summary>
    public int Seed { get; init; } = 1234;

    /// <summary>Prompt templates; null takes the benchmark card's.</summary>
    public PromptTemplate? Template { get; init; }

    /// <summary>Largest completion in generation mode.</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Largest prompt plus continuation in characters; few-shot examples are dropped to fit, then the item fails as context_overflow. Null: no limit.</summary>
    public int? MaxContextChars { get; init; }

    /// <summary>Primary metric; null takes the card's (or the mode's first when the card's does not apply).</summary>
    public string? Metric { get; init; }

    /// <summary>Optional system message in generation mode.</summary>
    public string? SystemPrompt { get; init; }

    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>
    /// An lm-evaluation-harness task definition (<c>--task kobest_copa</c>): its prompt, choices, delimiters and metrics replace
    /// the card's template, so that scores compare with lm-eval's. Log-likelihood mode only.
    /// </summary>
    public LmEvalTask? Task { get; init; }

    /// <summary>
    /// Tokenise locally with the model's tokenizer and send token ids (lm-eval's context/continuation split, optional
    /// beginning-of-sequence id, left truncation to the model's length). Null: send text. Log-likelihood mode only.
    /// </summary>
    public Models.TokenRequests? Tokens { get; init; }
}

/// <summary>The benchmark a run scores: its card, its items, its content hash, and an optional few-shot pool (a dev split).</summary>
public sealed record EvalInput(BenchmarkCard Card, IReadOnlyList<BenchmarkItem> Items, string BenchmarkHash, IReadOnlyList<BenchmarkItem>? FewShotPool = null);
