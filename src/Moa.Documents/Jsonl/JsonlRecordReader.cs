using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Moa.Documents.Jsonl;

/// <summary>What is wrong with a JSONL line, if anything.</summary>
public enum JsonlProblem
{
    /// <summary>The line is a valid record.</summary>
    None,

    /// <summary>The bytes are not UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The line is not one JSON value (cut short, a second value after the first, a syntax error).</summary>
    NotJson,

    /// <summary>The line is JSON but not an object.</summary>
    NotAnObject,

    /// <summary>The object has no text field.</summary>
    MissingText,

    /// <summary>The text field is not a string.</summary>
    TextNotString,

    /// <summary>The id field is neither a string, a number nor null.</summary>
    IdNotScalar,
}

/// <summary>
/// Where a valid record's fields lie in its line: byte offsets of the text and id values (string contents without their
/// quotes; still escaped when <c>…Escaped</c>), and of the raw <c>meta</c> value. An offset of -1 means absent.
/// </summary>
public readonly record struct JsonlFields(
    int TextStart, int TextLength, bool TextEscaped, int IdStart, int IdLength, bool IdEscaped, int MetaStart, int MetaLength)
{
    /// <summary>Whether the record has a string or number id.</summary>
    public bool HasId => IdStart >= 0;
}

/// <summary>
/// The one JSONL record validator: a line (split by <see cref="JsonlLines"/> or <see cref="JsonlChunks"/>, without its
/// line break and byte-order mark) is valid UTF-8 holding one JSON object with a string text field and an optional string
/// or number id. <see cref="Validate(ReadOnlySpan{byte}, out JsonlFields, out JsonlLineError)"/> finds the fields without
/// allocating; <see cref="Describe"/> and <see cref="Error"/> give the one message for each problem, naming the field and
/// what to do. Each consumer decides whether a bad line stops the run or is skipped and counted.
/// </summary>
public sealed class JsonlRecordReader
{
    private readonly byte[] _text;
    private readonly byte[] _id;
    private readonly List<(byte[] Utf8, string Name)> _names = [];

    /// <summary>A validator for records whose text is <paramref name="textField"/> and id <paramref name="idField"/>.</summary>
    public JsonlRecordReader(string textField = "text", string idField = "id")
    {
        ArgumentNullException.ThrowIfNull(textField);
        ArgumentNullException.ThrowIfNull(idField);
        TextField = textField;
        IdField = idField;
        _text = Encoding.UTF8.GetBytes(textField);
        _id = Encoding.UTF8.GetBytes(idField);
    }

    /// <summary>The name of the text field.</summary>
    public string TextField { get; }

    /// <summary>The name of the id field.</summary>
    public string IdField { get; }

    /// <summary>The line without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> line) =>
        line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? line[3..] : line;

    /// <summary>Whether the line holds only spaces, tabs and carriage returns (blank lines are skipped by every consumer).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    /// <summary>The stable issue code of a problem (<c>invalid-utf8</c>, <c>malformed-json</c>, …).</summary>
    public static string Code(JsonlProblem problem) => problem switch
    {
        JsonlProblem.InvalidUtf8 => "invalid-utf8",
        JsonlProblem.NotJson or JsonlProblem.NotAnObject => "malformed-json",
        JsonlProblem.MissingText => "missing-field",
        JsonlProblem.TextNotString => "not-a-string",
        JsonlProblem.IdNotScalar => "bad-id",
        _ => "ok",
    };

    /// <summary>Validates one line and finds its fields; allocates nothing unless the line is bad.</summary>
    public JsonlProblem Validate(ReadOnlySpan<byte> line, out JsonlFields fields, out JsonlLineError error)
    {
        Dictionary<string, string>? none = null;
        return Validate(line, out fields, out error, collectExtra: false, ref none);
    }

