using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Moa.Evaluation.Benchmarks;

/// <summary>Reads and writes benchmark items as JSON lines, with errors that name the file and line.</summary>
public static class BenchmarkItemJson
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads every item of a JSONL file. Blank lines are skipped; a UTF-8 BOM is accepted.</summary>
    /// <exception cref="MoaException">The file is missing or a line is not a valid item (message names file and line).</exception>
    public static List<BenchmarkItem> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found. A benchmark folder needs {BenchmarkFiles.Items} (one JSON item a line) beside {BenchmarkFiles.Card}.");
        }

        var items = new List<BenchmarkItem>();
        foreach (var (lineNumber, line) in ReadLines(File.ReadAllBytes(path)))
        {
            items.Add(ParseLine(line.Span, path, lineNumber));
        }

        return items;
    }

    /// <summary>Splits UTF-8 bytes into non-blank lines (1-based line numbers), dropping a leading BOM and trailing CR.</summary>
    public static IEnumerable<(int LineNumber, ReadOnlyMemory<byte> Line)> ReadLines(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var lineNumber = 0;
        while (bytes.Length > 0)
        {
            lineNumber++;
            var end = bytes.Span.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? ReadOnlyMemory<byte>.Empty : bytes[(end + 1)..];
            if (line.Span.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            yield return (lineNumber, line);
        }
    }

    /// <summary>Parses one JSON line into an item.</summary>
    /// <exception cref="MoaException">The line is not a JSON object with the item fields (message names file and line).</exception>
    public static BenchmarkItem ParseLine(ReadOnlySpan<byte> line, string file, int lineNumber)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = s_documentOptions.MaxDepth });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw Bad(file, lineNumber, "more than one JSON value on the line; write one item per line");
            }
        }
        catch (JsonException ex)
        {
            throw Bad(file, lineNumber, $"not valid JSON ({ex.Message.Split(" Path:", StringSplitOptions.None)[0].TrimEnd('.')}); each line must be one JSON object");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(file, lineNumber, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            string? id = null, subset = null, question = null, context = null;
            List<string>? choices = null;
            JsonElement? answer = null;
            Dictionary<string, JsonElement>? meta = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "id":
                        id = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Number => property.Value.GetRawText(),
                            _ => throw Bad(file, lineNumber, "field 'id' must be a string"),
                        };
                        break;
                    case "subset":
                        subset = RequireString(property.Value, "subset", file, lineNumber);
                        break;
                    case "question":
                        question = RequireString(property.Value, "question", file, lineNumber);
                        break;
                    case "context":
                        context = property.Value.ValueKind == JsonValueKind.Null ? null : RequireString(property.Value, "context", file, lineNumber);
                        break;
                    case "choices":
                        choices = ReadChoices(property.Value, file, lineNumber);
                        break;
                    case "answer":
                        if (property.Value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
                        {
                            throw Bad(file, lineNumber, "field 'answer' must be a 0-based choice index (number) or the answer text (string)");
                        }

                        answer = property.Value.Clone();
                        break;
                    case "meta":
                        if (property.Value.ValueKind == JsonValueKind.Null)
                        {
                            break;
                        }

                        if (property.Value.ValueKind != JsonValueKind.Object)
                        {
                            throw Bad(file, lineNumber, "field 'meta' must be a JSON object");
                        }

                        meta = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                        foreach (var m in property.Value.EnumerateObject())
                        {
                            meta[m.Name] = m.Value.Clone();
                        }

                        break;
                    default:
                        throw Bad(file, lineNumber, $"unknown field '{property.Name}'; the item fields are id, subset, question, context, choices, answer, meta (put anything else under meta)");
                }
            }

            if (id is null)
            {
                throw Bad(file, lineNumber, "missing field 'id'");
            }

            if (subset is null)
            {
                throw Bad(file, lineNumber, $"item '{id}' has no field 'subset' (the sub-item it measures)");
            }

            if (question is null)
            {
                throw Bad(file, lineNumber, $"item '{id}' has no field 'question'");
            }

            if (answer is null)
            {
                throw Bad(file, lineNumber, $"item '{id}' has no field 'answer'");
            }

            return new BenchmarkItem(id, subset, question, context, (IReadOnlyList<string>?)choices ?? [], answer.Value, meta);
        }
    }

    /// <summary>Writes items as canonical JSON lines (fixed field order, UTF-8 without BOM, LF endings).</summary>
    public static void WriteFile(string path, IEnumerable<BenchmarkItem> items)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var stream = File.Create(path))
        {
            foreach (var item in items)
            {
                buffer.ResetWrittenCount();
                WriteLine(buffer, item);
                stream.Write(buffer.WrittenSpan);
            }
        }
    }

    /// <summary>Writes one item and a trailing <c>\n</c>.</summary>
    public static void WriteLine(IBufferWriter<byte> output, BenchmarkItem item)
    {
        using (var writer = new Utf8JsonWriter(output, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("subset", item.Subset);
            writer.WriteString("question", item.Question);
            if (item.Context is not null)
            {
                writer.WriteString("context", item.Context);
            }

            if (item.Choices.Count > 0)
            {
                writer.WriteStartArray("choices");
                foreach (var choice in item.Choices)
                {
                    writer.WriteStringValue(choice);
                }

                writer.WriteEndArray();
            }

            writer.WritePropertyName("answer");
            item.Answer.WriteTo(writer);
            if (item.Meta is { Count: > 0 })
            {
                writer.WriteStartObject("meta");
                foreach (var (key, value) in item.Meta)
                {
                    writer.WritePropertyName(key);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>A JSON number element holding <paramref name="index"/>, for <see cref="BenchmarkItem.Answer"/>.</summary>
    public static JsonElement Index(int index) => JsonSerializer.SerializeToElement(index);

    /// <summary>A JSON string element holding <paramref name="text"/>, for answers and meta values.</summary>
    public static JsonElement Text(string text) => JsonSerializer.SerializeToElement(text);

    private static List<string> ReadChoices(JsonElement value, string file, int lineNumber)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Bad(file, lineNumber, "field 'choices' must be an array of strings");
        }

        var choices = new List<string>(value.GetArrayLength());
        foreach (var choice in value.EnumerateArray())
        {
            if (choice.ValueKind != JsonValueKind.String)
            {
                throw Bad(file, lineNumber, $"choice {choices.Count} must be a string, found {choice.ValueKind.ToString().ToLowerInvariant()}");
            }

            choices.Add(choice.GetString()!);
        }

        return choices;
    }

    private static string RequireString(JsonElement value, string field, string file, int lineNumber) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Bad(file, lineNumber, $"field '{field}' must be a string, found {value.ValueKind.ToString().ToLowerInvariant()}");

    private static MoaException Bad(string file, int lineNumber, string what) =>
        new($"{file} line {lineNumber.ToString(CultureInfo.InvariantCulture)}: {what}.");
}
