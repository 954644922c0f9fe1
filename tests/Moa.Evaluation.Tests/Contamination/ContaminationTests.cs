using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Contamination;
using static Moa.Evaluation.Tests.Benchmarks.BenchmarkFixtures;

namespace Moa.Evaluation.Tests.Contamination;

public class ContaminationTests
{
    private struct Collect : IGramSink
    {
        public List<ulong> Hashes;

        public readonly void OnGram(ulong hash) => Hashes.Add(hash);
    }

    private static List<ulong> Grams(string text, NGramUnit unit, int n)
    {
        var sink = new Collect { Hashes = [] };
        NGramHasher.Hash(text, unit, n, ref sink);
        return sink.Hashes;
    }

    /// <summary>Writes a curate-style corpus: data/part-NNNNN.jsonl.gz with {"id","text","meta"} lines.</summary>
    private static string Corpus(params (string Id, string Text)[][] parts)
    {
        var dir = TestPaths.NewTempDir("corpus");
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        for (var p = 0; p < parts.Length; p++)
        {
            using var file = File.Create(Path.Combine(dir, "data", $"part-{p:D5}.jsonl.gz"));
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
            foreach (var (id, text) in parts[p])
            {
                writer.Write(JsonSerializer.Serialize(new { id, text, meta = new { source = "test", tags = new[] { "a" } } }));
                writer.Write('\n');
            }
        }

        return dir;
    }

    private static LoadedBenchmark Bench(params BenchmarkItem[] items) => new(Card("b", [.. items.Select(i => i.Subset).Distinct()]), items, "mem", "h");

    [Fact]
    public void WordGrams_IgnoreCasePunctuationAndSpacing()
    {
        Grams("The quick, brown FOX jumps!", NGramUnit.Word, 3)
            .ShouldBe(Grams("the   quick brown\n fox -- jumps", NGramUnit.Word, 3));
        Grams("one two", NGramUnit.Word, 3).ShouldBeEmpty();
        Grams("a b c d e", NGramUnit.Word, 3).Count.ShouldBe(3);
    }

    [Fact]
    public void RollingHash_EqualsTheHashOfTheWindowAlone()
    {
        var text = Reviews[3] + " " + Reviews[4];
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var all = Grams(text, NGramUnit.Word, 4);
        var fifth = string.Join(" ", words.Skip(5).Take(4));
        Grams(fifth, NGramUnit.Word, 4).Single().ShouldBe(all[5]);

        var chars = Grams("대한민국 헌법 제1조", NGramUnit.Character, 5);
        chars.ShouldBe(Grams("대한 민국헌법제 1조", NGramUnit.Character, 5));
        Grams("헌법제1조", NGramUnit.Character, 5).Single().ShouldBe(chars[^1]);
    }

    [Fact]
    public void Scan_FindsItemsQuotedInCorpusDocuments_AndNamesTheDocuments()
    {
        var leaked = Item("leak", "s", Reviews[10] + " " + Reviews[11], ["가", "나"], 0);
        var clean = Item("clean", "s", Reviews[20] + " " + Reviews[21], ["가", "나"], 1);
        var corpus = Corpus(
            [("d1", "머리말. " + Reviews[10] + " " + Reviews[11] + " 꼬리말."), ("d2", Reviews[30])],
            [("d3", Reviews[40]), ("d4", "인용: " + leaked.Question.ToUpperInvariant())]);

        var report = ContaminationChecker.Run(Bench(leaked, clean), [corpus], new ContaminationOptions { N = 5, Threads = 2 });

        var hit = report.Contaminated.Single();
        hit.Id.ShouldBe("leak");
        hit.Overlap.ShouldBe(1.0);
        hit.Documents.ShouldBe(2);
        hit.Examples.Select(e => e.Id).ShouldBe(["d1", "d4"]);
        hit.Examples[0].Corpus.ShouldBe(Path.GetFileName(corpus));
        report.Documents.ShouldBe(4);
        report.Files.ShouldBe(2);
        report.Bytes.ShouldBeGreaterThan(0);
        report.Subsets.Single().ShouldBe(new SubsetContamination("s", 2, 2, 1));
    }

