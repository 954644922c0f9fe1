using System.Globalization;

namespace Moa.Curation.Filters;

/// <summary>Checks bound <see cref="QualityOptions"/> before any document is filtered, naming the YAML key at fault.</summary>
internal static class QualityOptionsValidation
{
    public static void Validate(QualityOptions o)
    {
        var r = o.GopherRepetition ?? throw Empty("gopher_repetition");
        var q = o.GopherQuality ?? throw Empty("gopher_quality");
        var k = o.Korean ?? throw Empty("korean");
        var c = o.C4 ?? throw Empty("c4");
        var f = o.FineWeb ?? throw Empty("fineweb");
        var p = o.Prose ?? throw Empty("prose");

        Fraction(r.MaxDupLineFrac, "gopher_repetition.max_dup_line_frac");
        Fraction(r.MaxDupParaFrac, "gopher_repetition.max_dup_para_frac");
        Fraction(r.MaxDupLineCharFrac, "gopher_repetition.max_dup_line_char_frac");
        Fraction(r.MaxDupParaCharFrac, "gopher_repetition.max_dup_para_char_frac");
        NonNegative(r.MaxTop2GramFrac, "gopher_repetition.max_top2_gram_frac");
        NonNegative(r.MaxTop3GramFrac, "gopher_repetition.max_top3_gram_frac");
        NonNegative(r.MaxTop4GramFrac, "gopher_repetition.max_top4_gram_frac");
        Fraction(r.MaxDup5GramFrac, "gopher_repetition.max_dup5_gram_frac");
        Fraction(r.MaxDup6GramFrac, "gopher_repetition.max_dup6_gram_frac");
        Fraction(r.MaxDup7GramFrac, "gopher_repetition.max_dup7_gram_frac");
        Fraction(r.MaxDup8GramFrac, "gopher_repetition.max_dup8_gram_frac");
        Fraction(r.MaxDup9GramFrac, "gopher_repetition.max_dup9_gram_frac");
        Fraction(r.MaxDup10GramFrac, "gopher_repetition.max_dup10_gram_frac");
        NonNegative(r.MinWordsForNgramRules, "gopher_repetition.min_words_for_ngram_rules");

        NonNegative(q.MinWords, "gopher_quality.min_words");
        NonNegative(q.MinWordsKo, "gopher_quality.min_words_ko");
        NonNegative(q.MaxWords, "gopher_quality.max_words");
        Ordered(q.MinWords, q.MaxWords, "gopher_quality.min_words", "gopher_quality.max_words");
        Ordered(q.MinWordsKo, q.MaxWords, "gopher_quality.min_words_ko", "gopher_quality.max_words");
        NonNegative(q.MinMeanWordLength, "gopher_quality.min_mean_word_length");
        NonNegative(q.MaxMeanWordLength, "gopher_quality.max_mean_word_length");
        Ordered(q.MinMeanWordLength, q.MaxMeanWordLength, "gopher_quality.min_mean_word_length", "gopher_quality.max_mean_word_length");
        NonNegative(q.MinMeanWordLengthKo, "gopher_quality.min_mean_word_length_ko");
        NonNegative(q.MaxMeanWordLengthKo, "gopher_quality.max_mean_word_length_ko");
        Ordered(q.MinMeanWordLengthKo, q.MaxMeanWordLengthKo, "gopher_quality.min_mean_word_length_ko", "gopher_quality.max_mean_word_length_ko");
        NonNegative(q.MaxHashWordRatio, "gopher_quality.max_hash_word_ratio");
        NonNegative(q.MaxEllipsisWordRatio, "gopher_quality.max_ellipsis_word_ratio");
        NonNegative(q.MaxEllipsisWordRatioKo, "gopher_quality.max_ellipsis_word_ratio_ko");
        Fraction(q.MaxBulletLineRatio, "gopher_quality.max_bullet_line_ratio");
        Fraction(q.MaxEllipsisLineRatio, "gopher_quality.max_ellipsis_line_ratio");
        Fraction(q.MaxEllipsisLineRatioKo, "gopher_quality.max_ellipsis_line_ratio_ko");
        Fraction(q.MinAlphaWordRatio, "gopher_quality.min_alpha_word_ratio");
        Fraction(q.MinAlphaWordRatioKo, "gopher_quality.min_alpha_word_ratio_ko");
        NonNegative(q.MinStopwordsEn, "gopher_quality.min_stopwords_en");

        Fraction(k.MinParticleRatio, "korean.min_particle_ratio");
        NonNegative(k.MinEojeolForParticleRatio, "korean.min_eojeol_for_particle_ratio");
        Fraction(k.MinHangulShare, "korean.min_hangul_share");
        Fraction(k.MaxSymbolRatio, "korean.max_symbol_ratio");
        Fraction(k.MaxJamoRunRatio, "korean.max_jamo_run_ratio");
        Fraction(k.MaxReplacementCharRatio, "korean.max_replacement_char_ratio");
        Fraction(k.MaxLatin1MojibakeRatio, "korean.max_latin1_mojibake_ratio");
        NonNegative(k.MaxHangulHanSwitchRatio, "korean.max_hangul_han_switch_ratio");
        Fraction(k.MaxMtAnomalyRatio, "korean.max_mt_anomaly_ratio");
        NonNegative(k.MinKeywordRepeats, "korean.min_keyword_repeats");
        Fraction(k.MinSentenceCoherence, "korean.min_sentence_coherence");

        NonNegative(c.MinWordsPerLine, "c4.min_words_per_line");
        if (c.MaxWordLength is < 1)
        {
            throw Invalid("c4.max_word_length", c.MaxWordLength.Value, "a length of at least 1 character (or ~ to keep every line)");
        }

        NonNegative(c.MinSentences, "c4.min_sentences");

        Fraction(f.MinLinePunctRatio, "fineweb.min_line_punct_ratio");
        NonNegative(f.ShortLineLength, "fineweb.short_line_length");
        NonNegative(f.ShortLineLengthKo, "fineweb.short_line_length_ko");
        Fraction(f.MaxShortLineRatio, "fineweb.max_short_line_ratio");
        Fraction(f.MaxCharDupRatio, "fineweb.max_char_dup_ratio");
        NonNegative(f.MaxNewlineWordRatio, "fineweb.max_newline_word_ratio");

        Fraction(p.MinProseShare, "prose.min_prose_share");
    }

