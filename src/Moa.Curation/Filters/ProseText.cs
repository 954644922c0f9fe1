using System.Text;

namespace Moa.Curation.Filters;

/// <summary>
/// The prose of a document: its prose lines without technical tokens (inline code, identifiers, roles, URLs). The
/// language stage identifies this when the whole text is not confidently a kept language, so that a Korean manual
/// full of code and English identifiers is judged by its Korean sentences.
/// </summary>
public static class ProseText
{
    /// <summary>The prose lines of <paramref name="text"/> with technical tokens left out; empty when there is no prose.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var a = TextAnalyzer.ForCurrentThread();
        a.Analyze(text, cjkCharWords: false, english: false);
        var sb = new StringBuilder(text.Length / 2);
        var table = CharClass.Table;
        var kinds = a.LineKinds;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != LineKind.Prose)
            {
                continue;
            }

            foreach (var word in text.AsSpan(a.LineStarts[i], a.LineLengths[i]).Split(' '))
            {
                var w = text.AsSpan(a.LineStarts[i], a.LineLengths[i])[word];
                ushort or = 0;
                foreach (var c in w)
                {
                    or |= table[c];
                }

                if (w.IsEmpty || ((or & CharClass.Code) != 0 && (or & CharClass.Latin) != 0))
                {
                    continue;
                }

                sb.Append(w).Append(' ');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
