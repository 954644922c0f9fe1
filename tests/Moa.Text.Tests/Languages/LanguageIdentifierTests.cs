using System.Text.Json;
using Moa.Text.Languages;

namespace Moa.Text.Tests.Languages;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Id = LanguageIdentifier.Default;

    [Fact]
    public void Identify_NsmcReviews_AreKorean()
    {
        var reviews = NsmcTexts.All.Where(r => LanguageIdentifier.Profile(r).Hangul >= 5).ToList();
        var korean = reviews.Count(r => Id.Identify(r).Code == "ko");

        reviews.Count.ShouldBeGreaterThan(30000);
        ((double)korean / reviews.Count).ShouldBeGreaterThan(0.99);
        NsmcTexts.All.ShouldAllBe(r => Id.Identify(r).Score >= 0 && Id.Identify(r).Score <= 1);
    }

    [Fact]
    public void Identify_ClickQuestions_AreKoreanWithHighConfidence()
    {
        var files = Directory.GetFiles(TestPaths.Data("benchmarks", "click"), "*.json", SearchOption.AllDirectories);
        var questions = files
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray())
            .Select(e => e.GetProperty("paragraph").GetString() + "\n" + e.GetProperty("question").GetString())
            .ToList();

        questions.Count.ShouldBe(1995);
        var guesses = questions.Select(q => Id.Identify(q)).ToList();
        guesses.Count(g => g.Code == "ko").ShouldBeGreaterThanOrEqualTo(1990);
        guesses.Where(g => g.Code == "ko").Average(g => g.Score).ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Identify_KobestBoolQ_IsKorean()
    {
        var lines = File.ReadLines(TestPaths.Data("benchmarks", "kobest", "BoolQ", "dev.tsv")).Skip(1).ToList();

        lines.ShouldAllBe(l => Id.Identify(l.Split('\t')[1]).Code == "ko");
    }

    [Theory]
    [InlineData("000_")]
    [InlineData("001_")]
    [InlineData("002_")]
    public void Identify_SeedArticles_AreEnglish(string prefix)
    {
        var file = Directory.GetFiles(Path.Combine(TestPaths.SharedData, "..", "seeds"), prefix + "*.txt").Single();

        var guess = Id.Identify(File.ReadAllText(file));

        guess.Code.ShouldBe("en");
        guess.Score.ShouldBeGreaterThan(0.8);
    }

    [Theory]
    [InlineData("大韓民國은 民主共和國이다. 大韓民國의 主權은 國民에게 있고, 모든 權力은 國民으로부터 나온다.", "ko")]
    [InlineData("AI 모델을 training 할 때 data quality가 중요합니다", "ko")]
    [InlineData("私は学生です。東京に住んでいます。日本語を勉強しています。", "ja")]
    [InlineData("我们是中国人，我们爱我们的国家。今天天气很好。", "zh")]
    [InlineData("The committee will review the proposal and publish its decision in the spring.", "en")]
    [InlineData("Die Regierung hat beschlossen, dass die Daten nicht mehr gespeichert werden.", "de")]
    [InlineData("Le gouvernement a décidé que les données ne seront plus conservées dans le pays.", "fr")]
    [InlineData("El gobierno decidió que los datos no se guardarán más en el país por ahora.", "es")]
    [InlineData("Pemerintah telah memutuskan bahwa data tersebut tidak akan disimpan lagi di negara ini.", "id")]
    [InlineData("Chính phủ đã quyết định rằng dữ liệu sẽ không được lưu trữ trong nước nữa.", "vi")]
    [InlineData("Правительство решило, что данные больше не будут храниться.", "other")]
    public void Identify_ShortTexts(string text, string code)
    {
        var guess = Id.Identify(text);

        guess.Code.ShouldBe(code);
        guess.Score.ShouldBeInRange(0.3, 1.0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345 !!! 😀")]
    public void Identify_NoLetters_IsOtherWithZeroScore(string text)
    {
        Id.Identify(text).ShouldBe(new LanguageGuess("other", 0));
    }

    [Fact]
    public void Identify_ShortText_HasLowerScoreThanLongText()
    {
        Id.Identify("좋아요").Score.ShouldBeLessThan(Id.Identify("이 영화 정말 좋아요. 배우들의 연기가 훌륭하고 이야기도 탄탄합니다.").Score);
    }

    [Fact]
    public void Profile_CountsEachScript()
    {
        var p = LanguageIdentifier.Profile("한글ㅋ ABCé 漢字𠀀 カナ 123 Жж 😀 αβ!");

        p.Hangul.ShouldBe(3);
        p.Latin.ShouldBe(4);
        p.Han.ShouldBe(3);
        p.Kana.ShouldBe(2);
        p.Digits.ShouldBe(3);
        p.Cyrillic.ShouldBe(2);
        p.OtherLetters.ShouldBe(2);
        p.Whitespace.ShouldBe(7);
        p.Other.ShouldBe(2);
        p.Letters.ShouldBe(16);
        p.Total.ShouldBe(28);
    }

    [Fact]
    public void Profile_EightAtATimePath_CountsAsTheScriptTable()
    {
        // Runs of Hangul syllables and printable ASCII (counted eight code units at a time) broken at random places by
        // code units of every other class (counted one by one): the counts must be those of the table, unit by unit.
        const string common = "가나다한국어말뭉치 abcXYZ 0123456789 .,!?()[]{}#@~\n";
        const string rare = "ㅋㅎ\u1100\u11A8éßñ漢字々カナｱЖж\u00A0\u3000\tαβ\u0300\uFFFD·“”";
        var random = new Random(20261203);
        for (var round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(10) == 0 ? rare[random.Next(rare.Length)] : common[random.Next(common.Length)];
            }

            var text = new string(chars);
            var counts = new int[11];
            foreach (var c in text)
            {
                counts[LanguageIdentifier.ScriptTable[c]]++;
            }

            LanguageIdentifier.Profile(text).ShouldBe(new ScriptProfile(
                counts[LanguageIdentifier.HangulClass], counts[LanguageIdentifier.KanaClass], counts[LanguageIdentifier.HanClass],
                counts[LanguageIdentifier.LatinClass], counts[LanguageIdentifier.CyrillicClass], counts[LanguageIdentifier.DigitClass],
                counts[LanguageIdentifier.OtherLetterClass], counts[LanguageIdentifier.WhitespaceClass], counts[LanguageIdentifier.OtherClass]), text);
        }
    }
}
