using System.Text;
using Moa.Text.Normalization;

namespace Moa.Text.Tests.Normalization;

public sealed class TextNormalizerTests
{
    private static readonly TextNormalizer Nfc = new(new NormalizerOptions());
    private static readonly TextNormalizer Nfkc = new(new NormalizerOptions { Form = "NFKC" });

    [Fact]
    public void Normalize_DecomposedKorean_BecomesPrecomposedSyllables()
    {
        var nfd = "한국어 데이터를 모은다".Normalize(NormalizationForm.FormD);
        nfd.Length.ShouldBeGreaterThan(11);

        Nfc.Normalize(nfd).ShouldBe("한국어 데이터를 모은다");
    }

    [Theory]
    [InlineData("\u1112\u1161\u11AB", "한")]                 // L V T
    [InlineData("\u1112\u1161", "하")]                        // L V
    [InlineData("하\u11AB", "한")]                            // LV syllable + T
    [InlineData("\u110F\u110F", "ㅋㅋ")]                      // lone leads become compatibility jamo
    [InlineData("\u1175\u11AB x", "ㅣㄴ x")]                  // lone vowel and trail
    [InlineData("\u1112\u119E\u11AB", "\u1112\u119E\u11AB")]  // old Hangul (arae-a) is left alone
    [InlineData("ᄀ각\u1100\u1161\u11A8", "ㄱ각각")]
    public void Normalize_ConjoiningJamo_AreComposedOrMapped(string input, string expected)
    {
        Nfc.Normalize(input).ShouldBe(expected);
        Nfkc.Normalize(input).ShouldBe(expected);
    }

    [Fact]
    public void Normalize_DecomposedLatinAndSingletons_AreComposed()
    {
        Nfc.Normalize("cafe\u0301 \u212B").ShouldBe("café Å");
    }

    [Fact]
    public void Normalize_ControlsAndZeroWidth_AreRemoved_EmojiZwjKept()
    {
        Nfc.Normalize("\uFEFF안\u200B녕\u0000하\u0007세\u009F요").ShouldBe("안녕하세요");
        Nfc.Normalize("개발자 👩\u200D💻 입니다").ShouldBe("개발자 👩\u200D💻 입니다");
        Nfc.Normalize("a\u200Db \u200D한").ShouldBe("ab 한");
        Nfc.Normalize("x\uD800y").ShouldBe("x\uFFFDy");
    }

    [Fact]
    public void Normalize_Whitespace_IsUnified()
    {
        Nfc.Normalize("  첫 줄 \t  끝  \r\n\r\n\r\n\r\n둘째\u00A0줄\u3000끝\r셋째 \n \n\n넷째\u2028다섯\t ")
            .ShouldBe("첫 줄 끝\n\n둘째 줄 끝\n셋째\n\n넷째\n다섯");
    }

