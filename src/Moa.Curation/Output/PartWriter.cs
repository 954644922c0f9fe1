using System.IO.Compression;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using ZstdSharp;

namespace Moa.Curation.Output;

/// <summary>
/// Writes one output part (gzip or zstd JSON lines, or Parquet) through a temporary file, hashing the file's bytes on the
/// way. The file appears under its final name only after <see cref="Complete"/>; a part with no records is not written.
/// </summary>
internal sealed class PartWriter : IDisposable
{
    private static readonly ParquetSchema s_schema = new(new DataField<string>("id"), new DataField<string>("text"), new DataField<string>("meta"));

    private readonly string _relativePath;
    private readonly string _kind;
    private readonly PartSettings _settings;
    private readonly bool _parquet;
    private FileStream? _file;
    private HashingWriteStream? _hashing;
    private Stream? _compressor;
    private ParquetWriter? _parquetWriter;
    private readonly List<string> _ids = [];
    private readonly List<string> _texts = [];
    private readonly List<string> _metas = [];
    private long _bufferedBytes;
    private long _documents;
    private bool _completed;

    public PartWriter(string finalPath, string relativePath, string kind, PartSettings settings, bool jsonLines = false)
    {
        FinalPath = finalPath;
        _relativePath = relativePath;
        _kind = kind;
        _settings = settings;
        _parquet = settings.Format == PartFormat.Parquet && !jsonLines;
    }

    public string FinalPath { get; }

    private string TempPath => FinalPath + ".tmp";

    /// <summary>Whether the part is Parquet (rows can then be given as columns, <see cref="WriteRow"/>).</summary>
    public bool IsParquet => _parquet;

    /// <summary>Appends one JSONL record (<c>{"id","text","meta"}</c>, ending in a newline).</summary>
    public void Write(ReadOnlySpan<byte> record)
    {
        Open();
        _documents++;
        if (!_parquet)
        {
            _compressor!.Write(record);
            return;
        }

        var reader = new Utf8JsonReader(record);
        using var json = JsonDocument.ParseValue(ref reader);
        var root = json.RootElement;
        AddRow(
            root.GetProperty("id").GetString() ?? string.Empty,
            root.GetProperty("text").GetString() ?? string.Empty,
            root.TryGetProperty("meta", out var meta) ? meta.GetRawText() : "{}",
            record.Length);
    }

    /// <summary>
    /// Appends one row of a Parquet part from its columns, as <see cref="Write"/> would from the record they came from
    /// (<paramref name="recordLength"/> bytes, which count towards the row group size); saves parsing the record again.
    /// </summary>
    public void WriteRow(string id, string text, string meta, int recordLength)
    {
        if (!_parquet)
        {
            throw new InvalidOperationException("WriteRow is for Parquet parts.");
        }

        Open();
        _documents++;
        AddRow(id, text, meta, recordLength);
    }

    private void AddRow(string id, string text, string meta, int recordLength)
    {
        _ids.Add(id);
        _texts.Add(text);
        _metas.Add(meta);
        _bufferedBytes += recordLength;
        if (_bufferedBytes >= _settings.RowGroupBytes)
        {
            FlushRowGroup();
        }
    }

    private void Open()
    {
        if (_file is null)
        {
            _file = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            _hashing = new HashingWriteStream(_file);
            if (_parquet)
            {
                // The level must be set: Parquet.Net's default is SmallestSize (zstd 19), which made Parquet runs cost
                // several times the CPU of a jsonl.zst run. Optimal is zstd 3, as for jsonl.zst.
                _parquetWriter = ParquetWriter.CreateAsync(s_schema, _hashing, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = _settings.Level }).GetAwaiter().GetResult();
            }
            else
            {
                _compressor = _settings.Format == PartFormat.JsonlGzip
                    ? new GZipStream(_hashing, _settings.Level, leaveOpen: true)
                    : new CompressionStream(_hashing, _settings.ZstdLevel, leaveOpen: true);
            }
        }
    }

    /// <summary>Finishes the part and moves it into place; <see langword="null"/> when nothing was written.</summary>
    public FileEntry? Complete()
    {
        if (_hashing is null || _file is null)
        {
            OutputLayout.TryDelete(FinalPath);
            _completed = true;
            return null;
        }

        if (_parquet)
        {
            FlushRowGroup();
            _parquetWriter!.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _parquetWriter = null;
        }
        else
        {
            _compressor!.Dispose();
        }

        _file.Flush(flushToDisk: true);
        var entry = new FileEntry
        {
            Path = _relativePath,
            Kind = _kind,
            Sha256 = _hashing.HashHex(),
            Documents = _documents,
            Bytes = _hashing.Length,
        };
        _hashing.Dispose();
        _file.Dispose();
        File.Move(TempPath, FinalPath, overwrite: true);
        _completed = true;
        return entry;
    }

    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            _compressor?.Dispose();
            _parquetWriter?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            // The part is being abandoned: its temporary file goes below.
        }

        _hashing?.Dispose();
        _file?.Dispose();
        if (_file is not null)
        {
            OutputLayout.TryDelete(TempPath);
        }
    }

    private void FlushRowGroup()
    {
        if (_ids.Count == 0)
        {
            return;
        }

        using (var group = _parquetWriter!.CreateRowGroup())
        {
            group.WriteAsync(s_schema.DataFields[0], _ids, null).GetAwaiter().GetResult();
            group.WriteAsync(s_schema.DataFields[1], _texts, null).GetAwaiter().GetResult();
            group.WriteAsync(s_schema.DataFields[2], _metas, null).GetAwaiter().GetResult();
            group.CompleteValidate();
        }

        _ids.Clear();
        _texts.Clear();
        _metas.Clear();
        _bufferedBytes = 0;
    }
}
