using Moa.Curation.Filters;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

public sealed class GopherRepetitionRuleTests
{
    private static FilterOutcome Run(string text, Action<GopherRepetitionOptions>? tune = null)
    {
        var options = Only(o =>
        {
            o.GopherRepetition.Enabled = true;

            // These tests exercise the n-gram rules on short texts; the word gate has its own tests.
            o.GopherRepetition.MinWordsForNgramRules = 0;
            tune?.Invoke(o.GopherRepetition);
        });
        return new QualityFilterSet(options).Evaluate(text, "ko");
    }

    private static void NoNgramRules(GopherRepetitionOptions r)
    {
        r.MaxTop2GramFrac = r.MaxTop3GramFrac = r.MaxTop4GramFrac = null;
        r.MaxDup5GramFrac = r.MaxDup6GramFrac = r.MaxDup7GramFrac = r.MaxDup8GramFrac = r.MaxDup9GramFrac = r.MaxDup10GramFrac = null;
    }

    // An NTS ruling (010000000000069924): the summary (요지) restates the answer (회신), so 26 % of its characters sit
    // in duplicated 5-grams although nothing is boilerplate.
    private const string Ruling =
        "[ 제 목 ]\n선하증권(B/L) 양도시 세금계산서 교부 여부\n[ 요 지 ]\n수입통관 전에 선하증권(B/L)을 양도한 경우에는 부가가치세가 과세되므로 세금계산서를 교부하여야 하는 것이며 선하증권을 양도받은 사업자가 수입통관하는 때에는 세관장으로부터 수입세금계산서를 다시 교부받는 것임.\n"
        + "[ 회 신 ]\n사업자가 수입통관 전에 선하증권(B/L)을 양도한 경우에는 부가가치세가 과세되므로 세금계산서를 교부하여야 하는 것이며 선하증권을 양도받은 사업자가 수입통관하는 때에는 세관장으로부터 수입세금계산서를 다시 교부받는 것입니다.";

    [Fact]
    public void NgramRules_ShortRulingBelowWordGate_KeptAndWithoutGate_Fires()
    {
        Run(Ruling, r => r.MinWordsForNgramRules = new GopherRepetitionOptions().MinWordsForNgramRules).Keep.ShouldBeTrue();
        Run(Ruling).Rule.ShouldBe("gopher_repetition.dup_5gram_frac");
    }

    [Fact]
    public void NgramRules_LongRepetitiveDocumentAboveWordGate_StillFires()
    {
        // The same restated passage, grown past the gate by repeating it inside one paragraph.
        var text = string.Join(' ', Enumerable.Repeat(Ruling.Replace('\n', ' '), 4));
        var outcome = Run(text, r => r.MinWordsForNgramRules = 150);
        outcome.Rule.ShouldNotBeNull();
        outcome.Rule.ShouldStartWith("gopher_repetition.");
    }

    [Fact]
    public void MinWordsForNgramRules_Negative_Rejected()
    {
        var options = new QualityOptions();
        options.GopherRepetition.MinWordsForNgramRules = -1;
        Should.Throw<MoaException>(() => new QualityFilterSet(options)).Message.ShouldContain("min_words_for_ngram_rules");
    }

    [Fact]
    public void DupParaFrac_TwoOfFiveParagraphsRepeat_Fires()
    {
        var text = string.Join("\n\n", Ko(0), Ko(1), Ko(2), Ko(0), Ko(0));
        Run(text).Rule.ShouldBe("gopher_repetition.dup_para_frac");
    }

