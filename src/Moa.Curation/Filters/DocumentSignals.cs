namespace Moa.Curation.Filters;

/// <summary>
/// Every signal measured on one document; the rules compare these with the thresholds in <see cref="QualityOptions"/>.
/// All of them are stored in the document's <c>meta.quality</c> (kept or removed) under the names of <see cref="All"/>,
/// and <see cref="TrySet"/> reads them back, so a corpus can be re-decided without measuring again.
/// </summary>
internal sealed class DocumentSignals
{
    public int Words;
    public int NonSymbolWords;
    public double MeanWordLength;
    public double HashWordRatio;
    public double EllipsisWordRatio;
    public double BulletLineRatio;
    public double EllipsisLineRatio;
    public double AlphaWordRatio;
    public int Stopwords;

    public double DupLineFrac;
    public double DupParaFrac;
    public double DupLineCharFrac;
    public double DupParaCharFrac;
    public readonly double[] TopNgramFrac = new double[11];
    public readonly double[] DupNgramFrac = new double[11];

    public int HangulEojeol;
    public double ParticleRatio;
    public double HangulShare;
    public double SymbolRatio;
    public double JamoRunRatio;
    public double ReplacementRatio;
    public double Latin1MojibakeRatio;
    public double HangulHanSwitchRatio;
    public double MtAnomalyRatio;
    public int KeywordRepeats;
    public double SentenceCoherence = 1;

    public int Lines;
    public int LinesRemoved;
    public int Sentences;
    public double LinePunctRatio;
    public double ShortLineRatio;
    public double CharDupRatio;
    public double NewlineWordRatio;

    public double ProseShare;
    public double CodeShare;
    public double MarkupShare;
    public double TableShare;
    public double LinkShare;
    public double TechWordRatio;
    public double TurnLineRatio;
    public int LoremIpsum;
    public int CurlyBracket;

    /// <summary>The document's kind, from its line shares (see <see cref="QualityFilterSet.GenreOf"/>).</summary>
    public Genre Genre;

    [ThreadStatic]
    private static DocumentSignals? t_scratch;

    /// <summary>This thread's reusable instance, cleared (Evaluate copies what it keeps into the outcome).</summary>
    public static DocumentSignals ForCurrentThread()
    {
        var s = t_scratch ??= new DocumentSignals();
        s.Clear();
        return s;
    }

    public void Clear()
    {
        Words = NonSymbolWords = Stopwords = KeywordRepeats = HangulEojeol = Lines = LinesRemoved = Sentences = LoremIpsum = CurlyBracket = 0;
        MeanWordLength = HashWordRatio = EllipsisWordRatio = BulletLineRatio = EllipsisLineRatio = AlphaWordRatio = 0;
        DupLineFrac = DupParaFrac = DupLineCharFrac = DupParaCharFrac = 0;
        ParticleRatio = HangulShare = SymbolRatio = JamoRunRatio = ReplacementRatio = Latin1MojibakeRatio = HangulHanSwitchRatio = MtAnomalyRatio = 0;
        SentenceCoherence = 1;
        LinePunctRatio = ShortLineRatio = CharDupRatio = NewlineWordRatio = 0;
        ProseShare = CodeShare = MarkupShare = TableShare = LinkShare = TechWordRatio = TurnLineRatio = 0;
        Genre = Genre.Prose;
        Array.Clear(TopNgramFrac);
        Array.Clear(DupNgramFrac);
    }

