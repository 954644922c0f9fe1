using System.IO.Compression;
using Parquet;
using Parquet.Schema;
using ZstdSharp;

namespace Moa.Documents.Jsonl;

/// <summary>One record of a corpus part: its id, text and meta (as JSON text, <c>{}</c> when absent).</summary>
public readonly record struct CorpusRecord(string Id, string Text, string MetaJson);

/// <summary>
/// The one way to open a corpus part that <c>moa curate</c> writes or a model team hands over: JSON lines plain, gzip
/// (<c>.jsonl.gz</c>) or Zstandard (<c>.jsonl.zst</c>), or Parquet with <c>id</c>/<c>text</c>/<c>meta</c> columns.
/// </summary>
public static class CorpusPart
{
    /// <summary>The extensions of corpus parts, for folder listings.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jsonl", ".jsonl.gz", ".jsonl.zst", ".parquet"];

    /// <summary>Whether <paramref name="path"/> names a corpus part by its extension.</summary>
    public static bool IsPart(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the part is Parquet (columns) rather than JSON lines.</summary>
    public static bool IsParquet(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The IANA media type of the part as stored (for catalogues such as Croissant).</summary>
    public static string MediaType(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? "application/gzip"
            : path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase) ? "application/zstd"
            : IsParquet(path) ? "application/x-parquet"
            : "application/jsonlines";
    }

    /// <summary>Opens a JSON-lines part for reading its decompressed bytes (<c>.gz</c> and <c>.zst</c> by extension).</summary>
    public static Stream OpenJsonLines(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsParquet(path))
        {
            throw new InvalidOperationException($"{path} is Parquet, not JSON lines; read it with {nameof(Read)}.");
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new GZipStream(file, CompressionMode.Decompress);
        }

        return path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase) ? new DecompressionStream(file) : file;
    }

    /// <summary>
    /// Every record of a part, in order; JSON lines are split by <see cref="JsonlLines"/> and checked by
    /// <see cref="JsonlRecordReader"/>. Throws <see cref="DocumentReadException"/> naming the file (and line for JSON
    /// lines) when a line is bad (not UTF-8, not one JSON object, no string <paramref name="textField"/> unless
    /// <paramref name="skipWithoutText"/>), or the file is damaged.
    /// </summary>
    public static IEnumerable<CorpusRecord> Read(string path, string textField = "text", bool skipWithoutText = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IsParquet(path) ? ReadParquet(path, textField) : ReadJsonLines(path, textField, skipWithoutText);
    }

    private static IEnumerable<CorpusRecord> ReadJsonLines(string path, string textField, bool skipWithoutText)
    {
        using var lines = new JsonlLines(OpenJsonLines(path), path);
        var records = new JsonlRecordReader(textField);
        while (Next(lines, records, skipWithoutText, out var record))
        {
            if (record is { } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>Reads the next line: false at the end of the part; <paramref name="record"/> is null for a line that is skipped.</summary>
    private static bool Next(JsonlLines lines, JsonlRecordReader records, bool skipWithoutText, out CorpusRecord? record)
    {
        record = null;
        ReadOnlySpan<byte> line;
        try
        {
            if (!lines.TryReadLine(out line))
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ZstdException or IOException)
        {
            ThrowHelper.DamagedStream(lines, ex);
            throw;
        }

        if (JsonlRecordReader.IsBlank(line))
        {
            return true;
        }

        var problem = records.Validate(line, out var fields, out var error);
        if (problem is JsonlProblem.MissingText or JsonlProblem.TextNotString && skipWithoutText)
        {
            return true;
        }

        if (problem != JsonlProblem.None)
        {
            ThrowHelper.BadJsonlLine(lines, records, error, line);
        }

        var id = JsonlRecordReader.Id(line, fields) ?? lines.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        record = new CorpusRecord(id, JsonlRecordReader.Text(line, fields), JsonlRecordReader.MetaJson(line, fields));
        return true;
    }

    private static IEnumerable<CorpusRecord> ReadParquet(string path, string textField)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(file).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or ParquetException or InvalidDataException)
        {
            throw new DocumentReadException(new ReadIssue(path, 0, "damaged-file", $"Not a readable Parquet file ({ex.Message})."), ex);
        }

        try
        {
            var fields = reader.Schema.DataFields;
            var text = Field(fields, textField) ?? throw new DocumentReadException(new ReadIssue(path, 0, "missing-field", $"The Parquet file has no \"{textField}\" column."));
            var idField = Field(fields, "id");
            var metaField = Field(fields, "meta");
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                var texts = Column(group, text, rows);
                var ids = idField is null ? null : Column(group, idField, rows);
                var metas = metaField is null ? null : Column(group, metaField, rows);
                for (var r = 0; r < rows; r++)
                {
                    yield return new CorpusRecord(ids?[r] ?? $"{g}:{r}", texts[r] ?? string.Empty, metas?[r] ?? "{}");
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static DataField? Field(DataField[] fields, string name) =>
        fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    private static string?[] Column(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        return values;
    }
}
