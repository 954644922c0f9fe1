using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Moa.Curation.Filters;

namespace Moa.Bench.Filters;

/// <summary>
/// Quality-filter throughput on one core over ~50 MB (UTF-8) of mixed Korean/English documents built from shared/data
/// (KoBEST BoolQ and HellaSwag, CLIcK, nsmc review threads, the programme seeds), cycled until the size is reached.
/// Run: dotnet run -c Release --project bench/Moa.Bench -- --filter '*FilterBenchmarks*' --job short
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class FilterBenchmarks
{
    private readonly List<(string Text, string Language)> _docs = [];
    private QualityFilterSet _filters = null!;
    private long _bytes;
    private long _bytesFiltered;
    private TimeSpan _cpuAtStart;

    [Params(50)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _filters = new QualityFilterSet(new QualityOptions());
        var source = LoadSource();
        long bytes = 0;
        var target = Megabytes * 1_000_000L;
        for (var i = 0; bytes < target; i++)
        {
            var doc = source[i % source.Count];
            _docs.Add(doc);
            bytes += Encoding.UTF8.GetByteCount(doc.Text);
        }

        _bytes = bytes;
        Console.WriteLine($"// filter corpus: {_docs.Count} documents, {bytes / 1e6:0.0} MB UTF-8");
        _cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>
    /// Prints throughput per CPU-second of this process (pilot, warm-up and measured runs together), which is the
    /// per-core figure when the machine is oversubscribed and wall-clock time includes waiting for a core.
    /// </summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds;
        Console.WriteLine($"// cpu-time throughput: {_bytesFiltered / 1e6 / cpu:0.0} MB per CPU-second ({_bytesFiltered / 1e6:0} MB in {cpu:0.0} s)");
    }

    [Benchmark]
    public int EvaluateAll()
    {
        var kept = 0;
        foreach (var (text, language) in _docs)
        {
            if (_filters.Evaluate(text, language).Keep)
            {
                kept++;
            }
        }

        _bytesFiltered += _bytes;
        return kept;
    }

    private static List<(string Text, string Language)> LoadSource()
    {
        var data = BenchData.SharedData();
        var docs = new List<(string, string)>();
        foreach (var (task, column) in new[] { ("BoolQ", "Text"), ("HellaSwag", "context") })
        {
            foreach (var split in new[] { "train", "dev", "test" })
            {
                var lines = File.ReadAllLines(Path.Combine(data, "benchmarks", "kobest", task, split + ".tsv"));
                var col = Array.IndexOf(lines[0].Split('\t'), column);
                docs.AddRange(lines.Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > col).Select(c => (c[col], "ko")));
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(data, "benchmarks", "click"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var item in json.RootElement.EnumerateArray())
            {
                var p = item.TryGetProperty("paragraph", out var v) ? v.GetString() : null;
                if (!string.IsNullOrWhiteSpace(p))
                {
                    docs.Add((p, "ko"));
                }
            }
        }

        var reviews = File.ReadLines(Path.Combine(data, "text", "nsmc_reviews_sample.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")
            .ToList();
        var rng = new Random(1);
        for (var i = 0; i < 3000; i++)
        {
            var n = rng.Next(5, 21);
            docs.Add((string.Join('\n', reviews.Skip(rng.Next(reviews.Count - n)).Take(n)), "ko"));
        }

        // English: the programme seeds, as whole documents, weighted so English is about a third of the bytes.
        var seeds = Path.Combine(Path.GetDirectoryName(data)!, "seeds");
        var english = new[] { "000", "001", "002", "004" }
            .Select(p => File.ReadAllText(Directory.GetFiles(seeds, p + "*.txt").Single()))
            .ToList();
        var koreanCount = docs.Count;
        for (var i = 0; i < koreanCount / 12; i++)
        {
            docs.Insert(rng.Next(docs.Count), (english[i % english.Count], "en"));
        }

        return docs.Select(d => (d.Item1.Normalize(NormalizationForm.FormC), d.Item2)).ToList();
    }


    /// <summary>Adds an MB/s column (UTF-8 megabytes per second on one core).</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "UTF-8 megabytes filtered per second (one thread)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            // Computed in the host process, where the corpus was never built: the size parameter is the
            // corpus size (the setup stops at the first document past it, a few kilobytes over).
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var mb = benchmarkCase.Parameters["Megabytes"] is int m ? m : 0;
            return mean is null ? "NA" : (mb / (mean.Value / 1e9)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
