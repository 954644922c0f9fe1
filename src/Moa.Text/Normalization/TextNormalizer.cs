using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Moa.Text.Normalization;

/// <summary>
/// Cleans text before curation: Unicode normalisation (NFC or NFKC) with algorithmic Hangul composition,
/// control and zero-width character removal, and whitespace unification. Thread-safe; text that needs no change
/// is returned as the same instance after one table-driven scan, without allocating.
/// </summary>
/// <remarks>
/// Hangul: conjoining jamo (U+1100–U+11FF) are composed into syllables (L+V and L+V+T, and LV+T, per the Unicode
/// standard's algorithm). A modern jamo left on its own (e.g. a lone U+110F) becomes its compatibility jamo (U+314B ㅋ),
/// the form keyboards produce, so normalised Korean never carries stray conjoining jamo; runs that contain archaic jamo
/// (old Hangul) are left as they are. Under NFKC, compatibility jamo (ㅋㅋ) are kept and halfwidth Hangul becomes
/// compatibility jamo instead of being decomposed into conjoining jamo.
/// </remarks>
public sealed class TextNormalizer
{
    private const byte Plain = 0;
    private const byte Space = 1;
    private const byte Newline = 2;
    private const byte FixWhitespaceOrControl = 3;
    private const byte ZeroWidthJoiner = 4;
    private const byte FormUnsafe = 5;
    private const byte HighSurrogate = 6;
    private const byte Jamo = 7;
    private const byte HalfwidthHangul = 8;

    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, SCount = 11172;

    private static readonly Lazy<ulong[]> s_nfcUnsafe = new(() => BuildUnsafeMap(NormalizationForm.FormC, 0x300));
    private static readonly Lazy<ulong[]> s_nfkcUnsafe = new(() => BuildUnsafeMap(NormalizationForm.FormKC, 0xA0));

    // Compatibility jamo for modern conjoining jamo: choseong U+1100–1112 and jongseong U+11A8–11C2.
    private static readonly char[] s_leadToCompat =
        "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ".ToCharArray();

    private static readonly char[] s_trailToCompat =
        "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ".ToCharArray();

    private readonly byte[] _class;
    private readonly NormalizationForm _form;
    private readonly bool _whitespace;
    private readonly bool _controls;
    private readonly bool _enabled;

    public TextNormalizer(NormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _enabled = options.Enabled;
        _whitespace = options.NormalizeWhitespace;
        _controls = options.RemoveControlCharacters;
        _form = (options.Form ?? "NFC").Trim().ToUpperInvariant() switch
        {
            "NFC" => NormalizationForm.FormC,
            "NFKC" => NormalizationForm.FormKC,
            _ => throw new MoaException(
                $"Unknown normalisation form '{options.Form}'. Expected NFC or NFKC (set normalize.form in the pipeline configuration)."),
        };
        _class = BuildClassTable();
    }

    /// <summary>The normalisation form in use.</summary>
    public NormalizationForm Form => _form;

    /// <summary>Returns the normalised text; the same instance when nothing needs to change.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_enabled || text.Length == 0 || IsClean(text))
        {
            return text;
        }

