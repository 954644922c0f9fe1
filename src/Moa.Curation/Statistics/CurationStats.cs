using System.Text.Json.Serialization;
using Moa.Curation.Reporting;

namespace Moa.Curation.Statistics;

/// <summary>
/// Counts of a curation run, written as <c>stats.json</c>: documents and bytes in and out per stage,
/// removal reasons, languages, input files, formats, PII findings, token counts, length histograms,
/// duplicate cluster sizes, problems with the input and timings. Shard statistics merge into run statistics.
/// </summary>
public sealed class CurationStats
{
    /// <summary>Stage names in pipeline order.</summary>
    public static readonly IReadOnlyList<string> StageOrder =
        ["read", "normalize", "language", "quality", "dedup_exact", "dedup_near", "pii", "write"];

    public string Tool { get; set; } = "moa";

    public string Version { get; set; } = string.Empty;

    public long DocumentsIn { get; set; }

    public long DocumentsOut { get; set; }

    public long BytesIn { get; set; }

    public long BytesOut { get; set; }

    /// <summary>Tokens of the kept documents, counted by <see cref="TokenCounter"/> (the first of <c>stats.tokenizers</c>).</summary>
    public long TokensOut { get; set; }

    /// <summary>Name of the headline token counter (e.g. <c>pretokens</c>, <c>o200k</c> or a tokenizer file).</summary>
    public string TokenCounter { get; set; } = string.Empty;

    /// <summary>Tokens of the kept documents per tokenizer of <c>stats.tokenizers</c>: total, per language, per provider.</summary>
    public SortedDictionary<string, TokenCounts> Tokens { get; set; } = new(StringComparer.Ordinal);

    public List<StageStats> Stages { get; set; } = [.. StageOrder.Select(n => new StageStats { Name = n })];

