using Moa.Privacy;

namespace Moa.Privacy.Tests.Recognizers;

public class BusinessRegistrationNumberTests
{
    [Theory]
    [InlineData("사업자등록번호 123-45-67891", "123-45-67891")]
    [InlineData("상호 모아상사 220-81-01238 대표", "220-81-01238")]
    [InlineData("사업자번호: 1018600398", "1018600398")]
    public void Scan_ValidBrn_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.BusinessRegistrationNumber, span);

    [Fact]
    public void Scan_BrnWithBadCheckDigitAndNoContext_IsNotFound() => Scan.ShouldFindNothing("코드 123-45-67890", PiiTypes.BusinessRegistrationNumber);

    [Fact]
    public void Scan_BareTenDigitsWithoutContext_IsNotFound() => Scan.ShouldFindNothing("조회수 1018600398회");
}

public class CreditCardTests
{
    [Theory]
    [InlineData("카드번호 4532-0151-1283-0366", "4532-0151-1283-0366")]
    [InlineData("card: 5123 4567 8901 2346 exp 12/27", "5123 4567 8901 2346")]
    [InlineData("Amex 3782-822463-10005", "3782-822463-10005")]
    [InlineData("결제 9410123456789010 승인", "9410123456789010")]
    public void Scan_LuhnValidCard_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.CreditCard, span);

    [Theory]
    [InlineData("카드 4532-0151-1283-0367")] // Luhn fails
    [InlineData("주문번호 4532015112830366")] // order context
    [InlineData("1234-5678-9012-3452")] // prefix 1 is no issuer
    public void Scan_NotACard_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.CreditCard);
}

public class PhoneTests
{
    [Theory]
    [InlineData("연락처 010-1234-5678 입니다", "010-1234-5678")]
    [InlineData("010.9876.5432로 문자", "010.9876.5432")]
    [InlineData("휴대폰 010 2345 6789", "010 2345 6789")]
    [InlineData("폰 01023456789", "01023456789")]
    [InlineData("대표전화 02-2100-1234", "02-2100-1234")]
    [InlineData("Tel. 031-723-4567", "031-723-4567")]
    [InlineData("053-662-2860", "053-662-2860")]
    [InlineData("call +82 10-1234-5678 now", "+82 10-1234-5678")]
    [InlineData("+82-2-2100-1234", "+82-2-2100-1234")]
    [InlineData("인터넷전화 070-4321-8765", "070-4321-8765")]
    public void Scan_KoreanPhone_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Phone, span);

    [Theory]
    [InlineData("2019-12-31 23:59")]
    [InlineData("02-12-2019")]
    [InlineData("010-0123-4567")] // a mobile subscriber number never starts with 0
    [InlineData("099-123-4567")] // no such area code
    [InlineData("총 1,234,567원")]
    [InlineData("평점 10.0 2019.12.31")]
    public void Scan_NotAPhone_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.Phone);
}

public class IpAddressTests
{
    [Theory]
    [InlineData("접속 IP 192.168.0.1 에서", "192.168.0.1")]
    [InlineData("server at 8.8.8.8.", "8.8.8.8")]
    [InlineData("10.0.12.255:8080", "10.0.12.255")]
    public void Scan_Ipv4_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.IpAddress, span);

    [Theory]
    [InlineData("버전 1.2.3.4 출시")]
    [InlineData("version 10.0.19041.1")]
    [InlineData("256.1.1.1")]
    [InlineData("01.02.03.04")]
    [InlineData("2019.12.31")]
    public void Scan_NotAnIp_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.IpAddress);
}

public class DriverLicenseTests
{
    [Theory]
    [InlineData("운전면허 11-19-123456-01", "11-19-123456-01")]
    [InlineData("면허 28-05-654321-12 확인", "28-05-654321-12")]
    [InlineData("면허번호 서울 21-123456-78", "서울 21-123456-78")]
    public void Scan_Licence_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.DriverLicense, span);

    [Theory]
    [InlineData("10-19-123456-01")] // region 10 does not exist
    [InlineData("27-19-123456-01")]
    [InlineData("30-19-123456-01")]
    public void Scan_UnknownRegion_IsNotLicence(string text) => Scan.ShouldFindNothing(text, PiiTypes.DriverLicense);
}

public class BankAccountTests
{
    [Theory]
    [InlineData("국민은행 123456-01-123456 예금주 홍길동", "123456-01-123456")]
    [InlineData("신한 110-123-456789로 입금", "110-123-456789")]
    [InlineData("카카오뱅크 3333-01-1234567", "3333-01-1234567")]
    [InlineData("계좌번호: 1002345678901", "1002345678901")]
    public void Scan_AccountNearBankWord_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.BankAccount, span);

    [Fact]
    public void Scan_AccountShapeWithoutBankContext_IsNotFound() => Scan.ShouldFindNothing("코드 110-123-456789 확인", PiiTypes.BankAccount);
}

public class PassportTests
{
    [Theory]
    [InlineData("여권번호 M12345678", "M12345678")]
    [InlineData("passport: M123A4567.", "M123A4567")]
    [InlineData("관용 S87654321 소지", "S87654321")]
    public void Scan_Passport_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Passport, span);

    [Theory]
    [InlineData("SM12345678")]
    [InlineData("M1234567")]
    [InlineData("M123456789")]
    [InlineData("model X12345678")]
    public void Scan_NotAPassport_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.Passport);
}

public class VehiclePlateTests
{
    [Theory]
    [InlineData("차량 12가3456 주차", "12가3456")]
    [InlineData("123가4567 차주", "123가4567")]
    [InlineData("서울12가3456", "서울12가3456")]
    [InlineData("번호판 34 너 5678", "34 너 5678")]
    [InlineData("택시 32바1234가 왔다", "32바1234")]
    public void Scan_Plate_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.VehiclePlate, span);

    [Theory]
    [InlineData("대법원 2019도1234 판결")]
    [InlineData("서울고법 2020나12345")]
    [InlineData("예산 12조3456억원")]
    [InlineData("12가 34")]
    [InlineData("1가1234")]
    [InlineData("100배 1000배 낫다")]
    public void Scan_NotAPlate_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.VehiclePlate);
}
