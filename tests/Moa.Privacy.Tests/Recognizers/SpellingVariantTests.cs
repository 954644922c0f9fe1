using Moa.Privacy;

namespace Moa.Privacy.Tests.Recognizers;

/// <summary>Identifiers as people really write them (issue 11, item 3), and the look-alikes that must stay negative.</summary>
public class SpellingVariantTests
{
    [Theory]
    [InlineData("750507 - 1234568", "750507 - 1234568")]
    [InlineData("750507- 1234568", "750507- 1234568")]
    [InlineData("750507 -1234568 입니다", "750507 -1234568")]
    [InlineData("７５０５０７－１２３４５６８", "７５０５０７－１２３４５６８")]
    [InlineData("신청서에 750507–1234568 기재", "750507–1234568")]
    [InlineData("750507-\n1234568", "750507-\n1234568")]
    public void Scan_RrnVariant_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.ResidentRegistrationNumber, span);

    [Theory]
    [InlineData("750507-1******", "750507-1******")]
    [InlineData("회원 030201-4xxxxxx 확인", "030201-4xxxxxx")]
    [InlineData("750507-*******", "750507-*******")]
    [InlineData("750507 - 1●●●●●●", "750507 - 1●●●●●●")]
    public void Scan_MaskedRrnThatLeaksBirthDate_IsFound(string text, string span) =>
        Scan.ShouldFind(text, PiiTypes.ResidentRegistrationNumber, span);

    [Theory]
    [InlineData("751307-1******")] // no 13th month
    [InlineData("750507-9******")] // no such century/sex digit
    [InlineData("2024-05-07 ********")]
    public void Scan_MaskedLookAlike_IsNotFound(string text) => Scan.ShouldFindNothing(text);

    [Theory]
    [InlineData("(02) 2345-5678", "(02) 2345-5678")]
    [InlineData("(010)1234-5678", "(010)1234-5678")]
    [InlineData("02)723-4567로 문의", "02)723-4567")]
    [InlineData("(031)7234567", "(031)7234567")]
    [InlineData("010.1234.5678", "010.1234.5678")]
    [InlineData("010 1234 5678", "010 1234 5678")]
    [InlineData("010 - 1234 - 5678", "010 - 1234 - 5678")]
    [InlineData("０１０－１２３４－５６７８", "０１０－１２３４－５６７８")]
    [InlineData("+82 10-1234-5678", "+82 10-1234-5678")]
    [InlineData("+82-2-723-4567", "+82-2-723-4567")]
    [InlineData("+82(0)10-1234-5678", "+82(0)10-1234-5678")]
    [InlineData("+82 10 1234 5678", "+82 10 1234 5678")]
    [InlineData("010-1234-\n5678", "010-1234-\n5678")]
    [InlineData("010-1234\n-5678", "010-1234\n-5678")]
    [InlineData("010‑1234‑5678", "010‑1234‑5678")] // non-breaking hyphens
    [InlineData("2019(2020) 010-1234-5678", "010-1234-5678")]
    public void Scan_PhoneVariant_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Phone, span);

    [Theory]
    [InlineData("010-****-5678", "010-****-5678")]
    [InlineData("010-1234-****", "010-1234-****")]
    [InlineData("02-***-4567", "02-***-4567")]
    [InlineData("010-12**-56**", "010-12**-56**")]
    public void Scan_MaskedPhone_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Phone, span);

    [Theory]
    [InlineData("고객센터 1588-1234")]
    [InlineData("1577-1234 로 전화")]
    [InlineData("대표번호 1544-0000, 1600-1234, 1661-1234, 1899-0000")]
    [InlineData("수신자부담 080-123-4567")]
    public void Scan_BusinessLine_IsNotReported(string text) => Scan.ShouldFindNothing(text, PiiTypes.Phone);

    [Theory]
    [InlineData("hong @ naver.com", "hong @ naver.com")]
    [InlineData("hong[at]naver.com", "hong[at]naver.com")]
    [InlineData("연락은 kim.js (at) snu.ac.kr 로", "kim.js (at) snu.ac.kr")]
    [InlineData("ｈｏｎｇ＠ｎａｖｅｒ．ｃｏｍ", "ｈｏｎｇ＠ｎａｖｅｒ．ｃｏｍ")]
    public void Scan_EmailVariant_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Email, span);

    [Theory]
    [InlineData("2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329")]
    [InlineData("접속 2001:db8::ff00:42:8329 에서", "2001:db8::ff00:42:8329")]
    [InlineData("2001:DB8::1", "2001:DB8::1")]
    [InlineData("fe80::1ff:fe23:4567:890a%eth0 링크", "fe80::1ff:fe23:4567:890a%eth0")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    [InlineData("[2001:db8::1]:8080", "2001:db8::1")]
    [InlineData("주소는 2001:db8:85a3::8a2e:370:7334.", "2001:db8:85a3::8a2e:370:7334")]
    [InlineData("fe80::1", "fe80::1")]
    [InlineData("2001:db8::/32 대역", "2001:db8::")]
    [InlineData("192.168.0.1:8080", "192.168.0.1")]
    public void Scan_IpVariant_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.IpAddress, span);

    [Theory]
    [InlineData("12:30:45 에 시작")]
    [InlineData("MAC 00:1A:2B:3C:4D:5E")]
    [InlineData("std::vector<int> a; Foo::Bar2")]
    [InlineData("a[1::2] 와 b[::3]")]
    [InlineData("2024-05-07T12:30:45.123Z")]
    [InlineData("::1")]
    public void Scan_NotAnIpv6_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.IpAddress);

    [Theory]
    [InlineData("서울중앙지법 2023가합12345 판결")]
    [InlineData("대법원 2019도1234")]
    [InlineData("ISBN 978-89-546-1234-5")]
    [InlineData("9788954612345")]
    [InlineData("8801234567893")]
    [InlineData("주문번호 20240507-000123")]
    [InlineData("송장 6071-2345-6789")]
    [InlineData("2024.05.07 개봉")]
    [InlineData("2024-05-07")]
    [InlineData("2024. 5. 7.")]
    [InlineData("1. 2. 3. 4. 항목")]
    [InlineData("14:30~18:00")]
    [InlineData("버전 10.0.19041.1")]
    [InlineData("v2.3.4.5")]
    [InlineData("1,234,567원")]
    [InlineData("12,000 - 3,000 = 9,000")]
    [InlineData("형법 제250조 제1항, 법률 제12345호")]
    [InlineData("1920x1080 해상도, 0x7fff")]
    [InlineData("2019 - 2020 시즌")]
    [InlineData("변호할 가치도 필요성도 없었다. 2 https://stdict")]
    [InlineData("또다시 입대해도 좋으니 20대 초반으로")]
    [InlineData("미식축구 경기장 너비의 53 야드")]
    [InlineData("29200-00065, 우리들, 어린이공원")]
    [InlineData("42190-00021, 국민안전체험테마파크, 근린공원")]
    [InlineData("시즌2 10-3으로 이겼다")]
    [InlineData("점수: 상위 12-3")]
    [InlineData("설정: 버전2 3-1")]
    public void Scan_HardNegative_FindsNothing(string text) => Scan.ShouldFindNothing(text);

    /// <summary>Hard negatives for the identifiers that contain a real person (the poet Gabriela Mistral), whom the tagger may rightly find.</summary>
    [Theory]
    [InlineData("가브리엘라 미스트랄(1889-1957)은")]
    public void Scan_HardNegativeBesideAName_FindsNoIdentifier(string text) => Scan.ShouldFindNoIdentifier(text);

    [Theory]
    [InlineData("서울특별시 은평구 불광 270-11, 37.62", "서울특별시 은평구 불광 270-11")]
    [InlineData("경상북도 포항시 남구 효자동 ６０４, 36.0", "경상북도 포항시 남구 효자동 ６０４")]
    [InlineData("서울특별시 송파구 문정동 626,633 일대", "서울특별시 송파구 문정동 626,633")]
    [InlineData("전라북도 부안군 진서면 곰소리 산1임, ", "전라북도 부안군 진서면 곰소리 산1임")]
    [InlineData("경기도 구리시 인창동 693 일원, 37.6", "경기도 구리시 인창동 693 일원")]
    [InlineData("꼭 가봐라. 서울특별시 중랑구 상봉2 114-1", "서울특별시 중랑구 상봉2 114-1")]
    [InlineData("소재지지번주소: 중계본 16-2 위도: 37.64", "중계본 16-2")]
    [InlineData("주소 : 월계2 877-4", "월계2 877-4")]
    public void Scan_LotAddressAsDataFilesWriteIt_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Address, span);

    [Theory]
    [InlineData("하나 4176623430386 보내줘", "4176623430386")]
    [InlineData("782-023259-71090 (기업)", "782-023259-71090")]
    [InlineData("카뱅 3333-01-1234567", "3333-01-1234567")]
    public void Scan_AccountNextToShortBankName_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.BankAccount, span);

    [Theory]
    [InlineData("０１０－１２３４－５６７８")]
    [InlineData("ｈｏｎｇ＠ｎａｖｅｒ．ｃｏｍ")]
    [InlineData("hong[AT]naver.com")]
    public void MayFind_VariantWithoutAsciiDigitOrAt_IsTrue(string text)
    {
        PiiAnalyzer.Default.MayFind(text).ShouldBeTrue();
        PiiAnalyzer.Default.Analyze(text).ShouldNotBeEmpty();
    }

    [Fact]
    public void Analyze_FullWidthText_ReportsOffsetsOfTheOriginal()
    {
        const string text = "연락처：０１０－１２３４－５６７８입니다";
        var f = PiiAnalyzer.Default.Analyze(text).Single();
        text[f.Start..f.End].ShouldBe("０１０－１２３４－５６７８");
    }

    [Fact]
    public void Scan_PathologicalDigitAndSeparatorRuns_FinishAndFindNothingWrong()
    {
        string[] inputs =
        [
            new string('7', 200_000),
            string.Concat(Enumerable.Repeat("12-", 70_000)),
            string.Concat(Enumerable.Repeat("1 - ", 50_000)),
            string.Concat(Enumerable.Repeat("1:", 100_000)),
            string.Concat(Enumerable.Repeat("ab:", 70_000)),
            string.Concat(Enumerable.Repeat("::", 100_000)),
            string.Concat(Enumerable.Repeat("*", 100_000)) + "010-",
            string.Concat(Enumerable.Repeat("x1", 100_000)),
            string.Concat(Enumerable.Repeat("a@", 70_000)),
            string.Concat(Enumerable.Repeat("(at)", 50_000)),
            string.Concat(Enumerable.Repeat("０", 100_000)),
            string.Concat(Enumerable.Repeat("(0)", 70_000)),
        ];
        foreach (var text in inputs)
        {
            var found = Scan.All(text);
            found.Count.ShouldBeLessThan(10, text[..20]);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("0")]
    [InlineData("010-")]
    [InlineData("(")]
    [InlineData("[at]")]
    [InlineData("@")]
    [InlineData(":")]
    [InlineData("::")]
    [InlineData("750507-")]
    [InlineData("010-1234-\n")]
    [InlineData("＠")]
    [InlineData("\uFF10")]
    public void Scan_MalformedFragments_FindNothingAndDoNotThrow(string text) => Scan.ShouldFindNothing(text);
}