    /// <summary>
    /// Validates one line and finds its fields; with <paramref name="collectExtra"/>, the other scalar fields (strings,
    /// numbers, booleans) go to <paramref name="extra"/>, created when the first one is found.
    /// </summary>
    public JsonlProblem Validate(
        ReadOnlySpan<byte> line, out JsonlFields fields, out JsonlLineError error, bool collectExtra, ref Dictionary<string, string>? extra)
    {
        fields = new JsonlFields(-1, 0, false, -1, 0, false, -1, 0);
        error = default;
        if (!Utf8.IsValid(line))
        {
            error = new JsonlLineError(JsonlProblem.InvalidUtf8, JsonTokenType.None, null);
            return JsonlProblem.InvalidUtf8;
        }

        var (textStart, textLength, textEscaped) = (-1, 0, false);
        var (idStart, idLength, idEscaped) = (-1, 0, false);
        var (metaStart, metaLength) = (-1, 0);
        var textType = JsonTokenType.None;
        var idType = JsonTokenType.None;
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = new JsonlLineError(JsonlProblem.NotAnObject, reader.TokenType, null);
                return JsonlProblem.NotAnObject;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isText = reader.ValueTextEquals(_text);
                var isId = !isText && reader.ValueTextEquals(_id);
                var isMeta = !isText && !isId && reader.ValueTextEquals("meta"u8);
                var name = collectExtra && !isText && !isId ? NameOf(ref reader) : null;
                reader.Read();
                var type = reader.TokenType;
                if (isText)
                {
                    textType = type;
                    if (type == JsonTokenType.String)
                    {
                        (textStart, textLength, textEscaped) = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (isId)
                {
                    idType = type;
                    if (type is JsonTokenType.String or JsonTokenType.Number)
                    {
                        var start = (int)reader.TokenStartIndex + (type == JsonTokenType.String ? 1 : 0);
                        (idStart, idLength, idEscaped) = (start, reader.ValueSpan.Length, reader.ValueIsEscaped);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else
                {
                    var start = (int)reader.TokenStartIndex;
                    if (collectExtra && type is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False)
                    {
                        var value = type == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
                        (extra ??= new Dictionary<string, string>(StringComparer.Ordinal))[name!] = value;
                    }

                    reader.Skip();
                    if (isMeta)
                    {
                        (metaStart, metaLength) = (start, (int)reader.BytesConsumed - start);
                    }
                }
            }

            // Anything after the object (a second value) makes the reader throw.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            error = new JsonlLineError(JsonlProblem.NotJson, JsonTokenType.None, ShortMessage(ex));
            return JsonlProblem.NotJson;
        }

        if (textType == JsonTokenType.None)
        {
            error = new JsonlLineError(JsonlProblem.MissingText, JsonTokenType.None, null);
            return JsonlProblem.MissingText;
        }

        if (textType != JsonTokenType.String)
        {
            error = new JsonlLineError(JsonlProblem.TextNotString, textType, null);
            return JsonlProblem.TextNotString;
        }

        if (idType is not (JsonTokenType.None or JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null))
        {
            error = new JsonlLineError(JsonlProblem.IdNotScalar, idType, null);
            return JsonlProblem.IdNotScalar;
        }

        fields = new JsonlFields(textStart, textLength, textEscaped, idStart, idLength, idEscaped, metaStart, metaLength);
        return JsonlProblem.None;
    }

    /// <summary>The text of a valid record.</summary>
    public static string Text(ReadOnlySpan<byte> line, in JsonlFields fields) =>
        StringAt(line, fields.TextStart, fields.TextLength, fields.TextEscaped);

    /// <summary>The id of a valid record (a number as written), or null when it has none.</summary>
    public static string? Id(ReadOnlySpan<byte> line, in JsonlFields fields) =>
        fields.HasId ? StringAt(line, fields.IdStart, fields.IdLength, fields.IdEscaped) : null;

    /// <summary>
    /// Decodes the text of a valid record into <paramref name="chars"/> (grown as needed, from the shared pool when
    /// <paramref name="pooled"/>); returns its length. Allocates nothing once the buffer is large enough.
    /// </summary>
    public static int CopyText(ReadOnlySpan<byte> line, in JsonlFields fields, ref char[] chars, bool pooled = false)
    {
        var raw = line.Slice(fields.TextStart, fields.TextLength);
        if (chars.Length < raw.Length)
        {
            var bigger = pooled ? ArrayPool<char>.Shared.Rent(raw.Length) : new char[Math.Max(raw.Length, chars.Length * 2)];
            if (pooled && chars.Length > 0)
            {
                ArrayPool<char>.Shared.Return(chars);
            }

            chars = bigger;
        }

        if (!fields.TextEscaped)
        {
            return Encoding.UTF8.GetChars(raw, chars);
        }

        var reader = new Utf8JsonReader(line.Slice(fields.TextStart - 1, fields.TextLength + 2), isFinalBlock: true, state: default);
        reader.Read();
        return reader.CopyString(chars);
    }

    /// <summary>The raw JSON of the record's <c>meta</c> value, or <c>{}</c>.</summary>
    public static string MetaJson(ReadOnlySpan<byte> line, in JsonlFields fields) =>
        fields.MetaStart < 0 ? "{}" : Encoding.UTF8.GetString(line.Slice(fields.MetaStart, fields.MetaLength));

    /// <summary>What is wrong with a bad line and what to do, without the file and line (for consumers that add their own).</summary>
    public string Describe(in JsonlLineError error, ReadOnlySpan<byte> line) => error.Problem switch
    {
        JsonlProblem.InvalidUtf8 => InvalidUtf8(line),
        JsonlProblem.NotJson => $"not valid JSON ({error.Detail}); the line starts with {Preview(line)}. Fix or remove the line",
        JsonlProblem.NotAnObject => $"the line holds {DescribeType(error.Found)}, but JSON Lines needs one object per line; it starts with {Preview(line)}",
        JsonlProblem.MissingText => $"no field '{TextField}' (fields: {FieldList(line)}); name the text field with --text-field NAME",
        JsonlProblem.TextNotString => $"field '{TextField}' is {DescribeType(error.Found)}, not a string; name a string field with --text-field NAME",
        JsonlProblem.IdNotScalar => $"field '{IdField}' is {DescribeType(error.Found)}, expected a string or a number; fix the id or name another field with --id-field NAME",
        _ => "a valid record",
    };

    /// <summary>The error for a bad line: <c>FILE:LINE: what is wrong; what to do.</c></summary>
    public JsonlLineException Error(string path, long lineNumber, in JsonlLineError error, ReadOnlySpan<byte> line) =>
        new(path, lineNumber, error.Problem, $"{path}:{lineNumber.ToString(CultureInfo.InvariantCulture)}: {Describe(error, line)}.");

    private static string StringAt(ReadOnlySpan<byte> line, int start, int length, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(line.Slice(start, length));
        }

        var reader = new Utf8JsonReader(line.Slice(start - 1, length + 2), isFinalBlock: true, state: default);
        reader.Read();
        return reader.GetString()!;
    }

    private string NameOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        var span = reader.ValueSpan;
        foreach (var (utf8, name) in _names)
        {
            if (span.SequenceEqual(utf8))
            {
                return name;
            }
        }

        var created = Encoding.UTF8.GetString(span);
        if (_names.Count < 64)
        {
            _names.Add((span.ToArray(), created));
        }

        return created;
    }

