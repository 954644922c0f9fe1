using System.Text;
using Moa.Curation.Filters;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

public sealed class KoreanRuleTests
{
    private static readonly Encoding Cp949 = GetCodePage(949);

    private static Encoding GetCodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static FilterOutcome Run(string text, string language = "ko", Action<KoreanOptions>? tune = null)
    {
        var options = Only(o =>
        {
            o.Korean.Enabled = true;
            tune?.Invoke(o.Korean);
        });
        return new QualityFilterSet(options).Evaluate(text, language);
    }

    [Fact]
    public void ParticleRatio_NounKeywordList_Fires()
    {
        var text = "서울 맛집 추천 강남역 맛집 가격 비교 홍대 카페 순위 후기 할인 쿠폰 무료 배송 이벤트 정보 사이트 예약 방법";
        Run(text).Rule.ShouldBe("korean.particle_ratio");
    }

    [Fact]
    public void ParticleRatio_Prose_Kept() => Run(KoProse(4)).Keep.ShouldBeTrue();

    [Fact]
    public void ParticleRatio_TooFewEojeolToJudge_Kept() => Run("서울 맛집 추천 강남역 맛집").Keep.ShouldBeTrue();

    [Fact]
    public void HangulShare_MostlyLatinWords_Fires()
    {
        var text = "The Kubernetes cluster runs the deployment rollout while the observability stack watches it 구성된다.";
        Run(text).Rule.ShouldBe("korean.hangul_share");
    }

    [Fact]
    public void HangulShare_KoreanSentenceWithEnglishTerms_Kept()
    {
        // Hangul share counts words: 6 of these 10 words carry Hangul (by letters it would be about a quarter).
        var text = "Kubernetes cluster에서 deployment rollout을 monitoring하는 observability stack은 Prometheus와 Grafana로 구성된다.";
        Run(text).Rule.ShouldNotBe("korean.hangul_share");
    }

    [Fact]
    public void HangulShare_InlineCodeAndRoles_NotCounted()
    {
        var text = "컨테이너형을 만들려면, 형 객체의 :c:member:`~PyTypeObject.tp_flags` 필드가 :c:macro:`Py_TPFLAGS_HAVE_GC`\\를 포함해야 하고 "
            + ":c:member:`~PyTypeObject.tp_traverse` 처리기 구현을 제공해야 합니다. 형의 인스턴스가 가변이면, :c:member:`~PyTypeObject.tp_clear` 구현도 제공해야 합니다.";
        var signals = new QualityFilterSet(new QualityOptions()).Measure(text, "ko");
        signals.HangulShare.ShouldBe(1.0);
        signals.SymbolRatio.ShouldBe(0.0);
        Run(text).Keep.ShouldBeTrue();
    }

    [Fact]
    public void HangulShare_ProseWithSomeEnglish_Kept()
    {
        Run("한국지능정보사회진흥원(NIA)은 AI 성능 향상 및 서비스 개발을 위한 초거대AI 확산 생태계 조성사업을 공고하였다. 참여를 희망하는 기업은 신청하여 주시기 바란다.")
            .Keep.ShouldBeTrue();
    }

    [Fact]
    public void SymbolRatio_DecoratedText_FiresAndLightDecoration_Kept()
    {
        var words = KoProse(3).Split(' ');
        Run(string.Join(' ', words.Select(w => w + "★♥"))).Rule.ShouldBe("korean.symbol_ratio");
        Run("★ " + string.Join(' ', words) + " ★").Keep.ShouldBeTrue();
    }

    [Fact]
    public void JamoRunRatio_LaughterFlood_FiresAndOneLaugh_Kept()
    {
        Run("진짜 웃기다 ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ\nㅎㅎㅎㅎㅎㅎㅎㅎㅎㅎ 대박 영화").Rule.ShouldBe("korean.jamo_run_ratio");
        Run(KoProse(2) + " ㅋㅋㅋ 정말 재미있게 봤습니다.").Keep.ShouldBeTrue();
    }

    [Fact]
    public void JamoRunRatio_TwoJamoAreNotARun()
    {
        var signals = new QualityFilterSet(new QualityOptions()).Measure("ㅠㅠ 슬프다 ㅋㅋ 웃기다", "ko");
        signals.JamoRunRatio.ShouldBe(0);
    }

    [Fact]
    public void ReplacementChar_SeveralFffd_FiresAndNone_Kept()
    {
        var prose = KoProse(3);
        Run(prose.Replace(" ", " \uFFFD", StringComparison.Ordinal)).Rule.ShouldBe("korean.replacement_char");
        Run(prose).Keep.ShouldBeTrue();
    }

    [Fact]
    public void Latin1Mojibake_Cp949ReadAsLatin1_FiresForAnyLanguage()
    {
        var garbled = Encoding.Latin1.GetString(Cp949.GetBytes(KoProse(3)));
        garbled.ShouldContain("Ç");
        Run(garbled, "other").Rule.ShouldBe("korean.latin1_mojibake");
        Run(garbled, "en").Rule.ShouldBe("korean.latin1_mojibake");
    }

    [Fact]
    public void Latin1Mojibake_Utf8ReadAsLatin1_Fires()
    {
        var garbled = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(KoProse(3)));
        Run(garbled, "other").Rule.ShouldBe("korean.latin1_mojibake");
    }

    [Fact]
    public void Latin1Mojibake_FrenchAndKoreanEllipsis_Kept()
    {
        Run("Les élèves de l'école française ont visité le musée à Séoul, où ils ont découvert l'histoire coréenne.", "other").Keep.ShouldBeTrue();
        Run("하늘을 덮는 잎사귀, 그 무성한 잎사귀들……. 그 잎사귀 서걱거리는 소리가 골목 어귀까지 들리는 성싶었다. “정말이야…”라고 말했다.").Keep.ShouldBeTrue();
    }

    [Fact]
    public void Latin1Mojibake_SwitchedOffForOtherLanguages_Kept()
    {
        var garbled = Encoding.Latin1.GetString(Cp949.GetBytes(KoProse(3)));
        Run(garbled, "other", k => k.MojibakeAllLanguages = false).Keep.ShouldBeTrue();
    }

    [Fact]
    public void HangulHanSwitch_Utf8ReadAsCp949_Fires()
    {
        var garbled = Cp949.GetString(Encoding.UTF8.GetBytes(KoProse(3)));
        Run(garbled).Rule.ShouldBe("korean.hangul_han_switch");
    }

    [Fact]
    public void HangulHanSwitch_HanjaGlossesInParentheses_Kept()
    {
        Run("크로노미터(Chronometer), 즉 경선의(經線儀)는 선박의 진동 및 온도 변화에 영향을 받지 않는 정밀 휴대용 태엽 시계를 말한다. 국어(國語)를 공부하는 학생이 많다.")
            .Keep.ShouldBeTrue();
    }

    [Fact]
    public void KoreanRules_NotAppliedToOtherLanguages()
    {
        Run("서울 맛집 추천 강남역 맛집 가격 비교 홍대 카페 순위 후기 할인 쿠폰 무료 배송 이벤트 정보", "other").Keep.ShouldBeTrue();
    }
}
