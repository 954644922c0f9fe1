namespace Moa.Privacy.Analysis;

/// <summary>
/// Full-width forms (U+FF01–U+FF5E, as typed with a Korean or Japanese IME: <c>０１０－１２３４－５６７８</c>,
/// <c>ｈｏｎｇ＠ｎａｖｅｒ．ｃｏｍ</c>) and the ideographic space, folded to ASCII. Each maps to one UTF-16 unit, so a
/// finding's offsets in the folded text are its offsets in the original.
/// </summary>
internal static class FullWidth
{
    public const char FirstDigit = '\uFF10';
    /// <summary>'＠', just after the full-width digits (U+FF1A–U+FF1F between them are punctuation).</summary>
    public const char AtSign = '\uFF20';
    private const char First = '\uFF01';
    private const char Last = '\uFF5E';
    private const char IdeographicSpace = '\u3000';

    /// <summary><paramref name="text"/> itself when it has no full-width form (one vectorised pass), else a folded copy.</summary>
    public static string Fold(string text)
    {
        var at = text.AsSpan().IndexOfAnyInRange(First, Last);
        if (at < 0)
        {
            return text;
        }

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
