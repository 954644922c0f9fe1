using System.Buffers;
using System.Text.RegularExpressions;

namespace Moa.Evaluation.Benchmarks.Validation;

/// <summary>
/// Finds text damaged by a wrong decoding: U+FFFD replacement characters, control characters, lone surrogates,
/// UTF-8 Korean read as Latin-1/CP1252 (<c>í•œêµ­</c>) and EUC-KR read as Latin-1 (<c>ÇÑ±¹</c>).
/// </summary>
public static partial class EncodingDamage
{
    // Anything outside printable ASCII that could start damage; most Korean text has none of these.
    private static readonly SearchValues<char> s_suspects = SearchValues.Create(
        "\uFFFD\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00EA\u00EB\u00EC\u00ED");

    /// <summary>Describes the first sign of damage in <paramref name="text"/>, or returns null when the text looks clean.</summary>
    public static string? Find(string text)
    {
        var span = text.AsSpan();
        var surrogate = IndexOfLoneSurrogate(span);
        if (surrogate >= 0)
        {
            return $"lone surrogate U+{(int)span[surrogate]:X4} at character {surrogate}";
        }

        var at = span.IndexOfAny(s_suspects);
        if (at < 0)
        {
            return null;
        }

        var replacement = span.IndexOf('\uFFFD');
        if (replacement >= 0)
        {
            return $"replacement character U+FFFD at character {replacement} (text was decoded with the wrong encoding; re-read the source as EUC-KR/CP949 or UTF-8)";
        }

        var utf8AsLatin = Utf8ReadAsLatin1().Match(text);
        if (utf8AsLatin.Success)
        {
            return $"mojibake '{utf8AsLatin.Value}' at character {utf8AsLatin.Index} (UTF-8 text read as Latin-1/CP1252; re-read the source as UTF-8)";
        }

        for (var m = EucKrReadAsLatin1().Match(text); m.Success; m = m.NextMatch())
        {
            if (LooksLikeEucKr(m.ValueSpan))
            {
                return $"mojibake '{m.Value}' at character {m.Index} (EUC-KR text read as Latin-1; re-read the source as EUC-KR/CP949)";
            }
        }

        for (var i = at; i < span.Length; i++)
        {
            var c = span[i];
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F')
            {
                return $"control character U+{(int)c:X4} at character {i}";
            }
        }

        return null;
    }

    // Runs of one symbol (a row of middle dots "······") match the byte ranges too; Hangul read as Latin-1 mixes
    // several characters, some of them accented letters (À-þ).
    private static bool LooksLikeEucKr(ReadOnlySpan<char> run)
    {
        var letters = 0;
        var first = run[0];
        var varied = false;
        foreach (var c in run)
        {
            letters += c is >= '\u00C0' and not '\u00D7' and not '\u00F7' ? 1 : 0;
            varied |= c != first;
        }

        return varied && letters >= 2;
    }

    private static int IndexOfLoneSurrogate(ReadOnlySpan<char> span)
    {
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0 && i < span.Length)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
            }
            else
            {
                return i;
            }

            var next = span[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + next;
        }

        return -1;
    }

    // A Hangul UTF-8 lead byte (0xEA-0xED) seen as ê ë ì í, then two continuation bytes seen as Latin-1 or CP1252 characters.
    [GeneratedRegex("[\u00EA-\u00ED][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]{2}")]
    private static partial Regex Utf8ReadAsLatin1();

    // Three or more EUC-KR Hangul byte pairs (lead 0xB0-0xC8, trail 0xA1-0xFE) seen as Latin-1 letters.
    [GeneratedRegex("(?:[\u00B0-\u00C8][\u00A1-\u00FE]){3,}")]
    private static partial Regex EucKrReadAsLatin1();
}
