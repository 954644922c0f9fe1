using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Moa.Text.Hashing;

namespace Moa.Curation.Filters;

/// <summary>
/// One pass over a document that splits words and lines once, hashes each word and line once, and gathers every
/// signal the filters need. One instance per thread ([ThreadStatic]); its buffers grow and are reused, so
/// analysing a document allocates nothing.
/// </summary>
internal sealed class TextAnalyzer
{
    private const ulong NgramBase = 0x9E3779B97F4A7C15UL;

    [ThreadStatic]
    private static TextAnalyzer? t_current;

    // Words.
    private ulong[] _wordHash = new ulong[4096];
    private int[] _wordLen = new int[4096];

    // Non-blank lines.
    private int[] _lineStart = new int[256];
    private int[] _lineLen = new int[256];
    private int[] _lineWordCounts = new int[256];
    private int[] _lineMaxWords = new int[256];
    private int[] _linePara = new int[256];
    private ulong[] _lineHash = new ulong[256];
    private LineKind[] _lineKind = new LineKind[256];

    // Paragraphs (blocks of non-blank lines).
    private ulong[] _paraHash = new ulong[64];
    private int[] _paraCharCounts = new int[64];

    // N-gram scratch.
    private ulong[] _prefix = new ulong[4097];
    private int[] _prefixLen = new int[4097];
    private int[] _slot = new int[4096];
    private int[] _cand = new int[4096];
    private byte[] _level = new byte[4096];
    private readonly HashCounter _counter = new();
    private readonly RepeatSketch _sketch = new();
    private readonly KoreanProseSignals _korean = new();

    // Counts after each non-blank line (Analyze with lineTotals), for KeepLines.
    private bool _lineTotals;
    private int _totalsCount;
    private Totals[] _totals = new Totals[256];
    private static readonly ulong[] s_pow = BuildPowers();

    // Line and paragraph state during a scan.
    private bool _english;
    private int _lineFirst;
    private int _lineLast;
    private int _lineWords;
    private int _lineMaxWord;
    private ulong _lh;
    private int _lineTerminals;
    private int _lastTerminal;
    private int _lastAlnumWordEnd;
    private ulong _ph;
    private int _paraChars;
    private int _paraLines;

    // The current line's counts, for its classification.
    private int _lnNonSpace;
    private int _lnLetters;
    private int _lnAlnum;
    private int _lnHangul;
    private int _lnCode;
    private int _lnSymbols;
    private int _lnPipes;
    private int _lnTechChars;
    private int _lnTechWords;
    private int _lnTechSymbols;
    private int _lnLinkChars;
    private int _lnWords;
    private int _lnAlphaWords;
    private int _lnLetterWords;
    private int _lnHangulWords;
    private int _lnPlainWords;
    private int _lnPlainWordChars;
    private bool _lnTurn;

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

    // Line kinds: non-space characters on each kind of line, and counts over prose lines only.
    public int ProseChars;
    public int CodeChars;
    public int MarkupChars;
    public int TableChars;
    public int LinkChars;
    public int ProseLines;
    public int TurnLines;
    public int ProseTechChars;
    public int ProseTechWords;
    public int ProseSymbols;
    public int ProseWords;
    public int ProseAlphaWords;
    public int ProseLetterWords;
    public int ProseHangulWords;
    public int ProsePlainWords;
    public long ProsePlainWordChars;
    public int ProseTerminalLines;
    public int ProseBulletLines;

    /// <summary>The Korean prose signals of the last text analysed with <c>korean</c> set (<see cref="KoreanProseSignals.Finish"/>).</summary>
    public KoreanProseSignals Korean => _korean;

    /// <summary>Whether the last analysis kept its counts per line (<see cref="KeepLines"/> can use it).</summary>
    public bool HasLineTotals => _lineTotals;

    public ReadOnlySpan<int> LineStarts => _lineStart.AsSpan(0, LineCount);
    public ReadOnlySpan<int> LineLengths => _lineLen.AsSpan(0, LineCount);
    public ReadOnlySpan<int> LineWordCounts => _lineWordCounts.AsSpan(0, LineCount);
    public ReadOnlySpan<int> LineMaxWordLengths => _lineMaxWords.AsSpan(0, LineCount);

    /// <summary>For each non-blank line, the index of its paragraph.</summary>
    public ReadOnlySpan<int> LineParagraphs => _linePara.AsSpan(0, LineCount);

    /// <summary>For each non-blank line, what kind of line it is.</summary>
    public ReadOnlySpan<LineKind> LineKinds => _lineKind.AsSpan(0, LineCount);

