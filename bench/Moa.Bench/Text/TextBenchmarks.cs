using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Moa.Documents;
using Moa.Documents.Csv;
using Moa.Documents.Jsonl;
using Moa.Text.Languages;
using Moa.Text.Normalization;
using Moa.Text.Tokens;

namespace Moa.Bench.Text;

/// <summary>
/// Text foundations and text readers on real data (NSMC reviews, data.go.kr CSV). Sizes are printed at setup so
/// MB/s = size / mean time. Run: dotnet run -c Release --project bench/Moa.Bench -- --filter '*TextBenchmarks*'
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class TextBenchmarks
{
    private readonly TextNormalizer _normalizer = new(new NormalizerOptions());
    private readonly JsonlReader _jsonl = new();
    private readonly CsvReader _csv = new();
    private string[] _reviews = [];
    private string _joined = string.Empty;
    private string _nsmcPath = string.Empty;
    private string _nsmcGzPath = string.Empty;
    private string _parksPath = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchData.SharedData();
        _nsmcPath = Path.Combine(data, "text", "nsmc_reviews_sample.jsonl");
        _parksPath = Path.Combine(data, "providers", "csv", "전국도시공원정보표준데이터.csv");
        _reviews = [.. File.ReadLines(_nsmcPath).Select(l => _normalizer.Normalize(JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!))];
        _joined = string.Join('\n', _reviews.Where(r => r.Length > 0));
        _nsmcGzPath = Path.Combine(Path.GetTempPath(), "moa-bench-nsmc.jsonl.gz");
        using (var file = File.Create(_nsmcGzPath))
        using (var gz = new GZipStream(file, CompressionLevel.Optimal))
        {
            gz.Write(File.ReadAllBytes(_nsmcPath));
        }

        Console.WriteLine($"// sizes: joined reviews {Encoding.UTF8.GetByteCount(_joined):N0} UTF-8 bytes ({_joined.Length * 2:N0} UTF-16 bytes); "
            + $"nsmc.jsonl {new FileInfo(_nsmcPath).Length:N0} bytes; parks.csv {new FileInfo(_parksPath).Length:N0} bytes");
    }

    [Benchmark]
    public string NormalizeCleanKoreanJoined() => _normalizer.Normalize(_joined);

    [Benchmark]
    public int NormalizeCleanKoreanPerReview()
    {
        var n = 0;
        foreach (var review in _reviews)
        {
            n += _normalizer.Normalize(review).Length;
        }

        return n;
    }

    [Benchmark]
    public LanguageGuess IdentifyJoined() => LanguageIdentifier.Default.Identify(_joined);

    [Benchmark]
    public int IdentifyPerReview()
    {
        var ko = 0;
        foreach (var review in _reviews)
        {
            if (LanguageIdentifier.Default.Identify(review).Code == "ko")
            {
                ko++;
            }
        }

        return ko;
    }

    [Benchmark]
    public int PreTokensJoined() => PreTokenCounter.Default.Count(_joined);

    [Benchmark]
    public int ReadJsonl() => Count(_jsonl, _nsmcPath);

    [Benchmark]
    public int ReadJsonlGzip() => Count(_jsonl, _nsmcGzPath);

    [Benchmark]
    public int ReadCsvEucKr() => Count(_csv, _parksPath);

    private static int Count(IDocumentReader reader, string path)
    {
        var n = 0;
        foreach (var doc in reader.Read(path, new ReadContext(new ReaderOptions(), _ => { })))
        {
            n += doc.Text.Length;
        }

        return n;
    }
}
