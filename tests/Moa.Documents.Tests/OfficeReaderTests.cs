using Moa.Documents.Office;

namespace Moa.Documents.Tests;

public sealed class OfficeReaderTests
{
    private const string W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";
    private const string P = "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    private const string S = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    private const string RelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    [Fact]
    public void Xlsx_Codebook_SheetPerDocumentHeaderAwareWithLineBreaks()
    {
        var path = TestPaths.Data("providers", "xlsx", "Koweps_Codebook_2019.xlsx");

        var (documents, issues) = BinaryReaderTestKit.ReadAll(new XlsxReader(), path);

        issues.ShouldBeEmpty();
        documents.Count.ShouldBe(2);
        var design = documents[0];
        design.Origin.Part.ShouldBe("sheet 조사설계서");
        design.Origin.Line.ShouldBe(1);
        design.Id.ShouldBe("Koweps_Codebook_2019.xlsx:sheet 조사설계서:1");
        design.Extra!["sheets"].ShouldBe("2");
        design.Extra["rows"].ShouldBe("7");
        design.Text.ShouldStartWith("변수명: h14_g3\n설명: 성별\n");

        // A cell with a line break keeps it inside its value; the header's line break becomes a space.
        design.Text.ShouldContain("내용: 0.비해당(18세 미만)\n1.유배우");
        design.Text.ShouldContain("출처 조사설계서: 14차 머지데이터_변수명.xlsx\n(2019년 14차 한국복지패널조사)");
        design.Text.ShouldContain("\n\n변수명: h14_g4\n");
        documents[1].Origin.Part.ShouldBe("sheet 직종코드");
        documents[1].Text.ShouldContain("code_job: 0111\njob: 의회 의원∙고위 공무원 및 공공단체 임원\n\ncode_job: 0112");
    }

    [Fact]
    public void Xlsx_StationTable_NumbersAsStored()
    {
        var (documents, issues) = BinaryReaderTestKit.ReadAll(new XlsxReader(), TestPaths.Data("providers", "xlsx", "신분당선_역위치.xlsx"));

        issues.ShouldBeEmpty();
        var sheet = documents.ShouldHaveSingleItem();
        sheet.Extra!["rows"].ShouldBe("13");
        sheet.Text.ShouldContain("역명: 강남\n경도: 127.027926\n위도: 37.497175");
    }