    /// <summary>Removed documents per <c>stage:rule</c>.</summary>
    public SortedDictionary<string, long> Reasons { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Documents per detected language, among documents that reached language identification.</summary>
    public SortedDictionary<string, long> Languages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Kept documents per language.</summary>
    public SortedDictionary<string, long> LanguagesOut { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tokens of kept documents per language.</summary>
    public SortedDictionary<string, long> TokensByLanguage { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Documents read per reader format.</summary>
    public SortedDictionary<string, long> Formats { get; set; } = new(StringComparer.Ordinal);

    /// <summary>PII findings replaced, per type.</summary>
    public SortedDictionary<string, long> Pii { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Near-duplicate clusters by size (size ≥ 2 → number of clusters).</summary>
    public SortedDictionary<int, long> DuplicateClusters { get; set; } = [];

    /// <summary>Verified near dedup: similarity of each removed near duplicate with its kept copy, candidate pairs checked.</summary>
    public NearDedupStats NearDedup { get; set; } = new();

    /// <summary>A few removed documents per reason, for the report (see <see cref="RemovalExamples"/>).</summary>
    public SortedDictionary<string, List<RemovalExample>> Examples { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Histogram of document lengths in characters, bin <c>i</c> holding lengths in [2^i, 2^(i+1)) (bin 0 holds 0 and 1).</summary>
    public LengthHistograms Lengths { get; set; } = new();

    public List<FileStats> Files { get; set; } = [];

    public IssueStats Issues { get; set; } = new();

    /// <summary>Perplexity buckets and histogram of the documents that reached the quality stage.</summary>
    public PerplexityStats Perplexity { get; set; } = new();

    /// <summary>Wall-clock seconds per phase (map, reduce, write, total).</summary>
    public SortedDictionary<string, double> Timings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every process (task) of the run: map ranks, dedup, write, with wall and CPU seconds.</summary>
    public List<TaskTiming> Tasks { get; set; } = [];

    /// <summary>CPU hours per phase (map, dedup, write) summed over <see cref="Tasks"/>: what a terabyte will cost.</summary>
    public SortedDictionary<string, double> CpuHours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The stage entry for <paramref name="name"/>.</summary>
    public StageStats Stage(string name)
    {
        foreach (var s in Stages)
        {
            if (s.Name == name)
            {
                return s;
            }
        }

        var added = new StageStats { Name = name };
        Stages.Add(added);
        return added;
    }

    /// <summary>Adds the counts of <paramref name="other"/> into this (files are appended).</summary>
    public void Add(CurationStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        DocumentsIn += other.DocumentsIn;
        DocumentsOut += other.DocumentsOut;
        BytesIn += other.BytesIn;
        BytesOut += other.BytesOut;
        TokensOut += other.TokensOut;
        foreach (var s in other.Stages)
        {
            Stage(s.Name).Add(s);
        }

        AddAll(Reasons, other.Reasons);
        AddAll(Languages, other.Languages);
        AddAll(LanguagesOut, other.LanguagesOut);
        AddAll(TokensByLanguage, other.TokensByLanguage);
        foreach (var (name, counts) in other.Tokens)
        {
            if (!Tokens.TryGetValue(name, out var into))
            {
                Tokens[name] = into = new TokenCounts();
            }

            into.Add(counts);
        }

        AddAll(Formats, other.Formats);
        AddAll(Pii, other.Pii);
        foreach (var (k, v) in other.DuplicateClusters)
        {
            DuplicateClusters[k] = DuplicateClusters.GetValueOrDefault(k) + v;
        }

        Lengths.Add(other.Lengths);
        NearDedup.Add(other.NearDedup);
        RemovalExamples.Merge(Examples, other.Examples);
        Files.AddRange(other.Files);
        Issues.Add(other.Issues);
        Perplexity.Add(other.Perplexity);
    }

    /// <summary>Adds one to <paramref name="key"/> of a counter map.</summary>
    public static void Increment(SortedDictionary<string, long> map, string key, long by = 1)
    {
        ArgumentNullException.ThrowIfNull(map);
        map[key] = map.GetValueOrDefault(key) + by;
    }

    private static void AddAll(SortedDictionary<string, long> into, SortedDictionary<string, long> from)
    {
        foreach (var (k, v) in from)
        {
            into[k] = into.GetValueOrDefault(k) + v;
        }
    }
}

/// <summary>One process of a run (a Slurm job or array task, or the single process): where, how long, how much CPU.</summary>
public sealed class TaskTiming
{
    /// <summary>map, dedup or write.</summary>
    public string Phase { get; set; } = string.Empty;

    /// <summary>Rank within the phase (the array index for map tasks).</summary>
    public int Rank { get; set; }

    public int WorldSize { get; set; } = 1;

    public string Host { get; set; } = string.Empty;

    /// <summary>Scheduler job id (SLURM_JOB_ID, with the array index), empty outside a scheduler.</summary>
    public string Job { get; set; } = string.Empty;

    /// <summary>Input files this task mapped (map tasks).</summary>
    public int Files { get; set; }

    public double WallSeconds { get; set; }

    /// <summary>User + system CPU seconds of the process during the phase.</summary>
    public double CpuSeconds { get; set; }
}

/// <summary>Tokens of the kept documents by one tokenizer: in all, per language and per provider (<c>meta.provider</c>).</summary>
public sealed class TokenCounts
{
    /// <summary>The provider key of documents without <c>meta.provider</c>.</summary>
    public const string NoProvider = "(none)";

    public long Total { get; set; }

    public SortedDictionary<string, long> ByLanguage { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> ByProvider { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counts one kept document.</summary>
    public void Count(long tokens, string? language, string? provider)
    {
        Total += tokens;
        if (language is not null)
        {
            CurationStats.Increment(ByLanguage, language, tokens);
        }

        CurationStats.Increment(ByProvider, string.IsNullOrEmpty(provider) ? NoProvider : provider, tokens);
    }

    public void Add(TokenCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Total += other.Total;
        foreach (var (k, v) in other.ByLanguage)
        {
            CurationStats.Increment(ByLanguage, k, v);
        }

        foreach (var (k, v) in other.ByProvider)
        {
            CurationStats.Increment(ByProvider, k, v);
        }
    }
}

/// <summary>Documents and bytes (UTF-8) entering and leaving one stage, and the time spent in it.</summary>
public sealed class StageStats
{
    public string Name { get; set; } = string.Empty;

    public long DocumentsIn { get; set; }

    public long DocumentsOut { get; set; }

    public long BytesIn { get; set; }

    public long BytesOut { get; set; }

    /// <summary>CPU seconds summed over workers.</summary>
    public double Seconds { get; set; }

    public void Add(StageStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        DocumentsIn += other.DocumentsIn;
        DocumentsOut += other.DocumentsOut;
        BytesIn += other.BytesIn;
        BytesOut += other.BytesOut;
        Seconds += other.Seconds;
    }

    /// <summary>Counts one document entering and, if kept, leaving.</summary>
    public void Count(long bytesIn, bool kept, long bytesOut)
    {
        DocumentsIn++;
        BytesIn += bytesIn;
        if (kept)
        {
            DocumentsOut++;
            BytesOut += bytesOut;
        }
    }
}

/// <summary>Per input file: what was read, what stayed, what went wrong.</summary>
public sealed class FileStats
{
    public string Path { get; set; } = string.Empty;

    public string Format { get; set; } = string.Empty;

    public long Bytes { get; set; }

    public long DocumentsIn { get; set; }

    /// <summary>Documents that passed the per-document stages (before deduplication).</summary>
    public long DocumentsFiltered { get; set; }

    /// <summary>Documents in the final corpus.</summary>
    public long DocumentsOut { get; set; }

    public long Issues { get; set; }
}

/// <summary>Problems with the input: total, per code, and the first ones in full.</summary>
public sealed class IssueStats
{
    /// <summary>How many problems are listed in full; the rest are only counted.</summary>
    public const int MaxListed = 200;

    public long Count { get; set; }

    public SortedDictionary<string, long> ByCode { get; set; } = new(StringComparer.Ordinal);

    public List<IssueEntry> First { get; set; } = [];

    public void Record(string file, long line, string code, string message)
    {
        Count++;
        CurationStats.Increment(ByCode, code);
        if (First.Count < MaxListed)
        {
            First.Add(new IssueEntry { File = file, Line = line, Code = code, Message = message });
        }
    }

    public void Add(IssueStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count;
        foreach (var (k, v) in other.ByCode)
        {
            ByCode[k] = ByCode.GetValueOrDefault(k) + v;
        }

        foreach (var e in other.First)
        {
            if (First.Count >= MaxListed)
            {
                break;
            }

            First.Add(e);
        }
    }
}

/// <summary>One problem with the input.</summary>
public sealed class IssueEntry
{
    public string File { get; set; } = string.Empty;

    public long Line { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;
}

/// <summary>Length histograms (characters, log2 bins) of input and output documents.</summary>
public sealed class LengthHistograms
{
    public const int Bins = 32;

    [JsonPropertyName("in")]
    public long[] In { get; set; } = new long[Bins];

    [JsonPropertyName("out")]
    public long[] Out { get; set; } = new long[Bins];

    /// <summary>The bin of a length: 0 for 0..1, else floor(log2(length)).</summary>
    public static int Bin(int length) => length <= 1 ? 0 : Math.Min(Bins - 1, System.Numerics.BitOperations.Log2((uint)length));

    public void Add(LengthHistograms other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Bins; i++)
        {
            In[i] += other.In[i];
            Out[i] += other.Out[i];
        }
    }
}

/// <summary>What verified near dedup did: candidate pairs checked and the similarity of every removal with its kept copy.</summary>
public sealed class NearDedupStats
{
    /// <summary>Candidate pairs (LSH proposals) whose exact shingle Jaccard similarity was computed.</summary>
    public long CandidatesVerified { get; set; }

    /// <summary>Candidate pairs found below <c>dedup.near.min_similarity</c> (merges that unverified LSH would have made).</summary>
    public long CandidatesRejected { get; set; }

    /// <summary>Near duplicates by similarity with the kept copy they point to, in bins of 0.05 (bin 19 holds 0.95 to 1).</summary>
    public long[] Similarity { get; set; } = new long[SimilarityBins];

    public const int SimilarityBins = 20;

    /// <summary>Counts one removed near duplicate of similarity <paramref name="similarity"/>.</summary>
    public void Count(double similarity) => Similarity[Math.Clamp((int)(similarity * SimilarityBins), 0, SimilarityBins - 1)]++;

    public void Add(NearDedupStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CandidatesVerified += other.CandidatesVerified;
        CandidatesRejected += other.CandidatesRejected;
        for (var i = 0; i < SimilarityBins && i < other.Similarity.Length; i++)
        {
            Similarity[i] += other.Similarity[i];
        }
    }
}
