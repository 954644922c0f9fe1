namespace Moa.Privacy.Analysis;

/// <summary>
/// Full-width forms (U+FF01–U+FF5E, as typed with a Korean or Japanese IME: <c>０１０－１２３４－５６７８</c>,
/// <c>ｈｏｎｇ＠ｎａｖｅｒ．ｃｏｍ</c>) and the ideographic space, folded to ASCII. Each maps to one UTF-16 unit, so a
/// finding's offsets in the folded text are its offsets in the original.
/// </summary>
internal static class FullWidth
{
    public const char FirstDigit = '\uFF10';
    public const char LastDigit = '\uFF19';
    public const char AtSign = '\uFF20';
    private const char Hyphen = '\uFF0D';
    private const char First = '\uFF01';
    private const char Last = '\uFF5E';
    private const char IdeographicSpace = '\u3000';

    /// <summary>
    /// <paramref name="text"/> itself unless it has a full-width digit, '＠' or '－' (two vectorised passes), else a folded
    /// copy. Full-width punctuation alone (？, ～, ！ are common in Korean text) changes nothing a recogniser sees, so it
    /// costs no copy.
    /// </summary>
    public static string Fold(string text)
    {
        var span = text.AsSpan();
        if (!span.ContainsAnyInRange(FirstDigit, LastDigit) && span.IndexOfAny(AtSign, Hyphen) < 0)
        {
            return text;
        }

        var at = span.IndexOfAnyInRange(First, Last);

        return string.Create(text.Length, (text, at), static (dest, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(dest);
            for (var i = from; i < source.Length; i++)
            {
                var c = source[i];
                dest[i] = c is >= First and <= Last ? (char)(c - 0xFEE0) : c == IdeographicSpace ? ' ' : c;
            }
        });
    }
}
