using System.Text;
using Moa.Documents;
using Moa.Documents.PlainText;
using Moa.Text.Encodings;

namespace Moa.Documents.Tests;

public sealed class PlainTextReaderTests
{
    private static (List<SourceDocument> Docs, List<ReadIssue> Issues) ReadAll(string path)
    {
        var issues = new List<ReadIssue>();
        var docs = new PlainTextReader().Read(path, new ReadContext(new ReaderOptions(), issues.Add)).ToList();
        return (docs, issues);
    }

    [Fact]
    public void Read_SeedArticle_OneDocumentNamedAfterFile()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "article.txt");
        var seed = Directory.GetFiles(Path.Combine(TestPaths.SharedData, "..", "seeds"), "000_*.txt").Single();
        File.Copy(seed, path);

        var (docs, issues) = ReadAll(path);

        issues.ShouldBeEmpty();
        var doc = docs.ShouldHaveSingleItem();
        doc.Id.ShouldBe("article.txt");
        doc.Text.ShouldBe(File.ReadAllText(seed));
        doc.Origin.ShouldBe(new DocumentOrigin(path, 1, "text"));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("cp949")]
    [InlineData("utf-16le")]
    public void Read_DetectsEncoding(string name)
    {
        var text = "# 보고서\n\n정부는 데이터를 모은다.\n";
        var path = Path.Combine(TestPaths.NewTempDir(), "doc.md");
        byte[] bytes = name switch
        {
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "cp949" => TextEncodingDetector.Cp949.GetBytes(text),
            _ => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        };
        File.WriteAllBytes(path, bytes);

        var (docs, issues) = ReadAll(path);

        issues.ShouldBeEmpty();
        var doc = docs.ShouldHaveSingleItem();
        doc.Text.ShouldBe(text);
        doc.Extra!["encoding"].ShouldBe(name);
    }

    [Fact]
    public void Read_InvalidBytes_AreReported()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bin.txt");
        File.WriteAllBytes(path, [(byte)'a', 0xFF, 0xFE, 0xFD, (byte)'b']);

        var (docs, issues) = ReadAll(path);

        docs.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe("invalid-encoding");
    }

    [Fact]
    public void Read_EmptyFile_IsReported()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "empty.txt");
        File.WriteAllBytes(path, []);

        var (docs, issues) = ReadAll(path);

        docs.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("empty-file");
        issue.Line.ShouldBe(0);
    }
}
