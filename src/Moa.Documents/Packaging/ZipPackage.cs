using System.IO.Compression;
using System.Xml;

namespace Moa.Documents.Packaging;

/// <summary>
/// A zip-based document package (HWPX, DOCX, XLSX, PPTX) opened for reading with guards: part names that
/// climb out of the package are ignored, and every part is read through a counter that stops a zip bomb
/// (per-part size, compression ratio and total size caps) whatever sizes the archive declares.
/// </summary>
internal sealed class ZipPackage : IDisposable
{
    private static readonly XmlReaderSettings s_xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        CheckCharacters = false,
    };

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _parts = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _format;
    private long _totalRead;

    private ZipPackage(ZipArchive archive, string format)
    {
        _archive = archive;
        _format = format;
        if (archive.Entries.Count > MaxEntries)
        {
            throw new DocumentFormatException("zip-bomb", $"the {format} package holds {archive.Entries.Count:N0} entries, above the {MaxEntries:N0} limit");
        }

        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (IsSafeName(name))
            {
                _parts.TryAdd(name, entry);
            }
        }
    }

    /// <summary>Most entries accepted in one package.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>Largest part read (bytes, uncompressed).</summary>
    public const long MaxPartBytes = 256L * 1024 * 1024;

    /// <summary>Most bytes read from all parts of one package together.</summary>
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    /// <summary>Highest compression ratio accepted for parts above 1 MiB (XML rarely passes 50).</summary>
    public const int MaxRatio = 250;

    /// <summary>Part names (with <c>/</c> separators), unsafe ones left out.</summary>
    public IEnumerable<string> Names => _parts.Keys;

    public static ZipPackage Open(string path, string format)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        try
        {
            return new ZipPackage(new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false), format);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Whether a zip file starts at <paramref name="head"/>.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8);

    public bool Contains(string name) => _parts.ContainsKey(name);

    /// <summary>Opens a part through the bomb guard.</summary>
    public Stream OpenPart(string name)
    {
        if (!_parts.TryGetValue(name, out var entry))
        {
            throw new DocumentFormatException("corrupt-container", $"the {_format} package has no part '{name}'");
        }

        if (entry.Length > MaxPartBytes)
        {
            throw new DocumentFormatException("zip-bomb", $"part '{name}' declares {entry.Length:N0} bytes, above the {MaxPartBytes:N0}-byte limit");
        }

        if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(entry.CompressedLength, 1) > MaxRatio)
        {
            throw new DocumentFormatException("zip-bomb",
                $"part '{name}' expands {entry.Length / Math.Max(entry.CompressedLength, 1):N0} times (limit {MaxRatio}): a zip bomb or a damaged archive");
        }

        return new GuardedStream(this, name, entry.Open());
    }

    /// <summary>Opens a part as XML: no DTDs, no external resources.</summary>
    public XmlReader OpenXml(string name) => XmlReader.Create(OpenPart(name), s_xml);

    public void Dispose() => _archive.Dispose();

    private static bool IsSafeName(string name) =>
        name.Length > 0 && name[0] != '/' && !name.Contains(':', StringComparison.Ordinal)
        && !name.Split('/').Contains("..");

    private void Count(string name, int bytes, long partRead)
    {
        _totalRead += bytes;
        if (partRead > MaxPartBytes)
        {
            throw new DocumentFormatException("zip-bomb", $"part '{name}' inflates beyond {MaxPartBytes:N0} bytes: a zip bomb or a damaged archive");
        }

        if (_totalRead > MaxTotalBytes)
        {
            throw new DocumentFormatException("zip-bomb", $"the {_format} package inflates beyond {MaxTotalBytes:N0} bytes in total");
        }
    }

    /// <summary>Counts the bytes read from one part and stops at the caps.</summary>
    private sealed class GuardedStream(ZipPackage owner, string name, Stream inner) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            owner.Count(name, n, _read);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
