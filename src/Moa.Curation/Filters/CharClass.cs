using System.Globalization;
using Moa.Text.Languages;

namespace Moa.Curation.Filters;

/// <summary>Character classes used by the filters, looked up in one 64K table built once (no per-char Unicode calls in the hot loop).</summary>
internal static class CharClass
{
    public const ushort Letter = 1;
    public const ushort Digit = 2;
    public const ushort Space = 4;
    /// <summary>Not a letter, digit, space or common punctuation: ★ ♥ ■ ^ | = + &lt; &gt; emoji, etc.</summary>
    public const ushort Symbol = 8;
    public const ushort Hangul = 16;
    /// <summary>Hangul compatibility jamo (ㄱ..ㅎ, ㅏ..ㅣ) standing alone: ㅋㅋ, ㅎㅎ, ㅠㅠ.</summary>
    public const ushort Jamo = 32;
    public const ushort Han = 64;
    /// <summary>A character that bytes of CP949/UTF-8 text become when read as Latin-1 or Windows-1252.</summary>
    public const ushort Latin1Moji = 128;
    public const ushort Kana = 256;
    /// <summary>Terminal punctuation: . ! ? 。 ！ ？ ｡</summary>
    public const ushort Terminal = 512;
    /// <summary>A combining mark or other word-internal character counted in word length.</summary>
    public const ushort Mark = 1024;
    /// <summary>Counted specially: '#', '…', U+FFFD.</summary>
    public const ushort Other = 2048;
    /// <summary>ASCII punctuation that code, markup and URLs are dense in and prose is not: { } [ ] ( ) &lt; &gt; ; = ` \ | _ $ &amp; ^ ~ / : * # @ % + "</summary>
    public const ushort Code = 4096;
    /// <summary>ASCII letters A-Z, a-z.</summary>
    public const ushort Latin = 8192;

    private static readonly ushort[] s_table = Build();

    public static ReadOnlySpan<ushort> Table => s_table;

    private static ushort[] Build()
    {
        var t = new ushort[65536];
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            ushort f = 0;
            if (char.IsWhiteSpace(c))
            {
                t[i] = Space;
                continue;
            }

            var cat = char.GetUnicodeCategory(c);
            switch (cat)
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                    f |= Letter;
                    break;
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                    f |= Digit;
                    break;
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    f |= Mark;
                    break;
                case UnicodeCategory.MathSymbol:
                case UnicodeCategory.CurrencySymbol:
                case UnicodeCategory.ModifierSymbol:
                case UnicodeCategory.OtherSymbol:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.OtherNotAssigned:
                    f |= Symbol;
                    break;
                default:
                    // Punctuation: common in prose, except a few that mostly decorate (|, _, \, @, #, *).
                    if (c is '|' or '_' or '\\' or '@' or '#' or '*' or '※' or '•' or '·' or '‥')
                    {
                        f |= Symbol;
                    }

                    break;
            }

            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                f |= Hangul;
            }
            else if (c is >= '\u3131' and <= '\u318E')
            {
                f |= Jamo;
            }
            else if (ScriptProfile.IsHan(c))
            {
                f |= Han;
            }
            else if (c is (>= '\u3040' and <= '\u30FF') or (>= '\uFF66' and <= '\uFF9D'))
            {
                f |= Kana;
            }

            if ((c >= '\u0080' && c <= '\u00FF' && c != '\u00A0') || IsCp1252Special(c))
            {
                f |= Latin1Moji;
            }

            if (c is '.' or '!' or '?' or '。' or '！' or '？' or '｡')
            {
                f |= Terminal;
            }

            if (c is '#' or '…' or '\uFFFD')
            {
                f |= Other;
            }

            if (c is '{' or '}' or '[' or ']' or '(' or ')' or '<' or '>' or ';' or '=' or '`' or '\\' or '|' or '_' or '$' or '&' or '^'
                or '~' or '/' or ':' or '*' or '#' or '@' or '%' or '+' or '"')
            {
                f |= Code;
            }

            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'))
            {
                f |= Latin;
            }

            t[i] = f;
        }

        // Surrogate pairs (emoji and rare Han) count once, on the high half.
        for (var i = 0xDC00; i <= 0xDFFF; i++)
        {
            t[i] = 0;
        }

        return t;
    }

    // Windows-1252 maps bytes 0x80..0x9F to these characters.
    private static bool IsCp1252Special(char c) => c is '€' or '‚' or 'ƒ' or '„' or '…' or '†' or '‡' or 'ˆ' or '‰' or 'Š' or '‹' or 'Œ'
        or 'Ž' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '•' or '–' or '—' or '˜' or '™' or 'š' or '›' or 'œ' or 'ž' or 'Ÿ';

    /// <summary>Characters that end a line "with punctuation" for C4 and FineWeb.</summary>
    public static bool IsLineEnd(char c) => c is '.' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or '。' or '！' or '？' or '｡' or '」' or '』' or '»';

    /// <summary>Line-start bullets for the Gopher bullet rule: • and - as in Gopher (Korean □ ○ ※ bullets are normal in 개조식 documents).</summary>
    public static bool IsBullet(char c) => c is '•' or '-';
}
