using Moa.Curation.Filters;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

public sealed class C4RuleTests
{
    private static FilterOutcome Run(string text, string language = "ko", Action<C4Options>? tune = null)
    {
        var options = Only(o =>
        {
            o.C4.Enabled = true;
            tune?.Invoke(o.C4);
        });
        return new QualityFilterSet(options).Evaluate(text, language);
    }

    [Fact]
    public void LoremIpsum_AnyCase_Fires()
    {
        Run(KoProse(2) + "\nLorem Ipsum dolor sit amet, consectetur adipiscing elit.").Rule.ShouldBe("c4.lorem_ipsum");
    }

    [Fact]
    public void LoremIpsum_Switch_Off_Kept()
    {
        Run(KoProse(2) + "\nLorem ipsum dolor sit amet.", tune: c => c.FilterLoremIpsum = false).Keep.ShouldBeTrue();
    }

    [Fact]
    public void CurlyBracket_Fires_AndNotWithoutBracket()
    {
        Run(KoProse(2) + "\n{{ user_name }} 님, 주문하신 상품이 { 발송 } 되었습니다.").Rule.ShouldBe("c4.curly_bracket");
        Run(KoProse(2) + "\n(괄호)와 [대괄호]는 괜찮다.").Keep.ShouldBeTrue();
    }

    [Fact]
    public void CurlyBracket_OnCodeLineOrInsideInlineCode_NotJunk()
    {
        Run(KoProse(2) + "\nfunction f() { return 1; }").Rule.ShouldNotBe("c4.curly_bracket");
        Run(KoProse(2) + "\n실행 파일(:file:`{*}.exe` 파일)로 래핑합니다.").Rule.ShouldNotBe("c4.curly_bracket");
    }

    [Fact]
    public void JavascriptLine_Removed_RestKept()
    {
        var text = KoProse(2) + "\nPlease enable JavaScript to view this page.\n" + KoProse(2, 5);
        var outcome = Run(text);
        outcome.Keep.ShouldBeTrue();
        outcome.Text.ShouldBe(KoProse(2) + "\n" + KoProse(2, 5));
        outcome.Scores.ShouldContain(kv => kv.Key == "c4_lines_removed" && kv.Value == 1);
    }

    [Fact]
    public void PolicyLines_EnglishAndKorean_Removed_ParagraphBreakKept()
    {
        var text = KoProse(2) + "\n\n이용약관 | 개인정보처리방침 | 고객센터\nThis site uses cookies. Read our Privacy Policy.\n\n" + KoProse(2, 5);
        var outcome = Run(text);
        outcome.Text.ShouldBe(KoProse(2) + "\n\n" + KoProse(2, 5));
    }

    [Fact]
    public void PolicyLines_SwitchOff_TextUntouched()
    {
        var text = KoProse(2) + "\n이용약관 | 개인정보처리방침";
        Run(text, tune: c => c.RemovePolicyLines = false).Text.ShouldBeSameAs(text);
    }

    [Fact]
    public void TerminalPunctuation_English_LinesWithoutPunctuationRemoved()
    {
        var text = "Main menu\n" + EnText(20) + "\nShare this article";
        var outcome = Run(text, "en");
        outcome.Text.ShouldBe(EnText(20));
    }

    [Fact]
    public void TerminalPunctuation_KoreanExemptByDefault_TextIsSameInstance()
    {
        // 개조식 bullets end in nouns; removing them would gut Korean official documents.
        var text = "□ 지원 배경\n- 생성형 AI로 대전환의 계기 마련\n" + KoProse(2);
        Run(text).Text.ShouldBeSameAs(text);
    }

    [Fact]
    public void TerminalPunctuation_EllipsisIsNotTerminal()
    {
        var text = EnText(20) + "\nand then the story continues...";
        Run(text, "en").Text.ShouldBe(EnText(20));
    }

    [Fact]
    public void MinSentences_WhenSet_Fires()
    {
        Run(Ko(0) + " " + Ko(1), tune: c => c.MinSentences = 3).Rule.ShouldBe("c4.min_sentences");
        Run(KoProse(3), tune: c => c.MinSentences = 3).Keep.ShouldBeTrue();
    }

    [Fact]
    public void MinWordsPerLine_WhenSet_RemovesShortLines()
    {
        var text = KoProse(2) + "\n목차 보기\n" + KoProse(2, 4);
        Run(text, tune: c => c.MinWordsPerLine = 3).Text.ShouldBe(KoProse(2) + "\n" + KoProse(2, 4));
    }

    [Fact]
    public void MaxWordLength_LineWithHugeTokenRemoved()
    {
        var text = KoProse(2) + "\ndata:" + new string('A', 1200) + " 이미지\n" + KoProse(2, 4);
        Run(text).Text.ShouldBe(KoProse(2) + "\n" + KoProse(2, 4));
    }
}
