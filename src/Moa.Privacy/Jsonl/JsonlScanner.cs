using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Moa.Documents.Jsonl;

namespace Moa.Privacy.Jsonl;

/// <summary>
/// The <c>pii scan</c> work on one block of JSONL lines: a <see cref="Utf8JsonReader"/> pass per line validates it and
/// finds the text and id fields; the text is decoded into a reused char buffer and becomes a string only when the
/// analyzer's pre-filter says it may hold personal information, and ids are decoded only for documents with findings.
/// </summary>
internal sealed class JsonlScanner(string input, PiiAnalyzer analyzer, PiiJsonlOptions options)
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // ,"type":"KR_RRN" … for each type, indexed by PiiTypes.Priority (type names need no JSON escaping).
    private static readonly byte[][] s_typeFields = [.. PiiTypes.All.Select(t => System.Text.Encoding.UTF8.GetBytes($",\"type\":\"{t}\""))];

    private readonly string _fileName = Path.GetFileName(input);
    private readonly byte[] _textField = System.Text.Encoding.UTF8.GetBytes(options.TextField);
    private readonly byte[] _idField = System.Text.Encoding.UTF8.GetBytes(options.IdField);

    /// <summary>Scans every non-blank line of <paramref name="chunk"/>; returns the findings as JSONL and the block's counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ChunkResult Scan(JsonlChunk chunk)
    {
        var summary = new PiiRunSummary();
        var output = new ArrayBufferWriter<byte>(16 << 10);
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        var rest = chunk.Buffer.AsSpan(0, chunk.Length);
        var number = chunk.FirstLine;
        var chars = ArrayPool<char>.Shared.Rent(4096);
        var scores = new ScoreFields();
        try
        {
            while (rest.Length > 0)
            {
                var nl = rest.IndexOf((byte)'\n');
                var line = nl >= 0 ? rest[..nl] : rest;
                rest = nl >= 0 ? rest[(nl + 1)..] : default;
                if (line.Length > 0 && line[^1] == '\r')
                {
                    line = line[..^1];
                }

                if (!IsBlank(line))
                {
                    ScanLine(line, number, ref chars, summary, writer, output, scores);
                }

                number++;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return new ChunkResult(output, summary);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanLine(ReadOnlySpan<byte> line, long number, ref char[] chars, PiiRunSummary summary, Utf8JsonWriter writer, ArrayBufferWriter<byte> output, ScoreFields scores)
    {
        Document doc;
        try
        {
            doc = Parse(line, number, ref chars);

            // A decoded text was validated by transcoding it, and the rest of the line is checked here; a skipped text is
            // checked with the rest of the line in one pass.
            if (doc.Skip ? !Utf8.IsValid(line) : !Utf8.IsValid(line[..doc.TextStart]) || !Utf8.IsValid(line[doc.TextEnd..]))
            {
                throw new InvalidOperationException();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or PiiJsonl.LineException)
        {
            // The shared validator explains the line (bad bytes first, as a full validation up front would).
            if (PiiJsonl.Invalid(input, number, line, options) is { } invalid)
            {
                throw invalid;
            }

            throw;
        }

        var textLength = doc.TextLength;
        var (idKind, idStart, idLength, idString) = (doc.IdKind, doc.IdStart, doc.IdLength, doc.IdString);
        var text = chars.AsSpan(0, textLength);
        var findings = !doc.Skip && analyzer.MayFind(text) ? analyzer.Analyze(new string(text)) : [];
        summary.Add(findings, line.Length);
        if (findings.Count == 0)
        {
            return;
        }

        if (!AllPlain(findings))
        {
            foreach (var f in findings)
            {
                writer.WriteStartObject();
                WriteDoc(writer, line, number, idKind, idStart, idLength, idString);
                writer.WriteNumber("start"u8, f.Start);
                writer.WriteNumber("end"u8, f.End);
                writer.WriteString("type"u8, f.Type);
                writer.WriteNumber("score"u8, Math.Round(f.Score, 3));
                if (f.Reason is not null)
                {
                    writer.WriteString("reason"u8, f.Reason);
                }

                writer.WriteEndObject();
                writer.Flush();
                writer.Reset();
                output.Write("\n"u8);
            }

            return;
        }

        // Findings without a reason (every structured type): the {"doc":… part is written once by the JSON writer (it
        // escapes the id) and repeated for each finding; the numbers, type and score follow as bytes, the same bytes
        // the writer writes for them.
        var mark = output.WrittenCount;
        writer.WriteStartObject();
        WriteDoc(writer, line, number, idKind, idStart, idLength, idString);
        writer.Flush();
        writer.Reset();
        var prefixLength = output.WrittenCount - mark;
        Span<byte> prefix = prefixLength <= 256 ? stackalloc byte[256] : new byte[prefixLength];
        prefix = prefix[..prefixLength];
        output.WrittenSpan.Slice(mark, prefixLength).CopyTo(prefix);
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (i > 0)
            {
                output.Write(prefix);
            }

            var span = output.GetSpan(64);
            ",\"start\":"u8.CopyTo(span);
            var n = 9;
            Utf8Formatter.TryFormat(f.Start, span[n..], out var written);
            n += written;
            ",\"end\":"u8.CopyTo(span[n..]);
            n += 7;
            Utf8Formatter.TryFormat(f.End, span[n..], out written);
            n += written;
            output.Advance(n);
            output.Write(s_typeFields[PiiTypes.Priority(f.Type)]);
            output.Write(scores.Get(Math.Round(f.Score, 3)));
            output.Write("}\n"u8);
        }
    }

    /// <summary>Whether no finding carries a reason and every type is a known one (the byte-level writing path).</summary>
    private static bool AllPlain(IReadOnlyList<PiiFinding> findings)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Reason is not null || PiiTypes.Priority(findings[i].Type) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private void WriteDoc(Utf8JsonWriter writer, ReadOnlySpan<byte> line, long number, JsonTokenType idKind, int idStart, int idLength, string? idString)
    {
        if (idString is not null)
        {
            writer.WriteString("doc"u8, idString);
        }
        else if (idKind != JsonTokenType.None)
        {
            writer.WriteString("doc"u8, line.Slice(idStart, idLength));
        }
        else
        {
            writer.WriteString("doc"u8, $"{_fileName}:{number}");
        }
    }

    /// <summary>Finds the text (decoded into <paramref name="chars"/>, grown as needed) and the id of one line; throws on a malformed line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Document Parse(ReadOnlySpan<byte> line, long number, ref char[] chars)
    {
        var doc = new Document { TextLength = -1 };
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new PiiJsonl.LineException(number, $"{input}:{number}: expected a JSON object per line, found {JsonlRecordReader.DescribeType(reader.TokenType)}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isText = reader.ValueTextEquals(_textField);
            var isId = !isText && reader.ValueTextEquals(_idField);
            reader.Read();
            if (isText)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new PiiJsonl.LineException(number, $"{input}:{number}: field '{options.TextField}' is {JsonlRecordReader.DescribeType(reader.TokenType)}, expected a string.");
                }

                var length = reader.ValueSpan.Length;
                doc.TextStart = (int)reader.TokenStartIndex + 1;
                doc.TextEnd = doc.TextStart + length;
                if (!reader.ValueIsEscaped && !analyzer.MayFindUtf8(reader.ValueSpan))
                {
                    // Nothing to find (no digit, e-mail sign, escape or full-width form): not decoded, and validated with
                    // the whole line once the line is read.
                    doc.TextLength = 0;
                    doc.Skip = true;
                    continue;
                }

                // UTF-8 never takes fewer bytes than UTF-16 code units, escaped or not.
                if (chars.Length < length)
                {
                    ArrayPool<char>.Shared.Return(chars);
                    chars = ArrayPool<char>.Shared.Rent(Math.Max(length, chars.Length * 2));
                }

                doc.TextLength = reader.CopyString(chars);
                doc.Skip = false;
            }
            else if (isId)
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                {
                    throw new PiiJsonl.LineException(number, $"{input}:{number}: field '{options.IdField}' is {JsonlRecordReader.DescribeType(reader.TokenType)}, expected a string or number.");
                }

                doc.IdKind = reader.TokenType;
                doc.IdString = reader.ValueIsEscaped ? reader.GetString() : null;
                doc.IdStart = (int)reader.TokenStartIndex + (doc.IdKind == JsonTokenType.String ? 1 : 0);
                doc.IdLength = reader.ValueSpan.Length;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        // Read to the end so a truncated line is reported, not half-processed.
        while (reader.Read())
        {
        }

        if (doc.TextLength < 0)
        {
            throw new PiiJsonl.LineException(number, $"{input}:{number}: no '{options.TextField}' field; name the text field with --text-field.");
        }

        return doc;
    }

    /// <summary>
    /// The bytes of <c>,"score":VALUE</c> for each distinct score of one block, the value formatted once by a
    /// <see cref="Utf8JsonWriter"/> (so exactly as the writer writes it): the recognisers give a handful of scores.
    /// </summary>
    private sealed class ScoreFields
    {
        private readonly List<(long Bits, byte[] Field)> _fields = [];
        private readonly ArrayBufferWriter<byte> _scratch = new(32);

        public byte[] Get(double score)
        {
            var bits = BitConverter.DoubleToInt64Bits(score);
            foreach (var (b, field) in _fields)
            {
                if (b == bits)
                {
                    return field;
                }
            }

            _scratch.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_scratch, s_writerOptions))
            {
                writer.WriteNumberValue(score);
            }

            byte[] made = [.. ",\"score\":"u8, .. _scratch.WrittenSpan];
            _fields.Add((bits, made));
            return made;
        }
    }

    /// <summary>Where one line's text and id are: the text as decoded length and byte range, the id as a byte range or a string.</summary>
    private struct Document
    {
        public int TextLength;
        public int TextStart;
        public int TextEnd;
        public bool Skip;
        public JsonTokenType IdKind;
        public int IdStart;
        public int IdLength;
        public string? IdString;
    }
}

/// <summary>What scanning one block produced: its findings as JSONL, and its counts.</summary>
internal sealed record ChunkResult(ArrayBufferWriter<byte> Output, PiiRunSummary Summary);
