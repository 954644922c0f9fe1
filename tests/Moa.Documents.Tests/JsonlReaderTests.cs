using System.IO.Compression;
using System.Text;
using Moa.Documents;
using Moa.Documents.Jsonl;

namespace Moa.Documents.Tests;

public sealed class JsonlReaderTests
{
    private static readonly string Nsmc = TestPaths.Data("text", "nsmc_reviews_sample.jsonl");

    private static (List<SourceDocument> Docs, List<ReadIssue> Issues) ReadAll(string path, ReaderOptions? options = null)
    {
        var issues = new List<ReadIssue>();
        var context = new ReadContext(options ?? new ReaderOptions(), issues.Add);
        var docs = new JsonlReader().Read(path, context).ToList();
        return (docs, issues);
    }

    private static string Write(string dir, string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Read_NsmcSample_Reads33266ReviewsWithIdsAndExtras()
    {
        var (docs, issues) = ReadAll(Nsmc);

        issues.ShouldBeEmpty();
        docs.Count.ShouldBe(33266);
        docs[0].Id.ShouldBe("nsmc-4795533");
        docs[0].Text.ShouldBe("어휴 빌로 콧구녕봐라 ㅋㅋㅋㅋㅋㅋㅋㅋ 꺼이꺼이");
        docs[0].Origin.ShouldBe(new DocumentOrigin(Nsmc, 1, "jsonl"));
        docs[0].Extra!["rating"].ShouldBe("1");
        docs[0].Extra!["movie_id"].ShouldBe("26815");
        docs[0].Extra!.ContainsKey("text").ShouldBeFalse();
        docs[^1].Origin.Line.ShouldBe(33266);
        docs.Select(d => d.Id).Distinct().Count().ShouldBe(33266);
    }

    [Fact]
    public void Read_GzippedNsmc_MatchesUncompressed()
    {
        var dir = TestPaths.NewTempDir();
        var gz = Path.Combine(dir, "nsmc.jsonl.gz");
        Compress(File.ReadAllBytes(Nsmc), gz);

        var (docs, issues) = ReadAll(gz);

        issues.ShouldBeEmpty();
        docs.Count.ShouldBe(33266);
        docs[^1].Text.ShouldBe(ReadAll(Nsmc).Docs[^1].Text);
    }

    [Fact]
    public void Read_TruncatedGzip_KeepsEarlierLinesAndReportsLineReached()
    {
        var dir = TestPaths.NewTempDir();
        var full = Path.Combine(dir, "full.jsonl.gz");
        Compress(File.ReadAllBytes(Nsmc), full);
        var bytes = File.ReadAllBytes(full);
        var cut = Path.Combine(dir, "cut.jsonl.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var (docs, issues) = ReadAll(cut);

        docs.Count.ShouldBeGreaterThan(1000);
        docs.Count.ShouldBeLessThan(33266);
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("truncated-gzip");
        issue.Line.ShouldBe(docs[^1].Origin.Line + 1);
        issue.Message.ShouldContain("ends early");
    }

    [Fact]
    public void Read_ConcatenatedGzipMembers_IsNotReportedAsTruncated()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "two.jsonl.gz");
        using (var file = File.Create(path))
        {
            foreach (var part in new[] { "{\"text\":\"첫째\"}\n{\"text\":\"둘째\"}\n", "{\"text\":\"셋째\"}\n" })
            {
                using var gz = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
                gz.Write(Encoding.UTF8.GetBytes(part));
            }
        }

        var (docs, issues) = ReadAll(path);

        issues.ShouldBeEmpty();
        docs.Select(d => d.Text).ShouldBe(["첫째", "둘째", "셋째"]);
    }

