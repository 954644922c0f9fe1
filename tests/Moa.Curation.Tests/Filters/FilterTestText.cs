using System.Text;
using Moa.Curation.Filters;

namespace Moa.Curation.Tests.Filters;

/// <summary>Building blocks for the rule tests: real sentences from KoBEST BoolQ and the English seeds, and option presets.</summary>
internal static class FilterTestText
{
    private static readonly Lazy<string[]> s_koSentences = new(() => FilterCorpus.BoolQTexts()
        .SelectMany(t => t.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Where(s => s.Length is > 30 and < 200 && !s.Contains('{') && s.All(c => c is < '\u4E00' or > '\u9FFF'))
        .Select(s => s.TrimEnd('.') + ".")
        .Distinct(StringComparer.Ordinal)
        .ToArray());

    private static readonly Lazy<string[]> s_enWords = new(() => string.Join('\n', new[] { "000", "001", "002", "004" }
            .Select(p => File.ReadAllText(Directory.GetFiles(FilterCorpus.SeedsDir, p + "*.txt").Single())))
        .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.All(char.IsLetter) && w.Length is >= 4 and <= 9)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Where(w => !IsStopword(w))
        .ToArray());

    /// <summary>The i-th distinct real Korean sentence (ends with a period).</summary>
    public static string Ko(int i) => s_koSentences.Value[i];

    /// <summary>Korean prose: <paramref name="count"/> distinct real sentences on one line.</summary>
    public static string KoProse(int count, int first = 0) => string.Join(' ', Enumerable.Range(first, count).Select(Ko));

    /// <summary><paramref name="count"/> distinct English content words (no stopwords), 4-9 letters.</summary>
    public static IEnumerable<string> EnWords(int count, int first = 0) => s_enWords.Value.Skip(first).Take(count);

    /// <summary>English-like text of exactly <paramref name="words"/> words, with two stopwords, one sentence per 10 words.</summary>
    public static string EnText(int words, int first = 0)
    {
        var list = EnWords(words - 2, first).ToList();
        list.Insert(Math.Min(1, list.Count), "the");
        list.Insert(Math.Min(5, list.Count), "and");
        var sb = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            sb.Append(list[i]);
            sb.Append(i == list.Count - 1 || i % 10 == 9 ? ". " : " ");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Unique Korean-looking tokens of four syllables (for n-gram tests where every filler must differ).</summary>
    public static string Filler(int i)
    {
        const string Syllables = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허";
        var sb = new StringBuilder(4);
        for (var k = 0; k < 4; k++)
        {
            sb.Append(Syllables[i % Syllables.Length]);
            i /= Syllables.Length;
        }

        return sb.ToString();
    }

    /// <summary>Options with every group off except the one <paramref name="enable"/> switches on.</summary>
    public static QualityOptions Only(Action<QualityOptions> enable)
    {
        var o = new QualityOptions();
        o.GopherRepetition.Enabled = false;
        o.GopherQuality.Enabled = false;
        o.Korean.Enabled = false;
        o.C4.Enabled = false;
        o.FineWeb.Enabled = false;
        o.Prose.Enabled = false;
        enable(o);
        return o;
    }

    private static bool IsStopword(string w) => w.ToLowerInvariant() is "the" or "be" or "to" or "of" or "and" or "that" or "have" or "with";
}
