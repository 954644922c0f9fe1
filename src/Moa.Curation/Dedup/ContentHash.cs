using Moa.Text.Hashing;

namespace Moa.Curation.Dedup;

/// <summary>
/// Exact-duplicate key of a normalised text: two xxHash64 values with independent seeds over the UTF-16LE
/// code units, packed into 128 bits, so an accidental collision needs ~2^64 documents rather than ~2^32.
/// </summary>
public static class ContentHash
{
    private const ulong UpperSeed = 0x6D6F612D65786163UL; // "moa-exac"
    private const ulong LowerSeed = 0x742D6B65792D7632UL; // "t-key-v2"

    /// <summary>The 128-bit key of <paramref name="normalisedText"/>; equal texts give equal keys on every platform.</summary>
    public static UInt128 Of(ReadOnlySpan<char> normalisedText) =>
        new(TextHash.XxHash64(normalisedText, UpperSeed), TextHash.XxHash64(normalisedText, LowerSeed));
}
