using System.Runtime.CompilerServices;
using Moa.Text.Hashing;

namespace Moa.Evaluation.Contamination;

/// <summary>What an n-gram counts: words (runs of letters and digits) or characters (letters and digits only, spacing ignored).</summary>
public enum NGramUnit
{
    Word,
    Character,
}

/// <summary>Receives the hash of every n-gram of a text, in order.</summary>
public interface IGramSink
{
    /// <summary>Called for each n-gram hash.</summary>
    void OnGram(ulong hash);
}

/// <summary>
/// Rolling n-gram hashes over normalised text, identical for benchmark items and corpus documents. Text is reduced to
/// letters and digits, lower-cased; a word n-gram hash is a polynomial over n word hashes and rolls in O(1) per word, a
/// character n-gram rolls per character. Hashes are 64-bit, so a false match needs a 64-bit collision.
/// </summary>
public static class NGramHasher
{
    private const ulong Base = 0x9E3779B97F4A7C15UL;

    /// <summary>Calls <paramref name="sink"/> with every <paramref name="n"/>-gram hash of <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hash<TSink>(ReadOnlySpan<char> text, NGramUnit unit, int n, ref TSink sink)
        where TSink : struct, IGramSink
    {
        if (unit == NGramUnit.Word)
        {
            HashWords(text, n, ref sink);
        }
        else
        {
            HashCharacters(text, n, ref sink);
        }
    }

    /// <summary>Number of units (words or characters) of <paramref name="text"/> after normalisation.</summary>
    public static int CountUnits(ReadOnlySpan<char> text, NGramUnit unit)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var word = IsWordChar(c);
            if (unit == NGramUnit.Character)
            {
                count += word ? 1 : 0;
            }
            else if (word && !inWord)
            {
                count++;
            }

            inWord = word;
        }

        return count;
    }

    /// <summary>Whether a character belongs to a word: a letter or digit (fast paths for ASCII and Hangul syllables).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        return (uint)(c - 0xAC00) <= 0xD7A3 - 0xAC00 || char.IsLetterOrDigit(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        return (uint)(c - 0xAC00) <= 0xD7A3 - 0xAC00 ? c : char.ToLowerInvariant(c);
    }

    private static ulong PowerOfBase(int exponent)
    {
        var result = 1UL;
        for (var i = 0; i < exponent; i++)
        {
            result *= Base;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashWords<TSink>(ReadOnlySpan<char> text, int n, ref TSink sink)
        where TSink : struct, IGramSink
    {
        var top = PowerOfBase(n - 1);
        Span<ulong> ring = n <= 64 ? stackalloc ulong[n] : new ulong[n];
        ulong rolling = 0;
        var filled = 0;
        var at = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c))
            {
                i++;
                continue;
            }

            var word = HashMix.FnvOffset;
            do
            {
                word = HashMix.FnvStep(word, Lower(c));
                i++;
            }
            while (i < text.Length && IsWordChar(c = text[i]));

            word = HashMix.Fmix64(word);
            if (Push(ring, top, word, ref rolling, ref filled, ref at))
            {
                sink.OnGram(HashMix.Fmix64(rolling));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashCharacters<TSink>(ReadOnlySpan<char> text, int n, ref TSink sink)
        where TSink : struct, IGramSink
    {
        var top = PowerOfBase(n - 1);
        Span<ulong> ring = n <= 256 ? stackalloc ulong[n] : new ulong[n];
        ulong rolling = 0;
        var filled = 0;
        var at = 0;
        foreach (var c in text)
        {
            if (!IsWordChar(c))
            {
                continue;
            }

            var unit = (Lower(c) + 1UL) * 0xD6E8FEB86659FD93UL;
            if (Push(ring, top, unit, ref rolling, ref filled, ref at))
            {
                sink.OnGram(HashMix.Fmix64(rolling));
            }
        }
    }

    /// <summary>Slides the rolling window by one unit; true once it holds n units.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Push(Span<ulong> ring, ulong top, ulong unit, ref ulong rolling, ref int filled, ref int at)
    {
        var n = ring.Length;
        if (filled == n)
        {
            rolling -= ring[at] * top;
        }
        else
        {
            filled++;
        }

        rolling = (rolling * Base) + unit;
        ring[at] = unit;
        at = at + 1 == n ? 0 : at + 1;
        return filled == n;
    }
}
