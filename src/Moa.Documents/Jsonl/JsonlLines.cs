using System.Runtime.CompilerServices;
using System.Buffers;

namespace Moa.Documents.Jsonl;

/// <summary>
/// Reads a file or stream as raw UTF-8 lines (split on '\n' with a vectorised search; a trailing '\r' and a leading
/// byte-order mark are dropped), one at a time or in batches to process in parallel; the caller validates each line with
/// <see cref="JsonlRecordReader"/>. Lines of any length: the buffer grows to hold the longest.
/// </summary>
public sealed class JsonlLines : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Opens <paramref name="path"/>.</summary>
    public JsonlLines(string path)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path)
    {
    }

    /// <summary>Reads <paramref name="stream"/> (disposed with this), named <paramref name="path"/> in messages.</summary>
    public JsonlLines(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        Path = path;
    }

    /// <summary>The file name used in messages.</summary>
    public string Path { get; }

    /// <summary>1-based number of the last line returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads up to about <paramref name="maxBytes"/> of lines into <paramref name="batch"/>; false at end of file.</summary>
    public bool ReadBatch(List<RawLine> batch, int maxBytes)
    {
        batch.Clear();
        var bytes = 0;
        while (bytes < maxBytes && TryReadLine(out var line))
        {
            batch.Add(new RawLine(LineNumber, line.ToArray()));
            bytes += line.Length;
        }

        return batch.Count > 0;
    }

    /// <summary>The next line (valid until the next call); false at end of input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var nl = available.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = Trim(available[..nl]);
                if (LineNumber == 0)
                {
                    line = JsonlRecordReader.SkipBom(line);
                }

                _start += nl + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (available.Length == 0)
                {
                    line = default;
                    return false;
                }

                line = Trim(available);
                if (LineNumber == 0)
                {
                    line = JsonlRecordReader.SkipBom(line);
                }

                _start = _end;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

/// <summary>One line of a JSONL file: its 1-based number and its bytes without the line break.</summary>
public readonly record struct RawLine(long Number, byte[] Bytes);
