using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Moa.Text.Hashing;

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
/// The words come from <see cref="TextAnalyzer"/>'s scan (one pass over the characters); one instance per analyser.
/// </summary>
internal sealed class KoreanProseSignals
{
    // FNV-1a 64 (HashMix) and the inverse of its prime modulo 2^64: a step (h ^ c) * P is undone by (h * P⁻¹) ^ c, so
    // the hash of a word's stem comes from the analyser's hash of the whole word by undoing its last few characters.
    private const ulong FnvPrimeInverse = 0xCE965057AFF6957BUL;

    private static readonly string[] s_englishFunctionWords =
        ["the", "of", "and", "is", "for", "with", "that", "this", "which", "it", "to", "in", "are", "was", "be", "on", "by", "an", "a"];

    private Word[] _words = new Word[256];
    private Slot[] _slots = new Slot[1024];
    private int[] _pairs = new int[256];
    private readonly RepeatSketch _sketch = new();

    // State of the document being scanned (Begin, then Add for each word, then Finish).
    private int _count;
    private int _sentence;
    private int _hangulWords;
    private int _anomalies;
    private int _newlines;
    private int _prevStart;
    private int _prevEnd;
    private int _prev2Start;
    private int _prev2End;

    /// <summary>Starts a document.</summary>
    public void Begin()
    {
        _count = _sentence = _hangulWords = _anomalies = _newlines = 0;
        _prevStart = _prevEnd = _prev2Start = _prev2End = 0;
    }

    /// <summary>
    /// Adds one whitespace-separated word <c>s[start..end)</c> of the document (the analyser's word loop calls this, so
    /// the characters are scanned once): <paramref name="fnv"/> is the FNV-1a hash of the whole word,
    /// <paramref name="flags"/> the OR of its character classes, <paramref name="hangulOrJamo"/> how many of its
    /// characters are Hangul syllables or compatibility jamo, <paramref name="newlines"/> the line ends seen so far.
    /// </summary>
    public void Add(ReadOnlySpan<char> s, int start, int end, ulong fnv, ushort flags, int hangulOrJamo, int newlines)
    {
        if (newlines != _newlines)
        {
            // A line end closes the sentence of the last word.
            _newlines = newlines;
            if (_count > 0)
            {
                _sentence = Math.Max(_sentence, _words[_count - 1].Sentence + 1);
            }
        }

        // The word's core: without leading and trailing characters that are not letters or digits.
        // The table holds all 65,536 UTF-16 code units, so a char indexes it without a bounds check.
        ref var table = ref MemoryMarshal.GetReference(CharClass.Table);
        const ushort Alnum = CharClass.Letter | CharClass.Digit;
        var first = start;
        var last = end - 1;
        if ((flags & Alnum) == 0)
        {
            first = end;
        }
        else
        {
            while ((Unsafe.Add(ref table, s[first]) & Alnum) == 0)
            {
                first++;
            }

            while ((Unsafe.Add(ref table, s[last]) & Alnum) == 0)
            {
                last--;
            }
        }

        var word = s[start..end];
        var core = first < end ? s[first..(last + 1)] : default;
        var hangul = (flags & CharClass.Hangul) != 0; // the syllables U+AC00..U+D7A3
        _hangulWords += hangul ? 1 : 0;

        // MT anomalies. Each test opens with a check that is rarely true in Korean text (the word opens like a lone
        // particle, opens like the word before it, follows a lower-case ASCII word), so its branch is well predicted.
        if (_prevEnd > 0)
        {
            var prev = s[_prevStart.._prevEnd];
            var w0 = word[0];
            var anomaly = MayOpenLoneParticle(w0) && word.Length <= 2 && IsLoneParticle(word) && EndsInSyllable(prev);
            anomaly = anomaly || (w0 == prev[0] && hangul && word.Length <= 2 && word.SequenceEqual(prev));
            anomaly = anomaly || (prev[0] is >= 'a' and <= 'z' && hangul && prev.Length <= 5 && _prev2End > 0
                && EndsInSyllable(s[_prev2Start.._prev2End]) && IsOneOf(prev, s_englishFunctionWords));
            _anomalies += anomaly ? 1 : 0;
        }

        var closes = word[^1] is '.' or '?' or '!';
        if (word[^1] == '.' && !word.EndsWith("..", StringComparison.Ordinal) && core.Length > 0 && IsSyllable(core[^1]) && EndsWithLoneParticle(core))
        {
            _anomalies++;
        }

        _prev2Start = _prevStart;
        _prev2End = _prevEnd;
        _prevStart = start;
        _prevEnd = end;
        if (core.Length == 0)
        {
            if (closes)
            {
                _sentence++;
            }

            return;
        }

        // Stem: the core without its final particle (a Hangul word of three or more characters keeps two or more).
        var stemEnd = first + core.Length - ParticleLength(core);
        ulong h;
        var undo = end - stemEnd;
        if (first == start && undo <= 3)
        {
            // Undo the (up to three) characters after the stem: three fixed steps, each kept only when needed, instead
            // of a loop whose trip count changes from word to word.
            h = fnv;
            var step = (h * FnvPrimeInverse) ^ s[end - 1];
            h = undo >= 1 ? step : h;
            step = (h * FnvPrimeInverse) ^ s[Math.Max(end - 2, start)];
            h = undo >= 2 ? step : h;
            step = (h * FnvPrimeInverse) ^ s[Math.Max(end - 3, start)];
            h = undo >= 3 ? step : h;
        }
        else if (first == start)
        {
            h = fnv;
            for (var k = end - 1; k >= stemEnd; k--)
            {
                h = (h * FnvPrimeInverse) ^ s[k];
            }
        }
        else
        {
            h = HashMix.Fnv1a(s[first..stemEnd]);
        }

        if (_count == _words.Length)
        {
            Array.Resize(ref _words, _count * 2);
        }

        // The stem never hashes to 0, the empty slot of the tables. Its core is all syllables when every Hangul or jamo
        // character is a syllable (no jamo) and they fill the core (they are letters, so all of them lie inside it).
        var syllablesOnly = hangulOrJamo == core.Length && (flags & CharClass.Jamo) == 0;
        _words[_count] = new Word(h | 1, _sentence, hangul, syllablesOnly & (stemEnd - first >= 2));
        _count++;
        _sentence += closes ? 1 : 0;
    }

