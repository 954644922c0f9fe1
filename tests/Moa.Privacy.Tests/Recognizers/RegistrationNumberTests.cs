using Moa.Privacy;

namespace Moa.Privacy.Tests.Recognizers;

public class RegistrationNumberTests
{
    [Theory]
    [InlineData("주민등록번호 900101-1000006 입니다", "900101-1000006")]
    [InlineData("본인 851231-2123455로 가입", "851231-2123455")]
    [InlineData("아이 번호는 020304-3123457", "020304-3123457")]
    [InlineData("9001011000006 을 입력", "9001011000006")]
    public void Scan_ValidRrn_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.ResidentRegistrationNumber, span);

    [Fact]
    public void Scan_PostOctober2020Rrn_IsFoundWithoutChecksum()
    {
        // 2021-03-05, G=4: random last digits, check digit does not hold.
        Scan.ShouldFind("신생아 210305-4827193 등록", PiiTypes.ResidentRegistrationNumber, "210305-4827193");
        var f = Scan.All("신생아 210305-4827193 등록").Single();
        f.Score.ShouldBeLessThan(Scan.All("900101-1000006").Single().Score);
    }

    [Fact]
    public void Scan_ContiguousWithoutChecksum_NeedsContext()
    {
        Scan.ShouldFindNothing("주문 2103054827193 처리", PiiTypes.ResidentRegistrationNumber);
        Scan.ShouldFind("주민번호 2103054827193", PiiTypes.ResidentRegistrationNumber, "2103054827193");
    }

    [Theory]
    [InlineData("외국인 990715-5123457", "990715-5123457")]
    [InlineData("등록 990715-5123459 (구형)", "990715-5123459")]
    [InlineData("외국인등록번호: 000229-7123458", "000229-7123458")]
    public void Scan_ForeignerDigit_IsAlienRegistrationNumber(string text, string span) =>
        Scan.ShouldFind(text, PiiTypes.AlienRegistrationNumber, span);

    [Theory]
    [InlineData("901301-1234567")] // month 13
    [InlineData("900230-1234567")] // 30 February
    [InlineData("010229-3123456")] // 2001 is not a leap year
    public void Scan_InvalidBirthDate_IsNotRrn(string number) =>
        Scan.ShouldFindNothing("번호 " + number, PiiTypes.ResidentRegistrationNumber);

    [Fact]
    public void Scan_LeapDay2000_IsValid() => Scan.ShouldFind("000229-4123457", PiiTypes.ResidentRegistrationNumber, "000229-4123457");

    [Fact]
    public void Scan_CorporateContext_IsCrn()
    {
        Scan.ShouldFind("법인등록번호 110111-0123458", PiiTypes.CorporateRegistrationNumber, "110111-0123458");
        Scan.ShouldFind("(주)모아 법인번호: 134511-9876549", PiiTypes.CorporateRegistrationNumber, "134511-9876549");
    }

    [Fact]
    public void Scan_CrnShapeWithInvalidDate_IsCrnByChecksum() =>
        Scan.ShouldFind("등기 134511-9876549", PiiTypes.CorporateRegistrationNumber, "134511-9876549");

    [Theory]
    [InlineData("바코드 8801234567893")]
    [InlineData("상품 8801011234567 재고")]
    [InlineData("ISBN 9788934567899")]
    [InlineData("가격 8,801,011원")]
    public void Scan_BarcodesAndPrices_AreNotRegistrationNumbers(string text) => Scan.ShouldFindNoIdentifier(text);

    [Fact]
    public void Scan_RrnInsideLongerNumber_IsNotFound() => Scan.ShouldFindNothing("일련번호 19001011000006", PiiTypes.ResidentRegistrationNumber);
}
