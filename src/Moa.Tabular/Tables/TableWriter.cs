using System.Text;
using Moa.Text.Encodings;
using Parquet;
using Parquet.Schema;
using SpreadCheetah;

namespace Moa.Tabular.Tables;

/// <summary>
/// Writes a <see cref="Table"/> as CSV/TSV (RFC 4180 quoting, the source's delimiter and encoding: CP949 stays CP949),
/// XLSX (one sheet, through SpreadCheetah) or Parquet (UTF-8 string columns, zstd). Every write goes to a temporary
/// file beside the target and is renamed over it at the end, so a failure never leaves a half-written output.
/// </summary>
public static class TableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/>; the format comes from the extension, else the table's source.</summary>
    public static void Write(Table table, string path, TableSource? shape = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        var format = TableSource.FormatOf(path) ?? shape?.Format ?? table.Source.Format;
        var encoding = shape?.Encoding ?? table.Source.Encoding;
        var delimiter = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : shape?.Delimiter ?? table.Source.Delimiter;
        AtomicFile.Write(path, stream =>
        {
            switch (format)
            {
                case TableFormat.Csv:
                    WriteCsv(table, stream, encoding, delimiter);
                    break;
                case TableFormat.Xlsx:
                    WriteXlsx(table, stream, shape?.Sheet ?? table.Source.Sheet ?? "Sheet1");
                    break;
                default:
                    WriteParquet(table, stream);
                    break;
            }
        });
    }

    private static void WriteCsv(Table table, Stream stream, string encodingName, char delimiter)
    {
        var encoding = encodingName switch
        {
            "cp949" => TextEncodingDetector.Cp949,
            "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        using var writer = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var columns = table.Columns;
        var quoted = columns.Select(c => c.Values.Select(v => Quote(v, delimiter)).ToArray()).ToArray();
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0)
            {
                writer.Write(delimiter);
            }

            writer.Write(Quote(columns[c].Name, delimiter));
        }

        writer.Write('\n');
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(delimiter);
                }

                writer.Write(quoted[c][columns[c].Codes[r]]);
            }

            writer.Write('\n');
        }
    }

    private static string Quote(string value, char delimiter)
    {
        if (value.AsSpan().IndexOfAny(delimiter, '"', '\n') < 0 && value.IndexOf('\r', StringComparison.Ordinal) < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WriteXlsx(Table table, Stream stream, string sheet)
    {
        using var spreadsheet = Spreadsheet.CreateNewAsync(stream).AsTask().GetAwaiter().GetResult();
        spreadsheet.StartWorksheetAsync(sheet).AsTask().GetAwaiter().GetResult();
        var columns = table.Columns;
        var cells = new DataCell[columns.Count];
        for (var c = 0; c < cells.Length; c++)
        {
            cells[c] = new DataCell(columns[c].Name);
        }

        spreadsheet.AddRowAsync(cells).AsTask().GetAwaiter().GetResult();
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = new DataCell(columns[c][r]);
            }

            spreadsheet.AddRowAsync(cells).AsTask().GetAwaiter().GetResult();
        }

        spreadsheet.FinishAsync().AsTask().GetAwaiter().GetResult();
    }

    private static void WriteParquet(Table table, Stream stream)
    {
        var fields = table.Columns.Select(c => new DataField<string>(c.Name)).ToArray();
        var schema = new ParquetSchema(fields);
        var writer = ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd }).GetAwaiter().GetResult();
        try
        {
            const int groupRows = 1 << 20;
            for (var start = 0; start < Math.Max(table.RowCount, 1); start += groupRows)
            {
                var count = Math.Min(groupRows, table.RowCount - start);
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < fields.Length; c++)
                {
                    var column = table.Columns[c];
                    var values = new string[count];
                    for (var r = 0; r < count; r++)
                    {
                        values[r] = column[start + r];
                    }

                    group.WriteAsync(fields[c], values, null).GetAwaiter().GetResult();
                }
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>Writes a file through a temporary sibling and a rename, so readers never see it half-written.</summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a temporary file and moves it to <paramref name="path"/> when it succeeds.</summary>
    public static void Write(string path, Action<Stream> write, UnixFileMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new MoaException($"{path}: folder {dir} does not exist.");
        }

        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 16 };
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = m;
            }

            using (var stream = new FileStream(temp, options))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes text (UTF-8, no BOM) atomically.</summary>
    public static void WriteText(string path, string text, UnixFileMode? mode = null) =>
        Write(path, s =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            s.Write(bytes);
        }, mode);
}
