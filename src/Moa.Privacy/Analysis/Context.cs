using System.Runtime.CompilerServices;

namespace Moa.Privacy.Analysis;

/// <summary>Character classes and context-window look-ups shared by the recognisers.</summary>
internal static class Context
{
    /// <summary>How many characters before a candidate are searched for context words.</summary>
    public const int Window = 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>
    /// A letter of the Latin script: ASCII, or with a diacritic (Latin-1, Extended-A and -B, and the Vietnamese letters of
    /// Latin Extended Additional: Léa, Lucía, Nguyễn, Đặng).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLatinLetter(char c) =>
        IsAsciiLetter(c) || c >= '\u00C0' && (c <= '\u024F' && c is not ('\u00D7' or '\u00F7') || (uint)(c - '\u1E00') <= '\u1EFF' - '\u1E00');

    /// <summary>A capital letter of the Latin script (<see cref="IsLatinLetter"/>).</summary>
    public static bool IsLatinUpper(char c) => c is >= 'A' and <= 'Z' || c >= '\u00C0' && IsLatinLetter(c) && char.IsUpper(c);

    /// <summary>A lower-case letter of the Latin script (<see cref="IsLatinLetter"/>).</summary>
    public static bool IsLatinLower(char c) => c is >= 'a' and <= 'z' || c >= '\u00C0' && IsLatinLetter(c) && char.IsLower(c);

    /// <summary>A letter of the Cyrillic block (Russian, Kazakh, Mongolian, Uzbek, Ukrainian).</summary>
    public static bool IsCyrillicLetter(char c) => (uint)(c - '\u0400') <= '\u04FF' - '\u0400';

    /// <summary>A capital letter of the Cyrillic block (<see cref="IsCyrillicLetter"/>).</summary>
    public static bool IsCyrillicUpper(char c) => IsCyrillicLetter(c) && char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHangulSyllable(char c) => (uint)(c - '\uAC00') <= '\uD7A3' - '\uAC00';

    public static char At(string text, int index) => (uint)index < (uint)text.Length ? text[index] : '\0';

    /// <summary>The index of the first of <paramref name="values"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOfAny(ReadOnlySpan<char> text, System.Buffers.SearchValues<char> values, int from) =>
        from >= text.Length ? -1 : text[from..].IndexOfAny(values) is var r and >= 0 ? from + r : -1;

    /// <summary>The index of the first character between <paramref name="low"/> and <paramref name="high"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOfAnyInRange(ReadOnlySpan<char> text, char low, char high, int from) =>
        from >= text.Length ? -1 : text[from..].IndexOfAnyInRange(low, high) is var r and >= 0 ? from + r : -1;

    /// <summary>The end of the run of Hangul syllables that starts at <paramref name="from"/> (<paramref name="from"/> itself when there is none).</summary>
    public static int HangulEnd(string text, int from)
    {
        var rel = text.AsSpan(from).IndexOfAnyExceptInRange('\uAC00', '\uD7A3');
        return rel < 0 ? text.Length : from + rel;
    }

    /// <summary>The start of the run of Hangul syllables that ends right before <paramref name="end"/> (<paramref name="end"/> itself when there is none).</summary>
    public static int HangulStart(string text, int end) => text.AsSpan(0, end).LastIndexOfAnyExceptInRange('\uAC00', '\uD7A3') + 1;

    /// <summary>Whether one of <paramref name="words"/> occurs in the <paramref name="window"/> characters before <paramref name="start"/>.</summary>
    public static bool Before(string text, int start, ContextWords words, int window = Window)
    {
        var from = Math.Max(0, start - window);
        return words.In(text.AsSpan(from, start - from));
    }

    /// <summary>Whether one of <paramref name="words"/> occurs in the <paramref name="window"/> characters after <paramref name="end"/>.</summary>
    public static bool After(string text, int end, ContextWords words, int window = 12)
    {
        var to = Math.Min(text.Length, end + window);
        return words.In(text.AsSpan(end, to - end));
    }

    /// <summary>Context before or just after the candidate.</summary>
    public static bool Around(string text, int start, int end, ContextWords words) =>
        Before(text, start, words) || After(text, end, words);

    public static ContextWords Words(params string[] words) => new(words, ignoreCase: false);

    public static ContextWords WordsIgnoreCase(params string[] words) => new(words, ignoreCase: true);
}
