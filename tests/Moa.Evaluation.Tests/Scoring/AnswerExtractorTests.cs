using Moa.Evaluation.Scoring;

namespace Moa.Evaluation.Tests.Scoring;

public class AnswerExtractorTests
{
    private static readonly string[] s_choices = ["조선", "고려", "신라", "백제"];

    [Theory]
    [InlineData("정답: 3", 2)]
    [InlineData("정답은 2번입니다.", 1)]
    [InlineData("답은 2번", 1)]
    [InlineData("③", 2)]
    [InlineData("정답은 ④번입니다.", 3)]
    [InlineData("(C)", 2)]
    [InlineData("C. 신라", 2)]
    [InlineData("B", 1)]
    [InlineData("4", 3)]
    [InlineData("1)", 0)]
    [InlineData("Answer: D", 3)]
    [InlineData("The answer is B.", 1)]
    [InlineData("**정답: 1**", 0)]
    [InlineData("정답 번호는 4", 3)]
    [InlineData("정답은 (다)입니다", 2)]
    [InlineData("정답：２", 1)] // full-width colon and digit
    [InlineData("다. 신라", 2)]
    [InlineData("문제를 살펴보면, 1번은 틀렸고 2번도 아닙니다. 따라서 정답은 3번입니다.", 2)]
    [InlineData("<think>1번일까? 아니다, 4번이다.</think>\n정답: 4", 3)]
    [InlineData("고구려가 아닌 고려가 맞습니다.", 1)]
    [InlineData("이 문제의 답은 신라입니다.", 2)]
    [InlineData("정답: ㄴ", 1)] // NFKC turns compatibility jamo into conjoining ones
    [InlineData("ㄷ. 신라", 2)]
    [InlineData("정답은 (ㄹ)입니다.", 3)]
    [InlineData("1번이 아니라 2번입니다.", 1)]
    [InlineData("A가 아니고 C가 정답입니다.", 2)]
    [InlineData("정답은 1번이 아니라 4번", 3)]
    [InlineData("answer: b", 1)]
    [InlineData("b.", 1)]
    [InlineData("[2]", 1)]
    [InlineData("보기 중에서는 [3]이 맞습니다.", 2)]
    [InlineData("**2**", 1)]
    [InlineData("제 생각에는 **3번**이 맞습니다.", 2)]
    [InlineData("B입니다", 1)]
    [InlineData("3입니다.", 2)]
    public void Extract_RealisticKoreanOutputs_FindTheChoice(string response, int expected)
    {
        AnswerExtractor.Extract(response, 4, s_choices).Index.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("잘 모르겠습니다.")]
    [InlineData("1번과 2번 모두 가능해 보입니다.")]
    [InlineData("정답: 7")] // out of range
    [InlineData("I think it is hard to say.")]
    [InlineData("가장 적절한 것을 고르기 어렵습니다.")]
    [InlineData("The answer is a difficult one.")]
    [InlineData("1번이 아니라 다른 것 같습니다.")]
    public void Extract_NoClearAnswer_ReturnsMinusOne(string response)
    {
        AnswerExtractor.Extract(response, 4, s_choices).Index.ShouldBe(-1);
    }

    [Fact]
    public void Extract_ReportsHowTheAnswerWasFound()
    {
        AnswerExtractor.Extract("정답: 2", 4).Method.ShouldBe("marker");
        AnswerExtractor.Extract("(B) 고려", 4).Method.ShouldBe("leading");
        AnswerExtractor.Extract("보기 중 ②가 맞다", 4).Method.ShouldBe("affirmed");
        AnswerExtractor.Extract("보기 ②를 고르겠다", 4).Method.ShouldBe("circled");
        AnswerExtractor.Extract("고민했지만 **3**", 4).Method.ShouldBe("bold");
        AnswerExtractor.Extract("신라", 4, s_choices).Method.ShouldBe("choice_text");
    }

    [Fact]
    public void Extract_LongerChoiceContainingShorter_PicksTheLonger()
    {
        string[] choices = ["사과", "사과나무", "배"];
        AnswerExtractor.Extract("사과나무입니다", 3, choices).Index.ShouldBe(1);
    }

    [Theory]
    [InlineData("3", 2)]
    [InlineData("C", 2)]
    [InlineData("c", 2)]
    [InlineData("다", 2)]
    [InlineData("ㄷ", 2)]
    [InlineData("10", 9)]
    [InlineData("0", -1)]
    [InlineData("Z", -1)]
    public void LabelToIndex_MapsEveryLabelStyle(string label, int expected)
    {
        AnswerExtractor.LabelToIndex(label).ShouldBe(expected);
    }
}

public class AnswerExtractorLeadingTests
{
    [Theory]
    [InlineData("2번이 정답입니다.", 1)]
    [InlineData("2번 또는 3번", -1)]
    public void Extract_LeadingNumber_UnlessItIsAnAlternative(string response, int expected)
    {
        AnswerExtractor.Extract(response, 4).Index.ShouldBe(expected);
    }
}
