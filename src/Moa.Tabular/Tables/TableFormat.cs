namespace Moa.Tabular.Tables;

/// <summary>File formats a <see cref="Table"/> is read from and written to.</summary>
public enum TableFormat
{
    /// <summary>Delimited text: CSV or TSV (delimiter and encoding detected on read, kept on write).</summary>
    Csv,

    /// <summary>Excel workbook (first sheet, first row the header).</summary>
    Xlsx,

    /// <summary>Apache Parquet (every column read as text; written as UTF-8 string columns).</summary>
    Parquet,
}

/// <summary>
/// Where a table came from and how to write it back in the same shape: the path, format, text encoding
/// (<c>utf-8</c>, <c>utf-8-bom</c> or <c>cp949</c>), delimiter and sheet name.
/// </summary>
public sealed record TableSource(string? Path, TableFormat Format, string Encoding = "utf-8", char Delimiter = ',', string? Sheet = null)
{
    /// <summary>A table built in memory.</summary>
    public static TableSource InMemory { get; } = new(null, TableFormat.Csv);

    /// <summary>The format implied by a file name (<c>.csv</c>, <c>.tsv</c>, <c>.txt</c>, <c>.xlsx</c>, <c>.parquet</c>), or null.</summary>
    public static TableFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" or ".tsv" or ".txt" => TableFormat.Csv,
            ".xlsx" or ".xlsm" => TableFormat.Xlsx,
            ".parquet" or ".pq" => TableFormat.Parquet,
            _ => null,
        };
    }
}
