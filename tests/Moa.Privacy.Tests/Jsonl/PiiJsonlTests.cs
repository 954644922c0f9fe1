using System.Buffers;
using System.Text;
using System.Text.Json;
using Moa.Privacy;
using Moa.Privacy.Jsonl;

namespace Moa.Privacy.Tests.Jsonl;

public class PiiJsonlTests
{
    private static string Write(string dir, string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string ScanToString(string path, PiiJsonlOptions? options = null)
    {
        using var ms = new MemoryStream();
        PiiJsonl.Scan([path], PiiAnalyzer.Default, options ?? new PiiJsonlOptions(), ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void Scan_WritesOneObjectPerFinding_WithUtf16Offsets()
    {
        var dir = TestPaths.NewTempDir();
        var path = Write(dir, "a.jsonl", "{\"id\":\"d1\",\"text\":\"😀 연락처 010-1234-5678\"}\n\n{\"id\":7,\"text\":\"없음\"}\r\n{\"text\":\"메일 a@b.co\"}");
        var lines = ScanToString(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        using var first = JsonDocument.Parse(lines[0]);
        first.RootElement.GetProperty("doc").GetString().ShouldBe("d1");
        first.RootElement.GetProperty("start").GetInt32().ShouldBe(7); // the emoji is two UTF-16 code units
        first.RootElement.GetProperty("end").GetInt32().ShouldBe(20);
        first.RootElement.GetProperty("type").GetString().ShouldBe("PHONE");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("doc").GetString().ShouldBe("a.jsonl:4");
    }

    [Fact]
    public void Scan_RealReviews_SameOutputWhateverTheThreadCount()
    {
        var path = TestPaths.Data("text", "nsmc_reviews_sample.jsonl");
        ScanToString(path, new PiiJsonlOptions { Threads = 1 }).ShouldBe(ScanToString(path, new PiiJsonlOptions { Threads = 4 }));
    }

    [Theory]
    [InlineData("{\"id\":1,\"text\":5}", "a.jsonl:2: field 'text' is a number, not a string")]
    [InlineData("{\"id\":1}", "a.jsonl:2: no field 'text'")]
    [InlineData("[1,2]", "a.jsonl:2: the line holds an array, but JSON Lines needs one object per line")]
    [InlineData("{\"id\":1,\"text\":\"abc", "a.jsonl:2: not valid JSON")]
    [InlineData("{\"id\":[1],\"text\":\"x\"}", "a.jsonl:2: field 'id' is an array")]
    public void Scan_BadLine_NamesFileAndLine(string bad, string expected)
    {
        var dir = TestPaths.NewTempDir();
        var path = Write(dir, "a.jsonl", "{\"id\":0,\"text\":\"ok\"}\n" + bad + "\n");
        Should.Throw<MoaException>(() => ScanToString(path)).Message.ShouldContain(expected);
    }

    [Fact]
    public void Scan_InvalidUtf8_NamesFileLineAndByte()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "b.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\"text\":\"ok\"}\n{\"text\":\"a"), 0xC0, 0x20, .. Encoding.UTF8.GetBytes("\"}\n")]);
        var ex = Should.Throw<MoaException>(() => ScanToString(path));
        ex.Message.ShouldContain("b.jsonl:2: not valid UTF-8 (byte 0xC0 at byte 11 of the line)");
    }

    [Fact]
    public void Scan_MissingFile_IsClearError() =>
        Should.Throw<MoaException>(() => ScanToString("/nonexistent/x.jsonl")).Message.ShouldContain("not found");

