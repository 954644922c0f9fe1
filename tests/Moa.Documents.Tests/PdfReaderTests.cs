using System.Diagnostics;
using System.Text;
using Moa.Documents.Pdf;

namespace Moa.Documents.Tests;

public sealed class PdfReaderTests
{
    private static readonly Lazy<bool> s_poppler = new(EnsurePoppler);
    private static readonly PdfReader s_reader = new();

    // Written once, long before it is run, so no test executes a file that was just written.
    private static readonly Lazy<string> s_sleepingTool = new(WriteSleepingTool);

    private static string Pdf(string name) => TestPaths.Data("providers", "pdf", name);

    [Fact]
    public void Read_CriminalCode_PagesAndArticles()
    {
        s_poppler.Value.ShouldBeTrue("pdftotext (poppler-utils) could not be installed");

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, Pdf("형법.pdf"));

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Extra!["pages"].ShouldBe("37");
        document.Text.ShouldContain("제1조(범죄의 성립과 처벌) ① 범죄의 성립과 처벌은 행위 시의 법률에 따른다.");
        document.Text.ShouldContain("제250조(살인, 존속살해)");
        document.Text.ShouldNotContain("\f");
        document.Origin.Part.ShouldBeNull();
        document.Text.Length.ShouldBeGreaterThan(50_000);
    }

    [Fact]
    public void Read_TwoColumnPaper_ReadingOrderKeepsSentencesTogether()
    {
        s_poppler.Value.ShouldBeTrue();

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, Pdf("korquad2_paper.pdf"));

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Extra!["pages"].ShouldBe("6");
        document.Text.ShouldContain("KorQuAD 2.0: 웹문서 기계독해를 위한 한국어 질의응답");
        document.Text.ShouldContain("기계독해(MRC;Machine Reading Comprehension)는 기\n계가 주어진 지문과 질문을 이해하여");
        document.Text.ShouldContain("seungyoung.lim");
    }

    [Fact]
    public void Read_LayoutMode_KeepsPhysicalLines()
    {
        s_poppler.Value.ShouldBeTrue();

        var (documents, _) = BinaryReaderTestKit.ReadAll(new PdfReader { Layout = true }, Pdf("형법.pdf"));

        var document = documents.ShouldHaveSingleItem();
        document.Extra!["format_detail"].ShouldBe("pdftotext -layout");
        document.Text.ShouldContain("제1조(범죄의 성립과 처벌)");
        document.Text.Split('\n').ShouldAllBe(line => line.Length == line.TrimEnd().Length);
    }

    [Fact]
    public void Read_PageWithoutText_ReportedWithPageNumbers()
    {
        s_poppler.Value.ShouldBeTrue();
        var path = Path.Combine(TestPaths.NewTempDir(), "scan.pdf");
        File.WriteAllBytes(path, MinimalPdf(["Hello page one", null, "Page three", null]));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldBe("Hello page one\n\nPage three");
        document.Extra!["pages"].ShouldBe("4");
        document.Extra["pages_without_text"].ShouldBe("2, 4");
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("scanned-page-no-text");
        issue.Message.ShouldContain("page(s) 2, 4 of 4");
    }

    [Fact]
    public void Read_AllPagesWithoutText_OneIssueNoDocument()
    {
        s_poppler.Value.ShouldBeTrue();
        var path = Path.Combine(TestPaths.NewTempDir(), "scan.pdf");
        File.WriteAllBytes(path, MinimalPdf([null, null, null]));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Message.ShouldContain("1-3 of 3");
    }

    [Fact]
    public void Read_NotAPdf_OneCorruptIssue()
    {
        s_poppler.Value.ShouldBeTrue();
        var path = Path.Combine(TestPaths.NewTempDir(), "fake.pdf");
        File.WriteAllText(path, "this is not a PDF at all");

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("corrupt-container");
        issue.Message.ShouldContain("exit code");
    }

    [Fact]
    public void Read_PdfToTextMissing_SaysHowToInstall()
    {
        var reader = new PdfReader { PdfToTextPath = "/nonexistent/pdftotext" };

        var (documents, issues) = BinaryReaderTestKit.ReadAll(reader, Pdf("형법.pdf"));

        documents.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("pdftotext-missing");
        issue.Message.ShouldContain("apt-get install poppler-utils");
    }

    [Fact]
    public void Read_PdfToTextHangs_StoppedAtTimeout()
    {
        var reader = new PdfReader { PdfToTextPath = SleepingTool(), Timeout = TimeSpan.FromMilliseconds(300) };
        var clock = Stopwatch.StartNew();

        var (documents, issues) = BinaryReaderTestKit.ReadAll(reader, Pdf("형법.pdf"));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("pdf-timeout");
    }

    [Fact]
    public void Read_Cancelled_StopsTheTool()
    {
        var reader = new PdfReader { PdfToTextPath = SleepingTool() };
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Should.Throw<OperationCanceledException>(() => BinaryReaderTestKit.ReadAll(reader, Pdf("형법.pdf"), cts.Token));
    }

    [Fact]
    public void Read_CriminalCode_RunningHeadersAndPageNumbersRemoved()
    {
        s_poppler.Value.ShouldBeTrue();

        var (documents, _) = BinaryReaderTestKit.ReadAll(s_reader, Pdf("형법.pdf"));
        var (raw, _) = BinaryReaderTestKit.ReadAll(new PdfReader { RemoveRunningHeaders = false }, Pdf("형법.pdf"));

        var text = documents.ShouldHaveSingleItem().Text;
        var lines = text.Split('\n');
        var rawLines = raw.ShouldHaveSingleItem().Text.Split('\n');
        rawLines.Count(l => l == "국가법령정보센터").ShouldBe(37);
        rawLines.Count(l => l == "법제처").ShouldBe(37);
        lines.ShouldNotContain("국가법령정보센터");
        lines.ShouldNotContain("법제처");
        lines.ShouldNotContain("2");
        lines.ShouldNotContain("37");
        lines.Count(l => l == "형법").ShouldBeLessThanOrEqualTo(1, "the title line repeated at the top of every page");
        text.ShouldContain("제1조(범죄의 성립과 처벌) ① 범죄의 성립과 처벌은 행위 시의 법률에 따른다.");
        text.ShouldContain("제250조(살인, 존속살해)");
        text.ShouldContain("제10조(심신장애인)");
        var removed = int.Parse(documents[0].Extra!["header_lines_removed"], System.Globalization.CultureInfo.InvariantCulture);
        removed.ShouldBeInRange(37 * 3, (37 * 4) + 2);
        (rawLines.Length - lines.Length).ShouldBeGreaterThanOrEqualTo(removed);
        raw[0].Extra!.ContainsKey("header_lines_removed").ShouldBeFalse();
    }

    [Fact]
    public void Read_Paper_RunningHeaderRemovedBodyKept()
    {
        s_poppler.Value.ShouldBeTrue();

        var (documents, _) = BinaryReaderTestKit.ReadAll(s_reader, Pdf("korquad2_paper.pdf"));

        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldNotContain("제31회 한글 및 한국어 정보처리 학술대회 논문집 (2019년)");
        document.Text.ShouldContain("KorQuAD 2.0: 웹문서 기계독해를 위한 한국어 질의응답");
        document.Text.ShouldContain("seungyoung.lim");
        int.Parse(document.Extra!["header_lines_removed"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(6, 8);
    }

    [Fact]
    public void RunningHeaders_RecurringEdgeLinesAndPageNumbers()
    {
        string[] topics = ["rain", "soil", "wind", "snow"];
        var pages = Enumerable.Range(1, 4)
            .Select(i => $"Annual report\nBody about {topics[i - 1]}.\nMore on {topics[i - 1]}.\n\n- {i} -")
            .ToList();
        pages.Add("");

        var removed = RunningHeaders.Remove(pages);

        removed.ShouldBe(8);
        pages[0].ShouldBe("Body about rain.\nMore on rain.");
        pages[3].ShouldBe("Body about snow.\nMore on snow.");
        pages[4].ShouldBe("");
    }

    [Fact]
    public void RunningHeaders_TooFewPagesOrNotRecurring_Kept()
    {
        // Two pages: a recurring line is not enough evidence (minimum 3 pages); page numbers still go.
        List<string> two = ["Title\nbody one.\n1", "Title\nbody two.\n2"];
        RunningHeaders.Remove(two).ShouldBe(2);
        two.ShouldBe(["Title\nbody one.", "Title\nbody two."]);

        // A line recurring on 2 of 6 pages is below half.
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
        var six = Enumerable.Range(1, 6).Select(i => (i <= 2 ? "Chapter A\n" : "") + $"text {words[i - 1]} here.").ToList();
        RunningHeaders.Remove(six).ShouldBe(0);
        six[0].ShouldStartWith("Chapter A");

        // A one-page document keeps a lone number.
        List<string> one = ["12"];
        RunningHeaders.Remove(one).ShouldBe(0);
    }

    [Theory]
    [InlineData("3", true)]
    [InlineData("- 3 -", true)]
    [InlineData("3 / 37", true)]
    [InlineData("Page 3 of 37", true)]
    [InlineData("12쪽", true)]
    [InlineData("(3)", true)]
    [InlineData("제3조", false)]
    [InlineData("2023. 7. 1.", false)]
    [InlineData("", false)]
    [InlineData("합계", false)]
    public void IsPageNumber_Patterns(string line, bool expected) => RunningHeaders.IsPageNumber(line).ShouldBe(expected);

    [Fact]
    public void Fold_DigitsAndSpaces() => RunningHeaders.Fold("  Page  12 of   345 ").ShouldBe("Page # of #");

    [Fact]
    public void SplitPages_FormFeeds_TrailingEmptyPageDropped()
    {
        var pages = PdfReader.SplitPages("a  \n\n\n\nb\n\f\n  \n\fc\f");

        pages.ShouldBe(["a\n\nb", "", "c"]);
    }

    [Fact]
    public void CanRead_ByExtensionOrMagic()
    {
        s_reader.CanRead("a.PDF", []).ShouldBeTrue();
        s_reader.CanRead("a.bin", "%PDF-1.7"u8).ShouldBeTrue();
        s_reader.CanRead("a.bin", "hello"u8).ShouldBeFalse();
    }

    private static bool EnsurePoppler()
    {
        if (File.Exists("/usr/bin/pdftotext"))
        {
            return true;
        }

        var script = Path.Combine(TestPaths.RepoRoot, "scripts", "ensure-deps.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "poppler-utils"]) { UseShellExecute = false })!;
        process.WaitForExit(300_000);
        return File.Exists("/usr/bin/pdftotext");
    }

    private static string SleepingTool() => s_sleepingTool.Value;

    private static string WriteSleepingTool()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "pdftotext");
        File.WriteAllText(path, "#!/bin/sh\nexec sleep 30\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>A small valid PDF; a null page has no content stream (like a page that is only an image).</summary>
    private static byte[] MinimalPdf(string?[] pages)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var kids = new List<int>();
        foreach (var page in pages)
        {
            var pageId = objects.Count + 1;
            kids.Add(pageId);
            if (page is null)
            {
                objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] >>");
                continue;
            }

            var content = $"BT /F1 12 Tf 20 200 Td ({page}) Tj ET";
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 3 0 R >> >> /Contents {pageId + 1} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {pages.Length} >>";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
