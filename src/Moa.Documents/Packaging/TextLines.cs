using System.Text;

namespace Moa.Documents.Packaging;

/// <summary>
/// Builds a document's text line by line: trailing whitespace is trimmed, blank lines are dropped, lines are
/// joined by <c>\n</c> and blocks (sections, pages, slides) by a blank line. Shared by the XML-based readers.
/// </summary>
internal sealed class TextLines
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _line = new();
    private bool _blockPending;

    /// <summary>Non-blank lines written so far.</summary>
    public int Lines { get; private set; }

    /// <summary>Characters in the current (unfinished) line.</summary>
    public int CurrentLength => _line.Length;

    /// <summary>Total characters committed so far (a cheap size guard).</summary>
    public int Length => _text.Length + _line.Length;

    public void Append(char c) => _line.Append(c);

    public void Append(string? s) => _line.Append(s);

    public void Append(ReadOnlySpan<char> s) => _line.Append(s);

    /// <summary>Whether the current line ends with whitespace (or is empty).</summary>
    public bool EndsWithWhitespace => _line.Length == 0 || char.IsWhiteSpace(_line[^1]);

    /// <summary>Removes trailing whitespace from the current line.</summary>
    public void TrimEnd()
    {
        var end = _line.Length;
        while (end > 0 && char.IsWhiteSpace(_line[end - 1]))
        {
            end--;
        }

        _line.Length = end;
    }

    /// <summary>Ends the current line; a blank one is dropped.</summary>
    public void EndLine()
    {
        TrimEnd();
        var blank = true;
        foreach (var chunk in _line.GetChunks())
        {
            if (!chunk.Span.IsWhiteSpace())
            {
                blank = false;
                break;
            }
        }

        if (!blank)
        {
            if (_text.Length > 0)
            {
                _text.Append(_blockPending ? "\n\n" : "\n");
            }

            _text.Append(_line);
            Lines++;
            _blockPending = false;
        }

        _line.Clear();
    }

    /// <summary>Ends the current line and makes the next line start after a blank line.</summary>
    public void EndBlock()
    {
        EndLine();
        if (_text.Length > 0)
        {
            _blockPending = true;
        }
    }

    /// <summary>Ends the current line and returns where the next committed text starts.</summary>
    public int Mark()
    {
        EndLine();
        return _text.Length;
    }

    /// <summary>Replaces the text committed since <paramref name="start"/> (a <see cref="Mark"/>) by <paramref name="render"/>'s result.</summary>
    public void Rewrite(int start, Func<string, string> render)
    {
        EndLine();
        var region = _text.ToString(start, _text.Length - start);
        var separator = region.StartsWith("\n\n", StringComparison.Ordinal) ? "\n\n" : start > 0 ? "\n" : "";
        _text.Length = start;
        var rendered = render(region);
        if (rendered.Length == 0)
        {
            _blockPending |= separator.Length == 2;
            return;
        }

        if (start > 0)
        {
            _text.Append(_blockPending ? "\n\n" : separator);
        }

        _text.Append(rendered);
        _blockPending = false;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        EndLine();
        return _text.ToString();
    }
}
