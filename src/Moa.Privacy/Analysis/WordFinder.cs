using System.Runtime.CompilerServices;
namespace Moa.Privacy.Analysis;

/// <summary>
/// Finds where any of a set of words (two or more characters each) may start, with a 64 Kibit table of hashed
/// character pairs: one table probe per character, whatever the script. .NET's multi-string <c>SearchValues</c> is
/// fast for ASCII needles but falls to a slow path for many Hangul ones; this keeps context-word search at hundreds
/// of MB/s. Candidates are confirmed by the caller.
/// </summary>
internal sealed class WordFinder
{
    private readonly ulong[] _pairs = new ulong[1024];

    public WordFinder(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            if (w.Length < 2)
            {
                throw new ArgumentException("words must have at least two characters: " + w, nameof(words));
            }

            var h = Hash(w[0], w[1]);
            _pairs[h >> 6] |= 1UL << (h & 63);
        }
    }

    private static int Hash(char a, char b) => ((a * 0x9E3B) ^ (b * 0x3F)) & 0xFFFF;

    /// <summary>The first index ≥ <paramref name="from"/> where a word may start, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Next(ReadOnlySpan<char> text, int from)
    {
        var pairs = _pairs;
        for (var i = from; i + 1 < text.Length; i++)
        {
            var h = Hash(text[i], text[i + 1]);
            if ((pairs[h >> 6] & (1UL << (h & 63))) != 0)
            {
                return i;
            }
        }

        return -1;
    }
}
