using System.Text;
using System.Text.Json;
using Moa.Curation.Perplexity;
using Moa.Documents;
using Moa.Documents.Jsonl;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Contamination;
using Moa.Evaluation.ReferenceModel;
using Moa.Privacy;
using Moa.Privacy.Jsonl;

namespace Moa.Cli.Tests;

/// <summary>
/// One bad-line theory over every consumer of JSONL (all split by <see cref="JsonlLines"/>/<see cref="JsonlChunks"/> and
/// checked by <see cref="JsonlRecordReader"/>): each bad line is reported with file, line and field; a consumer whose
/// documented behaviour is to skip (curation input; the reference model for lines without text) skips and counts and loses
/// no other line; the others stop at the first bad line. Well-formed variations (BOM, CRLF, blank lines, a line longer
/// than any read block) are read in full by all.
/// </summary>
public sealed class JsonlBadLineTests
{
    public enum Consumer
    {
        Curation,
        PiiScan,
        PiiRedact,
        Contamination,
        ReferenceModel,
        QualityModelSources,
        CorpusPart,
    }

    public enum Kind
    {
        InvalidUtf8,
        NotJson,
        NotAnObject,
        MissingText,
        TextNotString,
        TruncatedLastLine,
        Bom,
        CrLf,
        EmptyLine,
        LongerThanReadBlock,
    }

    private const string Words = "하나 둘 셋 넷 010-1234-5678";