    /// <summary>Rounds every ratio to 4 decimals, the precision stored in <c>meta.quality</c>.</summary>
    public void RoundAll()
    {
        MeanWordLength = R(MeanWordLength);
        HashWordRatio = R(HashWordRatio);
        EllipsisWordRatio = R(EllipsisWordRatio);
        BulletLineRatio = R(BulletLineRatio);
        EllipsisLineRatio = R(EllipsisLineRatio);
        AlphaWordRatio = R(AlphaWordRatio);
        DupLineFrac = R(DupLineFrac);
        DupParaFrac = R(DupParaFrac);
        DupLineCharFrac = R(DupLineCharFrac);
        DupParaCharFrac = R(DupParaCharFrac);
        for (var n = 0; n < TopNgramFrac.Length; n++)
        {
            TopNgramFrac[n] = R(TopNgramFrac[n]);
            DupNgramFrac[n] = R(DupNgramFrac[n]);
        }

        ParticleRatio = R(ParticleRatio);
        HangulShare = R(HangulShare);
        SymbolRatio = R(SymbolRatio);
        JamoRunRatio = R(JamoRunRatio);
        ReplacementRatio = R(ReplacementRatio);
        Latin1MojibakeRatio = R(Latin1MojibakeRatio);
        HangulHanSwitchRatio = R(HangulHanSwitchRatio);
        MtAnomalyRatio = R(MtAnomalyRatio);
        SentenceCoherence = R(SentenceCoherence);
        LinePunctRatio = R(LinePunctRatio);
        ShortLineRatio = R(ShortLineRatio);
        CharDupRatio = R(CharDupRatio);
        NewlineWordRatio = R(NewlineWordRatio);
        ProseShare = R(ProseShare);
        CodeShare = R(CodeShare);
        MarkupShare = R(MarkupShare);
        TableShare = R(TableShare);
        LinkShare = R(LinkShare);
        TechWordRatio = R(TechWordRatio);
        TurnLineRatio = R(TurnLineRatio);
    }

    private static double R(double v) => Math.Round(v, 4, MidpointRounding.AwayFromZero);

    /// <summary>The names of <see cref="All"/>, in order.</summary>
    public static IReadOnlyList<string> Names => s_names.Value;

    private static readonly Lazy<string[]> s_names = new(() => Array.ConvertAll(new DocumentSignals().All(), kv => kv.Key));

    /// <summary>How many signals <see cref="All"/> holds.</summary>
    public const int Count = 49;

    /// <summary>All signals by name, in a fixed order: what <c>meta.quality</c> holds.</summary>
    public KeyValuePair<string, double>[] All()
    {
        var a = new KeyValuePair<string, double>[Count];
        var i = 0;
        a[i++] = new("words", Words);
        a[i++] = new("non_symbol_words", NonSymbolWords);
        a[i++] = new("mean_word_len", MeanWordLength);
        a[i++] = new("hash_word_ratio", HashWordRatio);
        a[i++] = new("ellipsis_word_ratio", EllipsisWordRatio);
        a[i++] = new("bullet_line_ratio", BulletLineRatio);
        a[i++] = new("ellipsis_line_ratio", EllipsisLineRatio);
        a[i++] = new("alpha_word_ratio", AlphaWordRatio);
        a[i++] = new("stopwords", Stopwords);
        a[i++] = new("dup_line_frac", DupLineFrac);
        a[i++] = new("dup_para_frac", DupParaFrac);
        a[i++] = new("dup_line_char_frac", DupLineCharFrac);
        a[i++] = new("dup_para_char_frac", DupParaCharFrac);
        for (var n = 2; n <= 4; n++)
        {
            a[i++] = new(TopNames[n], TopNgramFrac[n]);
        }

        for (var n = 5; n <= 10; n++)
        {
            a[i++] = new(DupNames[n], DupNgramFrac[n]);
        }

        a[i++] = new("hangul_eojeol", HangulEojeol);
        a[i++] = new("particle_ratio", ParticleRatio);
        a[i++] = new("hangul_share", HangulShare);
        a[i++] = new("symbol_ratio", SymbolRatio);
        a[i++] = new("jamo_run_ratio", JamoRunRatio);
        a[i++] = new("replacement_ratio", ReplacementRatio);
        a[i++] = new("latin1_mojibake_ratio", Latin1MojibakeRatio);
        a[i++] = new("hangul_han_switch_ratio", HangulHanSwitchRatio);
        a[i++] = new("lines", Lines);
        a[i++] = new("c4_lines_removed", LinesRemoved);
        a[i++] = new("sentences", Sentences);
        a[i++] = new("line_punct_ratio", LinePunctRatio);
        a[i++] = new("short_line_ratio", ShortLineRatio);
        a[i++] = new("char_dup_ratio", CharDupRatio);
        a[i++] = new("newline_word_ratio", NewlineWordRatio);
        a[i++] = new("prose_share", ProseShare);
        a[i++] = new("code_share", CodeShare);
        a[i++] = new("markup_share", MarkupShare);
        a[i++] = new("table_share", TableShare);
        a[i++] = new("link_share", LinkShare);
        a[i++] = new("tech_word_ratio", TechWordRatio);
        a[i++] = new("turn_line_ratio", TurnLineRatio);
        a[i++] = new("lorem_ipsum", LoremIpsum);
        a[i++] = new("curly_bracket", CurlyBracket);
        a[i++] = new("mt_anomaly_ratio", MtAnomalyRatio);
        a[i++] = new("keyword_repeats", KeywordRepeats);
        a[i++] = new("sentence_coherence", SentenceCoherence);
        return a;
    }

