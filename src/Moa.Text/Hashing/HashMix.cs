using System.Runtime.CompilerServices;

namespace Moa.Text.Hashing;

/// <summary>
/// The small hash building blocks of the in-memory hashers (shingles, n-grams, text statistics, feature buckets):
/// FNV-1a for words, finalisers that spread a hash over all 64 bits, and SplitMix64 for per-seed constants.
/// One copy for the whole project; the values never change because trained models and persisted splits depend on them.
/// </summary>
public static class HashMix
{
    /// <summary>The 64-bit FNV-1a offset basis.</summary>
    public const ulong FnvOffset = 0xCBF29CE484222325UL;

    /// <summary>The 64-bit FNV-1a prime.</summary>
    public const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>One FNV-1a step: folds one code unit into <paramref name="hash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FnvStep(ulong hash, uint unit) => (hash ^ unit) * FnvPrime;

    /// <summary>64-bit FNV-1a over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    /// <summary>32-bit FNV-1a over the UTF-16 code units of <paramref name="text"/> (stable across processes, unlike <see cref="string.GetHashCode()"/>).</summary>
    public static uint Fnv1a32(ReadOnlySpan<char> text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return h;
    }

    /// <summary>The MurmurHash3 64-bit finaliser (fmix64): a bijection whose every output bit depends on every input bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fmix64(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>A bijective xor-shift-multiply finaliser (shift 32, one odd multiplier twice), so distinct inputs stay distinct.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong XorShiftMultiply(ulong x)
    {
        x ^= x >> 32;
        x *= 0xD6E8FEB86659FD93UL;
        x ^= x >> 32;
        x *= 0xD6E8FEB86659FD93UL;
        x ^= x >> 32;
        return x;
    }

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns the next well-mixed value.</summary>
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
