using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Moa.Curation.Filters;

/// <summary>
/// Signals of Korean prose that word and line statistics do not see, measured in one pass over the words of a Korean
/// document (docs/curation/filters.md, "Machine-translated garble and SEO pages"):
/// <list type="bullet">
/// <item><b>MT anomalies</b> per Hangul eojeol: the marks word-by-word machine translation leaves in Korean — a case
/// particle standing alone after a Hangul word (<c>학교 에서</c>), a short Hangul word doubled (<c>의 의</c>), an
/// English function word between Hangul words (<c>저고리 of 위에</c>), and a declarative sentence that ends on a
/// case-marked word (<c>…읽었다 책을.</c>: Korean is verb-final).</item>
/// <item><b>Keyword repeats</b>: occurrences of the most frequent pair of adjacent word stems (a Hangul word with its
/// final particle taken off), so <c>강남 맛집을</c> and <c>강남 맛집 추천</c> count as one phrase.</item>
/// <item><b>Sentence coherence</b>: the share of adjacent sentence pairs that share a content stem (Hangul, two
/// syllables or more), the repeated phrase's stems left out; 1 when there is no such pair. Running prose keeps to its
/// topic from one sentence to the next; an SEO page stitches unrelated sentences to one keyword.</item>
/// </list>
/// Thread-safe through per-thread scratch tables.
/// </summary>
internal sealed class KoreanProseSignals
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private static readonly string[] s_englishFunctionWords =
        ["the", "of", "and", "is", "for", "with", "that", "this", "which", "it", "to", "in", "are", "was", "be", "on", "by", "an", "a"];

    [ThreadStatic]
    private static KoreanProseSignals? t_scratch;

    private Word[] _words = new Word[256];
    private ulong[] _keys = new ulong[512];
    private int[] _values = new int[512];
    private int[] _firstAt = new int[512];

    public static KoreanProseSignals ForCurrentThread() => t_scratch ??= new KoreanProseSignals();

    /// <summary>Measures <paramref name="text"/> (NFC) into <paramref name="sig"/>: MT anomaly ratio, keyword repeats, sentence coherence.</summary>
    public void Measure(string text, DocumentSignals sig)
    {
        var s = text.AsSpan();
        var n = s.Length;

        // The table holds all 65,536 UTF-16 code units, so a char indexes it without a bounds check.
        ref var table0 = ref MemoryMarshal.GetReference(CharClass.Table);
        const ushort Alnum = CharClass.Letter | CharClass.Digit;
        var count = 0;
        var sentence = 0;
        var hangulWords = 0;
        var anomalies = 0;
        ReadOnlySpan<char> prev = default;
        ReadOnlySpan<char> prev2 = default;
        var i = 0;
        while (true)
        {
            var newline = false;
            while (i < n)
            {
                var c = s[i];
                if ((Unsafe.Add(ref table0, c) & CharClass.Space) == 0)
                {
                    break;
                }

                newline |= c == '\n';
                i++;
            }

            if (newline && count > 0)
            {
                // A line end closes the sentence of the last word.
                sentence = Math.Max(sentence, _words[count - 1].Sentence + 1);
            }

            if (i >= n)
            {
                break;
            }

            // One word, one scan: its core (without leading and trailing characters that are not letters or digits)
            // and how many Hangul syllables it holds (all of them inside the core).
            var start = i;
            var first = -1;
            var last = -1;
            var syllables = 0;
            while (i < n)
            {
                var c = s[i];
                var f = Unsafe.Add(ref table0, c);
                if ((f & CharClass.Space) != 0)
                {
                    break;
                }

                if ((f & Alnum) != 0)
                {
                    first = first < 0 ? i : first;
                    last = i;
                }

                syllables += (f >> 4) & 1; // CharClass.Hangul: the syllables U+AC00..U+D7A3
                i++;
            }

            var word = s[start..i];
            var core = first < 0 ? default : s[first..(last + 1)];
            var hangul = syllables > 0;
            hangulWords += hangul ? 1 : 0;

            // MT anomalies.
            if (prev.Length > 0)
            {
                if (word.Length <= 2 && IsLoneParticle(word) && EndsInSyllable(prev))
                {
                    anomalies++;
                }
                else if (hangul && word.Length <= 2 && word.SequenceEqual(prev))
                {
                    anomalies++;
                }
                else if (hangul && prev.Length <= 5 && prev[0] is >= 'a' and <= 'z' && prev2.Length > 0 && EndsInSyllable(prev2)
                    && IsOneOf(prev, s_englishFunctionWords))
                {
                    anomalies++;
                }
            }

            var closes = word[^1] is '.' or '?' or '!';
            if (word[^1] == '.' && !word.EndsWith("..", StringComparison.Ordinal) && core.Length > 0 && IsSyllable(core[^1]) && EndsWithLoneParticle(core))
            {
                anomalies++;
            }

            prev2 = prev;
            prev = word;
            if (core.Length == 0)
            {
                if (closes)
                {
                    sentence++;
                }

                continue;
            }

            // Stem: the core without its final particle (a Hangul word of three or more characters keeps two or more).
            var stem = core[..(core.Length - ParticleLength(core))];

            if (count == _words.Length)
            {
                Array.Resize(ref _words, count * 2);
            }

            var h = FnvOffset;
            foreach (var c in stem)
            {
                h = (h ^ c) * FnvPrime;
            }

            // The stem never hashes to 0, the empty slot of the tables; it is all syllables when the core is.
            _words[count] = new Word(h | 1, sentence, hangul, syllables == core.Length && stem.Length >= 2);
            count++;
            if (closes)
            {
                sentence++;
            }
        }

        sig.MtAnomalyRatio = hangulWords == 0 ? 0 : (double)anomalies / hangulWords;
        var (repeats, k1, k2) = TopStemPair(count);
        sig.KeywordRepeats = repeats;
        sig.SentenceCoherence = Coherence(count, k1, k2);
    }

    /// <summary>Occurrences of the most frequent adjacent stem pair with a Hangul word in it, and its two stems (the first such pair on ties).</summary>
    private (int Count, ulong First, ulong Second) TopStemPair(int count)
    {
        if (count < 2)
        {
            return (0, 0, 0);
        }

        var size = Capacity(count);
        var mask = size - 1;
        Array.Clear(_keys, 0, size);
        var best = 0;
        var bestAt = -1;
        var words = _words.AsSpan(0, count);
        for (var w = 1; w < count; w++)
        {
            ref readonly var a = ref words[w - 1];
            ref readonly var b = ref words[w];
            if (!a.Hangul && !b.Hangul)
            {
                continue;
            }

            var key = (MixPair(a.Stem) ^ b.Stem) | 1;
            var slot = (int)(key >> 7) & mask;
            while (_keys[slot] != 0 && _keys[slot] != key)
            {
                slot = (slot + 1) & mask;
            }

            int n;
            if (_keys[slot] == 0)
            {
                _keys[slot] = key;
                _values[slot] = n = 1;
                _firstAt[slot] = w;
            }
            else
            {
                n = ++_values[slot];
            }

            if (n > best || (n == best && _firstAt[slot] < bestAt))
            {
                best = n;
                bestAt = _firstAt[slot];
            }
        }

        return bestAt < 0 ? (0, 0, 0) : (best, _words[bestAt - 1].Stem, _words[bestAt].Stem);
    }

    /// <summary>Share of adjacent sentence pairs (both with a content stem other than the keyword's) that share one.</summary>
    private double Coherence(int count, ulong k1, ulong k2)
    {
        if (count == 0)
        {
            return 1;
        }

        // For each stem, the last sentence it was seen in; a stem of sentence s seen in s - 1 links the pair.
        var size = Capacity(count);
        var mask = size - 1;
        Array.Clear(_keys, 0, size);
        var pairs = 0;
        var linked = 0;
        var current = -1;
        var currentHas = false;
        var previousHas = false;
        var currentLinked = false;
        foreach (ref readonly var word in _words.AsSpan(0, count))
        {
            if (word.Sentence != current)
            {
                Close();
                previousHas = currentHas && word.Sentence == current + 1;
                current = word.Sentence;
                currentHas = false;
                currentLinked = false;
            }

            var stem = word.Stem;
            if (!word.Content || stem == k1 || stem == k2)
            {
                continue;
            }

            currentHas = true;
            var slot = (int)(stem >> 7) & mask;
            while (_keys[slot] != 0 && _keys[slot] != stem)
            {
                slot = (slot + 1) & mask;
            }

            if (_keys[slot] == 0)
            {
                _keys[slot] = stem;
            }
            else if (_values[slot] == current - 1)
            {
                currentLinked = true;
            }

            _values[slot] = current;
        }

        Close();
        return pairs == 0 ? 1 : (double)linked / pairs;

        void Close()
        {
            if (current >= 0 && currentHas && previousHas)
            {
                pairs++;
                linked += currentLinked ? 1 : 0;
            }
        }
    }

    private int Capacity(int count)
    {
        var size = 512;
        while (size < count * 2)
        {
            size *= 2;
        }

        if (_keys.Length < size)
        {
            _keys = new ulong[size];
            _values = new int[size];
            _firstAt = new int[size];
        }

        return size;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MixPair(ulong h) => System.Numerics.BitOperations.RotateLeft(h * 0x9E3779B97F4A7C15UL, 31);

    /// <summary>
    /// Length of the particle that ends <paramref name="core"/> (에서 으로 에게 까지 부터 처럼 보다 에는 에도 이나, or one of
    /// 의 을 를 이 가 은 는 에 로 와 과 도 만), longest first, when at least two characters are left; else 0.
    /// </summary>
    private static int ParticleLength(ReadOnlySpan<char> core)
    {
        if (core.Length < 3)
        {
            return 0;
        }

        var before = core[^2];
        return core[^1] switch
        {
            '서' => before == '에' && core.Length > 3 ? 2 : 0,
            '로' => before == '으' && core.Length > 3 ? 2 : 1,
            '게' => before == '에' && core.Length > 3 ? 2 : 0,
            '지' => before == '까' && core.Length > 3 ? 2 : 0,
            '터' => before == '부' && core.Length > 3 ? 2 : 0,
            '럼' => before == '처' && core.Length > 3 ? 2 : 0,
            '다' => before == '보' && core.Length > 3 ? 2 : 0,
            '는' => before == '에' && core.Length > 3 ? 2 : 1,
            '도' => before == '에' && core.Length > 3 ? 2 : 1,
            '나' => before == '이' && core.Length > 3 ? 2 : 0,
            '의' or '을' or '를' or '이' or '가' or '은' or '에' or '와' or '과' or '만' => 1,
            _ => 0,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    private static bool EndsInSyllable(ReadOnlySpan<char> word) => IsSyllable(word[^1]);

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] list)
    {
        if (word.Length > 5)
        {
            return false;
        }

        foreach (var x in list)
        {
            if (word.SequenceEqual(x))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One word with a stem: its stem hash, its sentence, whether it holds Hangul, whether its stem is a content stem.</summary>
    private readonly record struct Word(ulong Stem, int Sentence, bool Hangul, bool Content);

    /// <summary>
    /// Whether <paramref name="word"/> is a case particle that never stands alone as a word in edited Korean and never ends
    /// a declarative sentence: 을 를 는 의 에 에서 에게 으로 (a switch on its characters, no string compares).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLoneParticle(ReadOnlySpan<char> word) => word.Length switch
    {
        1 => word[0] is '을' or '를' or '는' or '의' or '에',
        2 => (word[0], word[1]) is ('에', '서') or ('에', '게') or ('으', '로'),
        _ => false,
    };

    /// <summary>Whether <paramref name="core"/> ends with one of the lone particles (<see cref="IsLoneParticle"/>) other than 의 and holds more than it.</summary>
    private static bool EndsWithLoneParticle(ReadOnlySpan<char> core) => core[^1] switch
    {
        '을' or '를' or '는' or '에' => core.Length > 1,
        '서' or '게' => core.Length > 2 && core[^2] == '에',
        '로' => core.Length > 2 && core[^2] == '으',
        _ => false,
    };
}