    [Fact]
    public void Read_MalformedLineInMiddle_IsReportedAndOthersRead()
    {
        var path = Write(TestPaths.NewTempDir(), "bad.jsonl",
            "{\"id\":\"a\",\"text\":\"하나\"}\n{\"id\":\"b\",\"text\":\"둘\"\n{\"id\":\"c\",\"text\":\"셋\"}\n");

        var (docs, issues) = ReadAll(path);

        docs.Select(d => d.Id).ShouldBe(["a", "c"]);
        docs[1].Origin.Line.ShouldBe(3);
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("malformed-json");
        issue.Line.ShouldBe(2);
        issue.Message.ShouldContain("\"id\":\"b\"");
    }

    [Fact]
    public void Read_TwoValuesOnOneLine_IsMalformed()
    {
        var path = Write(TestPaths.NewTempDir(), "two.jsonl", "{\"text\":\"a\"} {\"text\":\"b\"}\n");

        var (docs, issues) = ReadAll(path);

        docs.ShouldBeEmpty();
        issues.Select(i => i.Code).ShouldContain("malformed-json");
    }

    [Fact]
    public void Read_ArrayLine_IsMalformedWithExplanation()
    {
        var path = Write(TestPaths.NewTempDir(), "arr.jsonl", "[1,2]\n{\"text\":\"ok\"}\n");

        var (docs, issues) = ReadAll(path);

        docs.ShouldHaveSingleItem().Text.ShouldBe("ok");
        issues.ShouldHaveSingleItem().Message.ShouldContain("one object per line");
    }

