using Moa.Privacy;

namespace Moa.Privacy.Tests.Recognizers;

public class EmailTests
{
    [Theory]
    [InlineData("문의: hong.gildong@example.co.kr 로", "hong.gildong@example.co.kr")]
    [InlineData("<a+tag@mail-server.org>", "a+tag@mail-server.org")]
    [InlineData("메일은 kim_01@naver.com입니다", "kim_01@naver.com")]
    public void Scan_Email_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Email, span);

    [Theory]
    [InlineData("@username 안녕")]
    [InlineData("user@localhost")]
    [InlineData("a@b.c")]
    [InlineData("price@100.200")]
    public void Scan_NotAnEmail_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.Email);
}

public class AddressTests
{
    [Theory]
    [InlineData("주소: 서울특별시 종로구 세종대로 209 정부청사", "서울특별시 종로구 세종대로 209")]
    [InlineData("대구광역시 수성구 유니버시아드로 180,", "대구광역시 수성구 유니버시아드로 180")]
    [InlineData("대구광역시 동구 율하동 1626", "대구광역시 동구 율하동 1626")]
    [InlineData("대구광역시 수성구 대흥동 산35", "대구광역시 수성구 대흥동 산35")]
    [InlineData("경기도 성남시 분당구 판교역로 235, 101동 1203호 로 보내", "경기도 성남시 분당구 판교역로 235, 101동 1203호")]
    [InlineData("서울 강남구 역삼동 123-45번지", "서울 강남구 역삼동 123-45번지")]
    [InlineData("서초대로77길 17 에서", "서초대로77길 17")]
    public void Scan_Address_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Address, span);

    [Theory]
    [InlineData("생각대로 10점 줌")]
    [InlineData("그대로 100 퍼센트")]
    [InlineData("최고로 10점")]
    [InlineData("감동 100배")]
    [InlineData("운동 30분")]
    [InlineData("이럴꺼면 디아블로2 에서 하지")]
    [InlineData("피해자의 친구 육소희가 112에 신고함.")]
    public void Scan_NotAnAddress_IsNotFound(string text) => Scan.ShouldFindNothing(text, PiiTypes.Address);
}

public class PersonTests
{
    [Theory]
    [InlineData("김민준 씨가 말했다", "김민준")]
    [InlineData("이서연님 안녕하세요", "이서연")]
    [InlineData("박지훈 교수는", "박지훈")]
    [InlineData("봉준호 감독의 영화", "봉준호")]
    [InlineData("성명: 홍길동", "홍길동")]
    [InlineData("담당자 최유진 (내선 123)", "최유진")]
    [InlineData("남궁민수 기자", "남궁민수")]
    [InlineData("Contact Mr. John Smith today", "John Smith")]
    [InlineData("Name: Jane Doe", "Jane Doe")]
    public void Scan_NameWithContext_IsFound(string text, string span) => Scan.ShouldFind(text, PiiTypes.Person, span);

    [Theory]
    [InlineData("감독님 사랑해요")]
    [InlineData("하나님 감사합니다")]
    [InlineData("고객님 감사합니다")]
    [InlineData("배우님들 연기 최고")]
    [InlineData("선생님께서")]
    [InlineData("이 영화 감독이 누구야")]
    [InlineData("아저씨 최고")]
    public void Scan_TitleWithoutName_IsNotPerson(string text) => Scan.ShouldFindNothing(text, PiiTypes.Person);
}

public class OverlapTests
{
    [Fact]
    public void Resolve_HigherScoreWins_ThenLongerSpan_ThenPriority()
    {
        var c = new List<PiiFinding>
        {
            new(0, 13, PiiTypes.BankAccount, 0.7),
            new(0, 13, PiiTypes.Phone, 0.95),
            new(5, 20, PiiTypes.Person, 0.95),
            new(30, 40, PiiTypes.Address, 0.8),
            new(30, 42, PiiTypes.Person, 0.8),
            new(50, 60, PiiTypes.Person, 0.8),
            new(50, 60, PiiTypes.ResidentRegistrationNumber, 0.8),
            new(70, 75, PiiTypes.Email, 0.3),
        };
        var r = OverlapResolution.Resolve(c, 0.5);
        r.Select(f => (f.Start, f.Type)).ShouldBe([(5, PiiTypes.Person), (30, PiiTypes.Person), (50, PiiTypes.ResidentRegistrationNumber)]);
    }

    [Fact]
    public void Resolve_IsIndependentOfCandidateOrder()
    {
        var c = new List<PiiFinding> { new(0, 10, PiiTypes.Phone, 0.9), new(0, 10, PiiTypes.BankAccount, 0.9), new(3, 12, PiiTypes.CreditCard, 0.9) };
        var a = OverlapResolution.Resolve([.. c], 0.5);
        c.Reverse();
        var b = OverlapResolution.Resolve([.. c], 0.5);
        a.ShouldBe(b);
    }

    [Fact]
    public void Analyze_TypesFilter_DisabledTypesDoNotSuppressOthers()
    {
        var text = "신한 110-123-456789로 입금, 연락처 010-1234-5678";
        new PiiAnalyzer([PiiTypes.BankAccount]).Analyze(text).Select(f => text[f.Start..f.End]).ShouldBe(["110-123-456789"]);
    }

    [Fact]
    public void Analyzer_UnknownType_IsClearError()
    {
        var ex = Should.Throw<MoaException>(() => new PiiAnalyzer(["KR_RRN", "SSN"]));
        ex.Message.ShouldContain("SSN");
        ex.Message.ShouldContain("KR_PASSPORT");
    }

    [Fact]
    public void Analyzer_LowercaseTypeNames_AreAccepted() => new PiiAnalyzer(["phone", " email "]).Types.ShouldBe([PiiTypes.Phone, PiiTypes.Email]);

    [Fact]
    public void Analyzer_MinScoreOutOfRange_IsClearError() => Should.Throw<MoaException>(() => new PiiAnalyzer(null, 1.5));

    [Fact]
    public void Analyze_TextWithoutPii_ReturnsEmpty() => PiiAnalyzer.Default.Analyze("그냥 평범한 리뷰입니다. 재밌어요 ㅋㅋ").ShouldBeEmpty();
}
