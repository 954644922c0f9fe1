using System.Runtime.CompilerServices;

namespace Moa.Curation.Perplexity;

/// <summary>
/// The units of the quality language model and how n-grams of them are hashed, shared by training and scoring so both
/// see the same stream. A unit is one UTF-16 character after a light normalisation (CCNet's, without its accent
/// stripping): ASCII digits become <c>0</c>, ASCII letters are lower-cased, every run of spaces and tabs is one space,
/// other control characters are dropped. Each line (paragraph) is scored on its own, between <see cref="Bos"/> and <see cref="Eos"/>.
/// </summary>
internal static class LmText
{
    /// <summary>Start of a line: a context only, never predicted.</summary>
    public const char Bos = '\u0002';

    /// <summary>End of a line: predicted after the line's last unit.</summary>
    public const char Eos = '\u0003';

    private const ulong Seed = 0x243F6A8885A308D3UL;
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>The hash of the empty n-gram, extended to the left one unit at a time by <see cref="Extend"/>.</summary>
    public const ulong Empty = Seed;

    /// <summary>Maps one input character to its unit, or to <c>'\0'</c> when it is dropped; whitespace maps to a space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Unit(char c)
    {
        if (c < 0x80)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return (char)(c | 0x20);
            }

            if (c is >= '0' and <= '9')
            {
                return '0';
            }

            if (c is ' ' or '\t' or '\v' or '\f')
            {
                return ' ';
            }

            return c < 0x20 || c == 0x7F ? '\0' : c;
        }

        return c is '\u00A0' or '\u3000' or '\u2009' or '\u200A' or '\u202F' ? ' ' : c;
    }

    /// <summary>Extends the hash of an n-gram by one more unit on its left (n-grams are hashed from their last unit backwards).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong hash, char unit) => (ulong.RotateLeft(hash, 23) ^ unit) * Multiplier;

    /// <summary>Final mixing of an n-gram hash before it picks a slot and a fingerprint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 31;
        hash *= 0xBF58476D1CE4E5B9UL;
        return hash ^ (hash >> 29);
    }

    /// <summary>The hash of an n-gram given as a string of units.</summary>
    public static ulong Hash(ReadOnlySpan<char> ngram)
    {
        var h = Empty;
        for (var i = ngram.Length - 1; i >= 0; i--)
        {
            h = Extend(h, ngram[i]);
        }

        return Finish(h);
    }

    /// <summary>Splits text into normalised lines of units (empty lines left out), as training sees them.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            sb.Clear();
            foreach (var c in raw)
            {
                var u = Unit(c);
                if (u == '\0' || (u == ' ' && (sb.Length == 0 || sb[^1] == ' ')))
                {
                    continue;
                }

                sb.Append(u);
            }

            if (sb.Length > 0 && sb[^1] == ' ')
            {
                sb.Length--;
            }

            if (sb.Length > 0)
            {
                yield return sb.ToString();
            }
        }
    }
}
