using System.Globalization;
using Moa.Documents.Csv;
using Moa.Documents.Office;
using Moa.Text.Encodings;
using Parquet;
using Parquet.Schema;

namespace Moa.Tabular.Tables;

/// <summary>Options for <see cref="TableReader"/>.</summary>
public sealed record TableReadOptions
{
    /// <summary>The XLSX sheet to read (default: the first).</summary>
    public string? Sheet { get; init; }

    /// <summary>Trim leading and trailing spaces from cells (default true; exports often pad them).</summary>
    public bool TrimCells { get; init; } = true;
}

/// <summary>
/// Reads a whole table into memory: CSV/TSV through the project's CSV parser with encoding detection (UTF-8, UTF-8 with
/// BOM, CP949/EUC-KR) and delimiter sniffing, XLSX through the project's XLSX reader (first row the header), Parquet through
/// Parquet.Net (every column rendered as invariant text). Bad input is a <see cref="MoaException"/> naming file and line.
/// </summary>
public static class TableReader
{
    private const int SampleBytes = 1 << 20;

    /// <summary>Reads <paramref name="path"/>, choosing the reader by extension.</summary>
    public static Table Read(string path, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TableReadOptions();
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found.");
        }

        return TableSource.FormatOf(path) switch
        {
            TableFormat.Csv => ReadCsv(path, options),
            TableFormat.Xlsx => ReadXlsx(path, options),
            TableFormat.Parquet => ReadParquet(path),
            _ => throw new MoaException($"{path}: unknown table format; give a .csv, .tsv, .xlsx or .parquet file."),
        };
    }

    /// <summary>Reads a CSV or TSV file (see the class summary).</summary>
    public static Table ReadCsv(string path, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TableReadOptions();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var sample = new byte[(int)Math.Min(SampleBytes, file.Length)];
        var n = file.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var detected = TextEncodingDetector.Detect(sample.AsSpan(0, n));
        if (detected.Name == "cp949" && !TextEncodingDetector.IsValidCp949(sample.AsSpan(0, n)))
        {
            throw new MoaException($"{path}: the file is neither valid UTF-8 nor valid CP949/EUC-KR. Convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8).");
        }

        file.Position = detected.PreambleLength;
        using var parser = new CsvRecords(new StreamReader(file, detected.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16), path);
        var head = parser.Peek();
        if (head.IsEmpty && parser.Failure is null)
        {
            throw new MoaException($"{path}: the file is empty (no header, no rows).");
        }

        parser.Delimiter = CsvReader.SniffDelimiter(head, path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase));
        var cells = new List<string>();
        if (!parser.ReadRecord(cells, out _))
        {
            throw new MoaException($"{path}: the file has no header row.");
        }

        var names = HeaderNames(cells);
        var builders = names.Select(name => new ColumnBuilder(name, 1024)).ToArray();
        var lines = new List<long>(1024);
        while (parser.ReadRecord(cells, out var line))
        {
            if (parser.UnterminatedQuote)
            {
                throw new MoaException($"{path}: line {line:N0}: a quote opened here is never closed. Fix the quoting of that row.");
            }

            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Count != names.Length)
            {
                throw new MoaException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: line {line:N0} has {cells.Count} cells, the header {names.Length}; look for an unquoted '{(parser.Delimiter == '\t' ? "\\t" : parser.Delimiter)}' or a missing cell."));
            }

            for (var c = 0; c < builders.Length; c++)
            {
                builders[c].Add(options.TrimCells ? cells[c].Trim() : cells[c]);
            }

            lines.Add(line);
        }

        if (parser.Failure is not null)
        {
            throw new MoaException($"{path}: bytes that are not valid {detected.Name} near line {parser.Line:N0}. Convert the file to UTF-8 (e.g. iconv -f CP949 -t UTF-8).");
        }

        var source = new TableSource(path, TableFormat.Csv, detected.Name, parser.Delimiter);
        return new Table([.. builders.Select(b => b.Build())], source, [.. lines]);
    }

    /// <summary>Reads the first (or the named) sheet of an XLSX workbook; the first non-empty row is the header.</summary>
    public static Table ReadXlsx(string path, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TableReadOptions();
        string[]? names = null;
        ColumnBuilder[]? builders = null;
        var lines = new List<long>();
        var row = 0L;
        string sheet;
        try
        {
            sheet = XlsxReader.ReadSheetRows(path, options.Sheet, cells =>
            {
                row++;
                if (names is null)
                {
                    if (cells.Count == 0)
                    {
                        return;
                    }

                    var width = cells.Max(c => c.Column) + 1;
                    var header = Enumerable.Repeat(string.Empty, width).ToList();
                    foreach (var (column, value) in cells)
                    {
                        header[column] = value;
                    }

                    names = HeaderNames(header);
                    builders = [.. names.Select(n => new ColumnBuilder(n, 1024))];
                    return;
                }

                if (cells.Count == 0)
                {
                    return;
                }

                var values = new string[names.Length];
                Array.Fill(values, string.Empty);
                foreach (var (column, value) in cells)
                {
                    if (column >= names.Length)
                    {
                        throw new MoaException(string.Create(CultureInfo.InvariantCulture,
                            $"{path}: row {row:N0} has a value in column {column + 1}, beyond the header's {names.Length} columns."));
                    }

                    values[column] = options.TrimCells ? value.Trim() : value;
                }

                for (var c = 0; c < values.Length; c++)
                {
                    builders![c].Add(values[c]);
                }

                lines.Add(row);
            });
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or IOException || ex.GetType().Name == "DocumentFormatException")
        {
            throw new MoaException($"{path}: not a readable XLSX workbook ({ex.Message}).", ex);
        }

        if (names is null || builders is null)
        {
            throw new MoaException($"{path}: the sheet is empty (no header, no rows).");
        }

        return new Table([.. builders.Select(b => b.Build())], new TableSource(path, TableFormat.Xlsx, "utf-8", ',', sheet), [.. lines]);
    }

    /// <summary>Reads every column of a Parquet file as text (numbers and dates in invariant form, nulls empty).</summary>
    public static Table ReadParquet(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(file).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or ParquetException or InvalidDataException)
        {
            throw new MoaException($"{path}: not a readable Parquet file ({ex.Message}).", ex);
        }

        try
        {
            var fields = reader.Schema.DataFields;
            var builders = HeaderNames([.. fields.Select(f => f.Name)]).Select(n => new ColumnBuilder(n, 1024)).ToArray();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                for (var c = 0; c < fields.Length; c++)
                {
                    foreach (var value in ParquetText(group, fields[c], rows, path))
                    {
                        builders[c].Add(value);
                    }
                }
            }

            return new Table([.. builders.Select(b => b.Build())], new TableSource(path, TableFormat.Parquet), null);
        }
        catch (ParquetException ex)
        {
            throw new MoaException($"{path}: damaged Parquet data ({ex.Message}).", ex);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string[] ParquetText(ParquetRowGroupReader group, DataField field, int rows, string path)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return [.. values.Select(v => v ?? string.Empty)];
        }

        return type switch
        {
            _ when type == typeof(int) => Read<int>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(long) => Read<long>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(short) => Read<short>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(byte) => Read<byte>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(double) => Read<double>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(float) => Read<float>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(decimal) => Read<decimal>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(bool) => Read<bool>(group, field, rows, v => v ? "true" : "false"),
            _ when type == typeof(DateTime) => Read<DateTime>(group, field, rows,
                v => v.TimeOfDay == TimeSpan.Zero ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : v.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            _ => throw new MoaException($"{path}: column '{field.Name}' has Parquet type {type.Name}, which is not read; convert it to text or a number."),
        };
    }

    private static string[] Read<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string> format)
        where T : struct
    {
        var result = new string[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                result[i] = values[i] is { } v ? format(v) : string.Empty;
            }
        }
        else
        {
            var values = new T[rows];
            group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                result[i] = format(values[i]);
            }
        }

        return result;
    }

    private static string[] HeaderNames(IReadOnlyList<string> cells)
    {
        var names = new string[cells.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var name = cells[i].Trim().Trim('\uFEFF');
            if (name.Length == 0)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"column{i + 1}");
            }

            var unique = name;
            for (var k = 2; !used.Add(unique); k++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{k}");
            }

            names[i] = unique;
        }

        return names;
    }
}
