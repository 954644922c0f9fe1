using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Moa.Privacy;

namespace Moa.Bench.Privacy;

/// <summary>
/// In-memory PII analysis over real mixed text (NSMC reviews and the labelled PII evaluation set), every recogniser on
/// versus the structured types only, the person tagger only, and a single type. MB/s = <see cref="Bytes"/> (UTF-8) / mean time; printed at setup.
/// Run: dotnet run -c Release --project bench/Moa.Bench -- --filter '*PiiScan*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class PiiScanBenchmark
{
    private string[] _texts = [];
    private PiiAnalyzer _all = PiiAnalyzer.Default;
    private PiiAnalyzer _phone = PiiAnalyzer.Default;
    private PiiAnalyzer _structured = PiiAnalyzer.Default;
    private PiiAnalyzer _person = PiiAnalyzer.Default;
    private PiiScrubber _tag = PiiScrubber.Create(new PiiStageOptions());

    /// <summary>UTF-8 size of the texts scanned per operation.</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepoRoot();
        var shared = Environment.GetEnvironmentVariable("MOA_SHARED_DATA") ?? Path.Combine(Path.GetDirectoryName(root)!, "shared", "data");
        if (!Directory.Exists(shared))
        {
            shared = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(root)!)!, "shared", "data");
        }

        var texts = new List<string>();
        foreach (var path in new[] { Path.Combine(shared, "text", "nsmc_reviews_sample.jsonl"), Path.Combine(root, "tests", "Moa.Privacy.Tests", "EvalSet", "pii-eval.jsonl") })
        {
            foreach (var line in File.ReadLines(path))
            {
                using var doc = JsonDocument.Parse(line);
                texts.Add(doc.RootElement.GetProperty("text").GetString()!);
            }
        }

        _texts = [.. texts];
        Bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        _all = PiiAnalyzer.Default;
        _phone = new PiiAnalyzer([PiiTypes.Phone]);
        _structured = new PiiAnalyzer(PiiTypes.All.Where(t => t != PiiTypes.Person));
        _person = new PiiAnalyzer([PiiTypes.Person]);
        _tag = PiiScrubber.Create(new PiiStageOptions());
        Console.WriteLine($"// PiiScanBenchmark: {_texts.Length} documents, {Bytes / 1e6:F2} MB per operation");
    }

    [Benchmark(Baseline = true)]
    public int AnalyzeAllTypes()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _all.Analyze(t).Count;
        }

        return n;
    }

    /// <summary>Every type but <c>PERSON</c>: the structured identifiers.</summary>
    [Benchmark]
    public int AnalyzeStructuredOnly()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _structured.Analyze(t).Count;
        }

        return n;
    }

    /// <summary><c>PERSON</c> alone: the person tagger and its context rules.</summary>
    [Benchmark]
    public int AnalyzePersonOnly()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _person.Analyze(t).Count;
        }

        return n;
    }

    [Benchmark]
    public int AnalyzePhoneOnly()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _phone.Analyze(t).Count;
        }

        return n;
    }

    [Benchmark]
    public int ScrubTagAllTypes()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += _tag.Scrub(t).Text.Length;
        }

        return n;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Moa.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Moa.slnx not found above " + AppContext.BaseDirectory);
    }
}