        return NormalizeSlow(text);
    }

    /// <summary>Whether <paramref name="text"/> is already normalised under these options.</summary>
    public bool IsNormalized(ReadOnlySpan<char> text) => !_enabled || IsClean(text);

    private bool IsClean(ReadOnlySpan<char> s)
    {
        var table = _class;
        var n = s.Length;
        if (_whitespace && n > 0 && (IsSpaceOrNewlineClass(table[s[0]]) || IsSpaceOrNewlineClass(table[s[n - 1]])))
        {
            return false;
        }

        var blockEnd = 0;
        for (var i = 0; i < n; i++)
        {
            if (i >= blockEnd)
            {
                // Eight characters at a time while they are printable ASCII or Hangul syllables (or a single space
                // between two such), which are clean under every option; the rest of a block is checked one by one.
                i = SkipPlain(s, i, spaces: false);
                blockEnd = i + VectorLanes;
                if (i >= n)
                {
                    break;
                }
            }

            var k = table[s[i]];
            if (k == Plain)
            {
                continue;
            }

            switch (k)
            {
                case Space:
                    // Never the last char (checked above), so i + 1 < n.
                    var next = s[i + 1];
                    if (next == ' ' || next == '\n')
                    {
                        return false;
                    }

                    break;
                case Newline:
                    if (i + 2 < n && s[i + 1] == '\n' && s[i + 2] == '\n')
                    {
                        return false;
                    }

                    break;
                case ZeroWidthJoiner:
                    if (i == 0 || i + 1 >= n || !IsJoinable(s[i - 1]) || !IsJoinable(s[i + 1]))
                    {
                        return false;
                    }

                    break;
                case HighSurrogate:
                    if (i + 1 >= n || !char.IsLowSurrogate(s[i + 1]) || IsSupplementaryUnsafe(char.ConvertToUtf32(s[i], s[i + 1])))
                    {
                        return false;
                    }

                    i++;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsSpaceOrNewlineClass(byte k) => k is Space or Newline;

    private const int VectorLanes = 8;

    /// <summary>
    /// The first index at or after <paramref name="i"/> where the run of characters that need no work ends, or where
    /// fewer than nine characters are left (the caller goes on one by one from there). Characters that need no work
    /// are printable ASCII (U+0021–U+007E) and Hangul syllables (U+AC00–U+D7A3): class <see cref="Plain"/> under every
    /// option (not controls, spaces, marks, jamo or surrogates, and unchanged by NFC and NFKC), plus a space followed by
    /// one of them, or, with <paramref name="spaces"/>, any space or line end. Eight characters per step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipPlain(ReadOnlySpan<char> s, int i, bool spaces)
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            return i;
        }

        ref var r = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s));
        var space = Vector128.Create((ushort)' ');
        var newline = Vector128.Create((ushort)'\n');
        while (i + VectorLanes + 1 <= s.Length)
        {
            var v = Vector128.LoadUnsafe(ref r, (nuint)i);
            Vector128<ushort> ok;
            if (spaces)
            {
                ok = IsPlain(v) | Vector128.Equals(v, space) | Vector128.Equals(v, newline);
            }
            else
            {
                var next = Vector128.LoadUnsafe(ref r, (nuint)(i + 1));
                ok = IsPlain(v) | (Vector128.Equals(v, space) & IsPlain(next));
            }

            if (ok != Vector128<ushort>.AllBitsSet)
            {
                return i + System.Numerics.BitOperations.TrailingZeroCount((~ok).ExtractMostSignificantBits());
            }

            i += VectorLanes;
        }

        return i;
    }

    /// <summary>Lanes holding printable ASCII (U+0021–U+007E) or a Hangul syllable (U+AC00–U+D7A3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> IsPlain(Vector128<ushort> v) =>
        Vector128.LessThan(v - Vector128.Create((ushort)0x21), Vector128.Create((ushort)(0x7F - 0x21)))
        | Vector128.LessThan(v - Vector128.Create((ushort)0xAC00), Vector128.Create((ushort)(0xD7A4 - 0xAC00)));

    private string NormalizeSlow(string text)
    {
        var result = CleanWhitespaceAndControls(text);
        var formed = ApplyForm(result);
        if (!ReferenceEquals(formed, result) && (_whitespace || _controls))
        {
            // NFKC can map characters to spaces (U+00A8 -> space + diaeresis): clean once more.
            formed = CleanWhitespaceAndControls(formed);
        }

        return formed.AsSpan().SequenceEqual(text) ? text : formed;
    }

    private string ApplyForm(string s)
    {
        var table = _class;
        bool icu = false, jamo = false, halfwidth = false;
        var blockEnd = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (i >= blockEnd)
            {
                // Printable ASCII, Hangul syllables, spaces and line ends never need a form change: skip them eight at a time.
                i = SkipPlain(s, i, spaces: true);
                blockEnd = i + VectorLanes;
                if (i >= s.Length)
                {
                    break;
                }
            }

            var k = table[s[i]];
            switch (k)
            {
                case FormUnsafe:
                    icu = true;
                    break;
                case Jamo:
                    jamo = true;
                    break;
                case HalfwidthHangul:
                    halfwidth = true;
                    break;
                case HighSurrogate when i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]):
                    icu |= IsSupplementaryUnsafe(char.ConvertToUtf32(s[i], s[i + 1]));
                    i++;
                    break;
                default:
                    break;
            }
        }

        if (!icu && !jamo && !halfwidth)
        {
            return s;
        }

        if (halfwidth)
        {
            s = HalfwidthToCompatibilityJamo(s);
        }

        if (icu)
        {
            s = _form == NormalizationForm.FormKC ? NormalizeKeepingCompatibilityJamo(s) : s.Normalize(_form);
        }

        return ComposeHangul(s);
    }

    /// <summary>NFKC everywhere except on compatibility jamo, which NFKC would turn into conjoining jamo.</summary>
    private static string NormalizeKeepingCompatibilityJamo(string s)
    {
        if (s.AsSpan().IndexOfAnyInRange('\u3131', '\u318E') < 0)
        {
            return s.Normalize(NormalizationForm.FormKC);
        }

        var sb = new StringBuilder(s.Length);
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i == s.Length || s[i] is >= '\u3131' and <= '\u318E')
            {
                if (i > start)
                {
                    sb.Append(s.AsSpan(start, i - start).ToString().Normalize(NormalizationForm.FormKC));
                }

                if (i < s.Length)
                {
                    sb.Append(s[i]);
                }

                start = i + 1;
            }
        }

        return sb.ToString();
    }

    private static string HalfwidthToCompatibilityJamo(string s)
    {
        return string.Create(s.Length, s, static (dst, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                dst[i] = c switch
                {
                    '\uFFA0' => '\u3164',
                    >= '\uFFA1' and <= '\uFFBE' => (char)(c - 0xFFA1 + 0x3131),
                    >= '\uFFC2' and <= '\uFFC7' => (char)(c - 0xFFC2 + 0x314F),
                    >= '\uFFCA' and <= '\uFFCF' => (char)(c - 0xFFCA + 0x3155),
                    >= '\uFFD2' and <= '\uFFD7' => (char)(c - 0xFFD2 + 0x315B),
                    >= '\uFFDA' and <= '\uFFDC' => (char)(c - 0xFFDA + 0x3161),
                    _ => c,
                };
            }
        });
    }

    /// <summary>Unicode Hangul composition (L+V, L+V+T, LV+T), then lone modern jamo to compatibility jamo.</summary>
    internal static string ComposeHangul(string s)
    {
        if (s.AsSpan().IndexOfAnyInRange('\u1100', '\u11FF') < 0 && !HasOtherConjoiningJamo(s))
        {
            return s;
        }

        var buffer = ArrayPool<char>.Shared.Rent(s.Length);
        try
        {
            var o = 0;
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (IsModernLead(c) && i + 1 < s.Length && IsModernVowel(s[i + 1]))
                {
                    var syllable = SBase + ((((c - LBase) * VCount) + (s[i + 1] - VBase)) * TCount);
                    i += 2;
                    if (i < s.Length && IsModernTrail(s[i]))
                    {
                        syllable += s[i] - TBase;
                        i++;
                    }

                    buffer[o++] = (char)syllable;
                    continue;
                }

                if (c is >= (char)SBase and < (char)(SBase + SCount) && (c - SBase) % TCount == 0
                    && i + 1 < s.Length && IsModernTrail(s[i + 1]))
                {
                    buffer[o++] = (char)(c + (s[i + 1] - TBase));
                    i += 2;
                    continue;
                }

                if (IsModernLead(c) || IsModernVowel(c) || IsModernTrail(c))
                {
                    var archaicNeighbour = (i > 0 && IsArchaicJamo(s[i - 1])) || (i + 1 < s.Length && IsArchaicJamo(s[i + 1]));
                    buffer[o++] = archaicNeighbour ? c : ToCompatibilityJamo(c);
                    i++;
                    continue;
                }

                buffer[o++] = c;
                i++;
            }

            return new string(buffer, 0, o);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool HasOtherConjoiningJamo(string s) =>
        s.AsSpan().IndexOfAnyInRange('\uA960', '\uA97F') >= 0 || s.AsSpan().IndexOfAnyInRange('\uD7B0', '\uD7FF') >= 0;

    private static bool IsModernLead(char c) => c is >= '\u1100' and <= '\u1112';

    private static bool IsModernVowel(char c) => c is >= '\u1161' and <= '\u1175';

    private static bool IsModernTrail(char c) => c is >= '\u11A8' and <= '\u11C2';

    private static bool IsArchaicJamo(char c) =>
        (c is >= '\u1100' and <= '\u11FF' && !IsModernLead(c) && !IsModernVowel(c) && !IsModernTrail(c))
        || c is >= '\uA960' and <= '\uA97F' or >= '\uD7B0' and <= '\uD7FF';

    private static char ToCompatibilityJamo(char c) => c switch
    {
        >= '\u1100' and <= '\u1112' => s_leadToCompat[c - 0x1100],
        >= '\u1161' and <= '\u1175' => (char)(c - 0x1161 + 0x314F),
        _ => s_trailToCompat[c - 0x11A8],
    };

    private string CleanWhitespaceAndControls(string s)
    {
        var buffer = ArrayPool<char>.Shared.Rent((s.Length * 2) + 2);
        try
        {
            var o = 0;
            var pendingNewlines = 0;
            var pendingSpace = false;
            var table = _class;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (IsCopiedAsIs(table, c))
                {
                    // A run of characters this pass keeps unchanged (most of a text): flush, then copy the run at once.
                    // A single ' ' between two such characters is kept as it is too, so a run is a line, not a word.
                    o = Flush(buffer, o, ref pendingNewlines, ref pendingSpace);
                    var j = i + 1;
                    var blockEnd = 0;
                    while (true)
                    {
                        if (j >= blockEnd)
                        {
                            j = SkipPlain(s, j, spaces: false);
                            blockEnd = j + VectorLanes;
                        }

                        if (j < s.Length && (IsCopiedAsIs(table, s[j]) || (s[j] == ' ' && j + 1 < s.Length && IsCopiedAsIs(table, s[j + 1]))))
                        {
                            j++;
                            continue;
                        }

                        break;
                    }

                    s.AsSpan(i, j - i).CopyTo(buffer.AsSpan(o));
                    o += j - i;
                    i = j - 1;
                    continue;
                }

                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        o = Flush(buffer, o, ref pendingNewlines, ref pendingSpace);
                        buffer[o++] = c;
                        buffer[o++] = s[++i];
                        continue;
                    }

                    c = '\uFFFD';
                }
                else if (char.IsLowSurrogate(c) || c == '\uFFFE')
                {
                    // Lone surrogates and the non-character U+FFFE (which ICU rejects) become U+FFFD.
                    c = '\uFFFD';
                }

                if (_whitespace)
                {
                    if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\v' || c == '\f')
                    {
                        if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                        {
                            i++;
                        }

                        pendingSpace = false;
                        pendingNewlines++;
                        continue;
                    }

                    if (c == '\u2029')
                    {
                        pendingSpace = false;
                        pendingNewlines += 2;
                        continue;
                    }

                    if (c == ' ' || c == '\t' || IsUnicodeSpace(c))
                    {
                        pendingSpace = true;
                        continue;
                    }
                }

                if (_controls)
                {
                    if (IsRemovable(c, _whitespace))
                    {
                        continue;
                    }

                    if (c == '\u200D')
                    {
                        var previous = o > 0 && pendingNewlines == 0 && !pendingSpace ? buffer[o - 1] : ' ';
                        var next = ' ';
                        for (var j = i + 1; j < s.Length; j++)
                        {
                            if (!IsRemovable(s[j], _whitespace))
                            {
                                next = s[j];
                                break;
                            }
                        }

                        if (!IsJoinable(previous) || !IsJoinable(next))
                        {
                            continue;
                        }
                    }
                }

                o = Flush(buffer, o, ref pendingNewlines, ref pendingSpace);
                buffer[o++] = c;
            }

            return new string(buffer, 0, o);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A character <see cref="CleanWhitespaceAndControls"/> writes through unchanged: not a surrogate or U+FFFE, and of
    /// a class that is neither whitespace, a line end, a control to drop nor a joiner (those classes exist only for
    /// the options that are on, so an option that is off leaves its characters here, as the full path would).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsCopiedAsIs(byte[] table, char c) =>
        table[c] is Plain or FormUnsafe or Jamo or HalfwidthHangul && !char.IsSurrogate(c) && c != '\uFFFE';

    private static int Flush(char[] buffer, int o, ref int pendingNewlines, ref bool pendingSpace)
    {
        if (o > 0)
        {
            for (var k = Math.Min(pendingNewlines, 2); k > 0; k--)
            {
                buffer[o++] = '\n';
            }

            if (pendingSpace)
            {
                buffer[o++] = ' ';
            }
        }

        pendingNewlines = 0;
        pendingSpace = false;
        return o;
    }

    private static bool IsUnicodeSpace(char c) =>
        c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000';

    /// <summary>Controls and zero-width characters to drop; line ends are not, when whitespace normalisation turns them into newlines.</summary>
    private static bool IsRemovable(char c, bool whitespaceOn) => c switch
    {
        '\n' or '\t' or '\r' => false,
        '\v' or '\f' or '\u0085' => !whitespaceOn,
        < '\u0020' or (>= '\u007F' and <= '\u009F') or '\u200B' or '\u2060' or '\uFEFF' => true,
        _ => false,
    };

    /// <summary>A character a zero-width joiner may join: non-ASCII, not a space, not a control.</summary>
    private static bool IsJoinable(char c) =>
        c > '\u007F' && !IsRemovable(c, true) && !IsUnicodeSpace(c) && c is not ('\u0085' or '\u2028' or '\u2029' or '\u200D');

    private bool IsSupplementaryUnsafe(int codePoint)
    {
        if (_form == NormalizationForm.FormKC)
        {
            return codePoint is not ((>= 0x1F300 and <= 0x1FAFF) or (>= 0x20000 and <= 0x2F7FF) or (>= 0x30000 and <= 0x3FFFF));
        }

        if (codePoint is (>= 0x11000 and <= 0x11FFF) or (>= 0x1D100 and <= 0x1D1FF) or (>= 0x2F800 and <= 0x2FA1F))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private byte[] BuildClassTable()
    {
        var table = new byte[65536];
        var nfkc = _form == NormalizationForm.FormKC;
        var unsafeMap = nfkc ? s_nfkcUnsafe.Value : s_nfcUnsafe.Value;
        for (var c = 0; c < 65536; c++)
        {
            var ch = (char)c;
            byte k = Plain;
            if ((unsafeMap[c >> 6] & (1UL << (c & 63))) != 0)
            {
                k = FormUnsafe;
            }

            if (ch is >= '\u1100' and <= '\u11FF' or >= '\uA960' and <= '\uA97F' or >= '\uD7B0' and <= '\uD7FF')
            {
                k = Jamo;
            }
            else if (nfkc && ch is >= '\u3131' and <= '\u318E')
            {
                k = Plain;
            }
            else if (nfkc && ch is >= '\uFFA0' and <= '\uFFDC')
            {
                k = HalfwidthHangul;
            }

            if (_controls && IsRemovable(ch, _whitespace))
            {
                k = FixWhitespaceOrControl;
            }
            else if (_controls && ch == '\u200D')
            {
                k = ZeroWidthJoiner;
            }

            if (_whitespace)
            {
                if (ch == ' ')
                {
                    k = Space;
                }
                else if (ch == '\n')
                {
                    k = Newline;
                }
                else if (ch is '\t' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029' || IsUnicodeSpace(ch))
                {
                    k = FixWhitespaceOrControl;
                }
            }

            if (char.IsHighSurrogate(ch))
            {
                k = HighSurrogate;
            }
            else if (char.IsLowSurrogate(ch) || ch == '\uFFFE')
            {
                k = FixWhitespaceOrControl;
            }

            table[c] = k;
        }

        return table;
    }

    private static ulong[] BuildUnsafeMap(NormalizationForm form, int from)
    {
        var map = new ulong[1024];
        Span<char> one = stackalloc char[1];
        for (var c = from; c < 65536; c++)
        {
            if (c is (>= 0xD800 and <= 0xDFFF) or 0xFFFE)
            {
                continue;
            }

            one[0] = (char)c;
            var category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            if (isMark || !((ReadOnlySpan<char>)one).IsNormalized(form))
            {
                map[c >> 6] |= 1UL << (c & 63);
            }
        }

        return map;
    }
}
