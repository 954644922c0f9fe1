using Moa.Curation.Filters;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

public sealed class FineWebRuleTests
{
    private static FilterOutcome Run(string text, string language = "en", Action<FineWebOptions>? tune = null)
    {
        var options = Only(o =>
        {
            o.FineWeb.Enabled = true;
            tune?.Invoke(o.FineWeb);
        });
        return new QualityFilterSet(options).Evaluate(text, language);
    }

    private static string[] Lines(int count, int words) =>
        Enumerable.Range(0, count).Select(i => EnText(words, i * words)).ToArray();

    [Fact]
    public void LinePunctRatio_OneInTen_FiresAndTwo_Kept()
    {
        var lines = Lines(10, 8);
        string Strip(int keep) => string.Join('\n', lines.Select((l, i) => i < keep ? l : l.TrimEnd('.')));
        Run(Strip(1)).Rule.ShouldBe("fineweb.line_punct_ratio");
        Run(Strip(2)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void LinePunctRatio_KoreanExempt()
    {
        var text = string.Join('\n', Enumerable.Range(0, 10).Select(i => KoProse(1, i).TrimEnd('.')));
        Run(text, "ko").Keep.ShouldBeTrue();
        Run(text, "ko", f => f.LinePunctExemptLanguages = []).Rule.ShouldBe("fineweb.line_punct_ratio");
    }

    [Fact]
    public void ShortLineRatio_SevenInTen_FiresAndSix_Kept()
    {
        var longLines = Lines(10, 10);
        string Mix(int shortCount) => string.Join('\n', longLines.Select((l, i) => i < shortCount ? "Short line " + i + "." : l));
        Run(Mix(7), tune: f => f.MaxNewlineWordRatio = null).Rule.ShouldBe("fineweb.short_line_ratio");
        Run(Mix(6)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void ShortLineRatio_KoreanUsesShorterLength()
    {
        // Forum-style Korean lines of 13-29 characters are not "short" for Korean.
        var text = string.Join('\n', "영화 정말 재미있게 잘 봤습니다.", "배우들 연기가 너무 좋았어요.", "다음 편도 꼭 보고 싶네요.", "음악이 정말 인상적이었습니다.");
        Run(text, "ko").Keep.ShouldBeTrue();
        Run(text, "ko", f => f.ShortLineLengthKo = 30).Rule.ShouldBe("fineweb.short_line_ratio");
    }

    [Fact]
    public void CharDupRatio_OneRepeatedLine_FiresAndNone_Kept()
    {
        var lines = Lines(20, 10);
        Run(string.Join('\n', lines.Concat(lines.Take(3)))).Rule.ShouldBe("fineweb.char_dup_ratio");
        Run(string.Join('\n', lines)).Keep.ShouldBeTrue();

        // One repeated line in 21 (about 5 % of the characters) is a repeated title or form line, kept by default
        // (FineWeb's original 0.01 removed real notices and RFPs); the original threshold still fires.
        Run(string.Join('\n', lines.Append(lines[3]))).Keep.ShouldBeTrue();
        Run(string.Join('\n', lines.Append(lines[3])), tune: f => f.MaxCharDupRatio = 0.01).Rule.ShouldBe("fineweb.char_dup_ratio");
    }

    [Fact]
    public void ListRatio_TwoWordLines_FiresAndSentences_Kept()
    {
        var words = EnWords(60).ToArray();
        var list = string.Join('\n', Enumerable.Range(0, 30).Select(i => words[2 * i] + " " + words[(2 * i) + 1] + "."));
        Run(list, tune: f => f.MaxShortLineRatio = null).Rule.ShouldBe("fineweb.list_ratio");
        Run(string.Join('\n', Lines(10, 5)), tune: f => f.MaxShortLineRatio = null).Keep.ShouldBeTrue();
    }
}
