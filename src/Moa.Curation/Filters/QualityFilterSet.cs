using System.Buffers;
using System.Text;

namespace Moa.Curation.Filters;

/// <summary>
/// The quality-filter stage of <c>moa curate</c>: Gopher repetition and quality, Korean, C4 and FineWeb rules over
/// one document. Thread-safe: the options are read-only after construction and all scratch state is per thread,
/// so one instance serves every worker. Evaluation order: C4 line removal, C4 document rules, mojibake,
/// Gopher repetition, Gopher quality, Korean, C4 sentence count, FineWeb; the first rule that fires names the outcome.
/// </summary>
public sealed class QualityFilterSet
{
    // English phrases are searched case-insensitively (ASCII, vectorised); Korean has no case, so its phrases are
    // searched ordinally, which keeps that search vectorised too.
    private static readonly string[] PolicyPhrasesEn =
        ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"];

    private static readonly string[] PolicyPhrasesKo =
        ["개인정보처리방침", "개인정보 처리방침", "개인정보취급방침", "이용약관", "쿠키를 사용", "쿠키 정책", "쿠키 설정", "쿠키에 동의"];

    private static readonly SearchValues<string> s_policyEn = SearchValues.Create(PolicyPhrasesEn, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> s_policyKo = SearchValues.Create(PolicyPhrasesKo, StringComparison.Ordinal);

    // Multi-string search over Hangul is not vectorised (about 250 MB/s); the rare anchors 쿠(키), (방)침, 약(관) are.
    private static readonly SearchValues<char> s_policyKoAnchors = SearchValues.Create("쿠침약");
    private static readonly SearchValues<string> s_c4NeedlesEn = SearchValues.Create(
        ["javascript", "lorem ipsum", .. PolicyPhrasesEn], StringComparison.OrdinalIgnoreCase);

    private readonly QualityOptions _options;
    private readonly HashSet<string> _terminalExempt;
    private readonly HashSet<string> _linePunctExempt;

    /// <exception cref="MoaException">An option is out of range or a group is empty; the message names the YAML key.</exception>
    public QualityFilterSet(QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        QualityOptionsValidation.Validate(options);
        _options = options;
        _terminalExempt = new HashSet<string>(options.C4.TerminalPunctExemptLanguages ?? [], StringComparer.OrdinalIgnoreCase);
        _linePunctExempt = new HashSet<string>(options.FineWeb.LinePunctExemptLanguages ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The options this set was built with.</summary>
    public QualityOptions Options => _options;

    /// <summary>Evaluates one NFC-normalised document; <paramref name="language"/> is an ISO 639-1 code or "other".</summary>
    public FilterOutcome Evaluate(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        language ??= "other";
        var signals = DocumentSignals.ForCurrentThread();
        var (finalText, rule) = Run(text, language, signals);
        return new FilterOutcome(rule is null, rule, finalText, BuildScores(signals, language));
    }

    /// <summary>Measures every signal without stopping at the first rule (for threshold studies and tests).</summary>
    internal DocumentSignals Measure(string text, string language)
    {
        var signals = new DocumentSignals();
        Run(text, language, signals);
        return signals;
    }

    private (string Text, string? Rule) Run(string text, string language, DocumentSignals sig)
    {
        var korean = language == "ko";
        var english = language == "en";
        var cjk = language is "ja" or "zh";
        var a = TextAnalyzer.ForCurrentThread();
        a.Analyze(text, cjk, english);

        // Mojibake is judged on the text as received, before any line is removed.
        FillMojibake(a, sig);
        var rule = MojibakeRule(sig, korean);
        var c4 = _options.C4;
        if (rule is null && c4.Enabled && a.LineCount > 0)
        {
            var (kept, removed, docRule) = ApplyC4Lines(a, text, language);
            sig.LinesRemoved = removed;
            rule = docRule;
            if (removed > 0)
            {
                text = kept;
                a.Analyze(text, cjk, english);
            }
        }

        Fill(a, sig, korean);
        rule ??= RepetitionRule(sig);
        rule ??= QualityRule(sig, korean, english, cjk);
        rule ??= KoreanRule(sig, korean);
        if (rule is null && c4.Enabled && c4.MinSentences is { } minSentences && sig.Sentences < minSentences)
        {
            rule = "c4.min_sentences";
        }

        rule ??= FineWebRule(sig, language);
        return (text, rule);
    }

    private (string Kept, int Removed, string? DocRule) ApplyC4Lines(TextAnalyzer a, string text, string language)
    {
        var c4 = _options.C4;
        var terminal = c4.RemoveNoTerminalPunctLines && !_terminalExempt.Contains(language);
        var needles = text.AsSpan().IndexOfAny(s_c4NeedlesEn) >= 0 || MayHoldKoreanPolicy(text);
        var curly = c4.FilterCurlyBracket && text.Contains('{', StringComparison.Ordinal);
        if (!terminal && !needles && !curly && c4.MinWordsPerLine is null
            && (c4.MaxWordLength is null || text.Length <= c4.MaxWordLength))
        {
            return (text, 0, null);
        }

        var starts = a.LineStarts;
        var lengths = a.LineLengths;
        var words = a.LineWordCounts;
        var longest = a.LineMaxWordLengths;
        Span<bool> drop = starts.Length <= 512 ? stackalloc bool[starts.Length] : new bool[starts.Length];
        var removed = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            var line = text.AsSpan(starts[i], lengths[i]);
            var remove = (c4.MaxWordLength is { } maxWord && longest[i] > maxWord)
                || (terminal && !EndsTerminal(line))
                || (c4.MinWordsPerLine is { } minWords && words[i] < minWords);
            if (!remove && (needles || curly))
            {
                if (c4.FilterLoremIpsum && line.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase))
                {
                    return (text, 0, "c4.lorem_ipsum");
                }

                if (curly && line.Contains('{'))
                {
                    return (text, 0, "c4.curly_bracket");
                }

                remove = (c4.RemoveJavascriptLines && line.Contains("javascript", StringComparison.OrdinalIgnoreCase))
                    || (c4.RemovePolicyLines && (line.IndexOfAny(s_policyEn) >= 0 || line.IndexOfAny(s_policyKo) >= 0));
            }

            drop[i] = remove;
            removed += remove ? 1 : 0;
        }

        if (removed == 0)
        {
            return (text, 0, null);
        }

        // Keep the surviving lines; a blank line between two kept lines survives as a paragraph break.
        var paragraphs = a.LineParagraphs;
        var sb = new StringBuilder(text.Length);
        var prevPara = -1;
        for (var i = 0; i < starts.Length; i++)
        {
            if (drop[i])
            {
                continue;
            }

            if (prevPara >= 0)
            {
                sb.Append(paragraphs[i] != prevPara ? "\n\n" : "\n");
            }

            sb.Append(text, starts[i], lengths[i]);
            prevPara = paragraphs[i];
        }

        return (sb.ToString(), removed, null);
    }

    private static bool MayHoldKoreanPolicy(ReadOnlySpan<char> s)
    {
        int i;
        while ((i = s.IndexOfAny(s_policyKoAnchors)) >= 0)
        {
            var hit = s[i] switch
            {
                '쿠' => i + 1 < s.Length && s[i + 1] == '키',
                '침' => i > 0 && s[i - 1] == '방',
                _ => i + 1 < s.Length && s[i + 1] == '관',
            };
            if (hit)
            {
                return true;
            }

            s = s[(i + 1)..];
        }

        return false;
    }

    private static bool EndsTerminal(ReadOnlySpan<char> line)
    {
        var last = line[^1];
        if (last == '…' || line.EndsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        return CharClass.IsLineEnd(last);
    }

    private static void FillMojibake(TextAnalyzer a, DocumentSignals sig)
    {
        var nonSpace = Math.Max(1, a.NonSpaceChars);
        sig.ReplacementRatio = (double)a.ReplacementChars / nonSpace;
        sig.Latin1MojibakeRatio = (double)a.Latin1MojiChars / nonSpace;
        var hh = a.HangulChars + a.HanChars;
        sig.HangulHanSwitchRatio = hh == 0 ? 0 : (double)a.HangulHanSwitches / hh;
    }

    private void Fill(TextAnalyzer a, DocumentSignals sig, bool korean)
    {
        var words = a.WordCount;
        var lines = a.LineCount;
        var length = Math.Max(1, a.Text.Length);
        sig.Words = words;
        sig.NonSymbolWords = a.NonSymbolWords;
        sig.MeanWordLength = a.NonSymbolWords == 0 ? 0 : (double)a.NonSymbolWordChars / a.NonSymbolWords;
        sig.HashWordRatio = words == 0 ? 0 : (double)a.HashChars / words;
        sig.EllipsisWordRatio = words == 0 ? 0 : (double)a.Ellipses / words;
        sig.AlphaWordRatio = words == 0 ? 0 : (double)a.AlphaWords / words;
        sig.Stopwords = a.Stopwords;
        sig.Lines = lines;
        sig.BulletLineRatio = lines == 0 ? 0 : (double)a.BulletLines / lines;
        sig.EllipsisLineRatio = lines == 0 ? 0 : (double)a.EllipsisLines / lines;
        sig.LinePunctRatio = lines == 0 ? 0 : (double)a.TerminalLines / lines;
        sig.Sentences = a.Sentences;

        var (dupLines, dupLineChars) = a.DuplicateLines();
        sig.DupLineFrac = lines == 0 ? 0 : (double)dupLines / lines;
        sig.DupLineCharFrac = (double)dupLineChars / length;
        sig.CharDupRatio = (double)dupLineChars / Math.Max(1, a.Text.Length - a.Newlines);
        var (dupParas, dupParaChars) = a.DuplicateParagraphs();
        sig.DupParaFrac = a.ParaCount == 0 ? 0 : (double)dupParas / a.ParaCount;
        sig.DupParaCharFrac = (double)dupParaChars / length;

        if (_options.GopherRepetition.Enabled)
        {
            Span<long> top = stackalloc long[11];
            Span<long> dup = stackalloc long[11];
            a.NgramRepetition(top, dup);
            for (var n = 2; n <= 10; n++)
            {
                sig.TopNgramFrac[n] = (double)top[n] / length;
                sig.DupNgramFrac[n] = (double)dup[n] / length;
            }
        }

        var nonSpace = Math.Max(1, a.NonSpaceChars);
        sig.HangulEojeol = a.HangulEojeol;
        sig.ParticleRatio = a.HangulEojeol == 0 ? 0 : (double)a.ParticleEojeol / a.HangulEojeol;
        sig.HangulShare = a.LetterChars == 0 ? 0 : (double)a.HangulChars / a.LetterChars;
        sig.SymbolRatio = (double)a.SymbolChars / nonSpace;
        sig.JamoRunRatio = (double)a.JamoRunChars / nonSpace;

        var shortLen = korean ? _options.FineWeb.ShortLineLengthKo : _options.FineWeb.ShortLineLength;
        var shortLines = 0;
        foreach (var len in a.LineLengths)
        {
            if (len <= shortLen)
            {
                shortLines++;
            }
        }

        sig.ShortLineRatio = lines == 0 ? 0 : (double)shortLines / lines;
        sig.NewlineWordRatio = words == 0 ? 0 : (double)a.Newlines / words;
    }

    private string? MojibakeRule(DocumentSignals s, bool korean)
    {
        var k = _options.Korean;
        if (!k.Enabled || !(korean || k.MojibakeAllLanguages))
        {
            return null;
        }

        if (k.MaxReplacementCharRatio is { } rep && s.ReplacementRatio > rep)
        {
            return "korean.replacement_char";
        }

        if (k.MaxLatin1MojibakeRatio is { } latin && s.Latin1MojibakeRatio > latin)
        {
            return "korean.latin1_mojibake";
        }

        if (k.MaxHangulHanSwitchRatio is { } sw && s.HangulHanSwitchRatio > sw)
        {
            return "korean.hangul_han_switch";
        }

        return null;
    }

    private string? RepetitionRule(DocumentSignals s)
    {
        var r = _options.GopherRepetition;
        if (!r.Enabled)
        {
            return null;
        }

        if (r.MaxDupParaFrac is { } dpf && s.DupParaFrac > dpf)
        {
            return "gopher_repetition.dup_para_frac";
        }

        if (r.MaxDupParaCharFrac is { } dpc && s.DupParaCharFrac > dpc)
        {
            return "gopher_repetition.dup_para_char_frac";
        }

        if (r.MaxDupLineFrac is { } dlf && s.DupLineFrac > dlf)
        {
            return "gopher_repetition.dup_line_frac";
        }

        if (r.MaxDupLineCharFrac is { } dlc && s.DupLineCharFrac > dlc)
        {
            return "gopher_repetition.dup_line_char_frac";
        }

        if (s.NonSymbolWords < r.MinWordsForNgramRules)
        {
            return null;
        }

        ReadOnlySpan<double?> tops = [null, null, r.MaxTop2GramFrac, r.MaxTop3GramFrac, r.MaxTop4GramFrac];
        for (var n = 2; n <= 4; n++)
        {
            if (tops[n] is { } t && s.TopNgramFrac[n] > t)
            {
                return TopRuleNames[n];
            }
        }

        ReadOnlySpan<double?> dups = [null, null, null, null, null, r.MaxDup5GramFrac, r.MaxDup6GramFrac, r.MaxDup7GramFrac,
            r.MaxDup8GramFrac, r.MaxDup9GramFrac, r.MaxDup10GramFrac];
        for (var n = 5; n <= 10; n++)
        {
            if (dups[n] is { } d && s.DupNgramFrac[n] > d)
            {
                return DupRuleNames[n];
            }
        }

        return null;
    }

    private static readonly string[] TopRuleNames =
        ["", "", "gopher_repetition.top_2gram_frac", "gopher_repetition.top_3gram_frac", "gopher_repetition.top_4gram_frac"];

    private static readonly string[] DupRuleNames =
    [
        "", "", "", "", "", "gopher_repetition.dup_5gram_frac", "gopher_repetition.dup_6gram_frac", "gopher_repetition.dup_7gram_frac",
        "gopher_repetition.dup_8gram_frac", "gopher_repetition.dup_9gram_frac", "gopher_repetition.dup_10gram_frac",
    ];

    private string? QualityRule(DocumentSignals s, bool korean, bool english, bool cjk)
    {
        var q = _options.GopherQuality;
        if (!q.Enabled)
        {
            return null;
        }

        var minWords = korean ? q.MinWordsKo : q.MinWords;
        if (minWords is { } min && s.NonSymbolWords < min)
        {
            return "gopher_quality.min_words";
        }

        if (q.MaxWords is { } max && s.NonSymbolWords > max)
        {
            return "gopher_quality.max_words";
        }

        if (!cjk && s.NonSymbolWords > 0)
        {
            var (lo, hi) = korean ? (q.MinMeanWordLengthKo, q.MaxMeanWordLengthKo) : (q.MinMeanWordLength, q.MaxMeanWordLength);
            if (lo is { } l && s.MeanWordLength < l)
            {
                return "gopher_quality.min_mean_word_length";
            }

            if (hi is { } h && s.MeanWordLength > h)
            {
                return "gopher_quality.max_mean_word_length";
            }
        }

        if (q.MaxHashWordRatio is { } hash && s.HashWordRatio > hash)
        {
            return "gopher_quality.hash_word_ratio";
        }

        if ((korean ? q.MaxEllipsisWordRatioKo : q.MaxEllipsisWordRatio) is { } ell && s.EllipsisWordRatio > ell)
        {
            return "gopher_quality.ellipsis_word_ratio";
        }

        if (q.MaxBulletLineRatio is { } bullet && s.BulletLineRatio > bullet)
        {
            return "gopher_quality.bullet_line_ratio";
        }

        if ((korean ? q.MaxEllipsisLineRatioKo : q.MaxEllipsisLineRatio) is { } ellLine && s.EllipsisLineRatio > ellLine)
        {
            return "gopher_quality.ellipsis_line_ratio";
        }

        if ((korean ? q.MinAlphaWordRatioKo : q.MinAlphaWordRatio) is { } alpha && s.Words > 0 && s.AlphaWordRatio < alpha)
        {
            return "gopher_quality.alpha_word_ratio";
        }

        if (english && q.MinStopwordsEn is { } stop && s.Stopwords < stop)
        {
            return "gopher_quality.stopwords";
        }

        return null;
    }

    private string? KoreanRule(DocumentSignals s, bool korean)
    {
        var k = _options.Korean;
        if (!k.Enabled || !korean)
        {
            return null;
        }

        if (k.MinHangulShare is { } hangul && s.HangulShare < hangul)
        {
            return "korean.hangul_share";
        }

        if (k.MinParticleRatio is { } particle && s.HangulEojeol >= k.MinEojeolForParticleRatio && s.ParticleRatio < particle)
        {
            return "korean.particle_ratio";
        }

        if (k.MaxSymbolRatio is { } symbol && s.SymbolRatio > symbol)
        {
            return "korean.symbol_ratio";
        }

        if (k.MaxJamoRunRatio is { } jamo && s.JamoRunRatio > jamo)
        {
            return "korean.jamo_run_ratio";
        }

        return null;
    }

    private string? FineWebRule(DocumentSignals s, string language)
    {
        var f = _options.FineWeb;
        if (!f.Enabled || s.Lines == 0)
        {
            return null;
        }

        if (f.MinLinePunctRatio is { } punct && !_linePunctExempt.Contains(language) && s.LinePunctRatio < punct)
        {
            return "fineweb.line_punct_ratio";
        }

        if (f.MaxShortLineRatio is { } shortRatio && s.ShortLineRatio > shortRatio)
        {
            return "fineweb.short_line_ratio";
        }

        if (f.MaxCharDupRatio is { } dup && s.CharDupRatio > dup)
        {
            return "fineweb.char_dup_ratio";
        }

        if (f.MaxNewlineWordRatio is { } list && s.NewlineWordRatio > list)
        {
            return "fineweb.list_ratio";
        }

        return null;
    }

    private KeyValuePair<string, double>[] BuildScores(DocumentSignals s, string language)
    {
        var repetition = _options.GopherRepetition.Enabled;
        var count = 7 + (repetition ? 2 : 0) + (language == "ko" ? 2 : language == "en" ? 1 : 0) + (s.LinesRemoved > 0 ? 1 : 0);
        var scores = new KeyValuePair<string, double>[count];
        var i = 0;
        scores[i++] = new("words", s.Words);
        scores[i++] = new("mean_word_len", Round(s.MeanWordLength));
        scores[i++] = new("alpha_word_ratio", Round(s.AlphaWordRatio));
        scores[i++] = new("dup_line_frac", Round(s.DupLineFrac));
        scores[i++] = new("dup_para_frac", Round(s.DupParaFrac));
        if (repetition)
        {
            scores[i++] = new("top_2gram_frac", Round(s.TopNgramFrac[2]));
            scores[i++] = new("dup_5gram_frac", Round(s.DupNgramFrac[5]));
        }

        scores[i++] = new("line_punct_ratio", Round(s.LinePunctRatio));
        scores[i++] = new("short_line_ratio", Round(s.ShortLineRatio));
        if (language == "ko")
        {
            scores[i++] = new("particle_ratio", Round(s.ParticleRatio));
            scores[i++] = new("hangul_share", Round(s.HangulShare));
        }
        else if (language == "en")
        {
            scores[i++] = new("stopwords", s.Stopwords);
        }

        if (s.LinesRemoved > 0)
        {
            scores[i] = new("c4_lines_removed", s.LinesRemoved);
        }

        return scores;
    }

    private static double Round(double v) => Math.Round(v, 4, MidpointRounding.AwayFromZero);
}
