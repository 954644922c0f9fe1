using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Moa.Text.Languages;

/// <summary>
/// Fast, allocation-free language identification for corpus filtering. Script counts decide Korean, Japanese and
/// Chinese (Korean with Hanja is still Korean; kana marks Japanese; Han alone is Chinese); Latin-script text is told
/// apart (en, de, fr, es, pt, it, nl, id, vi) by embedded function-word lists and a few letters unique to one language.
/// Cyrillic and other scripts give <c>other</c>.
/// </summary>
public sealed class LanguageIdentifier
{
    internal const byte OtherClass = 0, HangulClass = 1, KanaClass = 2, HanClass = 3, LatinClass = 4, CyrillicClass = 5,
        DigitClass = 6, OtherLetterClass = 7, WhitespaceClass = 8, LowSurrogateClass = 9, SupplementaryClass = 10;

    private const int MaxWordsExamined = 2000;
    private const int MaxWordLength = 24;

    private static readonly string[] s_latinCodes = ["en", "de", "fr", "es", "pt", "it", "nl", "id", "vi"];
    private const int En = 0, De = 1, Fr = 2, Es = 3, Pt = 4, It = 5, Vi = 8;

    private static readonly byte[] s_script = BuildScriptTable();

    /// <summary>Script class per UTF-16 code unit (the <c>*Class</c> constants).</summary>
    internal static ReadOnlySpan<byte> ScriptTable => s_script;

