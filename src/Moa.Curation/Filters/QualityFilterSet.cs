using System.Buffers;
using System.Text;

namespace Moa.Curation.Filters;

/// <summary>
/// The quality-filter rules of <c>moa curate</c> with one set of thresholds: Gopher repetition and quality, Korean,
/// C4, FineWeb and prose rules over one document. Tag, then decide: every signal is measured first (no early exit,
/// so a corpus can be re-decided from its stored signals), then the rules are checked in order: mojibake, C4 document
/// rules, Gopher repetition, Gopher quality, Korean, prose share, C4 sentence count, FineWeb; the first rule that
/// fires names the outcome. Thread-safe: the options are read-only after construction and all scratch state is per
/// thread, so one instance serves every worker.
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
        var finalText = Measure(text, language, signals);
        var hit = Decide(signals, language);
        return new FilterOutcome(hit is null, hit?.Rule, finalText, signals.All())
        {
            Value = hit?.Value ?? 0,
            Threshold = hit?.Threshold ?? 0,
            Genre = signals.Genre,
        };
    }

    /// <summary>Measures every signal (for threshold studies and tests).</summary>
    internal DocumentSignals Measure(string text, string language)
    {
        var signals = new DocumentSignals();
        Measure(text, language, signals);
        return signals;
    }

    /// <summary>
    /// Measures every signal into <paramref name="sig"/>, rounded to 4 decimals as they are stored (so a decision taken
    /// now and one taken later from the stored values agree), and returns the text after C4 line removal.
    /// </summary>
    internal string Measure(string text, string language, DocumentSignals sig)
    {
        var cjk = language is "ja" or "zh";
        var english = language == "en";
        var korean = language == "ko";
        var a = TextAnalyzer.ForCurrentThread();
        var c4 = _options.C4;

        // With C4 on, the analysis keeps its counts per line, so that removing lines updates it instead of scanning the
        // kept text again (not for Korean, whose prose signals span lines: that text is scanned again).
        a.Analyze(text, cjk, english, korean, lineTotals: c4.Enabled);

        // Mojibake is judged on the text as received, before any line is removed.
        FillMojibake(a, sig);
        if (c4.Enabled && a.LineCount > 0)
        {
            var (kept, removed) = ApplyC4Lines(a, text, language, sig);
            sig.LinesRemoved = removed;
            if (removed > 0)
            {
                text = kept;
                if (!ReferenceEquals(a.Text, kept))
                {
                    a.Analyze(text, cjk, english, korean);
                }
            }
        }

        Fill(a, sig, korean);
        if (korean)
        {
            a.Korean.Finish(sig);
        }

        sig.RoundAll();
        return text;
    }

    /// <summary>The first rule that fires on measured signals, or null when the document is kept.</summary>
    internal RuleHit? Decide(DocumentSignals sig, string language)
    {
        var korean = language == "ko";
        var c4 = _options.C4;
        var hit = MojibakeRule(sig, korean);
        if (hit is null && c4.Enabled)
        {
            if (c4.FilterLoremIpsum && sig.LoremIpsum > 0)
            {
                hit = new RuleHit("c4.lorem_ipsum", 1, 0);
            }
            else if (c4.FilterCurlyBracket && sig.CurlyBracket > 0)
            {
                hit = new RuleHit("c4.curly_bracket", 1, 0);
            }
        }

        hit ??= RepetitionRule(sig);
        hit ??= QualityRule(sig, korean, language == "en", language is "ja" or "zh");
        hit ??= KoreanRule(sig, korean);
        hit ??= ProseRule(sig);
        if (hit is null && c4.Enabled && c4.MinSentences is { } minSentences && sig.Sentences < minSentences)
        {
            hit = new RuleHit("c4.min_sentences", sig.Sentences, minSentences);
        }

        hit ??= FineWebRule(sig, language);
        return hit;
    }

    /// <summary>
    /// C4 line removal, and the signals of the C4 document rules: "lorem ipsum" anywhere, '{' on a prose line (a
    /// brace on a code line is code, not a broken template). Lines are removed whether or not a document rule fires,
    /// so the stored signals describe the text that would be kept.
    /// </summary>
    private (string Kept, int Removed) ApplyC4Lines(TextAnalyzer a, string text, string language, DocumentSignals sig)
    {
        var c4 = _options.C4;
        var terminal = c4.RemoveNoTerminalPunctLines && !_terminalExempt.Contains(language);
        var needles = text.AsSpan().IndexOfAny(s_c4NeedlesEn) >= 0 || MayHoldKoreanPolicy(text);
        if (needles && text.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase))
        {
            sig.LoremIpsum = 1;
        }

        if (text.Contains('{', StringComparison.Ordinal))
        {
            var kinds = a.LineKinds;
            for (var i = 0; i < kinds.Length; i++)
            {
                if (kinds[i] == LineKind.Prose && HasPlainBrace(text.AsSpan(a.LineStarts[i], a.LineLengths[i])))
                {
                    sig.CurlyBracket = 1;
                    break;
                }
            }
        }

        if (!terminal && !needles && c4.MinWordsPerLine is null
            && (c4.MaxWordLength is null || text.Length <= c4.MaxWordLength))
        {
            return (text, 0);
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
            if (!remove && needles)
            {
                remove = (c4.RemoveJavascriptLines && line.Contains("javascript", StringComparison.OrdinalIgnoreCase))
                    || (c4.RemovePolicyLines && (line.IndexOfAny(s_policyEn) >= 0 || line.IndexOfAny(s_policyKo) >= 0));
            }

            drop[i] = remove;
            removed += remove ? 1 : 0;
        }

        if (removed == 0)
        {
            return (text, 0);
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

        var keptText = sb.ToString();
        if (a.HasLineTotals)
        {
            a.KeepLines(keptText, drop);
        }

        return (keptText, removed);
    }

    /// <summary>A '{' in a word without ASCII letters ("{{ title }}", "{"), not inside a technical token such as <c>:file:`{*}.exe`</c>.</summary>
    private static bool HasPlainBrace(ReadOnlySpan<char> line)
    {
        var table = CharClass.Table;
        int i;
        var offset = 0;
        while ((i = line[offset..].IndexOf('{')) >= 0)
        {
            var at = offset + i;
            var start = at;
            while (start > 0 && (table[line[start - 1]] & CharClass.Space) == 0)
            {
                start--;
            }

            var end = at;
            while (end < line.Length && (table[line[end]] & CharClass.Space) == 0)
            {
                end++;
            }

            var latin = false;
            foreach (var c in line[start..end])
            {
                latin |= (table[c] & CharClass.Latin) != 0;
            }

            if (!latin)
            {
                return true;
            }

            offset = end;
        }

        return false;
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

    /// <summary>
    /// The document-wide signals (repetition, word counts) and the prose-sensitive ones, measured on prose lines with
    /// technical tokens set aside: Hangul share, symbol ratio, word length, alphabetic words, line punctuation, short
    /// lines, bullets and list shape. Code, markup, tables and links are measured as shares of the document.
    /// </summary>
    private void Fill(TextAnalyzer a, DocumentSignals sig, bool korean)
    {
        var words = a.WordCount;
        var lines = a.LineCount;
        var length = Math.Max(1, a.Text.Length);
        var proseLines = a.ProseLines;
        sig.Words = words;
        sig.NonSymbolWords = a.NonSymbolWords;
        sig.MeanWordLength = a.ProsePlainWords == 0 ? 0 : (double)a.ProsePlainWordChars / a.ProsePlainWords;
        sig.HashWordRatio = words == 0 ? 0 : (double)a.HashChars / words;
        sig.EllipsisWordRatio = words == 0 ? 0 : (double)a.Ellipses / words;
        sig.AlphaWordRatio = a.ProseWords == 0 ? 0 : (double)a.ProseAlphaWords / a.ProseWords;
        sig.Stopwords = a.Stopwords;
        sig.Lines = lines;
        sig.BulletLineRatio = proseLines == 0 ? 0 : (double)a.ProseBulletLines / proseLines;
        sig.EllipsisLineRatio = lines == 0 ? 0 : (double)a.EllipsisLines / lines;
        sig.LinePunctRatio = proseLines == 0 ? 0 : (double)a.ProseTerminalLines / proseLines;
        sig.Sentences = a.Sentences;

        var (dupLines, dupLineChars) = a.DuplicateLines();
        sig.DupLineFrac = lines == 0 ? 0 : (double)dupLines / lines;
        sig.DupLineCharFrac = (double)dupLineChars / length;
        sig.CharDupRatio = (double)dupLineChars / Math.Max(1, a.Text.Length - a.Newlines);
        var (dupParas, dupParaChars) = a.DuplicateParagraphs();
        sig.DupParaFrac = a.ParaCount == 0 ? 0 : (double)dupParas / a.ParaCount;
        sig.DupParaCharFrac = (double)dupParaChars / length;

        Span<long> top = stackalloc long[11];
        Span<long> dup = stackalloc long[11];
        a.NgramRepetition(top, dup);
        for (var n = 2; n <= 10; n++)
        {
            sig.TopNgramFrac[n] = (double)top[n] / length;
            sig.DupNgramFrac[n] = (double)dup[n] / length;
        }

        var nonSpace = Math.Max(1, a.NonSpaceChars);
        sig.HangulEojeol = a.HangulEojeol;
        sig.ParticleRatio = a.HangulEojeol == 0 ? 0 : (double)a.ParticleEojeol / a.HangulEojeol;
        sig.HangulShare = a.ProseLetterWords == 0 ? 0 : (double)a.ProseHangulWords / a.ProseLetterWords;
        var proseJudged = a.ProseChars - a.ProseTechChars;
        sig.SymbolRatio = proseJudged <= 0 ? 0 : (double)a.ProseSymbols / proseJudged;
        sig.JamoRunRatio = (double)a.JamoRunChars / nonSpace;

        sig.ProseShare = a.NonSpaceChars == 0 ? 0 : (double)a.ProseChars / a.NonSpaceChars;
        sig.CodeShare = (double)a.CodeChars / nonSpace;
        sig.MarkupShare = (double)a.MarkupChars / nonSpace;
        sig.TableShare = (double)a.TableChars / nonSpace;
        sig.LinkShare = (double)a.LinkChars / nonSpace;
        sig.TechWordRatio = a.ProseWords == 0 ? 0 : (double)a.ProseTechWords / a.ProseWords;
        sig.TurnLineRatio = lines == 0 ? 0 : (double)a.TurnLines / lines;

        var shortLen = korean ? _options.FineWeb.ShortLineLengthKo : _options.FineWeb.ShortLineLength;
        var shortLines = 0;
        var kinds = a.LineKinds;
        var lengths = a.LineLengths;
        for (var i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] <= shortLen && kinds[i] == LineKind.Prose)
            {
                shortLines++;
            }
        }

        sig.ShortLineRatio = proseLines == 0 ? 0 : (double)shortLines / proseLines;
        sig.NewlineWordRatio = a.ProseWords == 0 ? 0 : (double)Math.Max(0, proseLines - 1) / a.ProseWords;
        sig.Genre = GenreOf(sig);
    }

    /// <summary>
    /// The document's kind, from the shares of its lines: code, table or list (links) when such lines make half of it;
    /// conversation when a third of its lines open with a speaker tag; technical when code, markup or technical
    /// tokens are a visible part of it; list when most of its prose lines are short or bulleted; else prose.
    /// </summary>
    internal static Genre GenreOf(DocumentSignals s)
    {
        if (s.CodeShare + s.MarkupShare >= 0.5)
        {
            return Genre.Code;
        }

        if (s.TableShare >= 0.5)
        {
            return Genre.Table;
        }

        if (s.LinkShare >= 0.4)
        {
            return Genre.List;
        }

        if (s.TurnLineRatio >= 0.3)
        {
            return Genre.Conversation;
        }

        if (s.CodeShare + s.MarkupShare >= 0.05 || s.TechWordRatio >= 0.03)
        {
            return Genre.Technical;
        }

        if (s.Lines >= 5 && (s.BulletLineRatio >= 0.5 || s.ShortLineRatio >= 0.6))
        {
            return Genre.List;
        }

        return Genre.Prose;
    }

    private RuleHit? MojibakeRule(DocumentSignals s, bool korean)
    {
        var k = _options.Korean;
        if (!k.Enabled || !(korean || k.MojibakeAllLanguages))
        {
            return null;
        }

        return Above("korean.replacement_char", s.ReplacementRatio, k.MaxReplacementCharRatio)
            ?? Above("korean.latin1_mojibake", s.Latin1MojibakeRatio, k.MaxLatin1MojibakeRatio)
            ?? Above("korean.hangul_han_switch", s.HangulHanSwitchRatio, k.MaxHangulHanSwitchRatio);
    }

    private static RuleHit? Above(string rule, double value, double? max) =>
        max is { } m && value > m ? new RuleHit(rule, value, m) : null;

    private static RuleHit? Below(string rule, double value, double? min) =>
        min is { } m && value < m ? new RuleHit(rule, value, m) : null;

    private RuleHit? RepetitionRule(DocumentSignals s)
    {
        var r = _options.GopherRepetition;
        if (!r.Enabled)
        {
            return null;
        }

        var hit = Above("gopher_repetition.dup_para_frac", s.DupParaFrac, r.MaxDupParaFrac)
            ?? Above("gopher_repetition.dup_para_char_frac", s.DupParaCharFrac, r.MaxDupParaCharFrac)
            ?? Above("gopher_repetition.dup_line_frac", s.DupLineFrac, r.MaxDupLineFrac)
            ?? Above("gopher_repetition.dup_line_char_frac", s.DupLineCharFrac, r.MaxDupLineCharFrac);
        if (hit is not null || s.NonSymbolWords < r.MinWordsForNgramRules)
        {
            return hit;
        }

        ReadOnlySpan<double?> tops = [null, null, r.MaxTop2GramFrac, r.MaxTop3GramFrac, r.MaxTop4GramFrac];
        for (var n = 2; n <= 4; n++)
        {
            if (Above(TopRuleNames[n], s.TopNgramFrac[n], tops[n]) is { } top)
            {
                return top;
            }
        }

        ReadOnlySpan<double?> dups = [null, null, null, null, null, r.MaxDup5GramFrac, r.MaxDup6GramFrac, r.MaxDup7GramFrac,
            r.MaxDup8GramFrac, r.MaxDup9GramFrac, r.MaxDup10GramFrac];
        for (var n = 5; n <= 10; n++)
        {
            if (Above(DupRuleNames[n], s.DupNgramFrac[n], dups[n]) is { } dup)
            {
                return dup;
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

    private RuleHit? QualityRule(DocumentSignals s, bool korean, bool english, bool cjk)
    {
        var q = _options.GopherQuality;
        if (!q.Enabled)
        {
            return null;
        }

        var hit = Below("gopher_quality.min_words", s.NonSymbolWords, korean ? q.MinWordsKo : q.MinWords)
            ?? Above("gopher_quality.max_words", s.NonSymbolWords, q.MaxWords);
        if (hit is null && !cjk && s.NonSymbolWords > 0)
        {
            var (lo, hi) = korean ? (q.MinMeanWordLengthKo, q.MaxMeanWordLengthKo) : (q.MinMeanWordLength, q.MaxMeanWordLength);
            hit = Below("gopher_quality.min_mean_word_length", s.MeanWordLength, lo)
                ?? Above("gopher_quality.max_mean_word_length", s.MeanWordLength, hi);
        }

        hit ??= Above("gopher_quality.hash_word_ratio", s.HashWordRatio, q.MaxHashWordRatio)
            ?? Above("gopher_quality.ellipsis_word_ratio", s.EllipsisWordRatio, korean ? q.MaxEllipsisWordRatioKo : q.MaxEllipsisWordRatio)
            ?? Above("gopher_quality.bullet_line_ratio", s.BulletLineRatio, q.MaxBulletLineRatio)
            ?? Above("gopher_quality.ellipsis_line_ratio", s.EllipsisLineRatio, korean ? q.MaxEllipsisLineRatioKo : q.MaxEllipsisLineRatio);
        if (hit is null && s.Words > 0)
        {
            hit = Below("gopher_quality.alpha_word_ratio", s.AlphaWordRatio, korean ? q.MinAlphaWordRatioKo : q.MinAlphaWordRatio);
        }

        if (hit is null && english)
        {
            hit = Below("gopher_quality.stopwords", s.Stopwords, q.MinStopwordsEn);
        }

        return hit;
    }

    private RuleHit? KoreanRule(DocumentSignals s, bool korean)
    {
        var k = _options.Korean;
        if (!k.Enabled || !korean)
        {
            return null;
        }

        var hit = Below("korean.hangul_share", s.HangulShare, k.MinHangulShare);
        if (hit is null && s.HangulEojeol >= k.MinEojeolForParticleRatio)
        {
            hit = Below("korean.particle_ratio", s.ParticleRatio, k.MinParticleRatio);
        }

        hit ??= Above("korean.symbol_ratio", s.SymbolRatio, k.MaxSymbolRatio)
            ?? Above("korean.jamo_run_ratio", s.JamoRunRatio, k.MaxJamoRunRatio);
        if (hit is null && s.HangulEojeol >= k.MinEojeolForParticleRatio)
        {
            hit = Above("korean.mt_anomaly_ratio", s.MtAnomalyRatio, k.MaxMtAnomalyRatio);
        }

        if (hit is null && s.KeywordRepeats >= k.MinKeywordRepeats)
        {
            hit = Below("korean.keyword_stuffing", s.SentenceCoherence, k.MinSentenceCoherence);
        }

        return hit;
    }

    private RuleHit? ProseRule(DocumentSignals s)
    {
        var p = _options.Prose;
        return p.Enabled && s.Words > 0 ? Below("prose.min_prose_share", s.ProseShare, p.MinProseShare) : null;
    }

    private RuleHit? FineWebRule(DocumentSignals s, string language)
    {
        var f = _options.FineWeb;
        if (!f.Enabled || s.Lines == 0)
        {
            return null;
        }

        var hit = _linePunctExempt.Contains(language) ? null : Below("fineweb.line_punct_ratio", s.LinePunctRatio, f.MinLinePunctRatio);
        return hit
            ?? Above("fineweb.short_line_ratio", s.ShortLineRatio, f.MaxShortLineRatio)
            ?? Above("fineweb.char_dup_ratio", s.CharDupRatio, f.MaxCharDupRatio)
            ?? Above("fineweb.list_ratio", s.NewlineWordRatio, f.MaxNewlineWordRatio);
    }
}

/// <summary>A rule that fired: its name ("group.rule"), the measured value and the threshold it crossed.</summary>
internal sealed record RuleHit(string Rule, double Value, double Threshold);
