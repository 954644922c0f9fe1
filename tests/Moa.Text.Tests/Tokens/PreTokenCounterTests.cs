using Moa.Text.Tokens;

namespace Moa.Text.Tests.Tokens;

public sealed class PreTokenCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world!", 4)]
    [InlineData("안녕하세요", 3)]
    [InlineData("2024년 1월", 5)]
    [InlineData("東京に行く", 5)]
    [InlineData("a\n\nb", 3)]
    [InlineData("a  b", 3)]
    [InlineData("a b", 2)]
    [InlineData("😀😀!", 1)]
    [InlineData("ㅋㅋㅋ", 2)]
    [InlineData("1234567", 3)]
    public void Count_CountsPreTokensAsDocumented(string text, int expected)
    {
        PreTokenCounter.Default.Count(text).ShouldBe(expected);
    }

    [Fact]
    public void Count_NsmcReviews_BetweenWordsAndCharacters()
    {
        long tokens = 0, words = 0, chars = 0;
        foreach (var review in NsmcTexts.All)
        {
            tokens += PreTokenCounter.Default.Count(review);
            words += review.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            chars += review.Length;
        }

        tokens.ShouldBeGreaterThan(words);
        tokens.ShouldBeLessThan(chars);
        PreTokenCounter.Default.Name.ShouldBe("pretokens");
    }
}
