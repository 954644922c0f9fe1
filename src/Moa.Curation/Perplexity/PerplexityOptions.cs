namespace Moa.Curation.Perplexity;

/// <summary>
/// The perplexity signal of the quality stage (<c>quality.perplexity</c>): every Korean document that reaches the
/// stage gets <c>meta.perplexity</c> and <c>meta.ppl_bucket</c>; with <see cref="MaxPerplexity"/> set it also filters.
/// </summary>
public sealed class PerplexityOptions
{
    /// <summary>Whether documents are scored at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Documents scoring above this are removed as <c>quality:perplexity.max_perplexity</c>; null (the default) only tags.
    /// The model measures distance from Wikipedia and news prose, so chat, forum and technical text score high too:
    /// see docs/curation/perplexity.md before setting it.
    /// </summary>
    public double? MaxPerplexity { get; set; }

    /// <summary>
    /// Characters scored per document, from its start (whole lines; 0 scores everything). Scoring costs a few table
    /// lookups per character, so a bound keeps long documents within the filter stage's speed budget; the first 500
    /// characters give nearly the same perplexity as the whole text (docs/curation/perplexity.md).
    /// </summary>
    public int MaxChars { get; set; } = 500;

    /// <summary>A model file built by <c>moa curate train-lm</c>; null uses the model shipped inside Moa.</summary>
    public string? Model { get; set; }
}
