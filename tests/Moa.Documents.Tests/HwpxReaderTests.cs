using System.IO.Compression;
using Moa.Documents.Hwpx;
using Moa.Documents.Packaging;

namespace Moa.Documents.Tests;

public sealed class HwpxReaderTests
{
    private const string Ns = "xmlns:hs=\"http://www.hancom.co.kr/hwpml/2011/section\" xmlns:hp=\"http://www.hancom.co.kr/hwpml/2011/paragraph\"";
    private static readonly HwpxReader s_reader = new();

    private static string Hwpx(string name) => TestPaths.Data("providers", "hwpx", name);

    [Theory]
    [InlineData("gangbuk_rfp.hwpx", 3, "『제2회 가을밤의 음악축제』 행사대행 용역 제안요청서")]
    [InlineData("gangnam_notice.hwpx", 1, "서울특별시 강남구 공고 제2023-745호")]
    [InlineData("mcst_press_release.hwpx", 1, "2024 파리 올림픽·패럴림픽 준비하는 우리 선수단 격려한다")]
    [InlineData("public_data_standard.hwpx", 1, "도시철도 노선 중 숫자로 표기되는 경우 노선번호를 두자리 숫자로 표기")]
    [InlineData("ulsan_notice_no_manifest.hwpx", 2, "울산")]
    public void Read_RealFiles_OneDocumentWithExpectedPhrase(string file, int sections, string phrase)
    {
        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, Hwpx(file));

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldContain(phrase);
        document.Extra!["sections"].ShouldBe(sections.ToString());
        document.Extra["format_detail"].ShouldStartWith("HWPX 5.");
        document.Origin.Format.ShouldBe("hwpx");
        document.Origin.Part.ShouldBeNull();
        document.Text.ShouldNotContain("\n\n\n");
        document.Text.ShouldNotStartWith("\n");
    }

    [Fact]
    public void Read_GridTable_RowsAsTabSeparatedCells()
    {
        var (documents, _) = BinaryReaderTestKit.ReadAll(s_reader, Hwpx("gangbuk_rfp.hwpx"));

        var text = documents.ShouldHaveSingleItem().Text;
        text.ShouldContain("구   분\t시   간\t비 고\n문화 행사\t15:00 ~ 17:30\t소규모 문화행사(공연 제외)");
        text.Length.ShouldBeInRange(15_000, 40_000);
    }

    [Fact]
    public void Read_HiddenComment_NotText()
    {
        var (documents, _) = BinaryReaderTestKit.ReadAll(s_reader, Hwpx("gangnam_notice.hwpx"));

        documents.ShouldHaveSingleItem().Text.ShouldStartWith("서울특별시 강남구 공고 제2023-745호\n");
    }

    [Fact]
    public void Read_EmptyText_ReportsEmptyTextNotice()
    {
        var path = Hwpx("empty_text.hwpx");

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("empty-text");
        issue.File.ShouldBe(path);
    }

    [Fact]
    public void Read_WithoutContentManifest_SectionsInNumberOrder()
    {
        var dir = TestPaths.NewTempDir();
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(dir, "bare.hwpx"),
            ("mimetype", "application/hwp+zip"),
            ("Contents/section10.xml", Section("열 번째")),
            ("Contents/section2.xml", Section("두 번째")),
            ("Contents/section0.xml", Section("첫 번째")));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldBe("첫 번째\n\n두 번째\n\n열 번째");
        document.Extra!["section_order"].ShouldContain("no manifest");
    }

    [Fact]
    public void Read_RealFileWithManifestRemoved_StillReads()
    {
        var dir = TestPaths.NewTempDir();
        var withManifest = BinaryReaderTestKit.ReadAll(s_reader, Hwpx("ulsan_notice_no_manifest.hwpx")).Documents.Single().Text;
        var path = BinaryReaderTestKit.CopyZip(Hwpx("ulsan_notice_no_manifest.hwpx"), Path.Combine(dir, "u.hwpx"), n => n.EndsWith(".hpf", StringComparison.Ordinal));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        issues.ShouldBeEmpty();
        documents.ShouldHaveSingleItem().Text.ShouldBe(withManifest);
    }

    [Fact]
    public void Read_ManifestSpineOrder_Wins()
    {
        var dir = TestPaths.NewTempDir();
        var hpf = """
            <opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>
            <opf:item id="s0" href="Contents/section0.xml" media-type="application/xml"/>
            <opf:item id="s1" href="Contents/section1.xml" media-type="application/xml"/>
            </opf:manifest><opf:spine><opf:itemref idref="s1"/><opf:itemref idref="s0"/></opf:spine></opf:package>
            """;
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(dir, "spine.hwpx"),
            ("mimetype", "application/hwp+zip"),
            ("Contents/content.hpf", hpf),
            ("Contents/section0.xml", Section("둘")),
            ("Contents/section1.xml", Section("하나")));

        BinaryReaderTestKit.ReadAll(s_reader, path).Documents.Single().Text.ShouldBe("하나\n\n둘");
    }

    [Fact]
    public void Read_InlineElements_TabsBreaksSpaces()
    {
        var dir = TestPaths.NewTempDir();
        var xml = $"<hs:sec {Ns}><hp:p><hp:run><hp:t>가<hp:tab/>나<hp:lineBreak/>다<hp:nbSpace/>라<hp:hyphen/>마</hp:t></hp:run></hp:p>"
            + "<hp:p><hp:run><hp:tbl rowCnt=\"1\" colCnt=\"1\"><hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>상자</hp:t></hp:run></hp:p>"
            + "<hp:p><hp:run><hp:t>안</hp:t></hp:run></hp:p></hp:subList></hp:tc></hp:tr></hp:tbl></hp:run></hp:p></hs:sec>";
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(dir, "inline.hwpx"), ("Contents/section0.xml", xml));

        BinaryReaderTestKit.ReadAll(s_reader, path).Documents.Single().Text.ShouldBe("가\t나\n다 라-마\n상자\n안");
    }

    [Fact]
    public void Read_PathTraversalEntry_Ignored()
    {
        var dir = TestPaths.NewTempDir();
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(dir, "evil.hwpx"),
            ("../../Contents/section0.xml", Section("악성")),
            ("Contents/section1.xml", Section("정상")));

        using (var package = ZipPackage.Open(path, "HWPX"))
        {
            package.Names.ShouldBe(["Contents/section1.xml"]);
        }

        BinaryReaderTestKit.ReadAll(s_reader, path).Documents.Single().Text.ShouldBe("정상");
    }

    [Fact]
    public void Read_ZipBomb_RefusedBeforeInflating()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "bomb.hwpx");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("Contents/section0.xml", CompressionLevel.SmallestSize).Open();
            stream.Write(System.Text.Encoding.UTF8.GetBytes($"<hs:sec {Ns}><hp:p><hp:run><hp:t>"));
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)'a');
            for (var i = 0; i < 16; i++)
            {
                stream.Write(chunk);
            }

            stream.Write(System.Text.Encoding.UTF8.GetBytes("</hp:t></hp:run></hp:p></hs:sec>"));
        }

        new FileInfo(path).Length.ShouldBeLessThan(1 << 20);

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("zip-bomb");
        issue.Message.ShouldContain("section0.xml");
    }

    [Fact]
    public void Read_MalformedSectionXml_OneCorruptIssue()
    {
        var dir = TestPaths.NewTempDir();
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(dir, "bad.hwpx"), ("Contents/section0.xml", $"<hs:sec {Ns}><hp:p><hp:t>끝나지 않은"));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("corrupt-container");
    }

    [Fact]
    public void Read_DtdInSection_Refused()
    {
        var dir = TestPaths.NewTempDir();
        var xml = $"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><hs:sec {Ns}><hp:p><hp:run><hp:t>&b;</hp:t></hp:run></hp:p></hs:sec>";
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(dir, "dtd.hwpx"), ("Contents/section0.xml", xml));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("corrupt-container");
    }

    [Theory]
    [InlineData("")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    public void Read_NotAZip_OneCorruptIssue(string content)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bad.hwpx");
        File.WriteAllText(path, content);

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("corrupt-container");
    }

    [Fact]
    public void Read_NoSections_OneCorruptIssue()
    {
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(TestPaths.NewTempDir(), "none.hwpx"), ("mimetype", "application/hwp+zip"));

        BinaryReaderTestKit.ReadAll(s_reader, path).Issues.ShouldHaveSingleItem().Message.ShouldContain("section");
    }

    [Fact]
    public void CanRead_ByExtensionOrMimetypeEntry()
    {
        var head = File.ReadAllBytes(Hwpx("gangnam_notice.hwpx")).AsSpan(0, 4096).ToArray();

        s_reader.CanRead("x.hwpx", []).ShouldBeTrue();
        s_reader.CanRead("x.zip", head).ShouldBeTrue();
        s_reader.CanRead("x.zip", "PK\x03\x04"u8).ShouldBeFalse();
    }

    private static string Section(string text) => $"<hs:sec {Ns}><hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p></hs:sec>";
}
