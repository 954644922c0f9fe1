using Moa.Curation.Filters;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

/// <summary>The machine-translation anomaly and keyword-stuffing rules (<see cref="KoreanProseSignals"/>).</summary>
public sealed class KoreanProseRuleTests
{
    private static FilterOutcome Run(string text, Action<KoreanOptions>? tune = null)
    {
        var options = Only(o =>
        {
            o.Korean.Enabled = true;
            tune?.Invoke(o.Korean);
        });
        return new QualityFilterSet(options).Evaluate(text, "ko");
    }

    private static DocumentSignals Measure(string text) => new QualityFilterSet(new QualityOptions()).Measure(text, "ko");

    [Theory]
    [InlineData("학생들은 도서관 에서 책을 읽었다.")] // a particle standing alone after a Hangul word
    [InlineData("그 그 사람이 왔다.")]               // a short word doubled
    [InlineData("저고리 of 위에 입는 옷이다.")]      // an English function word between Hangul words
    [InlineData("학생들은 읽었다 책을.")]            // a declarative sentence ending on a case particle (verb moved, SVO)
    public void MtAnomalies_EachKind_IsCounted(string text)
    {
        var words = text.Split(' ').Count(w => w.Any(c => c is >= '\uAC00' and <= '\uD7A3'));
        Measure(text).MtAnomalyRatio.ShouldBe(Math.Round(1.0 / words, 4));
    }

    [Theory]
    [InlineData("학생들은 도서관에서 책을 읽었다.")]
    [InlineData("그는 다시 한 번 그 말을 했다.")]
    [InlineData("``len()`` 을 호출합니다.")]         // a particle after a code token is Korean technical writing
    [InlineData("영하 10 도 까지 내려간다.")]
    public void MtAnomalies_EditedKorean_NoneCounted(string text) => Measure(text).MtAnomalyRatio.ShouldBe(0);

    [Fact]
    public void MtAnomalyRatio_WordByWordTranslation_Fires()
    {
        var text = "이것은 이다 매우 중요한 에 대한 당신의 건강. 최고의 방법 to 잃다 무게 빠른 은 운동 을 하는 것 것 이다 매일. "
            + "많은 사람들이 찾고 있다 정보를. 우리는 제공합니다 the 최고의 서비스 를 고객 에게.";
        Run(text).Rule.ShouldBe("korean.mt_anomaly_ratio");
    }

    [Fact]
    public void MtAnomalyRatio_Prose_Kept() => Run(KoProse(6)).Keep.ShouldBeTrue();

    [Fact]
    public void MtAnomalyRatio_TooFewEojeolToJudge_Kept() => Run("도서관 에서 읽었다.").Keep.ShouldBeTrue();

    [Fact]
    public void MtAnomalyRatio_SwitchedOff_Kept()
    {
        var text = "이것은 이다 매우 중요한 에 대한 당신의 건강. 최고의 방법 to 잃다 무게 빠른 은 운동 을 하는 것 것 이다 매일.";
        Run(text, k => k.MaxMtAnomalyRatio = null).Keep.ShouldBeTrue();
    }

    private static string SeoPage()
    {
        var lines = new List<string> { "강남 맛집 추천 TOP 5 | 강남 맛집 가격 총정리", "오늘은 강남 맛집에 대해 알아보겠습니다." };
        for (var i = 0; i < 6; i++)
        {
            lines.Add($"강남 맛집 후기의 경우 {Ko(i * 37)} {Ko((i * 37) + 500)}");
        }

        lines.Add("관련 검색어: 강남 맛집 추천, 강남 맛집 가격, 강남 맛집 후기");
        return string.Join('\n', lines);
    }

    [Fact]
    public void KeywordStuffing_KeywordOverUnrelatedSentences_Fires()
    {
        var signals = Measure(SeoPage());
        signals.KeywordRepeats.ShouldBe(12, "the stem pair 강남 맛집 counts with and without particles (맛집에)");
        signals.SentenceCoherence.ShouldBeLessThan(0.25);
        Run(SeoPage()).Rule.ShouldBe("korean.keyword_stuffing");
    }

