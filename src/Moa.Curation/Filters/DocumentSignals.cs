namespace Moa.Curation.Filters;

/// <summary>Every signal measured on one document; the rules compare these with the thresholds in <see cref="QualityOptions"/>.</summary>
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

    public int Lines;
    public int LinesRemoved;
    public int Sentences;
    public double LinePunctRatio;
    public double ShortLineRatio;
    public double CharDupRatio;
    public double NewlineWordRatio;

    [ThreadStatic]
    private static DocumentSignals? t_scratch;

    /// <summary>This thread's reusable instance, cleared (Evaluate copies what it keeps into the outcome's scores).</summary>
    public static DocumentSignals ForCurrentThread()
    {
        var s = t_scratch ??= new DocumentSignals();
        s.Clear();
        return s;
    }

    private void Clear()
    {
        Words = NonSymbolWords = Stopwords = HangulEojeol = Lines = LinesRemoved = Sentences = 0;
        MeanWordLength = HashWordRatio = EllipsisWordRatio = BulletLineRatio = EllipsisLineRatio = AlphaWordRatio = 0;
        DupLineFrac = DupParaFrac = DupLineCharFrac = DupParaCharFrac = 0;
        ParticleRatio = HangulShare = SymbolRatio = JamoRunRatio = ReplacementRatio = Latin1MojibakeRatio = HangulHanSwitchRatio = 0;
        LinePunctRatio = ShortLineRatio = CharDupRatio = NewlineWordRatio = 0;
        Array.Clear(TopNgramFrac);
        Array.Clear(DupNgramFrac);
    }

    /// <summary>All signals by name, for measurement and documentation.</summary>
    public IEnumerable<KeyValuePair<string, double>> All()
    {
        yield return new("words", Words);
        yield return new("non_symbol_words", NonSymbolWords);
        yield return new("mean_word_len", MeanWordLength);
        yield return new("hash_word_ratio", HashWordRatio);
        yield return new("ellipsis_word_ratio", EllipsisWordRatio);
        yield return new("bullet_line_ratio", BulletLineRatio);
        yield return new("ellipsis_line_ratio", EllipsisLineRatio);
        yield return new("alpha_word_ratio", AlphaWordRatio);
        yield return new("stopwords", Stopwords);
        yield return new("dup_line_frac", DupLineFrac);
        yield return new("dup_para_frac", DupParaFrac);
        yield return new("dup_line_char_frac", DupLineCharFrac);
        yield return new("dup_para_char_frac", DupParaCharFrac);
        for (var n = 2; n <= 4; n++)
        {
            yield return new($"top_{n}gram_frac", TopNgramFrac[n]);
        }

        for (var n = 5; n <= 10; n++)
        {
            yield return new($"dup_{n}gram_frac", DupNgramFrac[n]);
        }

        yield return new("hangul_eojeol", HangulEojeol);
        yield return new("particle_ratio", ParticleRatio);
        yield return new("hangul_share", HangulShare);
        yield return new("symbol_ratio", SymbolRatio);
        yield return new("jamo_run_ratio", JamoRunRatio);
        yield return new("replacement_ratio", ReplacementRatio);
        yield return new("latin1_mojibake_ratio", Latin1MojibakeRatio);
        yield return new("hangul_han_switch_ratio", HangulHanSwitchRatio);
        yield return new("lines", Lines);
        yield return new("lines_removed", LinesRemoved);
        yield return new("sentences", Sentences);
        yield return new("line_punct_ratio", LinePunctRatio);
        yield return new("short_line_ratio", ShortLineRatio);
        yield return new("char_dup_ratio", CharDupRatio);
        yield return new("newline_word_ratio", NewlineWordRatio);
    }
}
