using Moa.Text.Hashing;

namespace Moa.Curation.Dedup;

/// <summary>
/// Settings of near-duplicate detection (MinHash + LSH over word shingles), bound from the <c>near_dedup</c>
/// section of a pipeline YAML file (snake_case keys such as <c>shingle_words</c>).
/// </summary>
/// <remarks>
/// A pair with Jaccard similarity J of shingle sets becomes a candidate with probability 1 - (1 - J^Rows)^Bands.
/// The defaults (20 bands x 5 rows) catch copies with up to ~3% edited words (J ~ 0.7) with recall above 0.95;
/// see docs/curation/dedup.md for the measurements behind them.
/// The MinHash settings (<c>shingle_words</c>, <c>bands</c>, <c>rows</c>, <c>hash_bits</c>, <c>seed</c>, <c>method</c>) come from
/// <see cref="MinHashOptions"/>; this class adds the verification rule.
/// </remarks>
public sealed class NearDedupOptions : MinHashOptions
{
    /// <summary>Whether near dedup runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Exact Jaccard similarity of word-shingle sets from which a candidate is removed as a near duplicate of the kept
    /// document it is compared with (0 &lt; value &lt;= 1). Chosen on the tuning half of the planted copies: see docs/curation/dedup.md.
    /// </summary>
    public double MinSimilarity { get; set; } = 0.7;

    /// <summary>
    /// Word edits by which a document may differ from a kept one and still be removed whatever its similarity (0 to 8):
    /// shingle sets differing by at most 2 x <see cref="MinHashOptions.ShingleWords"/> x this many shingles. In short documents one
    /// edited word changes most shingles, so Jaccard alone would keep them.
    /// </summary>
    public int MaxWordEdits { get; set; } = 1;

    /// <summary>
    /// Fraction of a document's words that may be edited for it to stay a near duplicate whatever its Jaccard (0 to 0.2):
    /// the allowed edits are max(<see cref="MaxWordEdits"/>, round(this x words)). Matters below ~100 words, where
    /// 3% of edited words already take Jaccard of 5-word shingles below 0.7; longer copies pass on <see cref="MinSimilarity"/>.
    /// </summary>
    public double MaxEditRate { get; set; } = 0.03;

    /// <summary>The verification rule of these options.</summary>
    internal NearDuplicateRule Rule => new(MinSimilarity, MaxWordEdits, MaxEditRate, ShingleWords);

    /// <summary>Kept documents verified per document at most (those sharing the most LSH bands first).</summary>
    public int MaxCandidates { get; set; } = 16;

    /// <summary>Checks every field; throws <see cref="MoaException"/> naming the field and the allowed values.</summary>
    /// <param name="section">The YAML path of this section, used in messages.</param>
    public override void Validate(string section = "near_dedup")
    {
        base.Validate(section);
        if (!(MinSimilarity is > 0 and <= 1))
        {
            throw new MoaException($"{section}.min_similarity is {MinSimilarity}; expected a Jaccard similarity above 0 and at most 1 (0.7 is the default).");
        }

        if (MaxWordEdits is < 0 or > 8)
        {
            throw new MoaException($"{section}.max_word_edits is {MaxWordEdits}; expected a whole number from 0 to 8 (1 is the default).");
        }

        if (!(MaxEditRate is >= 0 and <= 0.2))
        {
            throw new MoaException($"{section}.max_edit_rate is {MaxEditRate}; expected a fraction from 0 to 0.2 (0.03 is the default).");
        }

        if (MaxCandidates is < 1 or > 1024)
        {
            throw new MoaException($"{section}.max_candidates is {MaxCandidates}; expected a whole number from 1 to 1024 (16 is the default).");
        }
    }
}
