using System.Buffers;
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
                    ScanLine(line, number, ref chars, summary, writer, output);
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
    private void ScanLine(ReadOnlySpan<byte> line, long number, ref char[] chars, PiiRunSummary summary, Utf8JsonWriter writer, ArrayBufferWriter<byte> output)
    {
        Document doc;
        try
        {
            doc = Parse(line, number, ref chars);

            // The text was validated by transcoding it; the rest of the line is checked here.
            if (!Utf8.IsValid(line[..doc.TextStart]) || !Utf8.IsValid(line[doc.TextEnd..]))
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
        foreach (var f in findings)
        {
            writer.WriteStartObject();
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
    }

    /// <summary>Finds the text (decoded into <paramref name="chars"/>, grown as needed) and the id of one line; throws on a malformed line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Document Parse(ReadOnlySpan<byte> line, long number, ref char[] chars)
    {
        var doc = new Document { TextLength = -1 };
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new PiiJsonl.LineException(number, $"{input}:{number}: expected a JSON object per line, found {PiiJsonl.Describe(reader.TokenType)}.");
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
                    throw new PiiJsonl.LineException(number, $"{input}:{number}: field '{options.TextField}' is {PiiJsonl.Describe(reader.TokenType)}, expected a string.");
                }

                var length = reader.ValueSpan.Length;
                doc.TextStart = (int)reader.TokenStartIndex + 1;
                doc.TextEnd = doc.TextStart + length;
                if (!reader.ValueIsEscaped && !analyzer.MayFindUtf8(reader.ValueSpan))
                {
                    // Nothing to find (no digit, e-mail sign, escape or full-width form): validated without being decoded.
                    doc.TextLength = Utf8.IsValid(reader.ValueSpan) ? 0 : throw new InvalidOperationException();
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
                    throw new PiiJsonl.LineException(number, $"{input}:{number}: field '{options.IdField}' is {PiiJsonl.Describe(reader.TokenType)}, expected a string or number.");
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