    /// <summary>Ends the document: MT anomaly ratio, keyword repeats and sentence coherence into <paramref name="sig"/>.</summary>
    public void Finish(DocumentSignals sig)
    {
        sig.MtAnomalyRatio = _hangulWords == 0 ? 0 : (double)_anomalies / _hangulWords;
        var (repeats, k1, k2) = TopStemPair(_count);
        sig.KeywordRepeats = repeats;
        sig.SentenceCoherence = Coherence(_count, k1, k2);
    }

    /// <summary>
    /// Occurrences of the most frequent adjacent stem pair with a Hangul word in it, and its two stems (the first such pair
    /// on ties). Only pairs of two stems that may repeat (<see cref="RepeatSketch"/>) are counted in the table: any other
    /// pair occurs once, so it can only be the answer when no pair repeats, and then the answer is the first pair.
    /// </summary>
    private (int Count, ulong First, ulong Second) TopStemPair(int count)
    {
        if (count < 2)
        {
            return (0, 0, 0);
        }

        var words = _words.AsSpan(0, count);
        var sketch = _sketch;
        sketch.Begin(count);
        foreach (ref readonly var word in words)
        {
            sketch.Add(word.Stem);
        }

        // The pairs with a Hangul word whose two stems may repeat, listed in order without a branch (a pair is stored, then
        // kept by advancing the count when it qualifies); only they are counted in the table.
        if (_pairs.Length < count)
        {
            _pairs = new int[_words.Length];
        }

        var pairs = _pairs;
        var listed = 0;
        var firstPair = -1;
        var previousRepeats = sketch.MayRepeat(words[0].Stem);
        for (var w = 1; w < words.Length; w++)
        {
            ref readonly var a = ref words[w - 1];
            ref readonly var b = ref words[w];
            var repeats = sketch.MayRepeat(b.Stem);
            var hangul = a.Hangul | b.Hangul;
            var both = previousRepeats & repeats & hangul;
            previousRepeats = repeats;
            firstPair = firstPair < 0 && hangul ? w : firstPair;
            pairs[listed] = w;
            listed += both ? 1 : 0;
        }

        var best = 0;
        var bestAt = -1;
        if (listed > 0)
        {
            // The table is cleared only for a document with a pair that may repeat.
            var shift = Table(count);
            var slots = _slots;
            var mask = (1 << (64 - shift)) - 1;
            foreach (var w in pairs.AsSpan(0, listed))
            {
                var key = (MixPair(words[w - 1].Stem) ^ words[w].Stem) | 1;
                ref var slot = ref Find(slots, key, shift, mask);
                if (slot.Key == 0)
                {
                    slot.Key = key;
                    slot.Value = 1;
                    slot.FirstAt = w;
                }
                else
                {
                    slot.Value++;
                }

                var n = slot.Value;
                if (n > best || (n == best && slot.FirstAt < bestAt))
                {
                    best = n;
                    bestAt = slot.FirstAt;
                }
            }
        }

        if (best < 2)
        {
            // No pair repeats: every pair occurs once and the first one wins the tie.
            best = firstPair < 0 ? 0 : 1;
            bestAt = firstPair;
        }

        return bestAt < 0 ? (0, 0, 0) : (best, words[bestAt - 1].Stem, words[bestAt].Stem);
    }

