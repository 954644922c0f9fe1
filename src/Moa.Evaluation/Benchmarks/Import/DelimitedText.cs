using System.Text;

namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>One data row of a delimited file with its 1-based line number in the file.</summary>
/// <param name="Line">Line where the row starts.</param>
/// <param name="Fields">Field values.</param>
public sealed record DelimitedRow(int Line, string[] Fields);

/// <summary>A delimited file read whole: header and rows, with column lookup that names the file when a column is missing.</summary>
public sealed class DelimitedTable
{
    private readonly Dictionary<string, int> _columns;

    internal DelimitedTable(string path, string[] header, List<DelimitedRow> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i].Trim(), i);
        }
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Column names of the first line.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows.</summary>
    public IReadOnlyList<DelimitedRow> Rows { get; }

    /// <summary>Index of the first column among <paramref name="names"/> present (case-insensitive).</summary>
    /// <exception cref="MoaException">None of the names is a column.</exception>
    public int Column(params string[] names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(name, out var index))
            {
                return index;
            }
        }

        throw new MoaException($"{Path} line 1: missing column '{names[0]}'; the header has {string.Join(", ", Header.Select(h => $"'{h}'"))}.");
    }

    /// <summary>Index of the first column among <paramref name="names"/> present, or -1.</summary>
    public int OptionalColumn(params string[] names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(name, out var index))
            {
                return index;
            }
        }

        return -1;
    }
}

/// <summary>Reads the tab- and comma-separated files benchmarks are published in.</summary>
public static class DelimitedText
{
    /// <summary>
    /// Reads a TSV whose rows are single lines. A field written CSV-style (wrapped in quotes with inner quotes doubled, as pandas
    /// writes them) is unquoted; a field that merely starts with a quote (<c>"국제시장"은 ...</c>) is kept as it is.
    /// </summary>
    /// <exception cref="MoaException">Missing file, or a row with another number of fields than the header (names the line).</exception>
    public static DelimitedTable ReadTsv(string path)
    {
        var lines = ReadText(path).Split('\n');
        var header = lines[0].TrimEnd('\r').Split('\t');
        var rows = new List<DelimitedRow>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != header.Length)
            {
                throw new MoaException($"{path} line {i + 1}: {fields.Length} tab-separated fields, but the header has {header.Length} ({string.Join(", ", header)}). Fix the row (a tab or line break inside a field?).");
            }

            for (var f = 0; f < fields.Length; f++)
            {
                fields[f] = UnquoteTsvField(fields[f]);
            }

            rows.Add(new DelimitedRow(i + 1, fields));
        }

        return new DelimitedTable(path, header, rows);
    }

    /// <summary>Reads an RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    /// <exception cref="MoaException">Missing file, an unterminated quote, or a row with another number of fields than the header.</exception>
    public static DelimitedTable ReadCsv(string path)
    {
        var text = ReadText(path);
        var records = new List<DelimitedRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var quoted = false;
        var quoteLine = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    AddRecord(records, fields, recordLine);
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new MoaException($"{path} line {quoteLine}: a quoted field is never closed. Close the quote or double the quotes inside the field.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRecord(records, fields, recordLine);
        }

        if (records.Count == 0)
        {
            throw new MoaException($"{path}: empty file; expected a header line and rows.");
        }

        var header = records[0].Fields;
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Length != header.Length)
            {
                throw new MoaException($"{path} line {record.Line}: {record.Fields.Length} comma-separated fields, but the header has {header.Length} ({string.Join(", ", header)}). Quote fields that contain commas.");
            }
        }

        return new DelimitedTable(path, header, records.Skip(1).ToList());
    }

    private static void AddRecord(List<DelimitedRow> records, List<string> fields, int line)
    {
        if (!(fields.Count == 1 && fields[0].Length == 0))
        {
            records.Add(new DelimitedRow(line, [.. fields]));
        }

        fields.Clear();
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found.");
        }

        var text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: false));
        if (text.Length == 0)
        {
            throw new MoaException($"{path}: empty file; expected a header line and rows.");
        }

        return text;
    }

    private static string UnquoteTsvField(string field)
    {
        if (field.Length < 2 || field[0] != '"' || field[^1] != '"')
        {
            return field;
        }

        var inner = field.AsSpan(1, field.Length - 2);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return field; // A lone quote inside: the quotes are part of the text.
                }

                i++;
            }
        }

        return inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