    [Fact]
    public void DupParaFrac_OneShortRepeatAmongTwelve_Kept()
    {
        var paragraphs = Enumerable.Range(0, 11).Select(i => KoProse(2, 2 * i)).Append(KoProse(2, 0));
        Run(string.Join("\n\n", paragraphs)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void DupParaCharFrac_OneLongParagraphRepeated_Fires()
    {
        var longPara = KoProse(6, 10);
        var text = string.Join("\n\n", longPara, Ko(0), Ko(1), Ko(2), Ko(3), longPara);
        Run(text, NoNgramRules).Rule.ShouldBe("gopher_repetition.dup_para_char_frac");
    }

    [Fact]
    public void DupLineFrac_HalfTheLinesRepeat_Fires()
    {
        var text = string.Join('\n', Ko(0), Ko(1), Ko(2), Ko(0), Ko(0), Ko(0));
        Run(text).Rule.ShouldBe("gopher_repetition.dup_line_frac");
    }

    [Fact]
    public void DupLineFrac_ThirdOfLinesRepeat_BelowFineWeb2Threshold_Kept()
    {
        // 3 repeats of a short line among 10 lines: 0.3 < 0.374, and the repeated characters stay under 20 %.
        var lines = Enumerable.Range(0, 6).Select(i => KoProse(3, 3 * i + 20)).Concat(["감사합니다.", "감사합니다.", "감사합니다.", "감사합니다."]);
        Run(string.Join('\n', lines), NoNgramRules).Keep.ShouldBeTrue();
    }

    [Fact]
    public void DupLineCharFrac_OneLongLineRepeated_Fires()
    {
        var longLine = KoProse(6, 40);
        var lines = new[] { longLine, Ko(0), Ko(1), Ko(2), Ko(3), Ko(4), Ko(5), longLine };
        Run(string.Join('\n', lines), NoNgramRules).Rule.ShouldBe("gopher_repetition.dup_line_char_frac");
    }

    private static string RepeatedPhrase(string phrase, int times, int fillersPerRepeat) =>
        string.Join(' ', Enumerable.Range(0, times).Select(i =>
            phrase + " " + string.Join(' ', Enumerable.Range(i * fillersPerRepeat, fillersPerRepeat).Select(Filler))));

    [Fact]
    public void Top2GramFrac_PhraseDominates_Fires()
    {
        Run(RepeatedPhrase("서울맛집 추천순위", 12, 1)).Rule.ShouldBe("gopher_repetition.top_2gram_frac");
    }

    [Fact]
    public void Top2GramFrac_PhraseAmongEnoughOtherWords_Kept()
    {
        Run(RepeatedPhrase("서울맛집 추천순위", 12, 6)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void Top3GramFrac_ThreeWordPhraseRepeats_FiresWhileTwoGramsStayUnder()
    {
        // Each 2-gram covers 2/3 of the 3-gram's characters: 3-gram ≈ 0.33, 2-grams ≈ 0.22.
        Run(RepeatedPhrase("대한민국 정부발표 주요내용", 12, 4)).Rule.ShouldBe("gopher_repetition.top_3gram_frac");
    }

    [Fact]
    public void Top4GramFrac_FourWordPhraseRepeats_Fires()
    {
        Run(RepeatedPhrase("대한 민국 정부 발표", 12, 4)).Rule.ShouldBe("gopher_repetition.top_4gram_frac");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void DupNgramFrac_LongPassageRepeatedInsideOneLine_FiresAtEachN(int n)
    {
        var passage = KoProse(3, 60);
        var text = passage + " " + Ko(70) + " " + passage;
        var outcome = Run(text, r =>
        {
            r.MaxTop2GramFrac = r.MaxTop3GramFrac = r.MaxTop4GramFrac = null;
            double?[] limits = [r.MaxDup5GramFrac, r.MaxDup6GramFrac, r.MaxDup7GramFrac, r.MaxDup8GramFrac, r.MaxDup9GramFrac, r.MaxDup10GramFrac];
            for (var k = 5; k <= 10; k++)
            {
                limits[k - 5] = k == n ? limits[k - 5] : null;
            }

            (r.MaxDup5GramFrac, r.MaxDup6GramFrac, r.MaxDup7GramFrac, r.MaxDup8GramFrac, r.MaxDup9GramFrac, r.MaxDup10GramFrac) =
                (limits[0], limits[1], limits[2], limits[3], limits[4], limits[5]);
        });
        outcome.Rule.ShouldBe($"gopher_repetition.dup_{n}gram_frac");
    }

    [Fact]
    public void DupNgramFrac_ShortPhraseRepeatedOnce_Kept()
    {
        var phrase = "그 결과 다음과 같은 사실이 밝혀졌다.";
        Run(KoProse(8, 80) + " " + phrase + " " + KoProse(8, 90) + " " + phrase).Keep.ShouldBeTrue();
    }

    [Fact]
    public void Ngrams_Measured_MatchHandCount()
    {
        // Words: a b a b a b c (word characters: 1 each). Top 2-gram "a b" occurs 3 times: 3 * 2 = 6 characters of 13.
        var signals = new QualityFilterSet(new QualityOptions()).Measure("a b a b a b c", "ko");
        // Signals are rounded to 4 decimals, as stored in meta.quality.
        signals.TopNgramFrac[2].ShouldBe(6.0 / 13, 1e-4);
        // Top 3-gram: "a b a" and "b a b" twice each, 3 characters: 6 / 13.
        signals.TopNgramFrac[3].ShouldBe(6.0 / 13, 1e-4);
    }
}