    /// <summary>
    /// Scans <paramref name="text"/>: words, lines, paragraphs and character classes; with <paramref name="korean"/>,
    /// also gives every word to <see cref="Korean"/> (MT anomalies, keyword repeats, coherence).
    /// </summary>
    /// <remarks>
    /// With <paramref name="lineTotals"/> (not with <paramref name="korean"/>: its signals span lines), the counts after
    /// each non-blank line are kept, so that <see cref="KeepLines"/> can turn this analysis into that of the text with
    /// some lines removed without scanning that text again.
    /// </remarks>
    public void Analyze(string text, bool cjkCharWords, bool english, bool korean = false, bool lineTotals = false)
    {
        _lineTotals = lineTotals && !korean;
        Text = text;
        WordCount = 0;
        LineCount = 0;
        ParaCount = 0;
        NonSymbolWords = AlphaWords = Stopwords = HashChars = Ellipses = 0;
        NonSymbolWordChars = 0;
        NonSpaceChars = LetterChars = HangulChars = HanChars = SymbolChars = ReplacementChars = 0;
        JamoRunChars = Latin1MojiChars = HangulHanSwitches = HangulEojeol = ParticleEojeol = Newlines = 0;
        TerminalLines = BulletLines = EllipsisLines = Sentences = 0;
        ProseChars = CodeChars = MarkupChars = TableChars = LinkChars = ProseLines = TurnLines = 0;
        ProseTechChars = ProseTechWords = ProseSymbols = ProseWords = ProseAlphaWords = ProseLetterWords = ProseHangulWords = 0;
        ProsePlainWords = ProseTerminalLines = ProseBulletLines = 0;
        ProsePlainWordChars = 0;
        _english = english;
        if (korean)
        {
            _korean.Begin();
        }

        ResetLine();
        _ph = 0;
        _paraChars = 0;
        _paraLines = 0;
        _totalsCount = 0;

        var table = CharClass.Table;
        var s = text.AsSpan();
        var n = s.Length;
        const ushort Rare = CharClass.Symbol | CharClass.Jamo | CharClass.Latin1Moji | CharClass.Terminal | CharClass.Other;
        const ushort Cjk = CharClass.Han | CharClass.Kana;
        const ushort Alnum = CharClass.Letter | CharClass.Digit | CharClass.Mark;
        var i = 0;
        var letters = 0;
        var hangul = 0;
        var han = 0;
        while (true)
        {
            // Whitespace and line ends.
            while (i < n)
            {
                var sc = s[i];
                if ((table[sc] & CharClass.Space) == 0)
                {
                    break;
                }

                if (sc == '\n')
                {
                    Newlines++;
                    EndLine(text);
                    if (_lineTotals && LineCount > _totalsCount)
                    {
                        SaveTotals(letters, hangul, han);
                    }
                }

                i++;
            }

            if (i >= n)
            {
                break;
            }

            // One word: the hot loop hashes and classifies; rare classes take the side path.
            var start = i;
            var wh = HashMix.FnvOffset;
            ushort or = 0;
            var alnum = 0;
            var wLetters = 0;
            var wHangul = 0;
            var wCode = 0;
            var wLatin = 0;
            var wHan = 0;
            var symbols = SymbolChars;
            if (!cjkCharWords && Bmi2.X64.IsSupported)
            {
                // As below, but the eight class counts of a word are one 64-bit sum: each character adds its class bits
                // (letter, digit, Hangul, jamo, Han, mark, code, Latin: exclusive where they are summed) spread one per
                // byte, two instructions instead of six counters. A byte holds up to 255; a longer word is recounted.
                ref var table0 = ref MemoryMarshal.GetReference(table);
                ulong packed = 0;
                do
                {
                    var c = s[i];
                    var f = Unsafe.Add(ref table0, c);
                    if ((f & CharClass.Space) != 0)
                    {
                        break;
                    }

                    wh = (wh ^ c) * HashMix.FnvPrime;
                    or |= f;
                    packed += Bmi2.X64.ParallelBitDeposit(Bmi2.ParallelBitExtract(f, PackedClasses), PackedBytes);
                    if ((f & Rare) != 0)
                    {
                        RareChar(s, i, c, f);
                    }

                    i++;
                }
                while (i < n);

                if (i - start > 255)
                {
                    packed = 0;
                    for (var k = start; k < i; k++)
                    {
                        var f = Unsafe.Add(ref table0, s[k]);
                        packed += Bmi2.X64.ParallelBitDeposit(Bmi2.ParallelBitExtract(f, PackedClasses), PackedBytes);
                        if (((k - start) & 127) == 127)
                        {
                            // Move the byte counts into 32-bit sums before a byte can overflow.
                            (wLetters, alnum, wHangul, wHan, wCode, wLatin) = AddPacked(packed, wLetters, alnum, wHangul, wHan, wCode, wLatin);
                            packed = 0;
                        }
                    }

                    (wLetters, alnum, wHangul, wHan, wCode, wLatin) = AddPacked(packed, wLetters, alnum, wHangul, wHan, wCode, wLatin);
                }
                else
                {
                    (wLetters, alnum, wHangul, wHan, wCode, wLatin) = AddPacked(packed, 0, 0, 0, 0, 0, 0);
                }
            }
            else if (!cjkCharWords)
            {
                // The common case, without the per-character Han/kana word breaks of ja/zh. The table holds all
                // 65,536 UTF-16 code units, so a char indexes it without a bounds check.
                ref var table0 = ref MemoryMarshal.GetReference(table);
                do
                {
                    var c = s[i];
                    var f = Unsafe.Add(ref table0, c);
                    if ((f & CharClass.Space) != 0)
                    {
                        break;
                    }

                    wh = (wh ^ c) * HashMix.FnvPrime;
                    or |= f;
                    alnum += (f & Alnum) != 0 ? 1 : 0;
                    wLetters += f & CharClass.Letter;
                    wHangul += ((f >> 4) | (f >> 5)) & 1; // Hangul syllables and compatibility jamo
                    wHan += (f >> 6) & 1;
                    wCode += (f >> 12) & 1;
                    wLatin += (f >> 13) & 1;
                    if ((f & Rare) != 0)
                    {
                        RareChar(s, i, c, f);
                    }

                    i++;
                }
                while (i < n);
            }
            else
            {
                do
                {
                    var c = s[i];
                    var f = table[c];
                    if ((f & CharClass.Space) != 0 || ((f & Cjk) != 0 && i > start))
                    {
                        break;
                    }

                    wh = (wh ^ c) * HashMix.FnvPrime;
                    or |= f;
                    alnum += (f & Alnum) != 0 ? 1 : 0;
                    wLetters += f & CharClass.Letter;
                    wHangul += ((f >> 4) | (f >> 5)) & 1;
                    wHan += (f >> 6) & 1;
                    wCode += (f >> 12) & 1;
                    wLatin += (f >> 13) & 1;
                    if ((f & Rare) != 0)
                    {
                        RareChar(s, i, c, f);
                    }

                    i++;
                    if ((f & Cjk) != 0)
                    {
                        break;
                    }
                }
                while (i < n);
            }

            letters += wLetters;
            hangul += wHangul;
            han += wHan;
            EndWord(text, start, i, wh, or, alnum);
            CountLineWord(text, start, i, or, alnum, wLetters, wHangul, wCode, wLatin, SymbolChars - symbols);
            if (korean)
            {
                _korean.Add(s, start, i, wh, or, wHangul, Newlines);
            }
        }

        EndLine(text);
        if (_lineTotals && LineCount > _totalsCount)
        {
            SaveTotals(letters, hangul, han);
        }

        if (_paraLines > 0)
        {
            EndParagraph();
        }

        LetterChars = letters;
        HangulChars = hangul;
        HanChars = han;
    }

