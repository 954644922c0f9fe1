using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Contamination;

namespace Moa.Bench.Contamination;

/// <summary>
/// Corpus scan speed of <c>moa bench contamination</c> on one core: KoBEST (all five tasks, test split) indexed, a 64 MB JSONL
/// corpus of real Korean reviews scanned in memory (word 13-grams and character 13-grams) and from a gzip part file.
/// Throughput = 64 MB / mean time. Run: dotnet run -c Release --project bench/Moa.Bench -- --filter '*CorpusScan*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CorpusScanBenchmarks
{
    private const int CorpusBytes = 64 * 1024 * 1024;
    private byte[] _jsonl = [];
    private string _gzipPath = string.Empty;
    private ContaminationIndex _words = null!;
    private ContaminationIndex _characters = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchData.SharedData();
        var items = KobestImporter.Import(Path.Combine(data, "benchmarks", "kobest")).Items;
        _words = ContaminationIndex.Build(items, NGramUnit.Word, 13);
        _characters = ContaminationIndex.Build(items, NGramUnit.Character, 13);

        var reviews = File.ReadLines(Path.Combine(data, "text", "nsmc_reviews_sample.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();
        var buffer = new MemoryStream(CorpusBytes + 4096);
        var random = new Random(7);
        var doc = new StringBuilder();
        for (var n = 0; buffer.Length < CorpusBytes; n++)
        {
            doc.Clear();
            while (doc.Length < 2000)
            {
                doc.Append(reviews[random.Next(reviews.Length)]).Append(' ');
            }

            var line = JsonSerializer.SerializeToUtf8Bytes(new { id = $"doc-{n}", text = doc.ToString(), meta = new { source = "nsmc" } });
            buffer.Write(line);
            buffer.WriteByte((byte)'\n');
        }

        _jsonl = buffer.ToArray();
        _gzipPath = Path.Combine(Path.GetTempPath(), "moa-bench-corpus-part-00000.jsonl.gz");
        using var file = File.Create(_gzipPath);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(_jsonl);
        Console.WriteLine($"// corpus: {_jsonl.Length / 1e6:N1} MB JSONL, {new FileInfo(_gzipPath).Length / 1e6:N1} MB gzip; index: {_words.GramCount:N0} word 13-grams, {_characters.GramCount:N0} character 13-grams");
    }

    [Benchmark(Baseline = true)]
    public long WordGrams_InMemory() => new CorpusScanner(_words).ScanJsonl(_jsonl, "mem", "bench").Documents;

    [Benchmark]
    public long CharacterGrams_InMemory() => new CorpusScanner(_characters).ScanJsonl(_jsonl, "mem", "bench").Documents;

    [Benchmark]
    public long WordGrams_GzipFile() => new CorpusScanner(_words).ScanFile(_gzipPath, "bench").Documents;
}
