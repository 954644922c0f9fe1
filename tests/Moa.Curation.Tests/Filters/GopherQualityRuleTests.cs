using Moa.Curation.Filters;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

public sealed class GopherQualityRuleTests
{
    private static FilterOutcome Run(string text, string language = "en", Action<GopherQualityOptions>? tune = null)
    {
        var options = Only(o =>
        {
            o.GopherQuality.Enabled = true;
            tune?.Invoke(o.GopherQuality);
        });
        return new QualityFilterSet(options).Evaluate(text, language);
    }

    [Fact]
    public void MinWords_English49Words_Fires() => Run(EnText(49)).Rule.ShouldBe("gopher_quality.min_words");

    [Fact]
    public void MinWords_English50Words_Kept() => Run(EnText(50)).Keep.ShouldBeTrue();

    [Fact]
    public void MinWords_KoreanUsesEojeolThreshold()
    {
        var words = KoProse(6).Split(' ');
        Run(string.Join(' ', words.Take(11)), "ko").Rule.ShouldBe("gopher_quality.min_words");
        Run(string.Join(' ', words.Take(12)), "ko").Keep.ShouldBeTrue();
    }

    [Fact]
    public void MaxWords_OverLimit_Fires()
    {
        Run(EnText(120), tune: q => q.MaxWords = 100).Rule.ShouldBe("gopher_quality.max_words");
        Run(EnText(100), tune: q => q.MaxWords = 100).Keep.ShouldBeTrue();
    }

    [Fact]
    public void MeanWordLength_OneLetterWords_Fires()
    {
        var text = "the and " + string.Join(' ', Enumerable.Repeat("x y z", 20));
        Run(text).Rule.ShouldBe("gopher_quality.min_mean_word_length");
    }

    [Fact]
    public void MeanWordLength_LongTokens_Fires()
    {
        var text = "the and " + string.Join(' ', EnWords(60).Select(w => w + "abcdefghij"));
        Run(text).Rule.ShouldBe("gopher_quality.max_mean_word_length");
    }

    [Fact]
    public void HashWordRatio_OverOneInTen_FiresAndUnder_Kept()
    {
        var words = EnText(60).Split(' ');
        string Tag(int count) => string.Join(' ', words.Select((w, i) => i >= 10 && i < 10 + count ? "#" + w : w));
        Run(Tag(7)).Rule.ShouldBe("gopher_quality.hash_word_ratio");
        Run(Tag(5)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void EllipsisWordRatio_OverOneInTen_FiresAndUnder_Kept()
    {
        var words = EnText(60).Split(' ');
        string Trail(int count) => string.Join(' ', words.Select((w, i) => i >= 10 && i < 10 + count && !w.EndsWith('.') ? w + "..." : w));
        Run(Trail(7)).Rule.ShouldBe("gopher_quality.ellipsis_word_ratio");
        Run(Trail(5)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void BulletLineRatio_AllLinesBulleted_FiresAndNineInTen_Kept()
    {
        var lines = Enumerable.Range(0, 10).Select(i => EnText(8, i * 8)).ToArray();
        Run(string.Join('\n', lines.Select(l => "- " + l))).Rule.ShouldBe("gopher_quality.bullet_line_ratio");
        Run(string.Join('\n', lines.Select((l, i) => i == 0 ? l : "• " + l))).Keep.ShouldBeTrue();
    }

    [Fact]
    public void EllipsisLineRatio_FourInTenLines_FiresAndThree_Kept()
    {
        var lines = Enumerable.Range(0, 10).Select(i => EnText(12, i * 12)).ToArray();
        string Cut(int count) => string.Join('\n', lines.Select((l, i) => i < count ? l.TrimEnd('.') + " …" : l));
        Run(Cut(4)).Rule.ShouldBe("gopher_quality.ellipsis_line_ratio");
        Run(Cut(3)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void AlphaWordRatio_ManyNumbers_FiresAndFewer_Kept()
    {
        var words = EnText(60).Split(' ');
        string Numbers(int count) => string.Join(' ', words.Concat(Enumerable.Range(1000, count).Select(n => n.ToString())));
        Run(Numbers(16)).Rule.ShouldBe("gopher_quality.alpha_word_ratio");
        Run(Numbers(14)).Keep.ShouldBeTrue();
    }

    [Fact]
    public void Stopwords_EnglishWithOne_FiresWithTwo_Kept()
    {
        var text = EnText(60);
        Run(text.Replace(" and ", " also ", StringComparison.Ordinal)).Rule.ShouldBe("gopher_quality.stopwords");
        Run(text).Keep.ShouldBeTrue();
    }

    [Fact]
    public void Stopwords_NotAppliedToKorean()
    {
        Run(KoProse(5), "ko").Keep.ShouldBeTrue();
    }
}