    /// <summary>The character-class bits a word's packed count sums (<see cref="Analyze"/>): letter, digit, Hangul, jamo, Han, mark, code, Latin.</summary>
    private const uint PackedClasses = CharClass.Letter | CharClass.Digit | CharClass.Hangul | CharClass.Jamo | CharClass.Han
        | CharClass.Mark | CharClass.Code | CharClass.Latin;

    /// <summary>One bit per byte: where the eight extracted class bits are deposited.</summary>
    private const ulong PackedBytes = 0x0101010101010101UL;

    /// <summary>Adds a packed count (one byte per class, in the order of <see cref="PackedClasses"/>'s bits) to the word's counters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Letters, int Alnum, int HangulOrJamo, int Han, int Code, int Latin) AddPacked(
        ulong packed, int letters, int alnum, int hangulOrJamo, int han, int code, int latin)
    {
        var l = (int)(packed & 0xFF);
        var digits = (int)((packed >> 8) & 0xFF);
        var syllables = (int)((packed >> 16) & 0xFF);
        var jamo = (int)((packed >> 24) & 0xFF);
        var h = (int)((packed >> 32) & 0xFF);
        var marks = (int)((packed >> 40) & 0xFF);
        var c = (int)((packed >> 48) & 0xFF);
        var ascii = (int)(packed >> 56);

        // Letter, digit and mark come from exclusive Unicode categories, and so do Hangul syllables and jamo (CharClass).
        return (letters + l, alnum + l + digits + marks, hangulOrJamo + syllables + jamo, han + h, code + c, latin + ascii);
    }

    /// <summary>Keeps the counts after the line just ended (every count below changes only inside a line).</summary>
    private void SaveTotals(int letters, int hangul, int han)
    {
        if (_totalsCount == _totals.Length)
        {
            Grow(ref _totals);
        }

        _totals[_totalsCount++] = new Totals
        {
            Words = WordCount, NonSymbolWords = NonSymbolWords, NonSymbolWordChars = NonSymbolWordChars, AlphaWords = AlphaWords,
            Stopwords = Stopwords, HashChars = HashChars, Ellipses = Ellipses, NonSpaceChars = NonSpaceChars, LetterChars = letters,
            HangulChars = hangul, HanChars = han, SymbolChars = SymbolChars, ReplacementChars = ReplacementChars,
            JamoRunChars = JamoRunChars, Latin1MojiChars = Latin1MojiChars, HangulHanSwitches = HangulHanSwitches,
            HangulEojeol = HangulEojeol, ParticleEojeol = ParticleEojeol, TerminalLines = TerminalLines, BulletLines = BulletLines,
            EllipsisLines = EllipsisLines, Sentences = Sentences, ProseChars = ProseChars, CodeChars = CodeChars,
            MarkupChars = MarkupChars, TableChars = TableChars, LinkChars = LinkChars, ProseLines = ProseLines, TurnLines = TurnLines,
            ProseTechChars = ProseTechChars, ProseTechWords = ProseTechWords, ProseSymbols = ProseSymbols, ProseWords = ProseWords,
            ProseAlphaWords = ProseAlphaWords, ProseLetterWords = ProseLetterWords, ProseHangulWords = ProseHangulWords,
            ProsePlainWords = ProsePlainWords, ProsePlainWordChars = ProsePlainWordChars, ProseTerminalLines = ProseTerminalLines,
            ProseBulletLines = ProseBulletLines,
        };
    }

    /// <summary>
    /// Turns the last analysis (made with <c>lineTotals</c>) into the analysis of <paramref name="kept"/>: the text's
    /// non-blank lines without those marked in <paramref name="drop"/>, joined by a line end within a paragraph and by a
    /// blank line between paragraphs (as C4 line removal writes it). Every count, word, line and paragraph is then what
    /// <see cref="Analyze"/> of <paramref name="kept"/> gives: words, characters and line kinds are measured within a
    /// line (a character's neighbours across a line end are white space in both texts), so each kept line adds what
    /// it added before; paragraphs and line ends are rebuilt from the kept lines.
    /// </summary>
    public void KeepLines(string kept, ReadOnlySpan<bool> drop)
    {
        if (!_lineTotals || _totalsCount != LineCount || drop.Length != LineCount)
        {
            throw new InvalidOperationException("KeepLines needs the last analysis made with lineTotals and one flag per line.");
        }

        var sum = default(Totals);
        var words = 0;
        var lines = 0;
        var paras = 0;
        var newlines = 0;
        var position = 0;
        var prevPara = -1;
        ulong ph = 0;
        var paraChars = 0;
        var paraLines = 0;
        for (var i = 0; i < drop.Length; i++)
        {
            if (drop[i])
            {
                continue;
            }

            ref readonly var after = ref _totals[i];
            var before = i == 0 ? default : _totals[i - 1];
            sum.Add(after, before);

            // The line's words move down to follow the kept words before them.
            var from = before.Words;
            var count = after.Words - from;
            Array.Copy(_wordHash, from, _wordHash, words, count);
            Array.Copy(_wordLen, from, _wordLen, words, count);
            words += count;

            if (prevPara >= 0)
            {
                var newParagraph = _linePara[i] != prevPara;
                var gap = newParagraph ? 2 : 1;
                newlines += gap;
                position += gap;
                if (newParagraph)
                {
                    _paraHash[paras] = HashMix.Fmix64(ph ^ (ulong)paraLines);
                    _paraCharCounts[paras] = paraChars;
                    paras++;
                    ph = 0;
                    paraChars = 0;
                    paraLines = 0;
                }
            }

            prevPara = _linePara[i];
            var len = _lineLen[i];
            var hash = _lineHash[i];
            _lineStart[lines] = position;
            _lineLen[lines] = len;
            _lineWordCounts[lines] = _lineWordCounts[i];
            _lineMaxWords[lines] = _lineMaxWords[i];
            _lineHash[lines] = hash;
            _lineKind[lines] = _lineKind[i];
            _linePara[lines] = paras;
            lines++;
            position += len;
            ph = (BitOperations.RotateLeft(ph, 29) ^ hash) * HashMix.FnvPrime;
            paraChars += len + (paraLines > 0 ? 1 : 0);
            paraLines++;
        }

        if (paraLines > 0)
        {
            _paraHash[paras] = HashMix.Fmix64(ph ^ (ulong)paraLines);
            _paraCharCounts[paras] = paraChars;
            paras++;
        }

        Text = kept;
        WordCount = words;
        LineCount = lines;
        ParaCount = paras;
        Newlines = newlines;
        _totalsCount = 0;
        _lineTotals = false;
        NonSymbolWords = sum.NonSymbolWords;
        NonSymbolWordChars = sum.NonSymbolWordChars;
        AlphaWords = sum.AlphaWords;
        Stopwords = sum.Stopwords;
        HashChars = sum.HashChars;
        Ellipses = sum.Ellipses;
        NonSpaceChars = sum.NonSpaceChars;
        LetterChars = sum.LetterChars;
        HangulChars = sum.HangulChars;
        HanChars = sum.HanChars;
        SymbolChars = sum.SymbolChars;
        ReplacementChars = sum.ReplacementChars;
        JamoRunChars = sum.JamoRunChars;
        Latin1MojiChars = sum.Latin1MojiChars;
        HangulHanSwitches = sum.HangulHanSwitches;
        HangulEojeol = sum.HangulEojeol;
        ParticleEojeol = sum.ParticleEojeol;
        TerminalLines = sum.TerminalLines;
        BulletLines = sum.BulletLines;
        EllipsisLines = sum.EllipsisLines;
        Sentences = sum.Sentences;
        ProseChars = sum.ProseChars;
        CodeChars = sum.CodeChars;
        MarkupChars = sum.MarkupChars;
        TableChars = sum.TableChars;
        LinkChars = sum.LinkChars;
        ProseLines = sum.ProseLines;
        TurnLines = sum.TurnLines;
        ProseTechChars = sum.ProseTechChars;
        ProseTechWords = sum.ProseTechWords;
        ProseSymbols = sum.ProseSymbols;
        ProseWords = sum.ProseWords;
        ProseAlphaWords = sum.ProseAlphaWords;
        ProseLetterWords = sum.ProseLetterWords;
        ProseHangulWords = sum.ProseHangulWords;
        ProsePlainWords = sum.ProsePlainWords;
        ProsePlainWordChars = sum.ProsePlainWordChars;
        ProseTerminalLines = sum.ProseTerminalLines;
        ProseBulletLines = sum.ProseBulletLines;
    }

    /// <summary>The document's counts after one line (<see cref="SaveTotals"/>); <see cref="Add"/> sums one line's share.</summary>
    private struct Totals
    {
        public int Words, NonSymbolWords, AlphaWords, Stopwords, HashChars, Ellipses, NonSpaceChars, LetterChars, HangulChars, HanChars;
        public int SymbolChars, ReplacementChars, JamoRunChars, Latin1MojiChars, HangulHanSwitches, HangulEojeol, ParticleEojeol;
        public int TerminalLines, BulletLines, EllipsisLines, Sentences, ProseChars, CodeChars, MarkupChars, TableChars, LinkChars;
        public int ProseLines, TurnLines, ProseTechChars, ProseTechWords, ProseSymbols, ProseWords, ProseAlphaWords, ProseLetterWords;
        public int ProseHangulWords, ProsePlainWords, ProseTerminalLines, ProseBulletLines;
        public long NonSymbolWordChars, ProsePlainWordChars;

        /// <summary>Adds one line's share: the counts <paramref name="after"/> it less those <paramref name="before"/> it (not <see cref="Words"/>).</summary>
        public void Add(in Totals after, in Totals before)
        {
            NonSymbolWords += after.NonSymbolWords - before.NonSymbolWords;
            AlphaWords += after.AlphaWords - before.AlphaWords;
            Stopwords += after.Stopwords - before.Stopwords;
            HashChars += after.HashChars - before.HashChars;
            Ellipses += after.Ellipses - before.Ellipses;
            NonSpaceChars += after.NonSpaceChars - before.NonSpaceChars;
            LetterChars += after.LetterChars - before.LetterChars;
            HangulChars += after.HangulChars - before.HangulChars;
            HanChars += after.HanChars - before.HanChars;
            SymbolChars += after.SymbolChars - before.SymbolChars;
            ReplacementChars += after.ReplacementChars - before.ReplacementChars;
            JamoRunChars += after.JamoRunChars - before.JamoRunChars;
            Latin1MojiChars += after.Latin1MojiChars - before.Latin1MojiChars;
            HangulHanSwitches += after.HangulHanSwitches - before.HangulHanSwitches;
            HangulEojeol += after.HangulEojeol - before.HangulEojeol;
            ParticleEojeol += after.ParticleEojeol - before.ParticleEojeol;
            TerminalLines += after.TerminalLines - before.TerminalLines;
            BulletLines += after.BulletLines - before.BulletLines;
            EllipsisLines += after.EllipsisLines - before.EllipsisLines;
            Sentences += after.Sentences - before.Sentences;
            ProseChars += after.ProseChars - before.ProseChars;
            CodeChars += after.CodeChars - before.CodeChars;
            MarkupChars += after.MarkupChars - before.MarkupChars;
            TableChars += after.TableChars - before.TableChars;
            LinkChars += after.LinkChars - before.LinkChars;
            ProseLines += after.ProseLines - before.ProseLines;
            TurnLines += after.TurnLines - before.TurnLines;
            ProseTechChars += after.ProseTechChars - before.ProseTechChars;
            ProseTechWords += after.ProseTechWords - before.ProseTechWords;
            ProseSymbols += after.ProseSymbols - before.ProseSymbols;
            ProseWords += after.ProseWords - before.ProseWords;
            ProseAlphaWords += after.ProseAlphaWords - before.ProseAlphaWords;
            ProseLetterWords += after.ProseLetterWords - before.ProseLetterWords;
            ProseHangulWords += after.ProseHangulWords - before.ProseHangulWords;
            ProsePlainWords += after.ProsePlainWords - before.ProsePlainWords;
            ProseTerminalLines += after.ProseTerminalLines - before.ProseTerminalLines;
            ProseBulletLines += after.ProseBulletLines - before.ProseBulletLines;
            NonSymbolWordChars += after.NonSymbolWordChars - before.NonSymbolWordChars;
            ProsePlainWordChars += after.ProsePlainWordChars - before.ProsePlainWordChars;
        }
    }

    /// <summary>Side path for symbols, jamo, Latin-1 look-alikes, terminal punctuation and a few marks; runs are measured once, at their first character.</summary>
    private void RareChar(ReadOnlySpan<char> s, int i, char c, ushort f)
    {
        var table = CharClass.Table;
        if ((f & CharClass.Symbol) != 0)
        {
            SymbolChars++;
            _lnPipes += c == '|' ? 1 : 0;
        }

        if ((f & CharClass.Jamo) != 0 && (i == 0 || (table[s[i - 1]] & CharClass.Jamo) == 0))
        {
            var j = i + 1;
            while (j < s.Length && (table[s[j]] & CharClass.Jamo) != 0)
            {
                j++;
            }

            if (j - i >= 3)
            {
                JamoRunChars += j - i;
            }
        }

        if ((f & CharClass.Latin1Moji) != 0 && (i == 0 || (table[s[i - 1]] & CharClass.Latin1Moji) == 0))
        {
            // A run counts when it holds a Latin-1 supplement character: "……" and "”’" are typography, not mojibake.
            var latin1 = c is >= '\u0080' and <= '\u00FF';
            var j = i + 1;
            while (j < s.Length && (table[s[j]] & CharClass.Latin1Moji) != 0)
            {
                latin1 |= s[j] is >= '\u0080' and <= '\u00FF';
                j++;
            }

            if (j - i >= 2 && latin1)
            {
                Latin1MojiChars += j - i;
            }
        }

        if ((f & CharClass.Terminal) != 0)
        {
            var next = i + 1 < s.Length ? s[i + 1] : '\n';
            if ((table[next] & CharClass.Space) != 0)
            {
                // A terminal mark followed by a space or the line end closes a sentence.
                _lineTerminals++;
                _lastTerminal = i;
            }

            if (c == '.' && (i == 0 || s[i - 1] != '.'))
            {
                var j = i + 1;
                while (j < s.Length && s[j] == '.')
                {
                    j++;
                }

                if (j - i >= 3)
                {
                    Ellipses++;
                }
            }
        }

        switch (c)
        {
            case '#':
                HashChars++;
                break;
            case '…':
                Ellipses++;
                break;
            case '\uFFFD':
                ReplacementChars++;
                break;
        }
    }

    private void EndWord(string text, int start, int end, ulong wh, ushort flags, int alnum)
    {
        var len = end - start;
        NonSpaceChars += len;
        var idx = WordCount;
        if (idx == _wordHash.Length)
        {
            Grow(ref _wordHash);
            Grow(ref _wordLen);
        }

        var mixed = HashMix.Fmix64(wh);
        _wordHash[idx] = mixed;
        _wordLen[idx] = alnum;
        WordCount = idx + 1;

        if ((flags & (CharClass.Letter | CharClass.Digit)) != 0)
        {
            NonSymbolWords++;
            NonSymbolWordChars += alnum;
            _lastAlnumWordEnd = end;
        }

        if ((flags & CharClass.Letter) != 0)
        {
            AlphaWords++;
        }

        if ((flags & CharClass.Hangul) != 0)
        {
            HangulEojeol++;
            var span = text.AsSpan(start, len);
            var table = CharClass.Table;
            for (var k = span.Length - 1; k >= 0; k--)
            {
                if ((table[span[k]] & CharClass.Letter) != 0)
                {
                    // Counted without a branch: whether an eojeol ends in a particle changes from word to word.
                    ParticleEojeol += KoreanEndings.IsEnding(span[k]) ? 1 : 0;
                    break;
                }
            }

            if ((flags & CharClass.Han) != 0)
            {
                HangulHanSwitches += CountScriptSwitches(span);
            }
        }

        if (_english && len <= 4 && IsEnglishStopword(text.AsSpan(start, len)))
        {
            Stopwords++;
        }

        if (_lineWords == 0)
        {
            _lineFirst = start;
        }

        _lineLast = end - 1;
        _lineWords++;
        if (len > _lineMaxWord)
        {
            _lineMaxWord = len;
        }

        _lh = (BitOperations.RotateLeft(_lh, 23) ^ mixed) * HashMix.FnvPrime;
    }

    /// <summary>
    /// Adds one word to the current line's counts. A technical token is a word with an ASCII letter and code punctuation
    /// (<c>``len()``</c>, <c>:func:`x`\를</c>, <c>tp_flags</c>, a URL, an e-mail address): on prose lines its characters
    /// are not judged as prose (no Hangul share, symbol or word-length verdict on them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountLineWord(string text, int start, int end, ushort flags, int alnum, int letters, int hangul, int code, int latin, int symbols)
    {
        var len = end - start;
        if (_lnWords == 0)
        {
            _lnTurn = IsSpeakerTag(text.AsSpan(start, len));
        }

        _lnWords++;
        _lnNonSpace += len;
        _lnLetters += letters;
        _lnAlnum += alnum;
        _lnHangul += hangul;
        _lnCode += code;
        _lnSymbols += symbols;
        if (code > 0 && latin > 0)
        {
            _lnTechChars += len;
            _lnTechWords++;
            _lnTechSymbols += symbols;
            if (IsLink(text.AsSpan(start, len)))
            {
                _lnLinkChars += len;
            }

            return;
        }

        _lnAlphaWords += letters > 0 ? 1 : 0;
        if (letters > 0)
        {
            _lnLetterWords++;
            _lnHangulWords += hangul > 0 ? 1 : 0;
        }

        if ((flags & (CharClass.Letter | CharClass.Digit)) != 0)
        {
            _lnPlainWords++;
            _lnPlainWordChars += alnum;
        }
    }

    /// <summary>A URL or an e-mail address.</summary>
    private static bool IsLink(ReadOnlySpan<char> word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (word.IndexOf('@') is var at and > 0 && word[(at + 1)..].Contains('.'));

    /// <summary>A line-opening speaker tag of a dialogue or Q/A pair: "Q:", "A.", "질문:", "User:", "상담원:" (up to 8 characters before the mark).</summary>
    private static bool IsSpeakerTag(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > 9 || (word[^1] != ':' && !(word.Length == 2 && word[1] == '.')))
        {
            return false;
        }

        foreach (var c in word[..^1])
        {
            if ((CharClass.Table[c] & CharClass.Letter) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Classifies the line just ended. Table: two or more '|' cells, or no letter at all (numbers). Link: URLs or
    /// e-mail addresses make half of it. Markup: opens with '&lt;' and holds no Hangul, or holds neither letters nor digits.
    /// Code: no Hangul and dense in code punctuation (one in ten non-space characters). Prose: every other line.
    /// </summary>
    private LineKind ClassifyLine(string text)
    {
        var nonSpace = _lnNonSpace;
        if (_lnPipes >= 2)
        {
            return LineKind.Table;
        }

        if (_lnLinkChars * 2 >= nonSpace)
        {
            return LineKind.Link;
        }

        if (_lnLetters == 0)
        {
            return _lnAlnum > 0 ? LineKind.Table : LineKind.Markup;
        }

        if (_lnHangul == 0)
        {
            if (text[_lineFirst] == '<')
            {
                return LineKind.Markup;
            }

            if (_lnCode * 10 >= nonSpace)
            {
                return LineKind.Code;
            }
        }

        return LineKind.Prose;
    }

    private void CountLine(string text, int idx, bool terminal, bool bullet)
    {
        var kind = ClassifyLine(text);
        _lineKind[idx] = kind;
        TurnLines += _lnTurn ? 1 : 0;
        switch (kind)
        {
            case LineKind.Code:
                CodeChars += _lnNonSpace;
                return;
            case LineKind.Markup:
                MarkupChars += _lnNonSpace;
                return;
            case LineKind.Table:
                TableChars += _lnNonSpace;
                return;
            case LineKind.Link:
                LinkChars += _lnNonSpace;
                return;
        }

        ProseLines++;
        ProseChars += _lnNonSpace;
        ProseTechChars += _lnTechChars;
        ProseSymbols += _lnSymbols - _lnTechSymbols;
        ProseWords += _lnWords;
        ProseAlphaWords += _lnAlphaWords + _lnTechWords;
        ProseTechWords += _lnTechWords;
        ProseLetterWords += _lnLetterWords;
        ProseHangulWords += _lnHangulWords;
        ProsePlainWords += _lnPlainWords;
        ProsePlainWordChars += _lnPlainWordChars;
        ProseTerminalLines += terminal ? 1 : 0;
        ProseBulletLines += bullet ? 1 : 0;
    }

    /// <summary>Hangul↔Han switches between adjacent letters; punctuation and digits separate scripts (경선의(經線儀)는 has none).</summary>
    private static int CountScriptSwitches(ReadOnlySpan<char> word)
    {
        var table = CharClass.Table;
        var prev = 0;
        var switches = 0;
        foreach (var c in word)
        {
            var f = table[c];
            var script = (f & CharClass.Hangul) != 0 ? 1 : (f & CharClass.Han) != 0 ? 2 : 0;
            if (script != 0 && prev != 0 && script != prev)
            {
                switches++;
            }

            prev = (f & CharClass.Letter) != 0 ? script : 0;
        }

        return switches;
    }

    private void EndLine(string text)
    {
        if (_lineWords == 0)
        {
            // A blank line ends the paragraph.
            if (_paraLines > 0)
            {
                EndParagraph();
            }

            ResetLine();
            return;
        }

        var idx = LineCount;
        if (idx == _lineStart.Length)
        {
            Grow(ref _lineKind);
            Grow(ref _lineStart);
            Grow(ref _lineLen);
            Grow(ref _lineWordCounts);
            Grow(ref _lineMaxWords);
            Grow(ref _linePara);
            Grow(ref _lineHash);
        }

        var len = _lineLast - _lineFirst + 1;
        _lineStart[idx] = _lineFirst;
        _lineLen[idx] = len;
        _lineWordCounts[idx] = _lineWords;
        _lineMaxWords[idx] = _lineMaxWord;
        _linePara[idx] = ParaCount;
        var hash = HashMix.Fmix64(_lh ^ (ulong)_lineWords);
        _lineHash[idx] = hash;
        LineCount = idx + 1;

        var first = text[_lineFirst];
        var last = text[_lineLast];
        var bullet = CharClass.IsBullet(first);
        if (bullet)
        {
            BulletLines++;
        }

        var endsEllipsis = last == '…' || (last == '.' && len >= 3 && text[_lineLast - 1] == '.' && text[_lineLast - 2] == '.');
        var terminal = false;
        if (endsEllipsis)
        {
            EllipsisLines++;
        }
        else if (CharClass.IsLineEnd(last))
        {
            TerminalLines++;
            terminal = true;
        }

        CountLine(text, idx, terminal, bullet);

        // Sentences: closed ones, plus the unterminated text after the last terminal mark.
        Sentences += _lineTerminals + (_lastAlnumWordEnd > _lastTerminal + 1 ? 1 : 0);

        _ph = (BitOperations.RotateLeft(_ph, 29) ^ hash) * HashMix.FnvPrime;
        _paraChars += len + (_paraLines > 0 ? 1 : 0);
        _paraLines++;
        ResetLine();
    }

    private void ResetLine()
    {
        _lineFirst = -1;
        _lineLast = -1;
        _lineWords = 0;
        _lineMaxWord = 0;
        _lh = 0;
        _lineTerminals = 0;
        _lastTerminal = -1;
        _lastAlnumWordEnd = -1;
        _lnNonSpace = _lnLetters = _lnAlnum = _lnHangul = _lnCode = _lnSymbols = _lnPipes = 0;
        _lnTechChars = _lnTechWords = _lnTechSymbols = _lnLinkChars = _lnWords = _lnAlphaWords = _lnLetterWords = _lnHangulWords = 0;
        _lnPlainWords = _lnPlainWordChars = 0;
        _lnTurn = false;
    }

    private void EndParagraph()
    {
        var idx = ParaCount;
        if (idx == _paraHash.Length)
        {
            Grow(ref _paraHash);
            Grow(ref _paraCharCounts);
        }

        _paraHash[idx] = HashMix.Fmix64(_ph ^ (ulong)_paraLines);
        _paraCharCounts[idx] = _paraChars;
        ParaCount = idx + 1;
        _ph = 0;
        _paraChars = 0;
        _paraLines = 0;
    }

    /// <summary>
    /// Repeated lines: count and characters of prose lines equal (word for word) to an earlier line. Code, markup,
    /// table and link lines repeat by nature (a closing brace, a table cell, a column of numbers) and are not counted.
    /// </summary>
    public (int Count, long Chars) DuplicateLines()
    {
        _counter.Reset(LineCount);
        var count = 0;
        long chars = 0;
        for (var i = 0; i < LineCount; i++)
        {
            if (!_counter.AddIfAbsent(_lineHash[i]) && _lineKind[i] == LineKind.Prose)
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
                chars += _paraCharCounts[i];
            }
        }

        return (count, chars);
    }

    /// <summary>
    /// Word n-gram repetition (Gopher): for n = 2..4 the characters of the most frequent n-gram (seen twice or more) times its count;
    /// for n = 5..10 the characters inside duplicated n-grams, counted greedily left to right (a match skips its n words).
    /// An n-gram can repeat only where its (n-1)-gram prefix and suffix repeat, so each level counts only those positions.
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

        // Level 1: the words that may repeat (a sketch of the word hashes); a 2-gram repeats only where both its words do.
        // `cand` lists the positions at the level below, in order (written without a branch: a position is stored,
        // then kept by advancing the count when it qualifies), so each level visits only those positions.
        var level = _level.AsSpan(0, w);
        var cand = _cand;
        var sketch = _sketch;
        sketch.Begin(w);
        var hashes = _wordHash.AsSpan(0, w);
        foreach (var h in hashes)
        {
            sketch.Add(h);
        }

        var marked = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            var repeats = sketch.MayRepeat(hashes[i]);
            level[i] = repeats ? (byte)1 : (byte)0;
            cand[marked] = i;
            marked += repeats ? 1 : 0;
        }

        var slot = _slot;
        var anyRepeated = marked > 1;
        for (var ng = 2; ng <= maxN && ng <= w && anyRepeated; ng++)
        {
            var positions = w - ng + 1;
            var pow = s_pow[ng];
            var prev = (byte)(ng - 1);

            // An n-gram repeats only where both its (n-1)-gram prefix (at i, listed) and suffix (at i + 1) repeat.
            var counted = 0;
            for (var k = 0; k < marked; k++)
            {
                var i = cand[k];
                var both = i < positions && level[i + 1] == prev;
                cand[counted] = i;
                counted += both ? 1 : 0;
            }

            // The table is sized for the positions counted.
            _counter.Reset(counted);
            for (var k = 0; k < counted; k++)
            {
                var i = cand[k];
                var h = prefix[i + ng] - (prefix[i] * pow);
                slot[k] = _counter.Increment(HashMix.Fmix64(h + (ulong)ng));
            }

            marked = 0;
            var bestCount = 0;
            var bestLen = 0;
            for (var k = 0; k < counted; k++)
            {
                var i = cand[k];
                var cnt = _counter.CountAt(slot[k]);
                var repeats = cnt >= 2;
                level[i] = repeats ? (byte)ng : prev;
                cand[marked] = i;
                marked += repeats ? 1 : 0;

                // The most frequent n-gram (Gopher); among equally frequent ones, the longest.
                if (cnt >= bestCount && repeats)
                {
                    var len = prefixLen[i + ng] - prefixLen[i];
                    if (cnt > bestCount || len > bestLen)
                    {
                        bestCount = cnt;
                        bestLen = len;
                    }
                }
            }

            anyRepeated = marked > 0;
            top[ng] = (long)bestCount * bestLen;
            if (ng >= 5 && anyRepeated)
            {
                // Greedy duplicate coverage, left to right over the repeated n-grams (one that occurs once can never
                // match); a match skips its n words, so listed positions before `next` are passed over.
                _counter.Reset(marked);
                long rep = 0;
                var next = 0;
                for (var k = 0; k < marked; k++)
                {
                    var idx = cand[k];
                    if (idx < next)
                    {
                        continue;
                    }

                    var h = prefix[idx + ng] - (prefix[idx] * pow);
                    if (_counter.AddIfAbsent(HashMix.Fmix64(h + (ulong)ng)))
                    {
                        next = idx + 1;
                    }
                    else
                    {
                        rep += prefixLen[idx + ng] - prefixLen[idx];
                        next = idx + ng;
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
            _cand = new int[size];
            _level = new byte[size];
        }
    }

    private static bool IsEnglishStopword(ReadOnlySpan<char> w) =>
        w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("be", StringComparison.OrdinalIgnoreCase)
        || w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("of", StringComparison.OrdinalIgnoreCase)
        || w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("that", StringComparison.OrdinalIgnoreCase)
        || w.Equals("have", StringComparison.OrdinalIgnoreCase) || w.Equals("with", StringComparison.OrdinalIgnoreCase);

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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Increment(ulong key)
    {
        var slot = FindOrAdd(key, out var added);
        if (!added)
        {
            _entries[slot].Count++;
        }

        return slot;
    }

    public int CountAt(int slot) => _entries[slot].Count;

    /// <summary>Adds the key; false when it was already present.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool AddIfAbsent(ulong key)
    {
        FindOrAdd(key, out var added);
        return added;
    }

    /// <summary>The key's slot (linear probing); a new key starts with a count of one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int FindOrAdd(ulong key, out bool added)
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
                added = true;
                return i;
            }

            if (e.Key == key)
            {
                added = false;
                return i;
            }

            i = (i + 1) & _mask;
        }
    }
}

/// <summary>What a non-blank line is, judged from its characters: prose is what the prose-sensitive rules look at.</summary>
internal enum LineKind : byte
{
    Prose,
    Code,
    Markup,
    Table,
    Link,
}