    [Fact]
    public void Normalize_OptionsOff_LeaveThatPartAlone()
    {
        var keepSpace = new TextNormalizer(new NormalizerOptions { NormalizeWhitespace = false });
        keepSpace.Normalize(" a  b\r\n\u0000").ShouldBe(" a  b\r\n");
        var keepControls = new TextNormalizer(new NormalizerOptions { RemoveControlCharacters = false });
        keepControls.Normalize("a\u0007 \u200B  b").ShouldBe("a\u0007 \u200B b");
        var disabled = new TextNormalizer(new NormalizerOptions { Enabled = false });
        var text = " e\u0301 ";
        disabled.Normalize(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Normalize_Nfkc_FoldsCompatibilityButKeepsKoreanJamo()
    {
        Nfkc.Normalize("ＡＢＣ１２３ ﬁ ① ㈜모아 ㅋㅋㅋ ﾡﾤ").ShouldBe("ABC123 fi 1 (주)모아 ㅋㅋㅋ ㄱㄴ");
        Nfkc.Normalize("가ㄳ").ShouldBe("가ㄳ");
        Nfc.Normalize("ＡＢＣ ㈜").ShouldBe("ＡＢＣ ㈜");
    }

    [Fact]
    public void Normalize_CleanText_ReturnsSameInstance()
    {
        var text = "실버영화관에 가서 잘 보고 왔습니다.\n그시대의 향수가 물씬 풍기는 작품 😀 Good!";
        Nfc.Normalize(text).ShouldBeSameAs(text);
        Nfkc.Normalize(text).ShouldBeSameAs(text);
        Nfc.IsNormalized(text).ShouldBeTrue();
    }

    [Fact]
    public void Normalize_UnknownForm_ThrowsMoaException()
    {
        var ex = Should.Throw<MoaException>(() => new TextNormalizer(new NormalizerOptions { Form = "NFD" }));
        ex.Message.ShouldContain("NFC or NFKC");
    }

    [Fact]
    public void Normalize_NsmcReviews_IsIdempotentNfcWithoutConjoiningJamo()
    {
        var changed = 0;
        foreach (var review in NsmcTexts.All)
        {
            var once = Nfc.Normalize(review);
            if (!ReferenceEquals(once, review))
            {
                changed++;
            }

            Nfc.Normalize(once).ShouldBeSameAs(once);
            once.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
            once.AsSpan().IndexOfAnyInRange('\u1100', '\u11FF').ShouldBe(-1);
        }

        changed.ShouldBeGreaterThan(0);
        changed.ShouldBeLessThan(NsmcTexts.All.Count / 2);
    }

    [Theory]
    [InlineData("NFC")]
    [InlineData("NFKC")]
    public void Normalize_RandomTrickyText_IsIdempotentAndRecognisedAsClean(string form)
    {
        var normalizer = new TextNormalizer(new NormalizerOptions { Form = form });
        string[] pieces =
        [
            "가", "\u1100", "\u1161", "\u11A8", "e", "\u0301", " ", "\t", "\n", "\r", "\u00A0", "\u200B", "\u200D", "😀",
            "\uD800", "\u0000", "ㅋ", "Å", "\u212B", "\u2029", "\u00A8", "ﾡ", "①", "\u3000", "\u0085", "한", "A",
        ];
        var random = new Random(20261121);
        for (var round = 0; round < 3000; round++)
        {
            var sb = new StringBuilder();
            for (var k = random.Next(1, 16); k > 0; k--)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            var input = sb.ToString();
            var once = normalizer.Normalize(input);
            normalizer.Normalize(once).ShouldBeSameAs(once, $"input {Escape(input)} gave {Escape(once)}");
            once.AsSpan().IndexOfAnyInRange('\u1100', '\u11FF').ShouldBe(-1, Escape(input));
            if (form == "NFC")
            {
                once.IsNormalized(NormalizationForm.FormC).ShouldBeTrue(Escape(input));
            }
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    [Theory]
    [InlineData("가  나", "가 나")]
    [InlineData("a \nb", "a\nb")]
    [InlineData("끝\n\n\n\n다", "끝\n\n다")]
    [InlineData("x\ty", "x y")]
    [InlineData("a \u3000 b", "a b")]
    [InlineData("안\u200B녕", "안녕")]
    [InlineData("cafe\u0301", "café")]
    [InlineData("\u1112\u1161\u11AB국", "한국")]
    [InlineData("가\r\n나", "가\n나")]
    public void Normalize_DefectAtEveryPlaceOfAnEightCharacterBlock_IsFixedAndTheRestKept(string defect, string fixedText)
    {
        // Plain text around the defect is skipped eight code units at a time; the defect must be found wherever it falls.
        const string plain = "가a 나b다 c라dd마 e바f사 gg아h";
        for (var before = 0; before <= 20; before++)
        {
            for (var after = 0; after <= 20; after += 5)
            {
                var head = before == 0 ? "" : plain[..before].TrimEnd() + "z";
                var tail = after == 0 ? "" : "y" + plain[..after].TrimEnd();
                var text = head + (head.Length > 0 ? " " : "") + defect + (tail.Length > 0 ? " " : "") + tail;
                var expected = head + (head.Length > 0 ? " " : "") + fixedText + (tail.Length > 0 ? " " : "") + tail;
                Nfc.Normalize(text).ShouldBe(expected, text);
                Nfkc.Normalize(text).ShouldBe(expected, text);
            }
        }
    }

    [Fact]
    public void Normalize_CleanPlainText_OfEveryLength_IsTheSameInstance()
    {
        const string plain = "가a 나b다 c라dd마 e바f사 gg아h 자i차 j카k타 l파m하";
        for (var length = 1; length <= plain.Length; length++)
        {
            var text = plain[..length].TrimEnd();
            ReferenceEquals(Nfc.Normalize(text), text).ShouldBeTrue(text);
            Nfc.IsNormalized(text).ShouldBeTrue(text);
            Nfc.IsNormalized(text + "  x").ShouldBeFalse(text);
            Nfc.IsNormalized(text + " \nx").ShouldBeFalse(text);
        }
    }
}
