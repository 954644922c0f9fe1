using System.Text;
using Moa.Documents.Html;

namespace Moa.Documents.Tests;

public sealed class HtmlReaderTests
{
    private static readonly HtmlReader s_reader = new();

    private const string Page = """
        <!DOCTYPE html>
        <html lang="ko"><head><meta charset="utf-8"><title>  보도자료 |  과학기술정보통신부 </title>
        <style>body { color: red }</style><script>var tracking = "스크립트";</script></head>
        <body>
          <header><a href="/">홈</a><nav><ul><li><a href="/a">메뉴 하나</a></li><li><a href="/b">메뉴 둘</a></li></ul></nav></header>
          <div class="wrap">
            <aside>관련 기사 사이드바</aside>
            <div class="content">
              <h1>누리호 발사 성공</h1>
              <p>한국형발사체 <b>누리호</b>가   2022년 6월 21일
                 발사에 성공했다.</p>
              <p>자세한 내용은 <a href="/x">보도자료</a>를 참고한다.</p>
              <ul><li>1단 엔진: 75톤급 4기</li><li>2단 엔진: 75톤급 1기<ul><li>재점화 없음</li></ul></li></ul>
              <ol><li>발사 준비</li><li>발사</li></ol>
              <table><thead><tr><th>단</th><th>추력</th></tr></thead>
                <tbody><tr><td>1단</td><td><p>300톤</p></td></tr><tr><td>3단</td><td>7톤</td></tr></tbody></table>
              <pre>line one
          indented line</pre>
              <div class="share"><a href="/f">페이스북</a> <a href="/t">트위터</a> <a href="/k">카카오</a></div>
              <form><input value="검색어"><button>검색</button></form>
            </div>
          </div>
          <footer>Copyright 과학기술정보통신부. 주소: 세종시</footer>
        </body></html>
        """;

    [Fact]
    public void Read_Page_KeepsMainContentDropsChrome()
    {
        var path = Write("page.html", Page, Encoding.UTF8);

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldBe("""
            누리호 발사 성공
            한국형발사체 누리호가 2022년 6월 21일 발사에 성공했다.
            자세한 내용은 보도자료를 참고한다.
            - 1단 엔진: 75톤급 4기
            - 2단 엔진: 75톤급 1기
              - 재점화 없음
            1. 발사 준비
            2. 발사
            단	추력
            1단	300톤
            3단	7톤
            line one
              indented line
            """);
        document.Extra!["title"].ShouldBe("보도자료 | 과학기술정보통신부");
        document.Origin.Format.ShouldBe("html");
    }

    [Fact]
    public void Read_MainElement_IsTheRoot()
    {
        var html = "<html><body><div>바깥 글</div><main><p>본문입니다</p></main><div>또 바깥</div></body></html>";

        var (documents, _) = BinaryReaderTestKit.ReadAll(s_reader, Write("main.html", html, Encoding.UTF8));

        documents.ShouldHaveSingleItem().Text.ShouldBe("본문입니다");
    }

    [Fact]
    public void Read_ArticleHeaderKept_PageHeaderDropped()
    {
        var html = "<html><body><header>사이트 머리</header><article><header><h2>기사 제목</h2></header><p>기사 본문</p><footer>기사 꼬리</footer></article></body></html>";

        var (documents, _) = BinaryReaderTestKit.ReadAll(s_reader, Write("article.html", html, Encoding.UTF8));

        documents.ShouldHaveSingleItem().Text.ShouldBe("기사 제목\n기사 본문");
    }

    [Fact]
    public void Read_EucKrPage_DecodedFromMetaCharset()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"></head><body><p>한글 인코딩 시험</p></body></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, Write("euckr.htm", html, Encoding.GetEncoding(949)));

        issues.ShouldBeEmpty();
        documents.ShouldHaveSingleItem().Text.ShouldBe("한글 인코딩 시험");
    }

    [Fact]
    public void Read_OnlyNavigation_EmptyTextIssue()
    {
        var html = "<html><body><nav><a href='/'>홈</a></nav><div><a href='/a'>링크 하나</a> <a href='/b'>링크 둘</a></div><script>x()</script></body></html>";

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, Write("nav.html", html, Encoding.UTF8));

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("empty-text");
    }

    [Theory]
    [InlineData("<html><body><p>a<p>b<br><img src=x><div><span>c</span></div></body></html>", 4)]
    [InlineData("<div><br/><hr><input></div>", 1)]
    [InlineData("no tags at all", 0)]
    public void NestingDepth_CountsOpenElementsButNotVoidOnes(string html, int expected)
    {
        HtmlReader.NestingDepth(Encoding.UTF8.GetBytes(html)).ShouldBe(expected);
    }

    [Fact]
    public void Read_DeeplyNestedMarkup_EndsWithText()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 150)) + "깊은 글" + "</body></html>";

        var (documents, _) = BinaryReaderTestKit.ReadAll(s_reader, Write("deep.html", html, Encoding.UTF8));

        documents.ShouldHaveSingleItem().Text.ShouldContain("깊은 글");
    }

    [Fact]
    public void Read_PathologicalNesting_IsRefusedBeforeParsing()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 5000)) + "깊은 글" + "</body></html>";
        var reader = new HtmlReader();

        var (documents, issues) = BinaryReaderTestKit.ReadAll(reader, Write("deeper.html", html, Encoding.UTF8));

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("html-too-complex");
    }

    [Fact]
    public void Read_FileAboveLimit_Refused()
    {
        var reader = new HtmlReader { MaxFileBytes = 10 };

        var (documents, issues) = BinaryReaderTestKit.ReadAll(reader, Write("big.html", Page, Encoding.UTF8));

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("file-too-large");
    }

    [Fact]
    public void CanRead_ByExtensionOrDoctype()
    {
        s_reader.CanRead("a.htm", []).ShouldBeTrue();
        s_reader.CanRead("a.txt", [0xEF, 0xBB, 0xBF, .. "  <!DOCTYPE HTML>"u8]).ShouldBeTrue();
        s_reader.CanRead("a.txt", "<HTML><body>"u8).ShouldBeTrue();
        s_reader.CanRead("a.txt", "plain text"u8).ShouldBeFalse();
    }

    private static string Write(string name, string html, Encoding encoding)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), name);
        File.WriteAllBytes(path, encoding.GetBytes(html));
        return path;
    }
}
