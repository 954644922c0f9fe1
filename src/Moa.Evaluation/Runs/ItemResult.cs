namespace Moa.Evaluation.Runs;

/// <summary>The outcome of one benchmark item: what was asked, what came back, and how it scored (or why it failed).</summary>
public sealed class ItemResult
{
    public required string Id { get; init; }

    public required string Subset { get; init; }

    /// <summary>0-based gold choice, or -1 for text answers.</summary>
    public int Answer { get; init; } = -1;

    /// <summary>0-based predicted choice (by the primary metric), or -1.</summary>
    public int Predicted { get; set; } = -1;

    /// <summary>0-based choice of highest log-likelihood (what lm-eval's <c>f1</c> is computed from), or -1.</summary>
    public int ArgmaxPredicted { get; set; } = -1;

    public bool Correct { get; set; }

    /// <summary>Value of the primary metric for this item.</summary>
    public double Score { get; set; }

    /// <summary>Every metric of the mode for this item.</summary>
    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);

    public string Prompt { get; set; } = string.Empty;

    /// <summary>Scored continuations (log-likelihood mode).</summary>
    public IReadOnlyList<string>? Continuations { get; set; }

    /// <summary>Log-likelihood of each continuation (log-likelihood mode).</summary>
    public double[]? LogLikelihoods { get; set; }

    public bool[]? IsGreedy { get; set; }

    /// <summary>Tokens sent per continuation when requests go as token ids (<c>--tokenizer</c>), after truncation.</summary>
    public int[]? TokenCounts { get; set; }

    /// <summary>Whether the oldest tokens of a request were cut to fit <c>--max-length</c>.</summary>
    public bool Truncated { get; set; }

    /// <summary>Generated text (generation mode).</summary>
    public string? Response { get; set; }

    /// <summary>Reference text for generation items.</summary>
    public string? Reference { get; set; }

    /// <summary>How the answer was read from <see cref="Response"/>.</summary>
    public string? Extraction { get; set; }

    /// <summary>The answer each filter pipeline of an lm-eval <c>generate_until</c> task read from <see cref="Response"/>, by pipeline name.</summary>
    public IReadOnlyDictionary<string, string>? Filtered { get; set; }

    public IReadOnlyList<string> FewShotIds { get; set; } = [];

    /// <summary>Every request of the item came from the cache.</summary>
    public bool Cached { get; set; }

    /// <summary>snake_case error kind when the item failed; failed items are excluded from scores and counted.</summary>
    public string? ErrorKind { get; set; }

    public string? ErrorMessage { get; set; }

    public bool Failed => ErrorKind is not null;
}
