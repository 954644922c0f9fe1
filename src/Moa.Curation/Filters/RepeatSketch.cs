using System.Numerics;
using System.Runtime.CompilerServices;

namespace Moa.Curation.Filters;

/// <summary>
/// Which of a document's hashes may occur more than once, without a table of keys: two bit sets (seen, seen again)
/// indexed by the top bits of the hash times a Fibonacci constant, about eight bits per hash. A hash that occurs twice
/// or more always answers true; a hash that occurs once answers true only when another hash shares its bit (about one in
/// eight). A count built on it (n-gram repetition, keyword pairs) can therefore skip whatever it answers false for:
/// such a hash, and every pair or n-gram it is part of, occurs exactly once. Reused per thread; allocates only to grow.
/// </summary>
internal sealed class RepeatSketch
{
    private ulong[] _seen = new ulong[64];
    private ulong[] _again = new ulong[64];
    private int _shift = 52;

    /// <summary>Empties the sketch for up to <paramref name="count"/> hashes (clears about <paramref name="count"/> bytes per set).</summary>
    public void Begin(int count)
    {
        var bits = Math.Clamp(BitOperations.RoundUpToPowerOf2((ulong)Math.Max(count, 1) * 8), 512UL, 1UL << 34);
        var longs = (int)(bits >> 6);
        if (_seen.Length < longs)
        {
            _seen = new ulong[longs];
            _again = new ulong[longs];
        }

        Array.Clear(_seen, 0, longs);
        Array.Clear(_again, 0, longs);
        _shift = 64 - BitOperations.Log2(bits);
    }

    /// <summary>Adds one occurrence of <paramref name="hash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong hash)
    {
        var bit = (hash * 0x9E3779B97F4A7C15UL) >> _shift;
        var i = (int)(bit >> 6);
        var mask = 1UL << (int)bit;
        ref var seen = ref _seen[i];
        _again[i] |= seen & mask;
        seen |= mask;
    }

    /// <summary>False when <paramref name="hash"/> was added at most once (true for every hash added twice or more).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayRepeat(ulong hash)
    {
        var bit = (hash * 0x9E3779B97F4A7C15UL) >> _shift;
        return (_again[(int)(bit >> 6)] & (1UL << (int)bit)) != 0;
    }
}
