using System.IO.Compression;

namespace Moa.Curation.Output;

/// <summary>
/// Writes one gzip JSONL part through a temporary file, hashing the compressed bytes on the way. The file appears
/// under its final name only after <see cref="Complete"/>; a part with no records is not written at all.
/// </summary>
internal sealed class PartWriter : IDisposable
{
    private readonly string _relativePath;
    private readonly string _kind;
    private readonly CompressionLevel _level;
    private FileStream? _file;
    private HashingWriteStream? _hashing;
    private GZipStream? _gzip;
    private long _documents;
    private bool _completed;

    public PartWriter(string finalPath, string relativePath, string kind, CompressionLevel level)
    {
        FinalPath = finalPath;
        _relativePath = relativePath;
        _kind = kind;
        _level = level;
    }

    public string FinalPath { get; }

    private string TempPath => FinalPath + ".tmp";

    /// <summary>Appends one JSONL record (ending in a newline).</summary>
    public void Write(ReadOnlySpan<byte> record)
    {
        if (_gzip is null)
        {
            _file = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            _hashing = new HashingWriteStream(_file);
            _gzip = new GZipStream(_hashing, _level, leaveOpen: true);
        }

        _gzip.Write(record);
        _documents++;
    }

    /// <summary>Finishes the part and moves it into place; <see langword="null"/> when nothing was written.</summary>
    public FileEntry? Complete()
    {
        if (_gzip is null || _hashing is null || _file is null)
        {
            OutputLayout.TryDelete(FinalPath);
            _completed = true;
            return null;
        }

        _gzip.Dispose();
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

        _gzip?.Dispose();
        _hashing?.Dispose();
        _file?.Dispose();
        if (_file is not null)
        {
            OutputLayout.TryDelete(TempPath);
        }
    }
}