    [Fact]
    public void KeywordStuffing_ArticleAboutOneTopic_Kept()
    {
        // A topic repeated in every sentence of a coherent article is not stuffing: its sentences share other words.
        var text = "세종 대왕은 조선의 제4대 국왕이다. 세종 대왕은 훈민정음을 창제하였다. 훈민정음은 백성을 가르치는 바른 소리라는 뜻이다. "
            + "세종 대왕의 명으로 집현전 학자들이 훈민정음 해례본을 지었다. 집현전은 세종 대왕이 설치한 학문 연구 기관이다. "
            + "세종 대왕은 집현전 학자들과 함께 농사직설을 펴냈다. 농사직설은 조선의 농법을 정리한 책이다. 세종 대왕은 측우기 제작도 지원하였다. "
            + "측우기는 세종 대왕 때 만들어진 강우량 측정 기구이다. 세종 대왕의 업적은 오늘날에도 기려진다. 세종 대왕 동상은 광화문 광장에 있다.";
        var signals = Measure(text);
        signals.KeywordRepeats.ShouldBeGreaterThanOrEqualTo(8);
        signals.SentenceCoherence.ShouldBeGreaterThan(0.25);
        Run(text).Keep.ShouldBeTrue();
    }

    [Fact]
    public void KeywordRepeats_StemInsidePunctuation_CountsAsOnePhrase()
    {
        // The stem's hash comes from the analyser's word hash (its last characters undone) or, after a leading mark, from
        // the stem itself: 강남 맛집을 / "강남 맛집" / (강남 맛집은) / 강남 맛집, are one pair of stems.
        var signals = Measure("강남 맛집을 찾았다. \"강남 맛집\" 추천. (강남 맛집은) 좋다. 강남 맛집, 최고.");
        signals.KeywordRepeats.ShouldBe(4);
    }

    [Theory]
    [InlineData(10)] // sentences scanned word by word against the previous one
    [InlineData(70)] // longer than the 64 words scanned that way: the document is measured with a table instead
    public void SentenceCoherence_SharedContentStem_LinksAdjacentSentences(int length)
    {
        // Two-syllable words, each its own content stem: sentence B shares one word with A, C none with B, so one of
        // the two adjacent pairs is linked. The first pair of the document (the top stem pair on ties) is left out.
        static string Word(int n) => new([(char)('\uAC00' + n), '나']);
        string Sentence(int from, int? shared) =>
            string.Join(' ', Enumerable.Range(from, length).Select(n => shared is { } s && n == from + (length / 2) ? Word(s) : Word(n))) + ".";
        var text = string.Join(' ', Sentence(0, null), Sentence(1000, length / 2), Sentence(2000, null));
        var signals = Measure(text);
        signals.KeywordRepeats.ShouldBe(1);
        signals.SentenceCoherence.ShouldBe(0.5);
    }

    [Fact]
    public void KeywordStuffing_FewRepeats_NotJudged() =>
        Run(SeoPage(), k => k.MinKeywordRepeats = 13).Keep.ShouldBeTrue();

    [Fact]
    public void KeywordStuffing_ConversationProfile_SwitchedOff()
    {
        var stage = new QualityStage(new QualityOptions { Profile = QualityProfiles.Conversation });
        stage.Evaluate(SeoPage(), "ko", new DocumentContext("jsonl", null, null)).Rule.ShouldNotBe("korean.keyword_stuffing");
    }

    [Fact]
    public void KoreanProseSignals_NotMeasuredForOtherLanguages()
    {
        var signals = new QualityFilterSet(new QualityOptions()).Measure(SeoPage(), "en");
        signals.KeywordRepeats.ShouldBe(0);
        signals.SentenceCoherence.ShouldBe(1);
        signals.MtAnomalyRatio.ShouldBe(0);
    }

    [Theory]
    [InlineData("max_mt_anomaly_ratio", "korean.max_mt_anomaly_ratio is 3; expected a fraction")]
    [InlineData("min_keyword_repeats", "korean.min_keyword_repeats")]
    [InlineData("min_sentence_coherence", "korean.min_sentence_coherence is 3; expected a fraction")]
    public void Options_OutOfRange_ErrorNamesKey(string key, string message)
    {
        var o = new QualityOptions();
        switch (key)
        {
            case "max_mt_anomaly_ratio": o.Korean.MaxMtAnomalyRatio = 3; break;
            case "min_keyword_repeats": o.Korean.MinKeywordRepeats = -1; break;
            default: o.Korean.MinSentenceCoherence = 3; break;
        }

        Should.Throw<MoaException>(() => new QualityFilterSet(o)).Message.ShouldContain(message);
    }
}