    /// <summary>
    /// Share of adjacent sentence pairs (both with a content stem other than the keyword's) that share one. A sentence's
    /// content stems are looked up among the previous sentence's words (a few on average: no table to clear or probe);
    /// when a sentence holds more than <see cref="MaxScannedSentence"/> words, the document is measured with a table of
    /// last sentences per stem instead (<see cref="CoherenceByTable"/>, same result).
    /// </summary>
    private double Coherence(int count, ulong k1, ulong k2)
    {
        if (count == 0)
        {
            return 1;
        }

        var words = _words.AsSpan(0, count);
        var pairs = 0;
        var linked = 0;
        var current = -1;
        var currentHas = false;
        var previousHas = false;
        var currentLinked = false;
        var previousFrom = 0;
        var previousTo = 0;
        var currentFrom = 0;

        // One bit per content stem of a sentence (64 bits, by the stem's top bits): a stem whose bit the previous
        // sentence lacks cannot be among its words, so that sentence is scanned only when the bit is there.
        var currentBits = 0UL;
        var previousBits = 0UL;
        for (var w = 0; w < words.Length; w++)
        {
            ref readonly var word = ref words[w];
            if (word.Sentence != current)
            {
                if (current >= 0 && currentHas && previousHas)
                {
                    pairs++;
                    linked += currentLinked ? 1 : 0;
                }

                previousHas = currentHas && word.Sentence == current + 1;
                previousBits = currentBits;
                currentBits = 0;
                previousFrom = currentFrom;
                previousTo = w;
                currentFrom = w;
                current = word.Sentence;
                currentHas = false;
                currentLinked = false;
                if (previousHas && previousTo - previousFrom > MaxScannedSentence)
                {
                    return CoherenceByTable(count, k1, k2);
                }
            }

            // A word that is no content stem (or a keyword stem) adds no bit and so never links: no branch on it.
            var stem = word.Stem;
            var content = word.Content & (stem != k1) & (stem != k2);
            var bit = content ? 1UL << (int)((stem * 0x9E3779B97F4A7C15UL) >> 58) : 0;
            currentHas |= content;
            var mayLink = (previousBits & bit) != 0;
            currentBits |= bit;
            if (mayLink && previousHas && !currentLinked)
            {
                // The stem links the pair when a content word of the previous sentence has it (that word is then no keyword stem either).
                foreach (ref readonly var before in words[previousFrom..previousTo])
                {
                    if (before.Stem == stem && before.Content)
                    {
                        currentLinked = true;
                        break;
                    }
                }
            }
        }

        if (current >= 0 && currentHas && previousHas)
        {
            pairs++;
            linked += currentLinked ? 1 : 0;
        }

        return pairs == 0 ? 1 : (double)linked / pairs;
    }

    /// <summary>The longest sentence (in words) that <see cref="Coherence"/> scans word by word.</summary>
    private const int MaxScannedSentence = 64;

    /// <summary><see cref="Coherence"/> with a table of the last sentence each content stem was seen in.</summary>
    private double CoherenceByTable(int count, ulong k1, ulong k2)
    {

        // For each stem, the last sentence it was seen in; a stem of sentence s seen in s - 1 links the pair.
        var shift = Table(count);
        var slots = _slots;
        var mask = (1 << (64 - shift)) - 1;
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
                if (current >= 0 && currentHas && previousHas)
                {
                    pairs++;
                    linked += currentLinked ? 1 : 0;
                }

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
            ref var slot = ref Find(slots, stem, shift, mask);
            if (slot.Key == 0)
            {
                slot.Key = stem;
            }
            else if (slot.Value == current - 1)
            {
                currentLinked = true;
            }

            slot.Value = current;
        }

        if (current >= 0 && currentHas && previousHas)
        {
            pairs++;
            linked += currentLinked ? 1 : 0;
        }

