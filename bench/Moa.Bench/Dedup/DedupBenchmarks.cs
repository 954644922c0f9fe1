using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;

namespace Moa.Bench.Dedup;

/// <summary>
/// Near and exact dedup over a ~64 MB mixed Korean/English corpus, one thread. "MB/s (UTF-8)" is UTF-8
/// megabytes of input per wall-clock second; "MB/s per core (CPU)" uses the thread's CPU time (best run). Run: dotnet run -c Release --project bench/Moa.Bench -- --filter '*Dedup*'
/// </summary>
[Config(typeof(DedupConfig))]
[MemoryDiagnoser]
public class DedupBenchmarks
{
    private string[] _documents = [];
    private MinHasher _hasher = null!;
    private ulong[] _bands = [];

    [Params("oph", "classic", "cminhash")]
    public string Method { get; set; } = "oph";

    [GlobalSetup]
    public void Setup()
    {
        _documents = DedupCorpus.Documents;
        _hasher = new MinHasher(new NearDedupOptions { Method = Method });
        _bands = new ulong[_hasher.BandCount];
    }

    /// <summary>MinHash band keys of every document (the parallel part of the stage).</summary>
    [Benchmark]
    public ulong Signatures()
    {
        var cpu = ThreadCpuTime.Now();
        ulong check = 0;
        foreach (var doc in _documents)
        {
            _hasher.ComputeBandHashes(doc, _bands);
            check ^= _bands[0];
        }

        ThreadCpuTime.Record($"{nameof(Signatures)}/{Method}", ThreadCpuTime.Now() - cpu);
        return check;
    }

    /// <summary>Band keys, LSH buckets and union-find, then representatives: the whole near-dedup stage on one core.</summary>
    [Benchmark]
    public int NearDedupEndToEnd()
    {
        var cpu = ThreadCpuTime.Now();
        var clusterer = new NearDuplicateClusterer(_hasher.BandCount, _documents.Length);
        for (var i = 0; i < _documents.Length; i++)
        {
            _hasher.ComputeBandHashes(_documents[i], _bands);
            clusterer.Add(i, _bands);
        }

        var reps = clusterer.Representatives();
        ThreadCpuTime.Record($"{nameof(NearDedupEndToEnd)}/{Method}", ThreadCpuTime.Now() - cpu);
        Console.WriteLine($"// {Method}: clusterer holds {clusterer.MemoryBytes / 1e6:F1} MB for {_documents.Length:N0} documents = {clusterer.MemoryBytes * 1e6 / _documents.Length / 1e6:F0} MB per million documents");
        return reps[^1];
    }

    /// <summary>The exact-dedup key of every document.</summary>
    [Benchmark]
    public UInt128 ExactContentHash()
    {
        var cpu = ThreadCpuTime.Now();
        UInt128 check = 0;
        foreach (var doc in _documents)
        {
            check ^= ContentHash.Of(doc);
        }

        ThreadCpuTime.Record($"{nameof(ExactContentHash)}/{Method}", ThreadCpuTime.Now() - cpu);
        return check;
    }

    private sealed class DedupConfig : ManualConfig
    {
        public DedupConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(new ThroughputColumn(cpu: false), new ThroughputColumn(cpu: true));
        }
    }

    private sealed class ThroughputColumn(bool cpu) : IColumn
    {
        public string Id => cpu ? "MBpsCpu" : "MBps";

        public string ColumnName => cpu ? "MB/s per core (CPU)" : "MB/s (UTF-8)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => cpu ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => cpu
            ? "UTF-8 megabytes of input per second of the benchmark thread's CPU time (fastest run)"
            : "UTF-8 megabytes of input per wall-clock second (mean), one thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var seconds = cpu
                ? ThreadCpuTime.Best($"{benchmarkCase.Descriptor.WorkloadMethod.Name}/{benchmarkCase.Parameters["Method"]}")
                : (summary[benchmarkCase]?.ResultStatistics?.Mean ?? double.NaN) / 1e9;
            return seconds is > 0 ? (DedupCorpus.Utf8Bytes / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
