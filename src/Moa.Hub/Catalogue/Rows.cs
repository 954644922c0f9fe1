using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moa.Hub.Catalogue;

/// <summary>A dataset in the catalogue.</summary>
public sealed class Dataset
{
    public long Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string Licence { get; set; } = "";

    public long? ProviderOrganisationId { get; set; }

    public long CreatedAt { get; set; }
}

/// <summary>A registered version of a dataset (one curate run).</summary>
public sealed class DatasetVersion
{
    public long Id { get; set; }

    public long DatasetId { get; set; }

    public int Version { get; set; }

    public string ToolVersion { get; set; } = "";

    public string ConfigHash { get; set; } = "";

    public long Documents { get; set; }

    public long Bytes { get; set; }

    public long Tokens { get; set; }

    [JsonIgnore]
    public string ManifestJson { get; set; } = "";

    [JsonIgnore]
    public string StatsJson { get; set; } = "";

    [JsonIgnore]
    public string SampleJson { get; set; } = "";

    [JsonIgnore]
    public string StorageDir { get; set; } = "";

    public long CreatedAt { get; set; }

    /// <summary>When the version was withdrawn (no longer served or listed), or null.</summary>
    public long? WithdrawnAt { get; set; }

    public long? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>When the version was superseded, or null.</summary>
    public long? SupersededAt { get; set; }

    /// <summary>The id of the successor version, or null.</summary>
    public long? SupersededBy { get; set; }

    /// <summary>Neither withdrawn nor superseded: the version the catalogue shows.</summary>
    [JsonIgnore]
    public bool IsCurrent => WithdrawnAt is null && SupersededBy is null;
}

/// <summary>Where a superseded version points: the successor's dataset slug and version number.</summary>
public sealed record Successor(string Slug, int Version);

/// <summary>A data file of a dataset version.</summary>
public sealed class DatasetFile
{
    public long Id { get; set; }

    public long VersionId { get; set; }

    public string Path { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public long Bytes { get; set; }

    public long Documents { get; set; }
}

/// <summary>A masked sample row.</summary>
public sealed record SampleRow(string Id, string Text);

/// <summary>
/// Everything the dataset page shows: card, versions, the version shown (the newest current one, or else the newest
/// superseded one), its files, statistics and masked samples, and the successor when the shown version is superseded.
/// The public detail leaves withdrawn versions out; the operator's detail keeps them (<paramref name="Versions"/>).
/// </summary>
public sealed record DatasetDetail(Dataset Dataset, IReadOnlyList<DatasetVersion> Versions, DatasetVersion Latest, IReadOnlyList<DatasetFile> Files, JsonElement Stats, IReadOnlyList<SampleRow> Sample, Successor? SupersededBy = null, IReadOnlyDictionary<long, Successor>? Successors = null);

/// <summary>A benchmark registered in the hub.</summary>
public sealed class BenchmarkEntry
{
    public long Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    public string Licence { get; set; } = "";

    public string Language { get; set; } = "";

    public string TaskType { get; set; } = "";

    public string Metric { get; set; } = "";

    public string Subsets { get; set; } = "";

    public long Items { get; set; }

    /// <summary>SHA-256 of <c>items.jsonl</c> (as <c>split.json</c> records it).</summary>
    public string ItemsSha256 { get; set; } = "";

    /// <summary>Moa.Evaluation's content hash of the benchmark (<c>items.jsonl</c> then <c>benchmark.yaml</c>), the one evaluation runs record.</summary>
    public string ContentHash { get; set; } = "";

    public string Description { get; set; } = "";

    public long CreatedAt { get; set; }
}