    [Fact]
    public void Redact_ReplacesOnlyTheTextField_KeepsUntouchedLinesByteIdentical()
    {
        var dir = TestPaths.NewTempDir();
        var clean = "{\"id\":\"c\",  \"text\":\"깨끗한 문장\", \"x\":1}";
        var path = Write(dir, "in.jsonl", clean + "\n{\"id\":\"p\",\"text\":\"홍길동 씨 010-1234-5678\",\"meta\":{\"k\":[1,2]}}\n");
        var outDir = Path.Combine(dir, "out");
        var summary = PiiJsonl.Redact([path], PiiScrubber.Create(new PiiStageOptions()), new PiiJsonlOptions(), outDir);
        summary.Documents.ShouldBe(2);
        summary.DocumentsWithPii.ShouldBe(1);
        summary.PerType.ShouldBe([new(PiiTypes.Phone, 1L), new(PiiTypes.Person, 1L)]);
        var lines = File.ReadAllLines(Path.Combine(outDir, "in.jsonl"));
        lines[0].ShouldBe(clean);
        using var doc = JsonDocument.Parse(lines[1]);
        doc.RootElement.GetProperty("text").GetString().ShouldBe("[PERSON] 씨 [PHONE]");
        doc.RootElement.GetProperty("meta").GetProperty("k")[1].GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Redact_IntoInputFolder_IsRefused()
    {
        var dir = TestPaths.NewTempDir();
        var path = Write(dir, "in.jsonl", "{\"text\":\"x\"}\n");
        Should.Throw<MoaException>(() => PiiJsonl.Redact([path], PiiScrubber.Create(new PiiStageOptions()), new PiiJsonlOptions(), dir))
            .Message.ShouldContain("overwritten");
    }

    [Fact]
    public void EncryptThenReveal_RestoresFilesByteForByte()
    {
        var dir = TestPaths.NewTempDir();
        var keyFile = Path.Combine(dir, "k.key");
        var key = PiiKey.Generate(keyFile);
        var source = Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "pii-eval.jsonl");
        var scrubber = PiiScrubber.Create(new PiiStageOptions { Operator = "encrypt", KeyFile = keyFile });
        PiiJsonl.Redact([source], scrubber, new PiiJsonlOptions(), Path.Combine(dir, "enc"));
        var enc = Path.Combine(dir, "enc", "pii-eval.jsonl");
        File.ReadAllText(enc).ShouldContain("[PHONE:enc:"); // the eval file also stores gold values in "spans"; only "text" is encrypted
        var revealed = PiiJsonl.Reveal([enc], key, new PiiJsonlOptions(), Path.Combine(dir, "rev"));
        revealed.Findings.ShouldBeGreaterThan(1000);
        File.ReadAllBytes(Path.Combine(dir, "rev", "pii-eval.jsonl")).ShouldBe(File.ReadAllBytes(source));
    }

    [Fact]
    public void Reveal_WithAnotherKey_NamesFileAndLine()
    {
        var dir = TestPaths.NewTempDir();
        var keyA = Path.Combine(dir, "a.key");
        PiiKey.Generate(keyA);
        var keyB = PiiKey.Generate(Path.Combine(dir, "b.key"));
        var path = Write(dir, "in.jsonl", "{\"text\":\"없음\"}\n{\"text\":\"연락처 010-1234-5678\"}\n");
        PiiJsonl.Redact([path], PiiScrubber.Create(new PiiStageOptions { Operator = "encrypt", KeyFile = keyA }), new PiiJsonlOptions(), Path.Combine(dir, "enc"));
        var ex = Should.Throw<MoaException>(() => PiiJsonl.Reveal([Path.Combine(dir, "enc", "in.jsonl")], keyB, new PiiJsonlOptions(), Path.Combine(dir, "rev")));
        ex.Message.ShouldContain("in.jsonl:2:");
        ex.Message.ShouldContain("another key");
    }

