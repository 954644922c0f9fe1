using System.Runtime.CompilerServices;

namespace Moa.Text.Hashing;

/// <summary>Receives the 64-bit hash of each word shingle.</summary>
internal interface IShingleSink
{
    void Add(ulong shingleHash);
}

/// <summary>
/// Word shingles of a text in one pass: each whitespace-separated word is hashed once (Latin letters
/// lower-cased on the fly), and a polynomial rolling hash over the last <c>window</c> word hashes gives
/// each shingle in O(1), so the cost is O(characters) whatever the window.
/// </summary>
/// <remarks>
/// Separators are the C0 controls, space and the Unicode White_Space characters (U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). A text with fewer words than the window yields one
/// shingle of all its words, so short exact copies still match; a text with no words yields none.
/// </remarks>
internal static class Shingler
{
    private const ulong RollBase = 0x9E3779B97F4A7C15UL;

    /// <summary>Feeds every shingle hash to <paramref name="sink"/>; returns the number of shingles.</summary>
    public static int Enumerate<TSink>(ReadOnlySpan<char> text, int window, ulong seed, ref TSink sink)
        where TSink : IShingleSink, allows ref struct
    {
        Span<ulong> ring = stackalloc ulong[window];
        ulong basePowWindow = 1;
        for (var k = 0; k < window; k++)
        {
            basePowWindow *= RollBase;
        }

        ulong rolling = 0;
        var words = 0;
        var slot = 0;
        var emitted = 0;
        var i = 0;
        var n = text.Length;
        while (true)
        {
            while (i < n && IsSeparator(text[i]))
            {
                i++;
            }

            if (i >= n)
            {
                break;
            }

            var begin = i;
            var h = HashMix.FnvOffset;
            do
            {
                var c = text[i];
                if (IsSeparator(c))
                {
                    break;
                }

                h = HashMix.FnvStep(h, Fold(c));
                i++;
            }
            while (i < n);

            var word = HashMix.XorShiftMultiply(h + (ulong)(i - begin));
            var leaving = ring[slot];
            ring[slot] = word;
            slot = slot + 1 == window ? 0 : slot + 1;
            rolling = (rolling * RollBase) + word;
            words++;
            if (words >= window)
            {
                rolling -= leaving * basePowWindow;
                sink.Add(HashMix.XorShiftMultiply(rolling ^ seed));
                emitted++;
            }
        }

        if (words is > 0 && words < window)
        {
            sink.Add(HashMix.XorShiftMultiply(rolling ^ seed));
            emitted = 1;
        }

        return emitted;
    }

    /// <summary>True for the characters that separate words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c)
    {
        if (c <= ' ')
        {
            return true;
        }

        if (c < 0x85 || c > 0x3000)
        {
            return false;
        }

        return c == 0x85 || c == 0xA0 || c == 0x1680 || (uint)(c - 0x2000) <= 10
            || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /// <summary>Lower-cases Latin letters (ASCII, Latin-1, Latin Extended-A/B and Additional, fullwidth); other characters pass through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Fold(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (uint)(c | 0x20) : c;
        }

        if (c < 0x250 || (uint)(c - 0x1E00) < 0x100)
        {
            return char.ToLowerInvariant(c);
        }

        return (uint)(c - 0xFF21) <= 'Z' - 'A' ? (uint)c + 0x20 : c;
    }
}
