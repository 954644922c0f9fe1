using Moa.Curation.Configuration;

namespace Moa.Curation.Pipeline;

/// <summary>What to curate, where to, and how.</summary>
public sealed class CurationRequest
{
    /// <summary>Input files or folders, in the order given.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Output folder (created if missing).</summary>
    public required string OutputDir { get; init; }

    public CurationConfig Config { get; init; } = new();

    /// <summary>Worker threads; the output does not depend on it.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>This process's slice (0-based) when the inputs are spread over <see cref="WorldSize"/> processes.</summary>
    public int Rank { get; init; }

    /// <summary>Number of processes sharing the inputs; 1 runs everything, more runs only this rank's per-file stages.</summary>
    public int WorldSize { get; init; } = 1;

    /// <summary>Which phases this process runs (all by default; a scheduler runs map, dedup and write as separate jobs).</summary>
    public CurationStage Stage { get; init; } = CurationStage.All;

    /// <summary>
    /// Tasks of the scaled-out dedup (<see cref="ScaledDedup"/>): 1 runs the single-process dedup; more spreads exact
    /// dedup over that many hash ranges and LSH over that many band-key partitions (in this process for
    /// <see cref="CurationStage.All"/>; as separate <see cref="CurationStage.Exact"/>, <see cref="CurationStage.Buckets"/> and
    /// <see cref="CurationStage.Near"/> jobs before <see cref="CurationStage.Dedup"/> under a scheduler). The result does not depend on it.
    /// </summary>
    public int DedupTasks { get; init; } = 1;

    /// <summary>Memory budget of one bucket task for its (band key, document) pairs; more passes over the signatures when exceeded.</summary>
    public long TaskMemoryBytes { get; init; } = 4L << 30;

    /// <summary>Stop at the first problem with the input instead of recording it and going on.</summary>
    public bool FailFast { get; init; }

    /// <summary>Discard whatever the output folder holds (finished or unfinished run) and start again.</summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// Names under which inputs appear in records (<c>meta.source</c>), statistics and the manifest: a file at or below
    /// a local path (key) is named by the value joined with its relative path (forward slashes). Inputs staged from
    /// object storage are named by their <c>s3://</c> URL this way, not by the cache they were read from.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> SourceNames { get; init; } = [];

    /// <summary>Receives progress a few times a second.</summary>
    public IProgress<CurationProgress>? Progress { get; init; }
}

/// <summary>The phases one process runs: everything, or one of map, dedup and write as separate (scheduler) jobs.</summary>
public enum CurationStage
{
    /// <summary>Map what is pending (this rank's slice with <c>--world-size</c> &gt; 1, then stop), dedup, write.</summary>
    All,

    /// <summary>Only the per-file stages (this rank's slice of the inputs).</summary>
    Map,

    /// <summary>Scaled-out dedup, step 1: exact copies within hash range <c>--rank</c> of <c>--world-size</c>.</summary>
    Exact,

    /// <summary>Scaled-out dedup, step 2 (after every exact task): band buckets of partition <c>--rank</c> of <c>--world-size</c>.</summary>
    Buckets,

    /// <summary>Scaled-out dedup, step 3 (after every bucket task): near-duplicate decisions for the connected components of partition <c>--rank</c> of <c>--world-size</c>.</summary>
    Near,

    /// <summary>Only global dedup, over finished map shards (with <see cref="CurationRequest.DedupTasks"/> &gt; 1: the merge of the exact and near tasks); the result is kept in <c>.work/dedup.bin</c> for the write stage.</summary>
    Dedup,

    /// <summary>Only the write phase, from the dedup stage's result; publishes the run.</summary>
    Write,
}

/// <summary>A progress snapshot.</summary>
/// <param name="Phase">map, dedup or write.</param>
/// <param name="Documents">Documents processed so far in this phase.</param>
/// <param name="Bytes">Input bytes processed so far (estimate for compressed inputs).</param>
/// <param name="TotalBytes">Input bytes of the whole phase.</param>
public readonly record struct CurationProgress(string Phase, long Documents, long Bytes, long TotalBytes);

/// <summary>What a run produced.</summary>
/// <param name="Completed">False when this process only ran its slice of the per-file stages (<c>--world-size</c> &gt; 1) or one stage short of write.</param>
/// <param name="OutputDir">The output folder.</param>
/// <param name="Stats">The run's statistics (also in <c>stats.json</c>).</param>
/// <param name="PendingShards">Input files not yet processed by any rank (0 once the run completed).</param>
public sealed record CurationResult(bool Completed, string OutputDir, Statistics.CurationStats Stats, int PendingShards);
