using System.Buffers;
using System.Text;

namespace Moa.Documents.Csv;

/// <summary>
/// RFC 4180 record parser over a <see cref="TextReader"/>: quoted fields with embedded delimiters, line breaks and doubled
/// quotes; CRLF, LF or CR line ends. Lenient where files in the wild are: a quote inside an unquoted field, or text after a
/// closing quote, is kept as text. Tracks physical line numbers so each record knows the line it starts on.
/// </summary>
internal sealed class CsvRecordParser : IDisposable
{
    private const int BufferChars = 1 << 16;
    private readonly TextReader _reader;
    private readonly char[] _buffer = ArrayPool<char>.Shared.Rent(BufferChars);
    private readonly StringBuilder _cell = new();
    private SearchValues<char> _unquotedStops = SearchValues.Create(",\"\r\n");
    private char _delimiter = ',';
    private int _pos;
    private int _len;
    private bool _eof;
    private long _line = 1;

    public CsvRecordParser(TextReader reader) => _reader = reader;

    /// <summary>The decoding error that ended the input, if any.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The physical line the next record starts on.</summary>
    public long Line => _line;

    /// <summary>Whether the last record read ended inside an unclosed quote.</summary>
    public bool UnterminatedQuote { get; private set; }

    public char Delimiter
    {
        get => _delimiter;
        set
        {
            _delimiter = value;
            _unquotedStops = SearchValues.Create([value, '"', '\r', '\n']);
        }
    }

    /// <summary>The text buffered so far (at least the first 64K characters unless the file is shorter), for sniffing.</summary>
    public ReadOnlySpan<char> Peek()
    {
        while (!_eof && _len < _buffer.Length && Failure is null)
        {
            if (!FillMore())
            {
                break;
            }
        }

        return _buffer.AsSpan(_pos, _len - _pos);
    }

    /// <summary>Reads the next record into <paramref name="cells"/>; false at the end of the input.</summary>
    public bool ReadRecord(List<string> cells, out long startLine)
    {
        cells.Clear();
        _cell.Clear();
        UnterminatedQuote = false;
        startLine = _line;
        if (!EnsureData())
        {
            return false;
        }

        var fieldStart = true;
        var inQuotes = false;
        while (true)
        {
            if (!EnsureData())
            {
                if (inQuotes)
                {
                    UnterminatedQuote = true;
                }

                cells.Add(_cell.ToString());
                return true;
            }

            if (inQuotes)
            {
                var span = _buffer.AsSpan(_pos, _len - _pos);
                var stop = span.IndexOfAny('"', '\r', '\n');
                if (stop < 0)
                {
                    _cell.Append(span);
                    _pos = _len;
                    continue;
                }

                _cell.Append(span[..stop]);
                _pos += stop;
                var c = _buffer[_pos++];
                if (c == '"')
                {
                    if (EnsureData() && _buffer[_pos] == '"')
                    {
                        _cell.Append('"');
                        _pos++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    // A line break inside a quoted cell: CRLF and CR become LF.
                    if (c == '\r' && EnsureData() && _buffer[_pos] == '\n')
                    {
                        _pos++;
                    }

                    _line++;
                    _cell.Append('\n');
                }

                continue;
            }

            var rest = _buffer.AsSpan(_pos, _len - _pos);
            var at = rest.IndexOfAny(_unquotedStops);
            if (at < 0)
            {
                _cell.Append(rest);
                _pos = _len;
                fieldStart = false;
                continue;
            }

            _cell.Append(rest[..at]);
            if (at > 0)
            {
                fieldStart = false;
            }

            _pos += at;
            var ch = _buffer[_pos++];
            if (ch == _delimiter)
            {
                cells.Add(_cell.ToString());
                _cell.Clear();
                fieldStart = true;
            }
            else if (ch == '"')
            {
                if (fieldStart)
                {
                    inQuotes = true;
                    fieldStart = false;
                }
                else
                {
                    _cell.Append('"');
                }
            }
            else
            {
                if (ch == '\r' && EnsureData() && _buffer[_pos] == '\n')
                {
                    _pos++;
                }

                _line++;
                cells.Add(_cell.ToString());
                return true;
            }
        }
    }

    private bool EnsureData() => _pos < _len || FillMore();

    private bool FillMore()
    {
        if (_eof)
        {
            return false;
        }

        if (_pos > 0)
        {
            Array.Copy(_buffer, _pos, _buffer, 0, _len - _pos);
            _len -= _pos;
            _pos = 0;
        }

        int n;
        try
        {
            n = _reader.Read(_buffer, _len, _buffer.Length - _len);
        }
        catch (DecoderFallbackException ex)
        {
            Failure = ex;
            _eof = true;
            return _pos < _len;
        }

        if (n == 0)
        {
            _eof = true;
            return _pos < _len;
        }

        _len += n;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _reader.Dispose();
    }
}
