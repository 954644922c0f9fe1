using System.Text;
using Moa.Text.Encodings;

namespace Moa.Documents.Csv;

/// <summary>
/// Reads CSV and TSV exports (<c>.csv</c>, <c>.tsv</c>) one document per row. The encoding (UTF-8, UTF-8 with BOM,
/// CP949/EUC-KR as data.go.kr writes it) and the delimiter (comma, tab, semicolon, pipe) are detected; the first row is
/// the header. The text is <see cref="ReaderOptions.CsvTextColumns"/> joined by line breaks, or every non-empty cell as
/// <c>header: value</c> lines. Records are parsed by Sep (<see cref="CsvRecords"/>); a TSV file with stray quotes is read without quoting.
/// </summary>
public sealed class CsvReader : IDocumentReader
{
    private const int SampleBytes = 1 << 20;
    private static readonly char[] s_delimiters = [',', '\t', ';', '|'];

    /// <inheritdoc />
    public string Format => "csv";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return ReadIterator(path, context, cancellationToken);
    }

    private static IEnumerable<SourceDocument> ReadIterator(string path, ReadContext context, CancellationToken cancellationToken)
    {
        using var parser = Open(path, out var encodingName, out var validSample);
        if (!validSample)
        {
            context.Report(new ReadIssue(path, 0, "invalid-encoding",
                "The file is neither valid UTF-8 nor valid CP949/EUC-KR; it was skipped. Convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)."));
            yield break;
        }

        var sample = parser.Peek();
        if (sample.IsEmpty && parser.Failure is null)
        {
            context.Report(new ReadIssue(path, 0, "empty-file", "The file is empty: no header and no rows. Check that the right file was given."));
            yield break;
        }

        parser.Delimiter = SniffDelimiter(sample, path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase));
        var cells = new List<string>();
        if (!parser.ReadRecord(cells, out _))
        {
            ReportFailure(parser, path, context, encodingName);
            yield break;
        }

        var header = HeaderNames(cells);
        var layout = new Layout(path, header, context.Options);
        var rows = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!parser.ReadRecord(cells, out var line))
            {
                break;
            }

            if (parser.UnterminatedQuote)
            {
                context.Report(new ReadIssue(path, line, "malformed-csv",
                    $"A quote opened on line {line:N0} is never closed; the rest of the file ({parser.Line - line:N0} lines) was not read as rows. Fix the quoting of that row."));
                break;
            }

            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue; // blank line
            }

            if (cells.Count != header.Length)
            {
                var detail = cells.Count < header.Length
                    ? "the missing cells were read as empty"
                    : $"the {cells.Count - header.Length} extra cells were ignored; look for an unquoted '{Printable(parser.Delimiter)}' in a value";
                context.Report(new ReadIssue(path, line, "ragged-row",
                    $"Row has {cells.Count} cells, expected {header.Length} (the header's); {detail}."));
            }

            rows++;
            var document = layout.ToDocument(cells, line);
            if (document is not null)
            {
                yield return document;
            }
        }

        ReportFailure(parser, path, context, encodingName);
        if (rows == 0 && parser.Failure is null)
        {
            context.Report(new ReadIssue(path, 0, "empty-file", "The file has a header but no rows: no documents were read."));
        }
    }

    private static void ReportFailure(CsvRecords parser, string path, ReadContext context, string encodingName)
    {
        if (parser.Failure is not null)
        {
            context.Report(new ReadIssue(path, parser.Line, "invalid-encoding",
                $"Bytes that are not valid {encodingName} near line {parser.Line:N0}; reading stopped there. Convert the file to UTF-8 (e.g. iconv -f CP949 -t UTF-8)."));
        }
    }

    private static CsvRecords Open(string path, out string encodingName, out bool validSample)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(new ReadIssue(path, 0, "unreadable-file", $"Cannot open the file: {ex.Message}"), ex);
        }

        var sample = new byte[(int)Math.Min(SampleBytes, file.Length)];
        var n = file.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var detected = TextEncodingDetector.Detect(sample.AsSpan(0, n));
        encodingName = detected.Name;
        validSample = detected.Name != "cp949" || TextEncodingDetector.IsValidCp949(sample.AsSpan(0, n));
        file.Position = detected.PreambleLength;
        var reader = new StreamReader(file, detected.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        return new CsvRecords(reader, path);
    }

    /// <summary>
    /// Picks the delimiter that splits the header into the most cells and the following lines (up to 20) into the same
    /// number; ties go to comma, then tab, semicolon, pipe. Quoted text is ignored.
    /// </summary>
    internal static char SniffDelimiter(ReadOnlySpan<char> sample, bool tsv)
    {
        var best = tsv ? '\t' : ',';
        var bestScore = 0.0;
        Span<int> counts = stackalloc int[21];
        foreach (var delimiter in s_delimiters)
        {
            counts.Clear();
            var lines = 0;
            var count = 0;
            var inQuotes = false;
            for (var i = 0; i < sample.Length && lines < counts.Length; i++)
            {
                var c = sample[i];
                if (c == '"')
                {
                    inQuotes = !inQuotes;
                }
                else if (!inQuotes && c == delimiter)
                {
                    count++;
                }
                else if (!inQuotes && c == '\n')
                {
                    counts[lines++] = count;
                    count = 0;
                }
            }

            if (lines < counts.Length && count > 0)
            {
                counts[lines++] = count;
            }

            if (lines == 0 || counts[0] == 0)
            {
                continue;
            }

            var same = 0;
            for (var l = 1; l < lines; l++)
            {
                if (counts[l] == counts[0])
                {
                    same++;
                }
            }

            var consistency = lines == 1 ? 1.0 : (double)same / (lines - 1);
            var score = (consistency * 1000) + Math.Min(counts[0], 999) + (tsv && delimiter == '\t' ? 0.5 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = delimiter;
            }
        }

        return best;
    }

    private static string[] HeaderNames(List<string> cells)
    {
        var names = new string[cells.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var name = cells[i].Trim().Trim('\uFEFF');
            if (name.Length == 0)
            {
                name = $"column{i + 1}";
            }

            var unique = name;
            for (var k = 2; !used.Add(unique); k++)
            {
                unique = $"{name}_{k}";
            }

            names[i] = unique;
        }

        return names;
    }

    private static string Printable(char delimiter) => delimiter == '\t' ? "\\t" : delimiter.ToString();

    /// <summary>Which columns make the text, the id and the extra fields.</summary>
    private sealed class Layout
    {
        private readonly string _path;
        private readonly string[] _header;
        private readonly int[] _textColumns;
        private readonly int _idColumn;
        private readonly string? _provider;
        private readonly StringBuilder _text = new();

        public Layout(string path, string[] header, ReaderOptions options)
        {
            _path = path;
            _header = header;
            _provider = options.Provider;
            _textColumns = [.. options.CsvTextColumns.Select(c => Resolve(c, "--csv-text-column"))];
            _idColumn = options.CsvIdColumn is { Length: > 0 } id ? Resolve(id, "--csv-id-column") : -1;
        }

        public SourceDocument? ToDocument(List<string> cells, long line)
        {
            var any = false;
            foreach (var cell in cells)
            {
                if (cell.Length > 0)
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return null;
            }

            _text.Clear();
            Dictionary<string, string>? extra = null;
            var columns = Math.Min(cells.Count, _header.Length);
            if (_textColumns.Length > 0)
            {
                foreach (var column in _textColumns)
                {
                    var value = column < cells.Count ? cells[column] : string.Empty;
                    if (value.Length > 0)
                    {
                        if (_text.Length > 0)
                        {
                            _text.Append('\n');
                        }

                        _text.Append(value);
                    }
                }

                for (var i = 0; i < columns; i++)
                {
                    if (cells[i].Length > 0 && i != _idColumn && Array.IndexOf(_textColumns, i) < 0)
                    {
                        (extra ??= new Dictionary<string, string>(StringComparer.Ordinal))[_header[i]] = cells[i];
                    }
                }
            }
            else
            {
                for (var i = 0; i < columns; i++)
                {
                    if (cells[i].Length > 0 && i != _idColumn)
                    {
                        if (_text.Length > 0)
                        {
                            _text.Append('\n');
                        }

                        _text.Append(_header[i]).Append(": ").Append(cells[i]);
                    }
                }
            }

            if (_provider is not null)
            {
                (extra ??= new Dictionary<string, string>(StringComparer.Ordinal)).TryAdd("provider", _provider);
            }

            var id = _idColumn >= 0 && _idColumn < cells.Count && cells[_idColumn].Length > 0
                ? cells[_idColumn]
                : ReadContext.DerivedId(_path, line);
            return new SourceDocument(id, _text.ToString(), new DocumentOrigin(_path, line, "csv"), extra);
        }

        private int Resolve(string column, string option)
        {
            var index = Array.IndexOf(_header, column);
            if (index < 0)
            {
                index = Array.FindIndex(_header, h => string.Equals(h, column.Trim(), StringComparison.OrdinalIgnoreCase));
            }

            if (index < 0)
            {
                throw new MoaException(
                    $"{_path}: column '{column}' is not in the header. The header has: {string.Join(", ", _header)}. Give one of these with {option}.");
            }

            return index;
        }
    }
}