    [Theory]
    [InlineData("{\"id\":\"x", "\",\"text\":\"ok\"}", 8)] // in the id
    [InlineData("{\"text\":\"\\u0041", "\"}", 15)] // in an escaped text
    [InlineData("{\"text\":\"ok\",\"x\":\"", "\"}", 18)] // in a field that is not read
    [InlineData("{\"text\":\"ok\"", "}", 12)] // between tokens: bad bytes are reported before bad JSON
    public void Scan_InvalidUtf8_AnywhereInTheLine_IsReportedWithItsByte(string before, string after, int offset)
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "c.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\"text\":\"ok\"}\n" + before), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(after + "\n")]);
        Should.Throw<MoaException>(() => ScanToString(path, new PiiJsonlOptions { Threads = 1 })).Message
            .ShouldContain($"c.jsonl:2: not valid UTF-8 (byte 0xED at byte {offset + 1} of the line)");
    }

    [Fact]
    public void Scan_Ids_EscapedNumericAndMissing_AreWrittenAsStrings()
    {
        var dir = TestPaths.NewTempDir();
        var path = Write(dir, "ids.jsonl",
            "{\"text\":\"010-1234-5678\",\"id\":\"a\\\"b\\u00e9\"}\n" +
            "{\"id\":12.50,\"text\":\"010-1234-5678\"}\n" +
            "{\"id\":\"문서 \\\\ 1\",\"meta\":{\"id\":\"inner\"},\"text\":\"010-1234-5678\"}\n" +
            "{\"text\":\"010-1234-5678\"}");
        var docs = ScanToString(path).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()).ToArray();
        docs.ShouldBe(["a\"bé", "12.50", "문서 \\ 1", "ids.jsonl:4"]);
    }

    [Fact]
    public void Scan_LinesLongerThanABlock_AndManyBlocks_KeepOffsetsLineNumbersAndOrder()
    {
        var dir = TestPaths.NewTempDir();
        var sb = new StringBuilder();
        var filler = new string('…', 700_000); // 2.1 MB of UTF-8: longer than one read block
        sb.Append("{\"id\":\"long\",\"text\":\"").Append(filler).Append(" 010-1234-5678\"}\n");
        for (var i = 0; i < 30_000; i++)
        {
            sb.Append("{\"id\":\"d").Append(i).Append("\",\"text\":\"리뷰 ").Append(i).Append(" 연락 010-").Append(1000 + (i % 9000)).Append("-5678\"}\n");
        }

        sb.Append("{\"id\":\"last\",\"text\":5}\n");
        var path = Write(dir, "big.jsonl", sb.ToString());
        var lines = File.ReadAllLines(path).Length;
        foreach (var threads in new[] { 1, 3 })
        {
            Should.Throw<MoaException>(() => ScanToString(path, new PiiJsonlOptions { Threads = threads })).Message
                .ShouldContain($"big.jsonl:{lines}: field 'text' is a number");
        }

        File.WriteAllText(path, sb.ToString()[..sb.ToString().LastIndexOf("{\"id\":\"last\"", StringComparison.Ordinal)], new UTF8Encoding(false));
        var one = ScanToString(path, new PiiJsonlOptions { Threads = 1 });
        one.ShouldBe(ScanToString(path, new PiiJsonlOptions { Threads = 3 }));
        var found = one.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        found.Length.ShouldBe(30_001);
        using var first = JsonDocument.Parse(found[0]);
        first.RootElement.GetProperty("doc").GetString().ShouldBe("long");
        first.RootElement.GetProperty("start").GetInt32().ShouldBe(700_001);
        using var last = JsonDocument.Parse(found[^1]);
        last.RootElement.GetProperty("doc").GetString().ShouldBe("d29999");
    }

    [Fact]
    public void Scan_SeveralBadLinesInDifferentBlocks_ReportsTheEarliestWhateverTheThreadCount()
    {
        var dir = TestPaths.NewTempDir();
        var sb = new StringBuilder();
        for (var i = 1; i <= 120_000; i++)
        {
            sb.Append(i switch
            {
                70_000 => "{\"text\":\"abc",
                90_000 => "[]",
                _ => $"{{\"id\":{i},\"text\":\"문장 {i} 전화 010-1234-5678\"}}",
            }).Append('\n');
        }

        var path = Write(dir, "bad.jsonl", sb.ToString());
        foreach (var threads in new[] { 1, 2, 4 })
        {
            using var ms = new MemoryStream();
            Should.Throw<MoaException>(() => PiiJsonl.Scan([path], PiiAnalyzer.Default, new PiiJsonlOptions { Threads = threads }, ms))
                .Message.ShouldContain("bad.jsonl:70000: not valid JSON");

            // Every line before the bad one was written, none after it.
            var written = Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            written.Length.ShouldBeGreaterThan(0);
            using var last = JsonDocument.Parse(written[^1]);
            int.Parse(last.RootElement.GetProperty("doc").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(70_000);
        }
    }

    /// <summary>The structured types: every type but PERSON (the analyzer that may skip decoding a text).</summary>
    private static PiiAnalyzer Structured() => new(PiiTypes.All.Where(t => t != PiiTypes.Person));

    /// <summary>
    /// The findings <c>pii scan</c> writes are exactly those of <see cref="PiiAnalyzer.Analyze"/> on every decoded text,
    /// whether or not the scan skips decoding texts its byte pre-filter rules out: a corpus of real reviews, the labelled
    /// and real-carrier evaluation sets, and lines whose digits, at signs or full-width forms hide behind JSON escapes.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scan_FindingsAreTheAnalyzersOnEveryText(bool structuredOnly)
    {
        var analyzer = structuredOnly ? Structured() : PiiAnalyzer.Default;
        var texts = new List<string>();
        foreach (var file in new[]
        {
            TestPaths.Data("text", "nsmc_reviews_sample.jsonl"),
            Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "pii-eval.jsonl"),
            Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "RealCarriers", "pii-real.jsonl"),
        })
        {
            texts.AddRange(File.ReadLines(file).Take(structuredOnly ? 20_000 : 3_000).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!));
        }

        var tricky = new[]
        {
            "전화 \\u0030\\u0031\\u0030-1234-5678", "메일 hong\\u0040example.com", "０１０－１２３４－５６７８ 로 연락", "ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ",
            "hong [at] example [dot] com 과 hong[at]example.com", "hong(at)example.com", "주민 750507-1******", "IP 2001:db8::1 과 fe80::1%eth0", "숫자 없는 문장입니다?",
            "줄\\n바꿈 010-1234-\\n5678", "탭\\t과 \\\\ 역슬래시 \\uC548녕", "전각 물음표？ 와 물결～ 뿐",
        };
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "corpus.jsonl");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                w.Write("{\"id\":\"t" + i + "\",\"text\":" + JsonSerializer.Serialize(texts[i], new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "}\n");
            }

            for (var i = 0; i < tricky.Length; i++)
            {
                w.Write("{\"id\":\"x" + i + "\",\"text\":\"" + tricky[i] + "\"}\n");
            }
        }

        var decoded = texts.Concat(tricky.Select(t => JsonDocument.Parse("\"" + t + "\"").RootElement.GetString()!)).ToList();
        var ids = Enumerable.Range(0, texts.Count).Select(i => "t" + i).Concat(Enumerable.Range(0, tricky.Length).Select(i => "x" + i)).ToList();
        var expected = new StringBuilder();
        for (var i = 0; i < decoded.Count; i++)
        {
            foreach (var f in analyzer.Analyze(decoded[i]))
            {
                expected.Append(ids[i]).Append(' ').Append(f.Start).Append(' ').Append(f.End).Append(' ').Append(f.Type).Append(' ')
                    .Append(Math.Round(f.Score, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        using var ms = new MemoryStream();
        PiiJsonl.Scan([path], analyzer, new PiiJsonlOptions { Threads = 1 }, ms);
        var actual = new StringBuilder();
        foreach (var line in Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var root = JsonDocument.Parse(line).RootElement;
            actual.Append(root.GetProperty("doc").GetString()).Append(' ').Append(root.GetProperty("start").GetInt32()).Append(' ')
                .Append(root.GetProperty("end").GetInt32()).Append(' ').Append(root.GetProperty("type").GetString()).Append(' ')
                .Append(root.GetProperty("score").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        actual.ToString().ShouldBe(expected.ToString());
        expected.Length.ShouldBeGreaterThan(10_000); // the corpus has findings of many kinds, tricky lines included
        foreach (var i in new[] { 0, 1, 2, 3, 6, 7, 9 })
        {
            actual.ToString().ShouldContain($"x{i} ");
        }
    }

    /// <summary>
    /// <c>pii scan</c> writes structured findings as bytes after a once-per-document <c>{"doc":…</c> prefix: its output is
    /// byte for byte what a <see cref="Utf8JsonWriter"/> writes for every finding (the earlier writing path), for ids that
    /// need escaping, escaped ids, numeric ids, missing ids, several findings per document and persons with reasons.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scan_OutputBytes_AreTheJsonWritersForEveryFinding(bool structuredOnly)
    {
        var analyzer = structuredOnly ? Structured() : PiiAnalyzer.Default;
        var lines = new[]
        {
            "{\"id\":\"a\\\"b\\\\c<&>'\",\"text\":\"홍길동 씨 010-1234-5678, 02-123-4567, hong@example.com, 서울특별시 종로구 세종대로 209\"}",
            "{\"id\":\"\\u0041\\u00e9 😀 한글\",\"text\":\"주민 750507-1234567 카드 4111-1111-1111-1111 IP 192.168.0.1\"}",
            "{\"id\":12345,\"text\":\"김철수 님 연락처 010.9876.5432 (02) 1234-5678\"}",
            "{\"id\":-1.5e3,\"text\":\"사업자 220-81-62517 계좌 국민 123456-01-123456\"}",
            "{\"text\":\"번호 없음 이영희 010-1111-2222\"}",
            "{\"id\":\"\\t탭\\n줄\",\"text\":\"메일 x@y.kr 과 fe80::1 그리고 12가3456\"}",
        };
        var dir = TestPaths.NewTempDir();
        var path = Write(dir, "ids.jsonl", string.Join("\n", lines) + "\n");

        var expected = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
        using (var writer = new Utf8JsonWriter(expected, options))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var root = JsonDocument.Parse(lines[i]).RootElement;
                var doc = !root.TryGetProperty("id", out var id) ? $"ids.jsonl:{i + 1}"
                    : id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!;
                foreach (var f in analyzer.Analyze(root.GetProperty("text").GetString()!))
                {
                    writer.WriteStartObject();
                    writer.WriteString("doc"u8, doc);
                    writer.WriteNumber("start"u8, f.Start);
                    writer.WriteNumber("end"u8, f.End);
                    writer.WriteString("type"u8, f.Type);
                    writer.WriteNumber("score"u8, Math.Round(f.Score, 3));
                    if (f.Reason is not null)
                    {
                        writer.WriteString("reason"u8, f.Reason);
                    }

                    writer.WriteEndObject();
                    writer.Flush();
                    writer.Reset();
                    expected.Write("\n"u8);
                }
            }
        }

        using var ms = new MemoryStream();
        PiiJsonl.Scan([path], analyzer, new PiiJsonlOptions { Threads = 1 }, ms);
        Encoding.UTF8.GetString(ms.ToArray()).ShouldBe(Encoding.UTF8.GetString(expected.WrittenSpan));
        var text = Encoding.UTF8.GetString(ms.ToArray());
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThanOrEqualTo(12);
        foreach (var doc in new[] { "\"doc\":\"a\\\"b\\\\c<&>'\"", "\"doc\":\"Aé ", "\"doc\":\"12345\"", "\"doc\":\"-1.5e3\"", "\"doc\":\"ids.jsonl:5\"", "\"doc\":\"\\t탭\\n줄\"" })
        {
            text.ShouldContain(doc);
        }

        if (!structuredOnly)
        {
            text.ShouldContain("\"reason\":");
        }
    }

    /// <summary>
    /// The byte pre-filter decodes every text the analyzer's own pre-filter may find something in (full-width digits and
    /// '＠', spelled-out at signs in any case, digits, '@') and skips texts whose only trigger bytes are full-width
    /// punctuation or ordinary brackets.
    /// </summary>
    [Theory]
    [InlineData("전화 ０１０－１２３４－５６７８", true)]
    [InlineData("메일 ｈｏｎｇ＠ｎａｖｅｒ．ｃｏｍ", true)]
    [InlineData("hong[AT]naver.com", true)]
    [InlineData("hong(aT)naver.com", true)]
    [InlineData("숫자 ９ 하나", true)]
    [InlineData("a@b", true)]
    [InlineData("연도 2024", true)]
    [InlineData("정말？ 대박！ 좋아～ （웃음） ［주］", false)]
    [InlineData("괄호 (참고) 와 [주석] 그리고 (cat) [bat]", false)]
    [InlineData("at) ]at) (a) t]", false)]
    [InlineData("끝에 전각 ＠", true)]
    public void MayFindUtf8_AgreesWithTheAnalyzersPreFilter(string text, bool mayFind)
    {
        var analyzer = Structured();
        var utf8 = Encoding.UTF8.GetBytes(text);
        analyzer.MayFind(text).ShouldBe(mayFind);
        analyzer.MayFindUtf8(utf8).ShouldBe(mayFind);
        analyzer.MayFindUtf8(utf8.AsSpan(0, utf8.Length - 1)).ShouldBe(analyzer.MayFind(Encoding.UTF8.GetString(utf8, 0, utf8.Length - 1)));
        PiiAnalyzer.Default.MayFindUtf8(utf8).ShouldBeTrue(); // persons: every text is decoded
    }

    /// <summary>A text the byte pre-filter rules out is still validated: bad bytes in it are reported with their offset.</summary>
    [Theory]
    [InlineData(new byte[] { 0xC0, 0x20 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xEA, 0xB0 })]
    public void Scan_InvalidUtf8_InATextWithoutDigits_IsReported(byte[] bad)
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "d.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\"text\":\"ok\"}\n{\"text\":\"가나"), .. bad, .. Encoding.UTF8.GetBytes("다\"}\n")]);
        using var ms = new MemoryStream();
        Should.Throw<MoaException>(() => PiiJsonl.Scan([path], Structured(), new PiiJsonlOptions { Threads = 1 }, ms)).Message
            .ShouldContain($"d.jsonl:2: not valid UTF-8 (byte 0x{bad[0]:X2} at byte 16 of the line)");
    }
}
