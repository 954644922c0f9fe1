using System.Numerics;
using System.Runtime.CompilerServices;

namespace Moa.Curation.Filters;

/// <summary>
/// One pass over a document that splits words and lines once, hashes each word and line once, and gathers every
/// signal the filters need. One instance per thread ([ThreadStatic]); its buffers grow and are reused, so
/// analysing a document allocates nothing.
/// </summary>
internal sealed class TextAnalyzer
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong NgramBase = 0x9E3779B97F4A7C15UL;

    [ThreadStatic]
    private static TextAnalyzer? t_current;

    // Words.
    private ulong[] _wordHash = new ulong[4096];
    private int[] _wordLen = new int[4096];

    // Non-blank lines.
    private int[] _lineStart = new int[256];
    private int[] _lineLen = new int[256];
    private int[] _lineWords = new int[256];
    private int[] _lineMaxWord = new int[256];
    private ulong[] _lineHash = new ulong[256];

    // Paragraphs (blocks of non-blank lines).
    private ulong[] _paraHash = new ulong[64];
    private int[] _paraChars = new int[64];

    // N-gram scratch.
    private ulong[] _prefix = new ulong[4097];
    private int[] _prefixLen = new int[4097];
    private int[] _slot = new int[4096];
    private byte[] _level = new byte[4096];
    private readonly HashCounter _counter = new();
    private static readonly ulong[] s_pow = BuildPowers();

    public static TextAnalyzer ForCurrentThread() => t_current ??= new TextAnalyzer();

    public string Text { get; private set; } = "";
    public int WordCount { get; private set; }
    public int LineCount { get; private set; }
    public int ParaCount { get; private set; }

    // Word signals.
    public int NonSymbolWords;
    public long NonSymbolWordChars;
    public int AlphaWords;
    public int Stopwords;
    public int HashChars;
    public int Ellipses;

    // Character signals.
    public int NonSpaceChars;
    public int LetterChars;
    public int HangulChars;
    public int HanChars;
    public int SymbolChars;
    public int ReplacementChars;
    public int JamoRunChars;
    public int Latin1MojiChars;
    public int HangulHanSwitches;
    public int HangulEojeol;
    public int ParticleEojeol;
    public int Newlines;

    // Line signals.
    public int TerminalLines;
    public int BulletLines;
    public int EllipsisLines;
    public int Sentences;

    public ReadOnlySpan<int> LineStarts => _lineStart.AsSpan(0, LineCount);
    public ReadOnlySpan<int> LineLengths => _lineLen.AsSpan(0, LineCount);
    public ReadOnlySpan<int> LineWordCounts => _lineWords.AsSpan(0, LineCount);
    public ReadOnlySpan<int> LineMaxWordLengths => _lineMaxWord.AsSpan(0, LineCount);

    /// <summary>Scans <paramref name="text"/>: words, lines, paragraphs and character classes.</summary>
    public void Analyze(string text, bool cjkCharWords, bool english)
    {
        Text = text;
        WordCount = 0;
        LineCount = 0;
        ParaCount = 0;
        NonSymbolWords = AlphaWords = Stopwords = HashChars = Ellipses = 0;
        NonSymbolWordChars = 0;
        NonSpaceChars = LetterChars = HangulChars = HanChars = SymbolChars = ReplacementChars = 0;
        JamoRunChars = Latin1MojiChars = HangulHanSwitches = HangulEojeol = ParticleEojeol = Newlines = 0;
        TerminalLines = BulletLines = EllipsisLines = Sentences = 0;

        var table = CharClass.Table;
        var s = text.AsSpan();
        var n = s.Length;

        // Word state.
        var inWord = false;
        var wordStart = 0;
        ulong wh = 0;
        ushort wFlags = 0;
        var wAlnum = 0;
        char lastLetter = '\0';
        var prevScript = 0;

        // Line state.
        var lineFirst = -1;
        var lineLast = -1;
        var lineWords = 0;
        var lineMaxWord = 0;
        ulong lh = 0;
        var lineTerminals = 0;
        var trailingContent = false;

        // Paragraph state.
        ulong ph = 0;
        var paraChars = 0;
        var paraLines = 0;

        // Runs.
        var jamoRun = 0;
        var mojiRun = 0;
        var dotRun = 0;

        for (var i = 0; i <= n; i++)
        {
            var c = i < n ? s[i] : '\n';
            var f = c == '\n' ? CharClass.Space : table[c];

            // Runs of jamo and of Latin-1 mojibake characters (spaces end runs).
            if ((f & CharClass.Jamo) != 0)
            {
                jamoRun++;
            }
            else
            {
                if (jamoRun >= 3)
                {
                    JamoRunChars += jamoRun;
                }

                jamoRun = 0;
            }

            if ((f & CharClass.Latin1Moji) != 0)
            {
                mojiRun++;
            }
            else
            {
                if (mojiRun >= 2)
                {
                    Latin1MojiChars += mojiRun;
                }

                mojiRun = 0;
            }

            if (c == '.')
            {
                dotRun++;
            }
            else
            {
                if (dotRun >= 3)
                {
                    Ellipses++;
                }

                dotRun = 0;
            }

            if ((f & CharClass.Space) != 0)
            {
                if (inWord)
                {
                    EndWord(i);
                }

                if (c == '\n')
                {
                    if (i < n)
                    {
                        Newlines++;
                    }

                    EndLine();
                }

                continue;
            }

            // A non-space character.
            NonSpaceChars++;
            if (lineFirst < 0)
            {
                lineFirst = i;
            }

            lineLast = i;
            if ((f & CharClass.Terminal) != 0)
            {
                // A terminal mark followed by a space or the line end closes a sentence.
                var next = i + 1 < n ? s[i + 1] : '\n';
                if ((table[next] & CharClass.Space) != 0 || next == '\n')
                {
                    lineTerminals++;
                    trailingContent = false;
                }
            }
            else if ((f & (CharClass.Letter | CharClass.Digit)) != 0)
            {
                trailingContent = true;
            }

            if (c == '#')
            {
                HashChars++;
            }
            else if (c == '…')
            {
                Ellipses++;
            }
            else if (c == '\uFFFD')
            {
                ReplacementChars++;
            }

            if ((f & CharClass.Letter) != 0)
            {
                LetterChars++;
            }

            if ((f & CharClass.Symbol) != 0)
            {
                SymbolChars++;
            }

            if (cjkCharWords && (f & (CharClass.Han | CharClass.Kana)) != 0)
            {
                // Chinese and Japanese: each Han/kana character is a word.
                if (inWord)
                {
                    EndWord(i);
                }

                StartWord(i);
                Accumulate(c, f);
                EndWord(i + 1);
                continue;
            }

            if (!inWord)
            {
                StartWord(i);
            }

            Accumulate(c, f);
        }

        if (paraLines > 0)
        {
            EndParagraph();
        }

        return;

        void StartWord(int i)
        {
            inWord = true;
            wordStart = i;
            wh = FnvOffset;
            wFlags = 0;
            wAlnum = 0;
            lastLetter = '\0';
            prevScript = 0;
        }

        void Accumulate(char c, ushort f)
        {
            wh = (wh ^ c) * FnvPrime;
            wFlags |= f;
            if ((f & (CharClass.Letter | CharClass.Digit | CharClass.Mark)) != 0)
            {
                wAlnum++;
            }

            if ((f & CharClass.Letter) == 0)
            {
                // Punctuation and digits separate scripts: 경선의(經線儀)는 is not a switch.
                prevScript = 0;
            }
            else
            {
                lastLetter = c;
                var script = (f & CharClass.Hangul) != 0 ? 1 : (f & CharClass.Han) != 0 ? 2 : 3;
                if (script != 3 && prevScript != 0 && prevScript != 3 && script != prevScript)
                {
                    HangulHanSwitches++;
                }

                prevScript = script;
                if (script == 1)
                {
                    HangulChars++;
                }
                else if (script == 2)
                {
                    HanChars++;
                }
            }
        }

        void EndWord(int end)
        {
            inWord = false;
            var len = end - wordStart;
            var idx = WordCount;
            if (idx == _wordHash.Length)
            {
                Grow(ref _wordHash);
                Grow(ref _wordLen);
            }

            var mixed = Mix(wh);
            _wordHash[idx] = mixed;
            _wordLen[idx] = wAlnum;
            WordCount = idx + 1;

            if ((wFlags & (CharClass.Letter | CharClass.Digit)) != 0)
            {
                NonSymbolWords++;
                NonSymbolWordChars += wAlnum;
            }

            if ((wFlags & CharClass.Letter) != 0)
            {
                AlphaWords++;
            }

            if ((wFlags & CharClass.Hangul) != 0)
            {
                HangulEojeol++;
                if (KoreanEndings.IsEnding(lastLetter))
                {
                    ParticleEojeol++;
                }
            }

            if (english && len <= 4 && IsEnglishStopword(text.AsSpan(wordStart, len)))
            {
                Stopwords++;
            }

            lineWords++;
            if (len > lineMaxWord)
            {
                lineMaxWord = len;
            }

            lh = (BitOperations.RotateLeft(lh, 23) ^ mixed) * FnvPrime;
        }

        void EndLine()
        {
            if (lineWords == 0)
            {
                // A blank line ends the paragraph.
                if (paraLines > 0)
                {
                    EndParagraph();
                }

                ResetLine();
                return;
            }

            var idx = LineCount;
            if (idx == _lineStart.Length)
            {
                Grow(ref _lineStart);
                Grow(ref _lineLen);
                Grow(ref _lineWords);
                Grow(ref _lineMaxWord);
                Grow(ref _lineHash);
            }

            var len = lineLast - lineFirst + 1;
            _lineStart[idx] = lineFirst;
            _lineLen[idx] = len;
            _lineWords[idx] = lineWords;
            _lineMaxWord[idx] = lineMaxWord;
            var hash = Mix(lh ^ (ulong)lineWords);
            _lineHash[idx] = hash;
            LineCount = idx + 1;

            var first = text[lineFirst];
            var last = text[lineLast];
            if (CharClass.IsBullet(first))
            {
                BulletLines++;
            }

            var endsEllipsis = last == '…' || (last == '.' && len >= 3 && text[lineLast - 1] == '.' && text[lineLast - 2] == '.');
            if (endsEllipsis)
            {
                EllipsisLines++;
            }
            else if (CharClass.IsLineEnd(last))
            {
                TerminalLines++;
            }

            Sentences += lineTerminals + (trailingContent ? 1 : 0);

            ph = (BitOperations.RotateLeft(ph, 29) ^ hash) * FnvPrime;
            paraChars += len + (paraLines > 0 ? 1 : 0);
            paraLines++;
            ResetLine();
        }

        void ResetLine()
        {
            lineFirst = -1;
            lineLast = -1;
            lineWords = 0;
            lineMaxWord = 0;
            lh = 0;
            lineTerminals = 0;
            trailingContent = false;
        }

        void EndParagraph()
        {
            var idx = ParaCount;
            if (idx == _paraHash.Length)
            {
                Grow(ref _paraHash);
                Grow(ref _paraChars);
            }

            _paraHash[idx] = Mix(ph ^ (ulong)paraLines);
            _paraChars[idx] = paraChars;
            ParaCount = idx + 1;
            ph = 0;
            paraChars = 0;
            paraLines = 0;
        }
    }

    /// <summary>Repeated lines: count and characters of lines equal (word for word) to an earlier line.</summary>
    public (int Count, long Chars) DuplicateLines()
    {
        _counter.Reset(LineCount);
        var count = 0;
        long chars = 0;
        for (var i = 0; i < LineCount; i++)
        {
            if (!_counter.AddIfAbsent(_lineHash[i]))
            {
                count++;
                chars += _lineLen[i];
            }
        }

        return (count, chars);
    }

    /// <summary>Repeated paragraphs: count and characters of paragraphs equal to an earlier paragraph.</summary>
    public (int Count, long Chars) DuplicateParagraphs()
    {
        _counter.Reset(ParaCount);
        var count = 0;
        long chars = 0;
        for (var i = 0; i < ParaCount; i++)
        {
            if (!_counter.AddIfAbsent(_paraHash[i]))
            {
                count++;
                chars += _paraChars[i];
            }
        }

        return (count, chars);
    }

    /// <summary>
    /// Word n-gram repetition (Gopher): for n = 2..4 the characters of the most frequent repeated n-gram times its count;
    /// for n = 5..10 the characters inside duplicated n-grams, counted greedily left to right (a match skips its n words).
    /// An n-gram can repeat only where its (n-1)-gram prefix repeats, so each level counts only those positions.
    /// Characters are word characters (letters, digits, marks). Results go to <paramref name="top"/>[n] and <paramref name="dup"/>[n].
    /// </summary>
    public void NgramRepetition(Span<long> top, Span<long> dup, int maxN = 10)
    {
        top.Clear();
        dup.Clear();
        var w = WordCount;
        if (w < 2)
        {
            return;
        }

        EnsureNgramScratch(w);
        var prefix = _prefix;
        var prefixLen = _prefixLen;
        prefix[0] = 0;
        prefixLen[0] = 0;
        for (var i = 0; i < w; i++)
        {
            prefix[i + 1] = (prefix[i] * NgramBase) + _wordHash[i];
            prefixLen[i + 1] = prefixLen[i] + _wordLen[i];
        }

        var level = _level.AsSpan(0, w);
        level.Fill(1);
        var slot = _slot;
        var anyRepeated = true;
        for (var ng = 2; ng <= maxN && ng <= w && anyRepeated; ng++)
        {
            var positions = w - ng + 1;
            var pow = s_pow[ng];
            var prev = (byte)(ng - 1);
            _counter.Reset(positions);
            var counted = 0;
            for (var i = 0; i < positions; i++)
            {
                if (level[i] == prev)
                {
                    var h = prefix[i + ng] - (prefix[i] * pow);
                    slot[i] = _counter.Increment(Mix(h + (ulong)ng));
                    counted++;
                }
                else
                {
                    slot[i] = -1;
                }
            }

            anyRepeated = false;
            long best = 0;
            if (counted > 0)
            {
                for (var i = 0; i < positions; i++)
                {
                    var sl = slot[i];
                    if (sl >= 0)
                    {
                        var cnt = _counter.CountAt(sl);
                        if (cnt >= 2)
                        {
                            level[i] = (byte)ng;
                            anyRepeated = true;
                            var v = (long)cnt * (prefixLen[i + ng] - prefixLen[i]);
                            if (v > best)
                            {
                                best = v;
                            }
                        }
                    }
                }
            }

            top[ng] = best;
            if (ng >= 5 && anyRepeated)
            {
                // Greedy duplicate coverage; n-grams that occur once can never match and are skipped.
                _counter.Reset(positions);
                long rep = 0;
                var idx = 0;
                while (idx < positions)
                {
                    if (level[idx] != ng)
                    {
                        idx++;
                        continue;
                    }

                    var h = prefix[idx + ng] - (prefix[idx] * pow);
                    if (_counter.AddIfAbsent(Mix(h + (ulong)ng)))
                    {
                        idx++;
                    }
                    else
                    {
                        rep += prefixLen[idx + ng] - prefixLen[idx];
                        idx += ng;
                    }
                }

                dup[ng] = rep;
            }
        }
    }

    private void EnsureNgramScratch(int w)
    {
        if (_prefix.Length < w + 1)
        {
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)w + 1);
            _prefix = new ulong[size];
            _prefixLen = new int[size];
            _slot = new int[size];
            _level = new byte[size];
        }
    }

    private static bool IsEnglishStopword(ReadOnlySpan<char> w) =>
        w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("be", StringComparison.OrdinalIgnoreCase)
        || w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("of", StringComparison.OrdinalIgnoreCase)
        || w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("that", StringComparison.OrdinalIgnoreCase)
        || w.Equals("have", StringComparison.OrdinalIgnoreCase) || w.Equals("with", StringComparison.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    private static ulong[] BuildPowers()
    {
        var p = new ulong[17];
        p[0] = 1;
        for (var i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * NgramBase;
        }

        return p;
    }

    private static void Grow<T>(ref T[] array)
    {
        var bigger = new T[array.Length * 2];
        array.CopyTo(bigger, 0);
        array = bigger;
    }
}