        return pairs == 0 ? 1 : (double)linked / pairs;
    }

    /// <summary>Clears a table of at least twice <paramref name="count"/> slots (a power of two) and returns the shift that maps a hash to a slot.</summary>
    private int Table(int count)
    {
        var size = Math.Max(64, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count * 2));
        if (_slots.Length < size)
        {
            _slots = new Slot[size];
        }

        Array.Clear(_slots, 0, size);
        return 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    /// <summary>The slot of <paramref name="key"/> (never 0) in a table from <see cref="Table"/>, or the empty slot where it goes (linear probing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Slot Find(Slot[] slots, ulong key, int shift, int mask)
    {
        var i = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
        while (slots[i].Key != 0 && slots[i].Key != key)
        {
            i = (i + 1) & mask;
        }

        return ref slots[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MixPair(ulong h) => System.Numerics.BitOperations.RotateLeft(h * 0x9E3779B97F4A7C15UL, 31);

    /// <summary>
    /// Length of the particle that ends <paramref name="core"/> (에서 으로 에게 까지 부터 처럼 보다 에는 에도 이나, or one of
    /// 의 을 를 이 가 은 는 에 로 와 과 도 만), longest first, when at least two characters are left; else 0. One look-up in
    /// <see cref="s_particles"/> by the final syllable instead of a switch over twenty characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ParticleLength(ReadOnlySpan<char> core)
    {
        var syllable = (uint)(core[^1] - '\uAC00');
        if (syllable >= SyllableCount)
        {
            return 0;
        }

        // Bits 0-1: the length without the two-character form; bits 3-5: which character before it (s_before) makes it
        // two long. No entry's character equals its own syllable, so a core of one character (read at 0) never matches.
        var entry = s_particles[syllable];
        var two = (core[Math.Max(core.Length - 2, 0)] == s_before[entry >> 3]) & (core.Length > 3);
        var length = two ? 2 : (int)(entry & 3);
        return core.Length >= 3 ? length : 0;
    }

    private const int SyllableCount = '\uD7A3' - '\uAC00' + 1;

    /// <summary>The characters that make a particle two long (에서 으로 까지 부터 처럼 보다 이나), by the index in bits 3-5 of <see cref="s_particles"/>; 0: none.</summary>
    private static readonly char[] s_before = ['\0', '에', '으', '까', '부', '처', '보', '이'];

    /// <summary>
    /// For each Hangul syllable, how it ends a particle (<see cref="ParticleLength"/>) and whether it opens a lone particle;
    /// 0 for most. One byte per syllable (11 KB), so the table stays in the first-level cache beside the character table.
    /// </summary>
    private static readonly byte[] s_particles = BuildParticles();

    private static byte[] BuildParticles()
    {
        var t = new byte[SyllableCount];
        void Set(char last, char before, int otherwise) => t[last - '\uAC00'] = (byte)((Array.IndexOf(s_before, before) << 3) | otherwise);
        Set('서', '에', 0);
        Set('로', '으', 1);
        Set('게', '에', 0);
        Set('지', '까', 0);
        Set('터', '부', 0);
        Set('럼', '처', 0);
        Set('다', '보', 0);
        Set('는', '에', 1);
        Set('도', '에', 1);
        Set('나', '이', 0);
        foreach (var c in "의을를이가은에와과만")
        {
            Set(c, '\0', 1);
        }

        foreach (var c in "을를는의에으")
        {
            t[c - '\uAC00'] |= LoneParticleInitial;
        }

        return t;
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

    /// <summary>A slot of the stem tables: a stem or stem-pair hash (0: empty), a count or a sentence, where the pair was first seen.</summary>
    private struct Slot
    {
        public ulong Key;
        public int Value;
        public int FirstAt;
    }

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

    /// <summary>Whether <paramref name="c"/> opens one of the lone particles (<see cref="IsLoneParticle"/>): 을 를 는 의 에 으, by the syllable table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayOpenLoneParticle(char c)
    {
        var syllable = (uint)(c - '\uAC00');
        return syllable < SyllableCount && (s_particles[syllable] & LoneParticleInitial) != 0;
    }

    /// <summary>The flag of <see cref="s_particles"/> for a syllable that opens a lone particle.</summary>
    private const byte LoneParticleInitial = 4;

    /// <summary>Whether <paramref name="core"/> ends with one of the lone particles (<see cref="IsLoneParticle"/>) other than 의 and holds more than it.</summary>
    private static bool EndsWithLoneParticle(ReadOnlySpan<char> core) => core[^1] switch
    {
        '을' or '를' or '는' or '에' => core.Length > 1,
        '서' or '게' => core.Length > 2 && core[^2] == '에',
        '로' => core.Length > 2 && core[^2] == '으',
        _ => false,
    };
}
