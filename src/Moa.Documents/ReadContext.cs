namespace Moa.Documents;

/// <summary>Options and the issue sink shared by every reader in one run.</summary>
public sealed class ReadContext
{
    private readonly Action<ReadIssue> _report;

    public ReadContext(ReaderOptions options, Action<ReadIssue> report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        Options = options;
        _report = report;
    }

    /// <summary>Field names, provider and per-format settings.</summary>
    public ReaderOptions Options { get; }

    /// <summary>Records a problem with the input. May throw <see cref="DocumentReadException"/> when the run fails fast.</summary>
    public void Report(ReadIssue issue) => _report(issue);

    /// <summary>The id for a record that carries none: stable for a file name and position.</summary>
    public static string DerivedId(string path, long line, string? part = null)
    {
        var name = Path.GetFileName(path);
        return part is null ? $"{name}:{line}" : $"{name}:{part}:{line}";
    }
}

/// <summary>Settings that readers share.</summary>
public sealed class ReaderOptions
{
    /// <summary>JSON field holding the text (JSONL). Default <c>text</c>.</summary>
    public string TextField { get; set; } = "text";

    /// <summary>JSON field holding the id (JSONL); a record without one gets a derived id. Default <c>id</c>.</summary>
    public string IdField { get; set; } = "id";

    /// <summary>Provider (institution) name recorded in each document's meta, if given.</summary>
    public string? Provider { get; set; }

    /// <summary>CSV/TSV columns joined into the text; empty means every column, as <c>header: value</c> lines.</summary>
    public IReadOnlyList<string> CsvTextColumns { get; set; } = [];

    /// <summary>CSV/TSV column holding the id, if any.</summary>
    public string? CsvIdColumn { get; set; }

    /// <summary>Largest single record (line) accepted, in bytes; longer ones are reported and skipped.</summary>
    public int MaxRecordBytes { get; set; } = 64 * 1024 * 1024;
}