    private static MoaException Empty(string key) =>
        new($"quality.{key} is empty in the pipeline configuration: give it settings (e.g. 'enabled: false') or remove the key to use the defaults.");

    private static MoaException Invalid(string key, double value, string expected) =>
        new($"quality.{key} is {value.ToString(CultureInfo.InvariantCulture)}; expected {expected}. Fix the pipeline configuration.");

    private static void Fraction(double? value, string key)
    {
        if (value is { } v && (double.IsNaN(v) || v < 0 || v > 1))
        {
            throw Invalid(key, v, "a fraction between 0 and 1 (or ~ to switch the rule off)");
        }
    }

    private static void NonNegative(double? value, string key)
    {
        if (value is { } v && (double.IsNaN(v) || v < 0))
        {
            throw Invalid(key, v, "a number of 0 or more (or ~ to switch the rule off)");
        }
    }

    private static void NonNegative(int? value, string key)
    {
        if (value is < 0)
        {
            throw Invalid(key, value.Value, "a count of 0 or more (or ~ to switch the rule off)");
        }
    }

    private static void Ordered(double? min, double? max, string minKey, string maxKey)
    {
        if (min is { } lo && max is { } hi && lo > hi)
        {
            throw new MoaException(
                $"quality.{minKey} ({lo.ToString(CultureInfo.InvariantCulture)}) is above quality.{maxKey} ({hi.ToString(CultureInfo.InvariantCulture)}), so every document would be removed. Lower the minimum or raise the maximum.");
        }
    }
}