    [Fact]
    public void CharacterGrams_FindKoreanTextWithDifferentSpacing()
    {
        var item = Item("ko", "s", "주택임대차보호법은 주거용 건물의 임대차에 관하여 민법에 대한 특례를 규정한다", ["예", "아니요"], 0);
        var corpus = Corpus([("law", "주택 임대차 보호법은 주거용건물의 임대차에관하여 민법에 대한 특례를 규정한다.")]);

        ContaminationChecker.Run(Bench(item), [corpus], new ContaminationOptions { N = 8 }).Contaminated.ShouldBeEmpty();
        var report = ContaminationChecker.Run(Bench(item), [corpus], new ContaminationOptions { Unit = NGramUnit.Character, N = 13 });

        report.Contaminated.Single().Overlap.ShouldBe(1.0);
        report.Unit.ShouldBe("character");
    }

    [Fact]
    public void RealKobest_ContextsPlantedInRealReviews_AreAllFound_AndNothingElse()
    {
        var boolq = KobestImporter.Import(Path.Combine(TestPaths.Data("benchmarks", "kobest"), "BoolQ")).Items.Take(300).ToList();
        var planted = boolq.Where((_, i) => i % 25 == 0).ToList();
        var noise = Reviews.Take(3000).Select((r, i) => ($"nsmc-{i}", r)).ToList();
        var withPlants = planted.Select((item, i) => ($"plant-{i}", Reviews[3000 + i] + " " + item.Context + " " + Reviews[4000 + i])).ToList();
        var corpus = Corpus([.. noise.Take(1500), .. withPlants], [.. noise.Skip(1500)]);

        var report = ContaminationChecker.Run(new LoadedBenchmark(Card("kobest", "BoolQ"), boolq, "mem", "h"), [corpus], new ContaminationOptions());

        report.Contaminated.Select(c => c.Id).Order().ShouldBe(planted.Select(p => p.Id).Order());
        report.Contaminated.ShouldAllBe(c => c.Examples.Single().Id.StartsWith("plant-"));
    }

    [Fact]
    public void MinOverlap_FiltersPartialHits()
    {
        var item = Item("half", "s", string.Join(" ", Enumerable.Range(0, 20).Select(i => $"단어{i}")), ["가", "나"], 0);
        var corpus = Corpus([("d", string.Join(" ", Enumerable.Range(0, 10).Select(i => $"단어{i}")))]);

        var any = ContaminationChecker.Run(Bench(item), [corpus], new ContaminationOptions { N = 5 });
        any.Contaminated.Single().Overlap.ShouldBe(6.0 / 16);
        ContaminationChecker.Run(Bench(item), [corpus], new ContaminationOptions { N = 5, MinOverlap = 0.5 }).Contaminated.ShouldBeEmpty();
    }

    [Fact]
    public void Report_IsTheSameWhateverTheThreadCount()
    {
        var items = Enumerable.Range(0, 50).Select(i => Item($"i{i}", $"s{i % 3}", Reviews[i] + " " + Reviews[i + 50], ["가", "나"], 0)).ToArray();
        var parts = Enumerable.Range(0, 6).Select(p => Enumerable.Range(0, 40).Select(d => ($"p{p}d{d}", Reviews[(p * 40) + d] + " " + Reviews[(p * 40) + d + 50])).ToArray()).ToArray();
        var corpus = Corpus(parts);

        var one = ContaminationChecker.Run(Bench(items), [corpus], new ContaminationOptions { N = 4, Threads = 1 });
        var four = ContaminationChecker.Run(Bench(items), [corpus], new ContaminationOptions { N = 4, Threads = 4 });

        one.Contaminated.Count.ShouldBeGreaterThan(10);
        JsonSerializer.Serialize(four.Contaminated).ShouldBe(JsonSerializer.Serialize(one.Contaminated));
    }

    [Fact]
    public void ShortItems_AreCountedAsTooShort()
    {
        var report = ContaminationChecker.Run(Bench(Item("short", "s", "짧은 질문", ["예", "아니요"], 0)), [Corpus([("d", "짧은 질문")])], new ContaminationOptions());

        report.ItemsTooShort.ShouldBe(1);
        report.Subsets.Single().Checked.ShouldBe(0);
    }

