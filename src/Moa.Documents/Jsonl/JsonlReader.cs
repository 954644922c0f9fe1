using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace Moa.Documents.Jsonl;

/// <summary>
/// Reads JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>, line-delimited <c>.json</c>), plain or gzip-compressed: one document per
/// line, text and id taken from <see cref="ReaderOptions.TextField"/> and <see cref="ReaderOptions.IdField"/>, other scalar
/// fields kept as <see cref="SourceDocument.Extra"/>. Lines are checked by <see cref="JsonlRecordReader"/>; bad lines are reported
/// (counted by code) and skipped, and reading goes on.
/// </summary>
public sealed class JsonlReader : IDocumentReader
{
    private const int InitialBufferBytes = 1 << 20;
    private static readonly string[] s_extensions = [".jsonl", ".ndjson", ".json"];
    private static readonly SearchValues<byte> s_whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <inheritdoc />
    public string Format => "jsonl";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path;
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            if (!IsGzip(head))
            {
                return false;
            }

            name = name[..^3];
            return HasExtension(name);
        }

        if (!HasExtension(name))
        {
            return false;
        }

        // A .json file holding one array or one pretty-printed document is not JSON Lines: its first line must be a whole object.
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !IsGzip(head))
        {
            var trimmed = SkipBomAndWhitespace(head);
            if (trimmed.IsEmpty)
            {
                return true;
            }

            var newline = trimmed.IndexOf((byte)'\n');
            // With no line break in the head the first record is long (or the file is one minified object): JSON Lines either way.
            return trimmed[0] == (byte)'{' && (newline < 0 || IsWholeObject(trimmed[..newline]));
        }

        return true;
    }

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return ReadIterator(path, context, cancellationToken);
    }

    private static IEnumerable<SourceDocument> ReadIterator(string path, ReadContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var records = new JsonlRecordReader(options.TextField, options.IdField);
        var maxRecord = Math.Max(1024, options.MaxRecordBytes);
        using var input = OpenInput(path, out var gzip);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            var start = 0;          // first byte of the current line in buffer
            var end = 0;            // bytes of valid data in buffer
            var scanned = 0;        // bytes from start already searched for '\n'
            long line = 0;          // physical lines finished
            long decompressed = 0;
            var eof = false;
            var sawRecord = false;
            var skipping = false;   // inside a record larger than the limit
            var first = true;

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var nl = buffer.AsSpan(start + scanned, end - start - scanned).IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    var length = scanned + nl;
                    var lineBytes = buffer.AsSpan(start, length);
                    line++;
                    if (skipping)
                    {
                        skipping = false;
                    }
                    else
                    {
                        var doc = ParseLine(lineBytes, path, line, first, records, context, ref sawRecord);
                        if (doc is not null)
                        {
                            yield return doc;
                        }
                    }

                    first = false;
                    start += length + 1;
                    scanned = 0;
                    continue;
                }

                scanned = end - start;
                if (eof)
                {
                    break;
                }

                if (scanned > maxRecord)
                {
                    if (!skipping)
                    {
                        context.Report(new ReadIssue(path, line + 1, "record-too-large",
                            $"Line is longer than the {maxRecord:N0}-byte record limit; it was skipped. Raise MaxRecordBytes (reader.max_record_bytes) if such records are expected."));
                        skipping = true;
                    }

                    start = end;
                    scanned = 0;
                }

                // Make room: move the partial line to the front, grow when the line fills the buffer.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = ReadBlock(input, buffer.AsSpan(end), out var failure);
                if (failure is not null)
                {
                    context.Report(new ReadIssue(path, line + 1, "truncated-gzip",
                        $"The gzip stream is damaged ({failure}); reading stopped at line {line + 1:N0}, the {line:N0} lines before it were kept. Re-copy or re-compress the file."));
                    yield break;
                }

                if (read == 0)
                {
                    eof = true;
                    if (gzip && IsTruncatedGzip(path, decompressed, end == start || buffer[end - 1] == (byte)'\n'))
                    {
                        var partial = end - start;
                        context.Report(new ReadIssue(path, line + 1, "truncated-gzip",
                            $"The gzip file ends early (cut during copy or download?): line {line + 1:N0} is incomplete"
                            + (partial > 0 ? $" ({partial:N0} bytes) and was dropped" : string.Empty)
                            + $"; the {line:N0} lines before it were kept. Re-copy or re-compress the file."));
                        yield break;
                    }

                    if (end > start)
                    {
                        // Last line without a trailing newline.
                        line++;
                        if (!skipping)
                        {
                            var doc = ParseLine(buffer.AsSpan(start, end - start), path, line, first, records, context, ref sawRecord);
                            if (doc is not null)
                            {
                                yield return doc;
                            }
                        }
                    }

                    break;
                }

                decompressed += read;
                end += read;
            }

            if (!sawRecord)
            {
                context.Report(new ReadIssue(path, 0, "empty-file",
                    line == 0 ? "The file is empty: no records were read. Check that the right file was given." : "The file holds only blank lines: no records were read."));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadBlock(Stream input, Span<byte> destination, out string? failure)
    {
        failure = null;
        try
        {
            return input.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            failure = ex.Message;
            return 0;
        }
    }

    private static SourceDocument? ParseLine(
        ReadOnlySpan<byte> bytes, string path, long line, bool first, JsonlRecordReader records, ReadContext context, ref bool sawRecord)
    {
        if (first)
        {
            bytes = JsonlRecordReader.SkipBom(bytes);
        }

        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            return null;
        }

        sawRecord = true;
        if (bytes.Length > context.Options.MaxRecordBytes)
        {
            context.Report(new ReadIssue(path, line, "record-too-large",
                $"Line is {bytes.Length:N0} bytes, over the {context.Options.MaxRecordBytes:N0}-byte record limit; it was skipped. Raise MaxRecordBytes if such records are expected."));
            return null;
        }

        Dictionary<string, string>? extra = null;
        if (records.Validate(bytes, out var fields, out var error, collectExtra: true, ref extra) != JsonlProblem.None)
        {
            context.Report(new ReadIssue(path, line, JsonlRecordReader.Code(error.Problem), $"Line skipped: {records.Describe(error, bytes)}."));
            return null;
        }

        if (context.Options.Provider is { } provider)
        {
            extra ??= new Dictionary<string, string>(StringComparer.Ordinal);
            extra.TryAdd("provider", provider);
        }

        var id = JsonlRecordReader.Id(bytes, fields) ?? ReadContext.DerivedId(path, line);
        return new SourceDocument(id, JsonlRecordReader.Text(bytes, fields), new DocumentOrigin(path, line, "jsonl"), extra);
    }

    private static Stream OpenInput(string path, out bool gzip)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(new ReadIssue(path, 0, "unreadable-file", $"Cannot open the file: {ex.Message}"), ex);
        }

        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        gzip = n == 2 && IsGzip(magic);
        return gzip ? new GZipStream(new BufferedStream(file, 1 << 16), CompressionMode.Decompress) : file;
    }

    /// <summary>
    /// A gzip member ends with the uncompressed size mod 2^32; a file cut short ends with compressed bytes instead.
    /// For files of several concatenated members the size is the last member's, so a mismatch with data ending on a
    /// line break only counts as truncation when no second member header is found.
    /// </summary>
    private static bool IsTruncatedGzip(string path, long decompressed, bool endsOnLineBreak)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length < 18)
        {
            return true;
        }

        Span<byte> trailer = stackalloc byte[4];
        RandomAccess.Read(handle, trailer, length - 4);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)decompressed)
        {
            return false;
        }

        return !endsOnLineBreak || !HasSecondMember(handle, length);
    }

    private static bool HasSecondMember(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
    {
        var block = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            ReadOnlySpan<byte> signature = [0x1F, 0x8B, 0x08];
            for (long offset = 1; offset < length; offset += block.Length - 16)
            {
                var n = RandomAccess.Read(handle, block, offset);
                var span = block.AsSpan(0, n);
                var at = 0;
                while (true)
                {
                    var hit = span[at..].IndexOf(signature);
                    if (hit < 0)
                    {
                        break;
                    }

                    at += hit;
                    // Flags byte must leave the reserved bits clear; a previous member's 8-byte trailer precedes it.
                    if (at + 3 < span.Length && (span[at + 3] & 0xE0) == 0 && offset + at >= 18)
                    {
                        return true;
                    }

                    at++;
                }

                if (n < block.Length)
                {
                    break;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    private static bool IsWholeObject(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    private static bool HasExtension(string name)
    {
        foreach (var ext in s_extensions)
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> SkipBomAndWhitespace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var i = head.IndexOfAnyExcept(s_whitespace);
        return i < 0 ? [] : head[i..];
    }
}