    private readonly Dictionary<string, ushort> _functionWords;
    private readonly Dictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private LanguageIdentifier()
    {
        _functionWords = BuildFunctionWords();
        _lookup = _functionWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shared instance (thread-safe).</summary>
    public static LanguageIdentifier Default { get; } = new();

    /// <summary>Language codes this identifier can return, besides <c>other</c>.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ko", "ja", "zh", .. s_latinCodes];

    /// <summary>Counts the characters of <paramref name="text"/> per script (one count per code point).</summary>
    public static ScriptProfile Profile(ReadOnlySpan<char> text)
    {
        // Four interleaved rows of counts: a run of one script (the usual case) then adds to four different
        // counters in turn instead of waiting on one; the rows are summed at the end.
        Span<int> rows = stackalloc int[4 * 11];
        ref var table = ref MemoryMarshal.GetArrayDataReference(s_script);
        var fast = default(FastCounts);
        var blockEnd = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i >= blockEnd)
            {
                // Blocks of eight code units that are all Hangul syllables, printable ASCII, spaces or line ends (most
                // Korean and English text) are counted eight at a time; the rest of a block goes one by one.
                i = fast.Skip(text, i);
                blockEnd = i + 8;
                if (i >= text.Length)
                {
                    break;
                }
            }

            var k = Unsafe.Add(ref table, text[i]); // the table covers all 65,536 code units
            if (k != SupplementaryClass)
            {
                rows[((i & 3) * 11) + k]++;
                continue;
            }

            var row0 = rows[..11];
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(text[i], text[i + 1]);
                row0[ClassifySupplementary(cp)]++;
                row0[LowSurrogateClass]--; // the low surrogate is counted below; undo it.
            }
            else
            {
                row0[OtherClass]++;
            }
        }

        Span<int> counts = stackalloc int[11];
        for (var r = 0; r < 4; r++)
        {
            for (var k = 0; k < 11; k++)
            {
                counts[k] += rows[(r * 11) + k];
            }
        }

        counts[HangulClass] += fast.Hangul;
        counts[LatinClass] += fast.Latin;
        counts[DigitClass] += fast.Digits;
        counts[WhitespaceClass] += fast.Whitespace;
        counts[OtherClass] += fast.Other;

        // A low surrogate adds to LowSurrogateClass; paired ones were subtracted above, lone ones count as other.
        return new ScriptProfile(
            counts[HangulClass], counts[KanaClass], counts[HanClass], counts[LatinClass], counts[CyrillicClass],
            counts[DigitClass], counts[OtherLetterClass], counts[WhitespaceClass], counts[OtherClass] + counts[LowSurrogateClass]);
    }

    /// <summary>
    /// Counts of <see cref="Profile"/>'s fast path: blocks of eight code units that are all Hangul syllables (U+AC00–U+D7A3,
    /// <see cref="HangulClass"/>), ASCII letters (<see cref="LatinClass"/>), digits (<see cref="DigitClass"/>), spaces and
    /// line ends (<see cref="WhitespaceClass"/>) or other printable ASCII (<see cref="OtherClass"/>), as the table classes them.
    /// </summary>
    private struct FastCounts
    {
        public int Hangul, Latin, Digits, Whitespace, Other;

        /// <summary>Counts whole blocks from <paramref name="i"/> on while every code unit is of those kinds; returns where it stopped.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Skip(ReadOnlySpan<char> text, int i)
        {
            if (!Vector128.IsHardwareAccelerated)
            {
                return i;
            }

            ref var r = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            while (i + 8 <= text.Length)
            {
                var v = Vector128.LoadUnsafe(ref r, (nuint)i);
                var hangul = Vector128.LessThan(v - Vector128.Create((ushort)0xAC00), Vector128.Create((ushort)(0xD7A4 - 0xAC00)));
                var white = Vector128.Equals(v, Vector128.Create((ushort)' ')) | Vector128.Equals(v, Vector128.Create((ushort)'\n'));
                var ascii = Vector128.LessThan(v - Vector128.Create((ushort)0x21), Vector128.Create((ushort)(0x7F - 0x21)));
                if ((hangul | white | ascii) != Vector128<ushort>.AllBitsSet)
                {
                    break;
                }

                // In these lanes, v | 0x20 falls in 'a'..'z' only for an ASCII letter.
                var letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
                var digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
                var h = BitOperations.PopCount(hangul.ExtractMostSignificantBits());
                var l = BitOperations.PopCount(letter.ExtractMostSignificantBits());
                var d = BitOperations.PopCount(digit.ExtractMostSignificantBits());
                var w = BitOperations.PopCount(white.ExtractMostSignificantBits());
                Hangul += h;
                Latin += l;
                Digits += d;
                Whitespace += w;
                Other += 8 - h - l - d - w;
                i += 8;
            }

            return i;
        }
    }

    /// <summary>The most likely language of <paramref name="text"/>; <c>("other", 0)</c> when it has no letters.</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text)
    {
        var p = Profile(text);
        if (p.Letters == 0)
        {
            return new LanguageGuess("other", 0);
        }

        double hangul = p.Hangul, kana = p.Kana, han = p.Han;
        double korean = 0, japanese = 0, chinese = 0;
        if (hangul > 0 && hangul >= kana && hangul >= 0.15 * han)
        {
            korean = 3 * (hangul + han);
            japanese = 2 * kana;
        }
        else if (kana > 0 && kana >= 0.05 * han)
        {
            japanese = (2 * kana) + (3 * han);
            korean = 3 * hangul;
        }
        else
        {
            chinese = 3 * han;
            korean = 3 * hangul;
            japanese = 2 * kana;
        }

        double latin = p.Latin, cyrillic = p.Cyrillic, other = p.OtherLetters;
        var total = korean + japanese + chinese + latin + cyrillic + other;
        var best = Math.Max(Math.Max(Math.Max(korean, japanese), Math.Max(chinese, latin)), Math.Max(cyrillic, other));
        var share = best / total;
        var lengthConfidence = 1 - Math.Exp(-best / 20.0);
        var score = share * lengthConfidence;

        if (best == korean)
        {
            return new LanguageGuess("ko", score);
        }

        if (best == japanese)
        {
            return new LanguageGuess("ja", score);
        }

        if (best == chinese)
        {
            return new LanguageGuess("zh", score);
        }

        if (best == latin)
        {
            var (code, confidence) = IdentifyLatin(text);
            return new LanguageGuess(code, score * confidence);
        }

        return new LanguageGuess("other", score);
    }

    private (string Code, double Confidence) IdentifyLatin(ReadOnlySpan<char> text)
    {
        Span<double> hits = stackalloc double[s_latinCodes.Length];
        Span<double> unique = stackalloc double[s_latinCodes.Length];
        Span<char> lower = stackalloc char[MaxWordLength];
        var table = s_script;
        var words = 0;
        var nonAsciiLetters = 0;
        var i = 0;
        while (i < text.Length && words < MaxWordsExamined)
        {
            if (table[text[i]] != LatinClass)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && table[text[i]] == LatinClass)
            {
                var c = text[i];
                if (c > '\u007F')
                {
                    nonAsciiLetters++;
                    AddLetterCue(c, hits);
                    AddLetterCue(c, unique);
                }

                i++;
            }

            words++;
            var word = text[start..i];
            if (word.Length > MaxWordLength)
            {
                continue;
            }

            var length = word.ToLowerInvariant(lower);
            if (_lookup.TryGetValue(lower[..length], out var mask))
            {
                var languages = BitOperations.PopCount(mask);
                if (languages == 1)
                {
                    unique[BitOperations.TrailingZeroCount(mask)] += 1;
                }

                var share = 1.0 / languages;
                while (mask != 0)
                {
                    hits[BitOperations.TrailingZeroCount(mask)] += share;
                    mask &= (ushort)(mask - 1);
                }
            }
        }

        var bestIndex = 0;
        double sum = 0;
        for (var k = 0; k < hits.Length; k++)
        {
            sum += hits[k];
            if (hits[k] > hits[bestIndex])
            {
                bestIndex = k;
            }
        }

        if (sum == 0)
        {
            // No function word: plain ASCII words are most likely English names or fragments.
            return nonAsciiLetters == 0 ? ("en", 0.3) : ("other", 0.3);
        }

        // Purity from words that belong to one language only ("the", "und", "của"); shared ones ("a", "in") only add coverage.
        double uniqueSum = 0;
        foreach (var u in unique)
        {
            uniqueSum += u;
        }

        var purity = uniqueSum > 0 ? unique[bestIndex] / uniqueSum : hits[bestIndex] / sum;
        var coverage = Math.Min(1, hits[bestIndex] / Math.Max(1, 0.2 * words));
        return (s_latinCodes[bestIndex], purity * (0.5 + (0.5 * coverage)));
    }

    private static void AddLetterCue(char c, Span<double> hits)
    {
        switch (char.ToLowerInvariant(c))
        {
            case 'ß':
                hits[De] += 1;
                break;
            case 'ä' or 'ö' or 'ü':
                hits[De] += 0.3;
                break;
            case 'ñ':
                hits[Es] += 1;
                break;
            case 'ã' or 'õ':
                hits[Pt] += 1;
                break;
            case 'ç':
                hits[Fr] += 0.3;
                hits[Pt] += 0.3;
                break;
            case 'è' or 'ë' or 'î' or 'û' or 'œ':
                hits[Fr] += 0.5;
                break;
            case 'ì' or 'ò':
                hits[It] += 0.5;
                break;
            case 'đ' or 'ư' or 'ơ' or 'ă' or (>= '\u1EA0' and <= '\u1EF9'):
                hits[Vi] += 1;
                break;
            default:
                break;
        }
    }

    private static byte ClassifySupplementary(int cp)
    {
        if (cp is >= 0x20000 and <= 0x3FFFF)
        {
            return HanClass;
        }

        if (cp is >= 0x1B000 and <= 0x1B16F)
        {
            return KanaClass;
        }

        return CharUnicodeInfo.GetUnicodeCategory(cp) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => OtherLetterClass,
            UnicodeCategory.DecimalDigitNumber => DigitClass,
            _ => OtherClass,
        };
    }

    private static byte[] BuildScriptTable()
    {
        var table = new byte[65536];
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                >= '\uD800' and <= '\uDBFF' => SupplementaryClass,
                >= '\uDC00' and <= '\uDFFF' => LowSurrogateClass,
                (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') or (>= '\uA960' and <= '\uA97F')
                    or (>= '\uAC00' and <= '\uD7AF') or (>= '\uD7B0' and <= '\uD7FF') or (>= '\uFFA0' and <= '\uFFDC') => HangulClass,
                _ when !char.IsLetter(c) => char.IsDigit(c) ? DigitClass : char.IsWhiteSpace(c) ? WhitespaceClass : OtherClass,
                (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F') => KanaClass,
                _ when ScriptProfile.IsHan(c) || c == '\u3005' => HanClass,
                < '\u0250' or (>= '\u1E00' and <= '\u1EFF') or (>= '\u2C60' and <= '\u2C7F') or (>= '\uA720' and <= '\uA7FF')
                    or (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A') => LatinClass,
                (>= '\u0400' and <= '\u052F') or (>= '\u1C80' and <= '\u1C8F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => CyrillicClass,
                _ => OtherLetterClass,
            };
        }

        return table;
    }

    private static Dictionary<string, ushort> BuildFunctionWords()
    {
        string[] lists =
        [
            // en
            "the of and to in is that for it with as was on be by this are from at or an which have has not but will were been "
            + "their its they would can more also we he she his her said you i my me our your there what when who all if so about "
            + "into than other some these out up one do does did had no new could may should just only after over such how like most "
            + "first many time people years year very well because through between both each where those them being while then any "
            + "before under here now get make made use used way even much own same still see great good back two three last long a "
            + "really think movie film love best bad don't can't it's i'm",
            // de
            "der die und das ist nicht ein eine einen einem einer zu den von mit sich des auf für im dem auch es an werden aus er hat "
            + "dass sie nach wird bei um am sind noch wie über so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei "
            + "kann können ich wir ihr ihre seine wenn als schon diese dieser dieses jetzt hier ganz sehr unter gegen immer keine kein "
            + "zwischen weil also ob was",
            // fr
            "le la les de des et en un une du est que qui dans pour pas au sur ne se par plus avec il elle sont ce cette aux ont mais "
            + "ou son sa ses été nous vous leur leurs être avoir fait comme tout tous aussi bien très sans peut entre depuis donc alors "
            + "ces cet y où même lui je tu on l d qu",
            // es
            "el la de que y en los del se las por un para con no una su al es lo como más pero sus le ya o fue este ha sí porque esta "
            + "son entre cuando muy sin sobre también me hasta hay donde desde todo nos durante uno ni contra ese eso ante ellos e esto "
            + "mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas a",
            // pt
            "o a os as de do da dos das em no na nos nas um uma e que para com não por mais se como mas foi ao ele ela seu sua são ou "
            + "quando muito já também só pelo pela até isso entre depois sem mesmo aos ter seus quem me esse eles você essa num nem "
            + "suas meu às minha têm numa pelos elas havia seja qual será nós tenho lhe deles essas esses pelas este",
            // it
            "il lo la i gli le di a da in con su per tra fra un uno una e è che non si ma come anche più sono era ho ha hanno del "
            + "della dei delle degli nel nella al alla ai alle dal dalla questo questa quello quella essere stato perché molto già solo ci",
            // nl
            "de het een en van in is dat op te zijn voor met die niet aan er om ook als bij of maar naar door wordt dit was worden "
            + "heeft werd nog hij zij ze wij we ik kan deze tot uit over dan meer wel geen hebben zo al",
            // id
            "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh saya mereka kami kita sudah bisa atau "
            + "tetapi lebih telah seperti adalah sebagai bahwa tersebut hanya para secara banyak dapat setelah masih belum harus sangat "
            + "antara namun bagi sehingga menjadi kepada hal baru tahun",
            // vi
            "của và là những các được trong có không một cho với này người đã để khi từ đến cũng như về sẽ thì nhiều hơn tại vì "
            + "nhưng lại ra làm bị theo rất năm đó còn nào",
        ];

        var words = new Dictionary<string, ushort>(StringComparer.Ordinal);
        for (var lang = 0; lang < lists.Length; lang++)
        {
            foreach (var word in lists[lang].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = word.Normalize(NormalizationForm.FormC);
                words[key] = (ushort)(words.GetValueOrDefault(key) | (1 << lang));
            }
        }

        return words;
    }
}