    private static string InvalidUtf8(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (offset < line.Length && Rune.DecodeFromUtf8(line[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        var bad = offset < line.Length ? line[offset] : (byte)0;
        return $"not valid UTF-8 (byte 0x{bad:X2} at byte {offset + 1:N0} of the line); convert the file to UTF-8 (e.g. iconv -f CP949 -t UTF-8)";
    }

    /// <summary>The top-level field names of a record that parsed, for the missing-field message.</summary>
    private static string FieldList(ReadOnlySpan<byte> line)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }

        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string ShortMessage(JsonException ex) =>
        ex.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0].TrimEnd('.', ' ');

    /// <summary>A JSON token kind in words ("a number", "an array").</summary>
    public static string DescribeType(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        _ => "nothing",
    };

    private static string Preview(ReadOnlySpan<byte> line)
    {
        var head = line[..Math.Min(line.Length, 80)];
        return "'" + Encoding.UTF8.GetString(head) + (line.Length > head.Length ? "…'" : "'");
    }
}

/// <summary>A bad line's problem, the JSON kind found where the field was expected, and the parser's message for bad JSON.</summary>
public readonly record struct JsonlLineError(JsonlProblem Problem, JsonTokenType Found, string? Detail);

/// <summary>A bad JSONL line, for consumers that stop at the first one: the message names file, line, field and what to do.</summary>
public class JsonlLineException(string path, long line, JsonlProblem problem, string message) : MoaException(message)
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>The 1-based line number.</summary>
    public long Line { get; } = line;

    /// <summary>What is wrong.</summary>
    public JsonlProblem Problem { get; } = problem;
}
