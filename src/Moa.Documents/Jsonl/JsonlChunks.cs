using System.Buffers;

namespace Moa.Documents.Jsonl;

/// <summary>
/// Reads a file as pooled blocks of whole lines (each block ends just after a '\n', except the last), with the number
/// of the block's first line, so blocks can be parsed on any thread and their results written back in order. A line longer
/// than a block grows the block; a byte-order mark at the start of the file is dropped. Validate lines with
/// <see cref="JsonlRecordReader"/>.
/// </summary>
public sealed class JsonlChunks : IDisposable
{
    private readonly Stream _stream;
    private readonly int _chunkBytes;
    private byte[] _carry = [];
    private int _carryLength;
    private long _nextLine = 1;
    private bool _eof;

    /// <summary>Opens <paramref name="path"/>, to be read in blocks of about <paramref name="chunkBytes"/>.</summary>
    public JsonlChunks(string path, int chunkBytes)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _chunkBytes = chunkBytes;
        Span<byte> bom = stackalloc byte[3];
        if (_stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false) != 3 || !JsonlRecordReader.SkipBom(bom).IsEmpty)
        {
            _stream.Position = 0;
        }
    }

    /// <summary>The next block; false at end of file. The caller returns <see cref="JsonlChunk.Buffer"/> to the shared pool.</summary>
    public bool TryRead(out JsonlChunk chunk)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_chunkBytes, _carryLength * 2));
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        var end = _carryLength;
        var searched = 0;
        _carryLength = 0;
        while (true)
        {
            while (!_eof && end < buffer.Length)
            {
                var read = _stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    _eof = true;
                }

                end += read;
            }

            var last = buffer.AsSpan(searched, end - searched).LastIndexOf((byte)'\n');
            int length;
            if (last >= 0)
            {
                length = searched + last + 1;
            }
            else if (_eof)
            {
                length = end;
            }
            else
            {
                // One line longer than the block: grow and read on.
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, end).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
                searched = end;
                continue;
            }

            if (length == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                chunk = default;
                return false;
            }

            _carryLength = end - length;
            if (_carry.Length < _carryLength)
            {
                _carry = new byte[Math.Max(_carryLength, _carry.Length * 2)];
            }

            buffer.AsSpan(length, _carryLength).CopyTo(_carry);
            chunk = new JsonlChunk(buffer, length, _nextLine);
            _nextLine += buffer.AsSpan(0, length).Count((byte)'\n');
            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}

/// <summary>A block of whole lines in a pooled buffer: <c>Buffer[..Length]</c>, whose first line is number <see cref="FirstLine"/>.</summary>
public readonly record struct JsonlChunk(byte[] Buffer, int Length, long FirstLine);