/// <summary>
/// Open-addressing hash counter over 64-bit keys with generation stamps, so clearing between uses is O(1).
/// Keys are already well-mixed hashes; linear probing.
/// </summary>
internal sealed class HashCounter
{
    private struct Entry
    {
        public ulong Key;
        public int Count;
        public uint Stamp;
    }

    private Entry[] _entries = new Entry[1 << 12];
    private int _mask;
    private uint _stamp;

    /// <summary>Starts a new empty set able to hold <paramref name="expected"/> keys at load ≤ 0.5.</summary>
    public void Reset(int expected)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expected * 2));
        if (size > _entries.Length)
        {
            _entries = new Entry[size];
            _stamp = 0;
        }

        _mask = size - 1;
        _stamp++;
        if (_stamp == 0)
        {
            Array.Clear(_entries);
            _stamp = 1;
        }
    }

    /// <summary>Adds one to the key's count; returns its slot.</summary>
    public int Increment(ulong key)
    {
        var entries = _entries;
        var i = (int)key & _mask;
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Stamp != _stamp)
            {
                e.Stamp = _stamp;
                e.Key = key;
                e.Count = 1;
                return i;
            }

            if (e.Key == key)
            {
                e.Count++;
                return i;
            }

            i = (i + 1) & _mask;
        }
    }

    public int CountAt(int slot) => _entries[slot].Count;

    /// <summary>Adds the key; false when it was already present.</summary>
    public bool AddIfAbsent(ulong key)
    {
        var entries = _entries;
        var i = (int)key & _mask;
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Stamp != _stamp)
            {
                e.Stamp = _stamp;
                e.Key = key;
                e.Count = 1;
                return true;
            }

            if (e.Key == key)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }
    }
}
