namespace Moa.Text.Languages;

/// <summary>
/// How many characters (code points) of a text fall in each script; quality filters use the shares
/// (e.g. Hangul share of letters) and <see cref="LanguageIdentifier"/> builds on it.
/// </summary>
/// <param name="Hangul">Hangul syllables and jamo (conjoining, compatibility, halfwidth).</param>
/// <param name="Kana">Hiragana, katakana (including halfwidth) and kana extensions.</param>
/// <param name="Han">CJK ideographs (Hanja/Kanji/Hanzi), including extensions and compatibility ideographs.</param>
/// <param name="Latin">Latin letters, including accented and fullwidth ones.</param>
/// <param name="Cyrillic">Cyrillic letters.</param>
/// <param name="Digits">Decimal digits of any script.</param>
/// <param name="OtherLetters">Letters of any other script (Greek, Arabic, Thai, ...).</param>
/// <param name="Whitespace">Whitespace characters.</param>
/// <param name="Other">Everything else: punctuation, symbols, emoji, marks, controls.</param>
public readonly record struct ScriptProfile(
    int Hangul, int Kana, int Han, int Latin, int Cyrillic, int Digits, int OtherLetters, int Whitespace, int Other)
{
    /// <summary>Letters of every script.</summary>
    public int Letters => Hangul + Kana + Han + Latin + Cyrillic + OtherLetters;

    /// <summary>Every code point counted.</summary>
    public int Total => Letters + Digits + Whitespace + Other;

    /// <summary>A CJK ideograph of the Basic Multilingual Plane: unified, extension A or compatibility (the <see cref="Han"/> count's characters).</summary>
    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
