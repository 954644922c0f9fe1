namespace Moa.Text.Hashing;

/// <summary>
/// Settings of MinHash signatures and LSH band keys over word shingles (<see cref="MinHasher"/>), with snake_case
/// YAML keys such as <c>shingle_words</c>. Curation's <c>near_dedup</c> section extends them with its verification rule.
/// </summary>
public class MinHashOptions
{
    /// <summary>Maximum signature length (<see cref="Bands"/> x <see cref="Rows"/>).</summary>
    public const int MaxSignatureLength = 1024;

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

    /// <summary>Checks every field; throws <see cref="MoaException"/> naming the field and the allowed values.</summary>
    /// <param name="section">The YAML path of this section, used in messages.</param>
    public virtual void Validate(string section = "near_dedup")
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