    [Fact]
    public void Xlsx_Generated_DatesInlineStringsBooleansPhoneticsAndEmptySheet()
    {
        var workbook = $"""
            <workbook {S}><workbookPr/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Empty" sheetId="2" r:id="rId2"/></sheets></workbook>
            """;
        var rels = $"""
            <Relationships xmlns="{RelNs}">
            <Relationship Id="rId1" Type="{OfficeRel}/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="{OfficeRel}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
            <Relationship Id="rId3" Type="{OfficeRel}/sharedStrings" Target="sharedStrings.xml"/>
            <Relationship Id="rId4" Type="{OfficeRel}/styles" Target="styles.xml"/>
            </Relationships>
            """;
        var shared = $"""
            <sst {S}><si><t>이름</t></si><si><t>날짜</t></si><si><r><t>서</t></r><r><t>울</t></r><rPh sb="0" eb="1"><t>ソウル</t></rPh></si><si><t xml:space="preserve">줄 하나
            줄 둘</t></si></sst>
            """;
        var styles = $"""
            <styleSheet {S}><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-412]yyyy&quot;년&quot; m&quot;월&quot;"/></numFmts>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>
            """;
        var sheet1 = $"""
            <worksheet {S}><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>메모</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45292</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="s"><v>3</v></c></row>
            <row r="3"/>
            <row r="4"><c r="A4" t="inlineStr"><is><t>부산</t></is></c><c r="B4" s="2"><v>45337.5</v></c><c r="D4" s="3"><v>0.30000000000000004</v></c></row>
            </sheetData></worksheet>
            """;
        var sheet2 = $"<worksheet {S}><sheetData/></worksheet>";
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(TestPaths.NewTempDir(), "gen.xlsx"),
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", $"<Relationships xmlns=\"{RelNs}\"><Relationship Id=\"r1\" Type=\"{OfficeRel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/sharedStrings.xml", shared),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet1),
            ("xl/worksheets/sheet2.xml", sheet2));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(new XlsxReader(), path);

        var data = documents.ShouldHaveSingleItem();
        data.Text.ShouldBe("이름: 서울\n날짜: 2024-01-01\nC: TRUE\n메모: 줄 하나\n줄 둘\n\n이름: 부산\n날짜: 2024-02-15 12:00:00\n메모: 0.3");
        data.Extra!["rows"].ShouldBe("2");
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("empty-text");
        issue.Line.ShouldBe(2);
        issue.Message.ShouldContain("'Empty'");
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("[$-412]yyyy\"년\" m\"월\" d\"일\"", true)]
    [InlineData("[h]:mm:ss", true)]
    [InlineData("#,##0.00", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("\"day\" 0", false)]
    [InlineData("[Red]#,##0;[Blue]-#,##0", false)]
    [InlineData("General", false)]
    public void IsDateFormat_CustomCodes(string code, bool date)
    {
        XlsxReader.IsDateFormat(code).ShouldBe(date);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Letters(int column, string name)
    {
        XlsxReader.ColumnName(column).ShouldBe(name);
    }

    [Fact]
    public void Docx_Generated_ParagraphsTablesTabsBreaksTextBoxOnce()
    {
        var body = $"""
            <w:document {W}><w:body>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>제목</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">첫 </w:t></w:r><w:r><w:t>문단</w:t><w:tab/><w:t>탭</w:t><w:br/><w:t>다음 줄</w:t></w:r></w:p>
            <w:p><w:r><w:delText>지운 글</w:delText><w:instrText> PAGE </w:instrText></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>이름</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>전화</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>홍길동</w:t></w:r></w:p><w:p><w:r><w:t>과장</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>02-123-4567</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>글상자</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>글상자</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:p><w:r><w:t>끝</w:t></w:r></w:p>
            </w:body></w:document>
            """;
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(TestPaths.NewTempDir(), "gen.docx"),
            ("_rels/.rels", $"<Relationships xmlns=\"{RelNs}\"><Relationship Id=\"r1\" Type=\"{OfficeRel}/officeDocument\" Target=\"word/main.xml\"/></Relationships>"),
            ("word/main.xml", body),
            ("docProps/app.xml", "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Pages>3</Pages></Properties>"));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(new DocxReader(), path);

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldBe("제목\n첫 문단\t탭\n다음 줄\n이름\t전화\n홍길동 과장\t02-123-4567\n글상자\n끝");
        document.Extra!["pages"].ShouldBe("3");
        document.Origin.Format.ShouldBe("docx");
    }

    [Fact]
    public void Docx_EmptyBody_EmptyTextIssue()
    {
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(TestPaths.NewTempDir(), "empty.docx"),
            ("word/document.xml", $"<w:document {W}><w:body><w:p/></w:body></w:document>"));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(new DocxReader(), path);

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("empty-text");
    }

    [Fact]
    public void Docx_MissingMainPart_OneCorruptIssue()
    {
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(TestPaths.NewTempDir(), "nomain.docx"), ("other.xml", "<x/>"));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(new DocxReader(), path);

        documents.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("corrupt-container");
        issue.Message.ShouldContain("word/document.xml");
    }

    [Fact]
    public void Pptx_Generated_SlidesInPresentationOrder()
    {
        var presentation = $"<p:presentation {P}><p:sldIdLst><p:sldId id=\"256\" r:id=\"rId2\"/><p:sldId id=\"257\" r:id=\"rId1\"/></p:sldIdLst></p:presentation>";
        var rels = $"""
            <Relationships xmlns="{RelNs}">
            <Relationship Id="rId1" Type="{OfficeRel}/slide" Target="slides/slide1.xml"/>
            <Relationship Id="rId2" Type="{OfficeRel}/slide" Target="slides/slide2.xml"/>
            </Relationships>
            """;
        static string Slide(string body) => $"<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><p:cSld><p:spTree>{body}</p:spTree></p:cSld></p:sld>";
        var path = BinaryReaderTestKit.WriteZip(Path.Combine(TestPaths.NewTempDir(), "gen.pptx"),
            ("_rels/.rels", $"<Relationships xmlns=\"{RelNs}\"><Relationship Id=\"r1\" Type=\"{OfficeRel}/officeDocument\" Target=\"ppt/presentation.xml\"/></Relationships>"),
            ("ppt/presentation.xml", presentation),
            ("ppt/_rels/presentation.xml.rels", rels),
            ("ppt/slides/slide1.xml", Slide("<p:sp><p:txBody><a:p><a:r><a:t>두 번째 슬라이드</a:t></a:r></a:p></p:txBody></p:sp>")),
            ("ppt/slides/slide2.xml", Slide("<p:sp><p:txBody><a:p><a:r><a:t>표지</a:t></a:r><a:br/><a:r><a:t>부제</a:t></a:r></a:p></p:txBody></p:sp>"
                + "<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>가</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>나</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>")));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(new PptxReader(), path);

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldBe("표지\n부제\n가\t나\n\n두 번째 슬라이드");
        document.Extra!["slides"].ShouldBe("2");
    }

    [Fact]
    public void Xlsx_NotAZip_OneCorruptIssue()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bad.xlsx");
        File.WriteAllBytes(path, [1, 2, 3]);

        var (documents, issues) = BinaryReaderTestKit.ReadAll(new XlsxReader(), path);

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("corrupt-container");
    }
}
