using Moa.Evaluation.Scoring;

namespace Moa.Evaluation.Tests.Scoring;

public class MultipleChoiceScoreTests
{
    // lm-evaluation-harness: pred = argmax(lls); pred_norm = argmax(lls / [len(c) for c in choices]);
    // acc_bytes divides by len(c.encode("utf-8")). Lengths are of the choice text without the target delimiter.
    [Fact]
    public void Compute_LongerChoiceWithLowerSum_WinsOnlyAfterNormalisation()
    {
        string[] choices = ["예", "아니오 그렇지 않습니다"]; // 1 and 12 code points; 3 and 32 UTF-8 bytes
        double[] lls = [-3.0, -6.0];

        var s = MultipleChoiceScore.Compute(lls, choices, gold: 1);

        s.Predicted.ShouldBe(0);        // -3 > -6
        s.PredictedNorm.ShouldBe(1);    // -3/1 = -3 < -6/12 = -0.5
        s.PredictedBytes.ShouldBe(1);   // -3/3 = -1 < -6/32 = -0.1875
        s.Acc.ShouldBe(0.0);
        s.AccNorm.ShouldBe(1.0);
        s.AccBytes.ShouldBe(1.0);
    }

    [Fact]
    public void Compute_CharAndByteNormalisationDisagree_WhenScriptsDiffer()
    {
        // "abcd": 4 chars, 4 bytes. "가나": 2 chars, 6 bytes.
        string[] choices = ["abcd", "가나"];
        double[] lls = [-4.0, -3.0];

        var s = MultipleChoiceScore.Compute(lls, choices, gold: 0);

        s.Predicted.ShouldBe(1);       // -3 > -4
        s.PredictedNorm.ShouldBe(0);   // -1.0 vs -1.5
        s.PredictedBytes.ShouldBe(1);  // -1.0 vs -0.5
    }

    [Fact]
    public void Compute_Ties_GoToTheFirstIndexLikeNumpyArgmax()
    {
        var s = MultipleChoiceScore.Compute([-2.0, -2.0, -5.0], ["가", "나", "다"], gold: 1);
        s.Predicted.ShouldBe(0);
        s.PredictedNorm.ShouldBe(0);
        s.Acc.ShouldBe(0.0);
    }

    [Fact]
    public void Compute_FourChoicesFromHandMadeVectors_MatchesHarnessArithmetic()
    {
        string[] choices = ["서울", "부산광역시", "대구", "인천광역시청"];
        double[] lls = [-7.2, -9.0, -6.9, -11.4];
        // norm: -3.6, -1.8, -3.45, -1.9 -> index 1; bytes (6,15,6,18): -1.2, -0.6, -1.15, -0.6333 -> index 1
        var s = MultipleChoiceScore.Compute(lls, choices, gold: 2);
        s.Predicted.ShouldBe(2);
        s.PredictedNorm.ShouldBe(1);
        s.PredictedBytes.ShouldBe(1);
        (s.Acc, s.AccNorm, s.AccBytes).ShouldBe((1.0, 0.0, 0.0));
    }

    [Fact]
    public void CharLength_CountsCodePointsLikePython()
    {
        MultipleChoiceScore.CharLength("한국어").ShouldBe(3);
        MultipleChoiceScore.CharLength("a😀b").ShouldBe(3); // UTF-16 length is 4
    }

    [Fact]
    public void Compute_MismatchedLengths_Throws()
    {
        Should.Throw<ArgumentException>(() => MultipleChoiceScore.Compute([-1.0], ["a", "b"], 0));
    }
}

public class TextMatchTests
{
    [Theory]
    [InlineData("세종대왕", "세종대왕", 1.0)]
    [InlineData(" 세종 대왕. ", "세종대왕", 1.0)]
    [InlineData("세종", "세종대왕", 0.0)]
    [InlineData("ＡＢＣ", "abc", 0.0)] // full-width is not folded by exact match
    public void ExactMatch_NormalisesSpacesAndPunctuation(string prediction, string reference, double expected)
    {
        TextMatch.ExactMatch(prediction, reference).ShouldBe(expected);
    }

    [Fact]
    public void CharF1_CountsCharacterOverlap()
    {
        // prediction 세종(2 chars) vs reference 세종대왕(4): precision 1, recall 0.5 -> F1 2/3
        TextMatch.CharF1("세종", "세종대왕").ShouldBe(2.0 / 3.0, 1e-12);
        TextMatch.CharF1("조선 세종", "세종대왕").ShouldBe(2 * (2.0 / 4) * (2.0 / 4) / 1.0, 1e-12);
        TextMatch.CharF1("고려", "세종대왕").ShouldBe(0.0);
        TextMatch.CharF1("", "").ShouldBe(1.0);
    }

    [Fact]
    public void CharF1_RepeatedCharactersCountOnceEach()
    {
        // "하하하" vs "하": common = 1, precision 1/3, recall 1 -> 0.5
        TextMatch.CharF1("하하하", "하").ShouldBe(0.5, 1e-12);
    }
}
