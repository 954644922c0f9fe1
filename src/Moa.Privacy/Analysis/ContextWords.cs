using System.Buffers;

namespace Moa.Privacy.Analysis;

/// <summary>
/// A set of context words ("주민등록번호", "tel", "☎") searched in short windows around a candidate. Words of two or more
/// characters go through a <see cref="WordFinder"/> pair table (ASCII folded to lower case when ignoring case), single
/// characters through a vectorised char search; hits are confirmed with an ordinal comparison.
/// </summary>
internal sealed class ContextWords
{
    private readonly string[] _words;
    private readonly WordFinder _finder;
    private readonly SearchValues<char>? _singles;
    private readonly StringComparison _comparison;

    public ContextWords(string[] words, bool ignoreCase)
    {
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _words = [.. words.Where(w => w.Length > 1).Select(w => ignoreCase ? w.ToLowerInvariant() : w)];
        _finder = new WordFinder(ignoreCase ? _words.SelectMany(Variants) : _words);
        var singles = words.Where(w => w.Length == 1).Select(w => w[0]).ToArray();
        _singles = singles.Length > 0 ? SearchValues.Create(singles) : null;
    }

    /// <summary>Upper/lower-case variants of a word's first two ASCII characters, so the pair table sees every casing.</summary>
    private static IEnumerable<string> Variants(string w)
    {
        foreach (var a in new[] { char.ToLowerInvariant(w[0]), char.ToUpperInvariant(w[0]) }.Distinct())
        {
            foreach (var b in new[] { char.ToLowerInvariant(w[1]), char.ToUpperInvariant(w[1]) }.Distinct())
            {
                yield return a.ToString() + b + w[2..];
            }
        }
    }

    /// <summary>Whether any word occurs in <paramref name="window"/>.</summary>
    public bool In(ReadOnlySpan<char> window)
    {
        if (_singles is not null && window.ContainsAny(_singles))
        {
            return true;
        }

        for (var i = _finder.Next(window, 0); i >= 0; i = _finder.Next(window, i + 1))
        {
            var rest = window[i..];
            foreach (var w in _words)
            {
                if (rest.StartsWith(w, _comparison))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
