using Moa.Curation.Dedup;
using Moa.Curation.Filters;
using Moa.Privacy;
using Moa.Text.Normalization;

namespace Moa.Curation.Configuration;

/// <summary>
/// Everything a curation run is configured by: the <c>pipeline.yaml</c> file, or the embedded defaults.
/// Every stage is on by default and can be switched off or tuned; the whole object is hashed into the manifest.
/// </summary>
public sealed class CurationConfig
{
    public InputOptions Input { get; set; } = new();

    public NormalizerOptions Normalize { get; set; } = new();

    public LanguageOptions Language { get; set; } = new();

    public QualityOptions Quality { get; set; } = new();

    public DedupOptions Dedup { get; set; } = new();

    public PiiStageOptions Pii { get; set; } = new();

    public OutputOptions Output { get; set; } = new();

    public StatsOptions Stats { get; set; } = new();

    public CardOptions Card { get; set; } = new();

    /// <summary>Where object storage is (endpoint, region, credentials): not part of the corpus, so neither hashed nor written to the manifest.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public StorageOptions Storage { get; set; } = new();
}

/// <summary>Object storage settings of a run over <c>s3://</c> URLs (the <c>storage</c> section of <c>pipeline.yaml</c>).</summary>
public sealed class StorageOptions
{
    public S3Options S3 { get; set; } = new();
}

/// <summary>
/// S3 endpoint and credentials; each key left empty falls back to the environment (<c>MOA_S3_ENDPOINT</c>,
/// <c>AWS_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c> or the SDK's default chain, <c>MOA_S3_CACHE</c>).
/// </summary>
public sealed class S3Options
{
    /// <summary>http(s) URL of an S3-compatible server (MinIO, Ceph, s3rver); empty: the environment, else AWS.</summary>
    public string Endpoint { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;

    public string AccessKeyId { get; set; } = string.Empty;

    /// <summary>The secret in the file itself; prefer <see cref="SecretAccessKeyFile"/> for a config that is shared.</summary>
    public string SecretAccessKey { get; set; } = string.Empty;

    /// <summary>A file whose first line is the secret access key.</summary>
    public string SecretAccessKeyFile { get; set; } = string.Empty;

    /// <summary>Local staging folder for input objects and output parts.</summary>
    public string CacheDir { get; set; } = string.Empty;

    /// <summary>Multipart upload part size in MiB (files above it go up in parts); at least 5.</summary>
    public int PartSizeMb { get; set; } = 64;
}

/// <summary>What the dataset card (<c>README.md</c> beside the parts) says that the run cannot know by itself.</summary>
public sealed class CardOptions
{
    /// <summary>Display name; empty uses the output folder's name.</summary>
    public string PrettyName { get; set; } = string.Empty;

    /// <summary>SPDX licence id in lower case (<c>cc-by-4.0</c>), or <c>other</c> for the programme's agreement terms.</summary>
    public string License { get; set; } = "other";

    /// <summary>With <c>license: other</c>: the name of the terms.</summary>
    public string LicenseName { get; set; } = "moa-programme-agreement";
}

/// <summary>What <c>stats.json</c> counts beyond documents and bytes.</summary>
public sealed class StatsOptions
{
    /// <summary>
    /// Tokenizers whose token counts of the kept documents go into <c>stats.json</c>, the report and the dataset card, per
    /// language and provider: <c>pretokens</c> (no vocabulary, fast), <c>cl100k</c>, <c>o200k</c>, <c>gpt2</c>, or the path
    /// of a SentencePiece <c>.model</c> or a Hugging Face <c>tokenizer.json</c> on this machine (nothing is downloaded).
    /// The first one is the headline figure (<c>tokens_out</c>).
    /// </summary>
    public List<string> Tokenizers { get; set; } = ["pretokens"];
}

/// <summary>How input records are read.</summary>
public sealed class InputOptions
{
    /// <summary>JSON field with the text. Default <c>text</c>.</summary>
    public string TextField { get; set; } = "text";

    /// <summary>JSON field with the id; records without one get a stable id from file and line.</summary>
    public string IdField { get; set; } = "id";

    /// <summary>Provider (institution) recorded in every document's meta.</summary>
    public string? Provider { get; set; }

    /// <summary>CSV/TSV columns joined into the text; empty means every column as <c>header: value</c>.</summary>
    public List<string> CsvTextColumns { get; set; } = [];

    /// <summary>CSV/TSV column with the id, if any.</summary>
    public string? CsvIdColumn { get; set; }
}

/// <summary>Language identification and the keep list.</summary>
public sealed class LanguageOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Languages kept (codes such as <c>ko</c>, <c>en</c>); empty keeps every language.</summary>
    public List<string> Keep { get; set; } = ["ko", "en"];

    /// <summary>Documents whose best language scores below this are removed as <c>language.low_score</c>.</summary>
    public double MinScore { get; set; } = 0.5;
}

/// <summary>Exact and near deduplication over all inputs together.</summary>
public sealed class DedupOptions
{
    public ExactDedupOptions Exact { get; set; } = new();

    public NearDedupOptions Near { get; set; } = new();
}

/// <summary>Exact deduplication on the normalised text.</summary>
public sealed class ExactDedupOptions
{
    public bool Enabled { get; set; } = true;
}

/// <summary>Output layout.</summary>
public sealed class OutputOptions
{
    /// <summary>Target uncompressed size of one output part; parts are cut at document boundaries and written in parallel.</summary>
    public long PartBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Format of the training parts: <c>jsonl.gz</c>, <c>jsonl.zst</c> or <c>parquet</c> (columns id, text, meta; what
    /// Hugging Face datasets, DuckDB, Polars and datatrove read directly).
    /// </summary>
    public string Format { get; set; } = "jsonl.gz";

    /// <summary>Compression level of the output parts: <c>fastest</c>, <c>optimal</c> or <c>smallest</c> (gzip, or zstd 1 / 3 / 19).</summary>
    public string Compression { get; set; } = "optimal";

    /// <summary>Parquet only: a row group is closed after this many bytes of records, so that readers can stream a part.</summary>
    public long ParquetRowGroupBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Whether removed documents keep their text in <c>removed/</c> (useful to inspect filters).</summary>
    public bool RemovedText { get; set; } = true;

    /// <summary>Keep the intermediate <c>.work</c> folder after a successful run.</summary>
    public bool KeepWork { get; set; }

    /// <summary>Records per batch handed to a worker.</summary>
    public int BatchDocuments { get; set; } = 512;
}