    [Fact]
    public void EscapedAndMissingIds_AreReported()
    {
        var dir = TestPaths.NewTempDir();
        var text = string.Join(" ", Enumerable.Range(0, 6).Select(i => $"w{i}"));
        File.WriteAllText(Path.Combine(dir, "plain.jsonl"), $"{{\"id\":\"a\\u0062c\\\"q\",\"text\":\"{text}\"}}\n{{\"text\":\"{text}\",\"meta\":{{\"x\":[1,{{\"y\":2}}]}}}}\n");

        var report = ContaminationChecker.Run(Bench(Item("i", "s", text, ["a", "b"], 0)), [dir], new ContaminationOptions { N = 3 });

        report.Contaminated.Single().Examples.Select(e => e.Id).ShouldBe(["abc\"q", "plain.jsonl:2"]);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"broken\n", "corpus.jsonl:2: not valid JSON")]
    [InlineData("{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"body\":\"x\"}\n", "corpus.jsonl:2: no field 'text' (fields: id, body)")]
    [InlineData("[1]\n", "corpus.jsonl:1: the line holds an array, but JSON Lines needs one object per line")]
    public void MalformedCorpusLine_NamesFileAndLine(string content, string expected)
    {
        var dir = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "corpus.jsonl"), content);

        Should.Throw<MoaException>(() => ContaminationChecker.Run(Bench(Item("i", "s", "a b c d", ["a", "b"], 0)), [dir], new ContaminationOptions { N = 2 }))
            .Message.ShouldContain(expected);
    }

    [Fact]
    public void MissingOrEmptyOrDamagedCorpus_IsExplained()
    {
        var bench = Bench(Item("i", "s", "a b c d", ["a", "b"], 0));
        var options = new ContaminationOptions { N = 2 };
        Should.Throw<MoaException>(() => ContaminationChecker.Run(bench, ["/nonexistent/corpus"], options)).Message.ShouldContain("corpus not found");
        Should.Throw<MoaException>(() => ContaminationChecker.Run(bench, [TestPaths.NewTempDir()], options)).Message.ShouldContain("is this a 'moa curate' output folder?");
        Should.Throw<MoaException>(() => ContaminationChecker.Run(bench, [], options)).Message.ShouldContain("no corpus given");

        var damaged = TestPaths.NewTempDir();
        File.WriteAllBytes(Path.Combine(damaged, "part-00000.jsonl.gz"), [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Should.Throw<MoaException>(() => ContaminationChecker.Run(bench, [damaged], options)).Message.ShouldContain("damaged compressed stream");
        var damagedZstd = TestPaths.NewTempDir();
        File.WriteAllBytes(Path.Combine(damagedZstd, "part-00000.jsonl.zst"), [0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Should.Throw<MoaException>(() => ContaminationChecker.Run(bench, [damagedZstd], options)).Message.ShouldContain("part-00000.jsonl.zst");

        Should.Throw<MoaException>(() => ContaminationChecker.Run(bench, [Corpus([("d", "a b")])], options with { N = 0 })).Message.ShouldContain("between 1 and 256");
        Should.Throw<MoaException>(() => ContaminationChecker.Run(bench, [Corpus([("d", "a b")])], options with { MinOverlap = 2 })).Message.ShouldContain("--min-overlap");
    }

    [Fact]
    public void LongDocumentsAcrossReadBuffers_AreScannedWhole()
    {
        var item = Item("tail", "s", "끝부분에 숨은 문장 하나가 여기 있다", ["a", "b"], 0);
        var big = new StringBuilder();
        while (big.Length < 6_000_000)
        {
            big.Append(Reviews[big.Length % 1000]).Append(' ');
        }

        var corpus = Corpus([("big", big + item.Question), ("after", item.Question)]);

        var report = ContaminationChecker.Run(Bench(item), [corpus], new ContaminationOptions { N = 4 });

        report.Contaminated.Single().Examples.Select(e => e.Id).ShouldBe(["big", "after"]);
    }
}