    [Fact]
    public void Read_InvalidUtf8Line_IsReportedAndSkipped()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "bytes.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"text\":\"좋다\"}\n{\"text\":\""));
        bytes.AddRange(Encoding.GetEncoding("latin1").GetBytes("caf\u00e9"));
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n{\"text\":\"끝\"}\n"));
        File.WriteAllBytes(path, [.. bytes]);

        var (docs, issues) = ReadAll(path);

        docs.Select(d => d.Text).ShouldBe(["좋다", "끝"]);
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("invalid-utf8");
        issue.Line.ShouldBe(2);
        issue.Message.ShouldContain("0xE9");
    }

    [Fact]
    public void Read_MissingTextField_NamesFieldAndListsOthers()
    {
        var path = Write(TestPaths.NewTempDir(), "m.jsonl", "{\"id\":1,\"review\":\"재밌다\",\"rating\":5}\n");

        var (docs, issues) = ReadAll(path);

        docs.ShouldBeEmpty();
        var issue = issues.Single(i => i.Code == "missing-field");
        issue.Message.ShouldContain("'text'");
        issue.Message.ShouldContain("id, review, rating");
        issue.Message.ShouldContain("--text-field");
    }

    [Fact]
    public void Read_CustomFieldNames_AndNumericId()
    {
        var path = Write(TestPaths.NewTempDir(), "c.jsonl", "{\"no\":42,\"body\":\"본문\",\"ok\":true,\"score\":1.5,\"nested\":{\"a\":1},\"n\":null}\n");

        var (docs, issues) = ReadAll(path, new ReaderOptions { TextField = "body", IdField = "no", Provider = "KISTI" });

        issues.ShouldBeEmpty();
        var doc = docs.ShouldHaveSingleItem();
        doc.Id.ShouldBe("42");
        doc.Text.ShouldBe("본문");
        doc.Extra!["ok"].ShouldBe("true");
        doc.Extra!["score"].ShouldBe("1.5");
        doc.Extra!["provider"].ShouldBe("KISTI");
        doc.Extra!.ContainsKey("nested").ShouldBeFalse();
        doc.Extra!.ContainsKey("n").ShouldBeFalse();
    }

    [Theory]
    [InlineData("{\"text\":5}", "a number")]
    [InlineData("{\"text\":null}", "null")]
    [InlineData("{\"text\":{\"ko\":\"x\"}}", "an object")]
    public void Read_TextNotAString_IsReported(string line, string described)
    {
        var path = Write(TestPaths.NewTempDir(), "t.jsonl", line + "\n");

        var (docs, issues) = ReadAll(path);

        docs.ShouldBeEmpty();
        var issue = issues.Single(i => i.Code == "not-a-string");
        issue.Message.ShouldContain(described);
    }

    [Fact]
    public void Read_MissingId_DerivesFromFileAndLine_CrLfAndBlankLinesTolerated()
    {
        var path = Write(TestPaths.NewTempDir(), "d.jsonl", "\uFEFF{\"text\":\"가\"}\r\n\r\n   \n{\"text\":\"나\\n다\"}");

        var (docs, issues) = ReadAll(path);

        issues.ShouldBeEmpty();
        docs.Select(d => d.Id).ShouldBe(["d.jsonl:1", "d.jsonl:4"]);
        docs[1].Text.ShouldBe("나\n다");
    }

    [Fact]
    public void Read_EmptyFile_ReportsEmptyFileAtLineZero()
    {
        var path = Write(TestPaths.NewTempDir(), "e.jsonl", "");

        var (docs, issues) = ReadAll(path);

        docs.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("empty-file");
        issue.Line.ShouldBe(0);
    }

    [Fact]
    public void Read_RecordTooLarge_IsSkippedAndNextLineRead()
    {
        var big = new string('가', 3000);
        var path = Write(TestPaths.NewTempDir(), "big.jsonl", $"{{\"text\":\"{big}\"}}\n{{\"text\":\"작다\"}}\n");

        var (docs, issues) = ReadAll(path, new ReaderOptions { MaxRecordBytes = 2048 });

        docs.ShouldHaveSingleItem().Origin.Line.ShouldBe(2);
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("record-too-large");
        issue.Line.ShouldBe(1);
    }

    [Fact]
    public void Read_LinesLongerThanInitialBuffer_AreRead()
    {
        var big = new string('a', 3 << 20);
        var path = Write(TestPaths.NewTempDir(), "long.jsonl", $"{{\"text\":\"{big}\"}}\n{{\"text\":\"b\"}}\n");

        var (docs, issues) = ReadAll(path);

        issues.ShouldBeEmpty();
        docs[0].Text.Length.ShouldBe(3 << 20);
        docs[1].Text.ShouldBe("b");
    }

    [Fact]
    public void CanRead_ByExtensionAndMagic()
    {
        var reader = new JsonlReader();
        reader.CanRead("a.jsonl", "{"u8).ShouldBeTrue();
        reader.CanRead("a.NDJSON", "{"u8).ShouldBeTrue();
        reader.CanRead("a.json", "{\"a\":1}"u8).ShouldBeTrue();
        reader.CanRead("a.json", "[{\"a\":1}]"u8).ShouldBeFalse();
        reader.CanRead("a.json", "{\n  \"a\": 1\n}\n"u8).ShouldBeFalse();
        reader.CanRead("a.json", "{\"a\":1}\n{\"a\":2}\n"u8).ShouldBeTrue();
        reader.CanRead("a.jsonl.gz", [0x1F, 0x8B, 8]).ShouldBeTrue();
        reader.CanRead("a.jsonl.gz", "{"u8).ShouldBeFalse();
        reader.CanRead("a.csv.gz", [0x1F, 0x8B, 8]).ShouldBeFalse();
        reader.CanRead("a.csv", "{"u8).ShouldBeFalse();
    }

    [Fact]
    public void Read_DifferentFilesConcurrently_GivesSameResultsAsSequential()
    {
        var dir = TestPaths.NewTempDir();
        var gz = Path.Combine(dir, "nsmc.jsonl.gz");
        Compress(File.ReadAllBytes(Nsmc), gz);
        string[] files = [Nsmc, gz, Nsmc, gz];
        var reader = new JsonlReader();

        var results = new string[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var context = new ReadContext(new ReaderOptions(), _ => throw new InvalidOperationException("no issue expected"));
            var docs = reader.Read(files[i], context).ToList();
            results[i] = $"{docs.Count}:{docs[^1].Id}:{docs.Sum(d => d.Text.Length)}";
        });

        results.Distinct().ShouldHaveSingleItem().ShouldStartWith("33266:");
    }

    private static void Compress(byte[] data, string path)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(data);
    }
}
