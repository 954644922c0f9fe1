using System.IO.Compression;
using Moa.Curation.Configuration;

namespace Moa.Curation.Output;

/// <summary>How output parts are written (<c>output.format</c>).</summary>
internal enum PartFormat
{
    /// <summary><c>.jsonl.gz</c>: one JSON record a line, gzip.</summary>
    JsonlGzip,

    /// <summary><c>.jsonl.zst</c>: one JSON record a line, Zstandard (several times faster to write than gzip).</summary>
    JsonlZstd,

    /// <summary>
    /// <c>.parquet</c>: columns <c>id</c>, <c>text</c> and <c>meta</c> (the record's meta object as a JSON string), zstd pages,
    /// row groups cut by size so that readers can stream them. Hugging Face <c>datasets</c>, DuckDB, Polars and datatrove
    /// read it as it is.
    /// </summary>
    Parquet,
}

/// <summary>The format and level settings of a run, resolved from the config.</summary>
internal readonly record struct PartSettings(PartFormat Format, CompressionLevel Level, long RowGroupBytes)
{
    /// <summary>The formats <c>output.format</c> accepts.</summary>
    public static readonly string[] Names = ["jsonl.gz", "jsonl.zst", "parquet"];

    public static PartSettings From(OutputOptions output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var format = output.Format switch
        {
            "jsonl.zst" => PartFormat.JsonlZstd,
            "parquet" => PartFormat.Parquet,
            _ => PartFormat.JsonlGzip,
        };
        var level = output.Compression switch
        {
            "fastest" => CompressionLevel.Fastest,
            "smallest" => CompressionLevel.SmallestSize,
            _ => CompressionLevel.Optimal,
        };
        return new PartSettings(format, level, output.ParquetRowGroupBytes);
    }

    /// <summary>The file extension of training parts (<c>data/</c>).</summary>
    public string DataExtension => Format switch
    {
        PartFormat.JsonlZstd => ".jsonl.zst",
        PartFormat.Parquet => ".parquet",
        _ => ".jsonl.gz",
    };

    /// <summary>
    /// The extension of <c>removed/</c> parts: JSON lines in the run's compression (a Parquet run writes its removed records,
    /// which carry a reason and a duplicate reference rather than training columns, as <c>.jsonl.zst</c>).
    /// </summary>
    public string RemovedExtension => Format == PartFormat.JsonlGzip ? ".jsonl.gz" : ".jsonl.zst";

    /// <summary>Zstandard level for the compression setting (1, 3 or 19).</summary>
    public int ZstdLevel => Level switch
    {
        CompressionLevel.Fastest => 1,
        CompressionLevel.SmallestSize => 19,
        _ => 3,
    };
}
