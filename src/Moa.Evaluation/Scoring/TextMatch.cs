using System.Globalization;
using System.Text;

namespace Moa.Evaluation.Scoring;

/// <summary>
/// Exact match and character-level F1 for Korean generation tasks. Both compare normalised text: NFC, lower case,
/// whitespace and punctuation removed (Korean has no reliable word boundaries for token F1, so F1 counts characters,
/// as KorQuAD's official script does).
/// </summary>
public static class TextMatch
{
    /// <summary>1 when the normalised prediction equals the normalised reference, else 0.</summary>
    public static double ExactMatch(string prediction, string reference) =>
        string.Equals(Normalize(prediction), Normalize(reference), StringComparison.Ordinal) ? 1.0 : 0.0;

    /// <summary>Harmonic mean of character precision and recall over the multiset of normalised characters.</summary>
    public static double CharF1(string prediction, string reference)
    {
        var p = Normalize(prediction);
        var r = Normalize(reference);
        if (p.Length == 0 || r.Length == 0)
        {
            return p.Length == r.Length ? 1.0 : 0.0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in r)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var common = 0;
        foreach (var c in p)
        {
            if (counts.TryGetValue(c, out var n) && n > 0)
            {
                counts[c] = n - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0.0;
        }

        var precision = (double)common / p.Length;
        var recall = (double)common / r.Length;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>NFC, lower-cased (invariant), without whitespace, punctuation or symbols.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        foreach (var c in nfc)
        {
            var cat = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || IsPunctuationOrSymbol(cat))
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static bool IsPunctuationOrSymbol(UnicodeCategory cat) => cat is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
        or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
