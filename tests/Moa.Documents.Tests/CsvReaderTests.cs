using System.Text;
using Moa.Documents;
using Moa.Documents.Csv;
using Moa.Text.Encodings;

namespace Moa.Documents.Tests;

public sealed class CsvReaderTests
{
    private static (List<SourceDocument> Docs, List<ReadIssue> Issues) ReadAll(string path, ReaderOptions? options = null)
    {
        var issues = new List<ReadIssue>();
        var docs = new CsvReader().Read(path, new ReadContext(options ?? new ReaderOptions(), issues.Add)).ToList();
        return (docs, issues);
    }

    private static string Write(string content, string name = "t.csv", Encoding? encoding = null)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("foreigner_utf8bom.csv", 3490, "사직동", "region")]
    [InlineData("news_comment_utf8.csv", 1200, "국보소년단", "reply")]
    [InlineData("도시가스충전소현황.csv", 200, "(주)진원에너지", "업소명")]
    [InlineData("전국관광지정보표준데이터.csv", 924, "일제 경성호국신사 계단(108계단)", "관광지명")]
    [InlineData("전국도시공원정보표준데이터.csv", 18481, "율하체육공원", "공원명")]
    public void Read_RealProviderFiles_AllRowsWithKoreanText(string file, int rows, string firstValue, string column)
    {
        var path = TestPaths.Data("providers", "csv", file);

        var (docs, issues) = ReadAll(path);

        issues.ShouldBeEmpty();
        docs.Count.ShouldBe(rows);
        docs[0].Text.ShouldContain($"{column}: {firstValue}");
        docs[0].Origin.Line.ShouldBe(2);
        docs[0].Origin.Format.ShouldBe("csv");
        docs.ShouldAllBe(d => !d.Text.Contains('\uFFFD'));
    }

    [Theory]
    [InlineData("BoolQ", 700, "Text")]
    [InlineData("COPA", 500, "sentence")]
    [InlineData("HellaSwag", 500, "context")]
    [InlineData("SentiNeg", 400, "Text")]
    [InlineData("WiC", 610, "SENTENCE1")]
    public void Read_KobestTsv_AllRowsTabSeparated(string task, int rows, string textColumn)
    {
        var path = TestPaths.Data("benchmarks", "kobest", task, "dev.tsv");

        var (docs, issues) = ReadAll(path, new ReaderOptions { CsvTextColumns = [textColumn] });

        issues.ShouldBeEmpty();
        docs.Count.ShouldBe(rows);
        docs.ShouldAllBe(d => d.Text.Length > 0 && !d.Text.Contains('\t'));
    }

    [Fact]
    public void Read_EucKrParks_TextColumnsAndIdColumn()
    {
        var path = TestPaths.Data("providers", "csv", "전국도시공원정보표준데이터.csv");

        var (docs, issues) = ReadAll(path, new ReaderOptions { CsvTextColumns = ["공원명", "소재지지번주소"], CsvIdColumn = "관리번호" });

        issues.ShouldBeEmpty();
        var first = docs[0];
        first.Id.ShouldBe("27140-00069");
        first.Text.ShouldBe("율하체육공원\n대구광역시 동구 율하동 1626");
        first.Extra!["공원구분"].ShouldBe("체육공원");
        first.Extra!.ContainsKey("관리번호").ShouldBeFalse();
        docs[^1].Text.ShouldStartWith("수어댐하류시민공원");
        docs[^1].Origin.Line.ShouldBe(18482);
    }

    [Fact]
    public void Read_NewsCommentsWithEmbeddedNewlines_LineIsRowsFirstPhysicalLine()
    {
        var path = TestPaths.Data("providers", "csv", "news_comment_utf8.csv");

        var (docs, _) = ReadAll(path, new ReaderOptions { CsvTextColumns = ["reply"] });

        docs.Count.ShouldBe(1200);
        var multiLine = docs.First(d => d.Text.Contains('\n'));
        var physical = File.ReadAllLines(path);
        physical[multiLine.Origin.Line - 1].ShouldContain(multiLine.Text.Split('\n')[0]);
        docs.Select(d => d.Origin.Line).ShouldBeInOrder();
    }

    [Fact]
    public void Read_QuotingRules_DoubledQuotesDelimitersAndCrLfInCells()
    {
        var path = Write("id,text\r\n1,\"말했다 \"\"안녕\"\", 그리고\r\n떠났다\"\r\n2,plain\r\n");

        var (docs, issues) = ReadAll(path, new ReaderOptions { CsvTextColumns = ["text"], CsvIdColumn = "id" });

        issues.ShouldBeEmpty();
        docs.Select(d => d.Text).ShouldBe(["말했다 \"안녕\", 그리고\n떠났다", "plain"]);
        docs.Select(d => d.Origin.Line).ShouldBe([2L, 4L]);
    }

    [Theory]
    [InlineData("a\tb\n1\t2\n", "t.tsv", '\t')]
    [InlineData("a;b;c\n1;2,5;3\n", "t.csv", ';')]
    [InlineData("a|b\n1|2\n", "t.csv", '|')]
    [InlineData("a,b\n\"x;y\",2\n", "t.csv", ',')]
    public void Read_DelimiterIsSniffed(string content, string name, char delimiter)
    {
        CsvReader.SniffDelimiter(content, name.EndsWith(".tsv")).ShouldBe(delimiter);
        var (docs, issues) = ReadAll(Write(content, name));
        issues.ShouldBeEmpty();
        docs.ShouldHaveSingleItem().Text.ShouldStartWith("a: ");
    }

    [Fact]
    public void Read_RaggedRows_ReportedWithExpectedAndFoundButRead()
    {
        var path = Write("a,b,c\n1,2\n4,5,6,7\n8,9,10\n");

        var (docs, issues) = ReadAll(path);

        docs.Count.ShouldBe(3);
        docs[0].Text.ShouldBe("a: 1\nb: 2");
        docs[1].Text.ShouldBe("a: 4\nb: 5\nc: 6");
        issues.Count.ShouldBe(2);
        issues.ShouldAllBe(i => i.Code == "ragged-row");
        issues[0].Line.ShouldBe(2);
        issues[0].Message.ShouldContain("2 cells, expected 3");
        issues[1].Message.ShouldContain("4 cells, expected 3");
    }

    [Fact]
    public void Read_TsvWithQuotesInCells_QuotesAreTextAndNoRowLost()
    {
        // KoBEST BoolQ writes titles in quotes inside cells and leaves some quotes unclosed (dev.tsv line 517).
        var path = Write("id\ttext\n1\t\"뷰티 인사이드\"는 영화\n2\t원격 \"작업\n3\t끝\n", "t.tsv");

        var (docs, issues) = ReadAll(path, new ReaderOptions { CsvTextColumns = ["text"] });

        issues.ShouldBeEmpty();
        docs.Select(d => d.Text).ShouldBe(["\"뷰티 인사이드\"는 영화", "원격 \"작업", "끝"]);
        docs.Select(d => d.Origin.Line).ShouldBe([2L, 3L, 4L]);
    }

    [Fact]
    public void Read_TsvWithRfcQuoting_QuotedCellsKeepTabsAndLineBreaks()
    {
        var path = Write("id\ttext\n1\t\"두 줄\n\t탭 \"\"인용\"\"\"\n2\t끝\n", "t.tsv");

        var (docs, issues) = ReadAll(path, new ReaderOptions { CsvTextColumns = ["text"] });

        issues.ShouldBeEmpty();
        docs.Select(d => d.Text).ShouldBe(["두 줄\n\t탭 \"인용\"", "끝"]);
        docs.Select(d => d.Origin.Line).ShouldBe([2L, 4L]);
    }

    [Fact]
    public void Read_RaggedRowAfterMultiLineCell_IssueNamesRowsFirstLine()
    {
        var path = Write("a,b\n\"x\ry\",1\n\"p\r\nq\"\n");

        var (docs, issues) = ReadAll(path);

        docs.Select(d => d.Text).ShouldBe(["a: x\ny\nb: 1", "a: p\nq"]);
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("ragged-row");
        issue.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_UnknownColumnInOptions_ThrowsNamingColumnAndHeader()
    {
        var path = TestPaths.Data("providers", "csv", "도시가스충전소현황.csv");

        var ex = Should.Throw<MoaException>(() => ReadAll(path, new ReaderOptions { CsvTextColumns = ["업체명"] }));

        ex.Message.ShouldContain("'업체명'");
        ex.Message.ShouldContain("순번, 행정구역, 지역본부_지사, 업소명, 우편, 주소");
    }

    [Fact]
    public void Read_EmptyFile_AndHeaderOnly_AreReported()
    {
        ReadAll(Write("")).Issues.ShouldHaveSingleItem().Code.ShouldBe("empty-file");
        var (docs, issues) = ReadAll(Write("a,b\r\n"));
        docs.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("empty-file");
    }

    [Fact]
    public void Read_UnclosedQuote_IsReportedAndEarlierRowsKept()
    {
        var path = Write("a,b\n1,ok\n2,\"never closed\n3,x\n");

        var (docs, issues) = ReadAll(path);

        docs.ShouldHaveSingleItem().Text.ShouldBe("a: 1\nb: ok");
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("malformed-csv");
        issue.Line.ShouldBe(3);
    }

    [Fact]
    public void Read_BytesValidInNeitherEncoding_AreReported()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bad.csv");
        // 0xFF is not a lead byte in UTF-8 nor in CP949.
        File.WriteAllBytes(path, [.. "a,b\n1,"u8, 0xFF, 0xFF, (byte)'\n']);

        var (_, issues) = ReadAll(path);

        issues.ShouldContain(i => i.Code == "invalid-encoding");
    }

    [Fact]
    public void Read_Cp949WrittenFile_RoundTripsKorean()
    {
        var path = Write("이름,설명\r\n똠방각하,뷁 같은 확장 한글\r\n", encoding: TextEncodingDetector.Cp949);

        var (docs, issues) = ReadAll(path);

        issues.ShouldBeEmpty();
        docs.ShouldHaveSingleItem().Text.ShouldBe("이름: 똠방각하\n설명: 뷁 같은 확장 한글");
    }

    [Fact]
    public void Read_ProviderFilesConcurrently_SameAsSequential()
    {
        var files = Directory.GetFiles(TestPaths.Data("providers", "csv"), "*.csv");
        var reader = new CsvReader();
        string Summary(string f)
        {
            var docs = reader.Read(f, new ReadContext(new ReaderOptions(), _ => { })).ToList();
            return $"{docs.Count}:{docs.Sum(d => d.Text.Length)}";
        }

        var sequential = files.Select(Summary).ToArray();
        var parallel = new string[files.Length];
        Parallel.For(0, files.Length, i => parallel[i] = Summary(files[i]));

        parallel.ShouldBe(sequential);
    }
}
