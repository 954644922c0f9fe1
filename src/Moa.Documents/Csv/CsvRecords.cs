using System.Buffers;
using System.Text;
using nietras.SeparatedValues;

namespace Moa.Documents.Csv;

/// <summary>
/// CSV records through Sep (nietras/Sep) over a decoded <see cref="TextReader"/>: RFC 4180 quoting with embedded
/// delimiters, line breaks (CRLF and CR inside a cell become LF) and doubled quotes; rows of any width; the physical line
/// each record starts on (Sep's <c>LineNumberFrom</c>). Tab-separated input is read with quoting only when every quote in
/// the file is RFC 4180 quoting (as Excel and <c>TableWriter</c> write it); otherwise as IANA TSV, where a quote is text
/// (KoBEST and KLUE exports quote titles inside cells, <c>"뷰티 인사이드"는</c>, and leave some unclosed). The first 64K characters are buffered before the first record so
/// the caller can sniff the delimiter; a decoding error ends the input and is kept in <see cref="Failure"/>.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    private const int HeadChars = 1 << 16;
    private readonly TextReader _source;
    private readonly string? _path;
    private bool _quotes = true;
    private char[]? _head;
    private int _headLength;
    private SepReader? _sep;
    private char _delimiter = ',';
    private long _line = 1;
    private bool _ended;

    /// <param name="reader">The decoded text.</param>
    /// <param name="path">The file, scanned for stray quotes when the delimiter is a tab; without it TSV has no quoting.</param>
    public CsvRecords(TextReader reader, string? path = null)
    {
        _source = reader;
        _path = path;
    }

    /// <summary>The decoding error that ended the input, if any.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The physical line the next record starts on.</summary>
    public long Line => _line;

    /// <summary>Whether the last record read ended inside an unclosed quote (it ran to the end of the input).</summary>
    public bool UnterminatedQuote { get; private set; }

    /// <summary>The delimiter; set it before the first <see cref="ReadRecord"/>.</summary>
    public char Delimiter
    {
        get => _delimiter;
        set
        {
            if (_sep is not null)
            {
                throw new InvalidOperationException("The delimiter is fixed once records are read.");
            }

            _delimiter = value;
        }
    }

    /// <summary>The first 64K characters of the input (fewer if the file is shorter), for sniffing.</summary>
    public ReadOnlySpan<char> Peek()
    {
        if (_head is null)
        {
            _head = ArrayPool<char>.Shared.Rent(HeadChars);
            try
            {
                _headLength = _source.ReadBlock(_head, 0, HeadChars);
            }
            catch (DecoderFallbackException ex)
            {
                Failure = ex;
            }
        }

        return _head.AsSpan(0, _headLength);
    }

    /// <summary>Reads the next record into <paramref name="cells"/>; false at the end of the input or at a decoding error.</summary>
    public bool ReadRecord(List<string> cells, out long startLine)
    {
        cells.Clear();
        UnterminatedQuote = false;
        startLine = _line;
        if (_ended)
        {
            return false;
        }

        if (_sep is null)
        {
            Peek();
            var rest = Failure is null ? _source : TextReader.Null;
            _quotes = _delimiter != '\t' || (_path is not null && QuotesAreRfc(_path, (byte)'\t'));
            _sep = Sep.New(_delimiter)
                .Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, DisableQuotesParsing = !_quotes })
                .From(new ReplayReader(_head!, _headLength, rest));
        }

        try
        {
            if (!_sep.MoveNext())
            {
                _ended = true;
                return false;
            }
        }
        catch (DecoderFallbackException ex)
        {
            Failure = ex;
            _ended = true;
            return false;
        }

        var row = _sep.Current;
        var first = _line == 1;
        _line = row.LineNumberToExcl;

        // Sep 0.18 numbers the first row's start as its end line; every row but the first starts where the last ended.
        startLine = first ? 1 : row.LineNumberFrom;

        // Sep reads an unclosed quote to the end of the input; the row's quotes are then odd in number. Counted before the
        // cells are read, because unescaping rewrites the row in place.
        var raw = row.Span;
        UnterminatedQuote = _quotes && raw.Contains('"') && (raw.Count('"') & 1) == 1;
        for (var i = 0; i < row.ColCount; i++)
        {
            var cell = row[i].Span;
            cells.Add(cell.Contains('\r') ? cell.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : cell.ToString());
        }

        return true;
    }

    /// <summary>
    /// Whether every quote in the file opens a cell, is doubled inside a quoted cell, or closes one just before a delimiter
    /// or line end. Works on the bytes: quote, tab and line breaks are never trail bytes in UTF-8 or CP949.
    /// </summary>
    internal static bool QuotesAreRfc(string path, byte delimiter)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var previous = (byte)'\n';
            var inQuotes = false;
            var closing = false;
            int n;
            while ((n = file.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, n);
                var i = 0;
                while (i < span.Length)
                {
                    if (closing)
                    {
                        closing = false;
                        var next = span[i];
                        if (next == '"')
                        {
                            i++;
                            continue;
                        }

                        inQuotes = false;
                        if (next != delimiter && next != '\n' && next != '\r')
                        {
                            return false;
                        }
                    }

                    var at = span[i..].IndexOf((byte)'"');
                    if (at < 0)
                    {
                        break;
                    }

                    var before = i + at > 0 ? span[i + at - 1] : previous;
                    if (inQuotes)
                    {
                        closing = true;
                    }
                    else if (before == delimiter || before == '\n' || before == '\r')
                    {
                        inQuotes = true;
                    }
                    else
                    {
                        return false;
                    }

                    i += at + 1;
                }

                previous = span[^1];
            }

            return !inQuotes || closing;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        _sep?.Dispose();
        _source.Dispose();
        if (_head is not null)
        {
            ArrayPool<char>.Shared.Return(_head);
            _head = null;
        }
    }

    /// <summary>Replays the buffered head, then reads on from the source.</summary>
    private sealed class ReplayReader(char[] head, int headLength, TextReader rest) : TextReader
    {
        private int _at;

        public override int Read(Span<char> buffer)
        {
            if (_at < headLength)
            {
                var n = Math.Min(buffer.Length, headLength - _at);
                head.AsSpan(_at, n).CopyTo(buffer);
                _at += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Peek() => _at < headLength ? head[_at] : rest.Peek();

        public override int Read() => _at < headLength ? head[_at++] : rest.Read();
    }
}
