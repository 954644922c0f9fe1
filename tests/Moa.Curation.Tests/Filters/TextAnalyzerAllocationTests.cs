using Moa.Curation.Filters;

namespace Moa.Curation.Tests.Filters;

/// <summary><see cref="TextAnalyzer"/> promises that analysing a document allocates nothing once its buffers have grown.</summary>
public sealed class TextAnalyzerAllocationTests
{
    private static readonly string s_text = string.Join('\n', Enumerable.Range(0, 120).Select(i =>
        $"국가 인공지능 파운데이션 모델의 말뭉치{i % 17}를 정제합니다. The corpus line {i % 9} has #tags... 그리고 2026년 {i}번째 문단입니다." + (i % 10 == 0 ? "\n" : "")));

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    public void Analyze_AfterWarmUp_AllocatesNothing(bool cjkCharWords, bool english, bool korean)
    {
        var analyzer = TextAnalyzer.ForCurrentThread();
        var allocated = Allocations.Least(() => analyzer.Analyze(s_text, cjkCharWords, english, korean));

        allocated.ShouldBe(0);
        analyzer.WordCount.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void NgramRepetitionAndKoreanSignals_AfterWarmUp_AllocateNothing()
    {
        var analyzer = TextAnalyzer.ForCurrentThread();
        var signals = new DocumentSignals();
        var top = new long[11];
        var dup = new long[11];
        var allocated = Allocations.Least(() =>
        {
            analyzer.Analyze(s_text, false, false, korean: true);
            analyzer.NgramRepetition(top, dup);
            analyzer.Korean.Finish(signals);
        });

        allocated.ShouldBe(0);
        top[2].ShouldBeGreaterThan(0);
        signals.KeywordRepeats.ShouldBeGreaterThan(1);
    }
}