    private static readonly string[] TopNames = ["", "", "top_2gram_frac", "top_3gram_frac", "top_4gram_frac"];

    private static readonly string[] DupNames =
        ["", "", "", "", "", "dup_5gram_frac", "dup_6gram_frac", "dup_7gram_frac", "dup_8gram_frac", "dup_9gram_frac", "dup_10gram_frac"];

    /// <summary>Sets one stored signal by its <see cref="All"/> name; false for a name this version does not know.</summary>
    public bool TrySet(string name, double v)
    {
        var i = (int)v;
        switch (name)
        {
            case "words": Words = i; break;
            case "non_symbol_words": NonSymbolWords = i; break;
            case "mean_word_len": MeanWordLength = v; break;
            case "hash_word_ratio": HashWordRatio = v; break;
            case "ellipsis_word_ratio": EllipsisWordRatio = v; break;
            case "bullet_line_ratio": BulletLineRatio = v; break;
            case "ellipsis_line_ratio": EllipsisLineRatio = v; break;
            case "alpha_word_ratio": AlphaWordRatio = v; break;
            case "stopwords": Stopwords = i; break;
            case "dup_line_frac": DupLineFrac = v; break;
            case "dup_para_frac": DupParaFrac = v; break;
            case "dup_line_char_frac": DupLineCharFrac = v; break;
            case "dup_para_char_frac": DupParaCharFrac = v; break;
            case "hangul_eojeol": HangulEojeol = i; break;
            case "particle_ratio": ParticleRatio = v; break;
            case "hangul_share": HangulShare = v; break;
            case "symbol_ratio": SymbolRatio = v; break;
            case "jamo_run_ratio": JamoRunRatio = v; break;
            case "replacement_ratio": ReplacementRatio = v; break;
            case "latin1_mojibake_ratio": Latin1MojibakeRatio = v; break;
            case "hangul_han_switch_ratio": HangulHanSwitchRatio = v; break;
            case "lines": Lines = i; break;
            case "c4_lines_removed": LinesRemoved = i; break;
            case "sentences": Sentences = i; break;
            case "line_punct_ratio": LinePunctRatio = v; break;
            case "short_line_ratio": ShortLineRatio = v; break;
            case "char_dup_ratio": CharDupRatio = v; break;
            case "newline_word_ratio": NewlineWordRatio = v; break;
            case "prose_share": ProseShare = v; break;
            case "code_share": CodeShare = v; break;
            case "markup_share": MarkupShare = v; break;
            case "table_share": TableShare = v; break;
            case "link_share": LinkShare = v; break;
            case "tech_word_ratio": TechWordRatio = v; break;
            case "turn_line_ratio": TurnLineRatio = v; break;
            case "lorem_ipsum": LoremIpsum = i; break;
            case "curly_bracket": CurlyBracket = i; break;
            case "mt_anomaly_ratio": MtAnomalyRatio = v; break;
            case "keyword_repeats": KeywordRepeats = i; break;
            case "sentence_coherence": SentenceCoherence = v; break;
            default:
                var top = Array.IndexOf(TopNames, name);
                var dup = Array.IndexOf(DupNames, name);
                if (top >= 2)
                {
                    TopNgramFrac[top] = v;
                }
                else if (dup >= 5)
                {
                    DupNgramFrac[dup] = v;
                }
                else
                {
                    return false;
                }

                break;
        }

        return true;
    }
}

/// <summary>What kind of text a document is, judged from its lines; stored as <c>meta.genre</c> and used to choose a filter profile.</summary>
public enum Genre
{
    Prose,
    Technical,
    Code,
    Conversation,
    Table,
    List,
}