    public static TheoryData<Consumer, Kind> Cases()
    {
        var data = new TheoryData<Consumer, Kind>();
        foreach (var consumer in Enum.GetValues<Consumer>())
        {
            foreach (var kind in Enum.GetValues<Kind>())
            {
                data.Add(consumer, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Consumer_LineKind_BehavesAsDocumented(Consumer consumer, Kind kind)
    {
        var dir = TestPaths.NewTempDir($"{consumer}-{kind}");
        var path = Path.Combine(dir, "in.jsonl");
        var (content, goodIds, badLine) = Build(kind);
        File.WriteAllBytes(path, content);

        var issues = new List<ReadIssue>();
        List<string>? ids = null;
        var error = Record.Exception(() => ids = Run(consumer, path, dir, issues));

        var skips = consumer == Consumer.Curation
            || (consumer == Consumer.ReferenceModel && kind is Kind.MissingText or Kind.TextNotString);
        if (badLine == 0 || skips)
        {
            error.ShouldBeNull();
            ids.ShouldBe(goodIds);
        }

        if (badLine == 0)
        {
            issues.ShouldBeEmpty();
            return;
        }

        if (skips)
        {
            if (consumer == Consumer.Curation)
            {
                var issue = issues.ShouldHaveSingleItem();
                issue.File.ShouldBe(path);
                issue.Line.ShouldBe(badLine);
                issue.Code.ShouldBe(JsonlRecordReader.Code(ProblemOf(kind)));
                issue.Message.ShouldContain(Expected(kind));
            }

            return;
        }

        var moa = error.ShouldBeAssignableTo<MoaException>();
        moa!.Message.ShouldContain($"{path}:{badLine}");
        moa.Message.ShouldContain(Expected(kind));
    }

    private static JsonlProblem ProblemOf(Kind kind) => kind switch
    {
        Kind.InvalidUtf8 => JsonlProblem.InvalidUtf8,
        Kind.NotJson or Kind.TruncatedLastLine => JsonlProblem.NotJson,
        Kind.NotAnObject => JsonlProblem.NotAnObject,
        Kind.MissingText => JsonlProblem.MissingText,
        Kind.TextNotString => JsonlProblem.TextNotString,
        _ => JsonlProblem.None,
    };

    private static string Expected(Kind kind) => ProblemOf(kind) switch
    {
        JsonlProblem.InvalidUtf8 => "not valid UTF-8 (byte 0xFF",
        JsonlProblem.NotJson => "not valid JSON",
        JsonlProblem.NotAnObject => "one object per line",
        JsonlProblem.MissingText => "no field 'text'",
        _ => "field 'text' is a number, not a string",
    };

    private static byte[] Line(string id, string? text = null) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id, text = text ?? $"{id} {Words}", meta = new { n = 1 } }));

    /// <summary>The file's bytes, the ids of its good lines in order, and the bad line's number (0 when none is bad).</summary>
    private static (byte[] Content, string[] GoodIds, int BadLine) Build(Kind kind)
    {
        byte[] nl = [(byte)'\n'];
        byte[] Join(params byte[][] lines) => [.. lines.SelectMany(l => l.Concat(nl))];
        return kind switch
        {
            Kind.InvalidUtf8 => (Join(Line("a"), [.. "{\"id\":\"b\",\"text\":\"caf"u8, 0xFF, .. "\"}"u8], Line("c")), ["a", "c"], 2),
            Kind.NotJson => (Join(Line("a"), "{\"id\":\"b\",\"text\":\"둘\""u8.ToArray(), Line("c")), ["a", "c"], 2),
            Kind.NotAnObject => (Join(Line("a"), "[\"b\",\"둘\"]"u8.ToArray(), Line("c")), ["a", "c"], 2),
            Kind.MissingText => (Join(Line("a"), "{\"id\":\"b\",\"body\":\"둘\"}"u8.ToArray(), Line("c")), ["a", "c"], 2),
            Kind.TextNotString => (Join(Line("a"), "{\"id\":\"b\",\"text\":2}"u8.ToArray(), Line("c")), ["a", "c"], 2),
            Kind.TruncatedLastLine => ([.. Join(Line("a"), Line("c")), .. "{\"id\":\"t\",\"text\":\"하나 둘"u8], ["a", "c"], 3),
            Kind.Bom => ([0xEF, 0xBB, 0xBF, .. Join(Line("a"), Line("b"), Line("c"))], ["a", "b", "c"], 0),
            Kind.CrLf => ([.. new[] { Line("a"), Line("b"), Line("c") }.SelectMany(l => l.Concat("\r\n"u8.ToArray()))], ["a", "b", "c"], 0),
            Kind.EmptyLine => (Join(Line("a"), [], "  \t"u8.ToArray(), Line("c")), ["a", "c"], 0),
            _ => (Join(Line("a"), Line("b", $"b {Words} " + new string('가', 1_500_000)), Line("c")), ["a", "b", "c"], 0),
        };
    }

    /// <summary>Runs one consumer over the file; returns the ids of the documents it processed, in order.</summary>
    private static List<string> Run(Consumer consumer, string path, string dir, List<ReadIssue> issues)
    {
        switch (consumer)
        {
            case Consumer.Curation:
                return [.. new JsonlReader().Read(path, new ReadContext(new ReaderOptions(), issues.Add)).Select(d => d.Id)];

            case Consumer.PiiScan:
            {
                using var output = new MemoryStream();
                PiiJsonl.Scan([path], PiiAnalyzer.Default, new PiiJsonlOptions { Threads = 1 }, output);
                return [.. Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()!).Distinct()];
            }

            case Consumer.PiiRedact:
            {
                var outDir = Path.Combine(dir, "redacted");
                PiiJsonl.Redact([path], PiiScrubber.Create(new PiiStageOptions()), new PiiJsonlOptions { Threads = 1 }, outDir);
                return [.. File.ReadAllLines(Path.Combine(outDir, "in.jsonl"))
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];
            }

            case Consumer.Contamination:
            {
                var item = new BenchmarkItem("q", "s", "하나 둘 셋 넷", null, ["가", "나"], BenchmarkItemJson.Index(0));
                var scanner = new CorpusScanner(ContaminationIndex.Build([item], NGramUnit.Word, 2));
                var hits = scanner.ScanFile(path, "corpus");
                return [.. hits.Examples[0].Select(d => d.Id)];
            }

            case Consumer.ReferenceModel:
                return [.. CorpusReader.Read(path).Select(text => text.Split(' ')[0])];

            case Consumer.QualityModelSources:
                return [.. QualityLanguageModelSources.ReadJsonl(dir, "in.jsonl", "test").Documents.Select(d => d.Id)];

            default:
                return [.. CorpusPart.Read(path).Select(r => r.Id)];
        }
    }
}
