namespace Moa.Curation.Dedup;

/// <summary>
/// Settings of near-duplicate detection (MinHash + LSH over word shingles), bound from the <c>near_dedup</c>
/// section of a pipeline YAML file (snake_case keys such as <c>shingle_words</c>).
/// </summary>
/// <remarks>
/// A pair with Jaccard similarity J of shingle sets becomes a candidate with probability 1 - (1 - J^Rows)^Bands.
/// The defaults (20 bands x 5 rows) catch copies with up to ~3% edited words (J ~ 0.7) with recall above 0.95;
/// see docs/curation/dedup.md for the measurements behind them.
/// </remarks>
public sealed class NearDedupOptions
{
    /// <summary>Maximum signature length (<see cref="Bands"/> x <see cref="Rows"/>).</summary>
    public const int MaxSignatureLength = 1024;

    /// <summary>Whether near dedup runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Words per shingle (whitespace-separated tokens; Latin letters lower-cased).</summary>
    public int ShingleWords { get; set; } = 5;

    /// <summary>LSH bands: a pair is a candidate when any band matches exactly.</summary>
    public int Bands { get; set; } = 20;

    /// <summary>MinHash values per band.</summary>
    public int Rows { get; set; } = 5;

    /// <summary>Bits kept of each MinHash value: 64, or 32 to mimic 32-bit tools (band keys are 64-bit either way).</summary>
    public int HashBits { get; set; } = 64;

    /// <summary>Seed of every hash function; change it to get an independent run.</summary>
    public ulong Seed { get; set; } = 0x4D6F614D696E4831UL;

    /// <summary>
    /// Signature scheme: <c>oph</c> (one-permutation hashing with optimal densification, one hash per shingle),
    /// <c>classic</c> (k independent hash functions, k hashes per shingle) or <c>cminhash</c> (C-MinHash, circulant shifts of one permutation).
    /// </summary>
    public string Method { get; set; } = "oph";

    /// <summary>
    /// Exact Jaccard similarity of word-shingle sets from which a candidate is removed as a near duplicate of the kept
    /// document it is compared with (0 &lt; value &lt;= 1). Chosen on the tuning half of the planted copies: see docs/curation/dedup.md.
    /// </summary>
    public double MinSimilarity { get; set; } = 0.7;

    /// <summary>
    /// Word edits by which a document may differ from a kept one and still be removed whatever its similarity (0 to 8):
    /// shingle sets differing by at most 2 x <see cref="ShingleWords"/> x this many shingles. In short documents one
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
    public void Validate(string section = "near_dedup")
    {
        if (ShingleWords is < 1 or > 32)
        {
            throw new MoaException($"{section}.shingle_words is {ShingleWords}; expected a whole number from 1 to 32 (5 is usual).");
        }

        if (Bands < 1)
        {
            throw new MoaException($"{section}.bands is {Bands}; expected at least 1 (20 is the default).");
        }

        if (Rows < 1)
        {
            throw new MoaException($"{section}.rows is {Rows}; expected at least 1 (5 is the default).");
        }

        if ((long)Bands * Rows > MaxSignatureLength)
        {
            throw new MoaException($"{section}.bands x {section}.rows is {(long)Bands * Rows}; expected at most {MaxSignatureLength}. Use fewer bands or rows.");
        }

        if (HashBits is not (32 or 64))
        {
            throw new MoaException($"{section}.hash_bits is {HashBits}; expected 32 or 64.");
        }

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

        _ = ParseMethod(section);
    }

    internal MinHashMethod ParseMethod(string section = "near_dedup") => Method?.Trim().ToUpperInvariant() switch
    {
        "OPH" => MinHashMethod.OnePermutation,
        "CLASSIC" => MinHashMethod.Classic,
        "CMINHASH" or "C-MINHASH" => MinHashMethod.CMinHash,
        _ => throw new MoaException($"{section}.method is '{Method}'; expected one of: oph, classic, cminhash."),
    };
}

/// <summary>How MinHash signatures are computed.</summary>
internal enum MinHashMethod
{
    OnePermutation,
    Classic,
    CMinHash,
}
