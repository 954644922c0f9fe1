using System.Text;

namespace Moa.Documents.Packaging;

/// <summary>
/// Decides how a table's text reads best. Readers write a table's paragraphs as lines with a marker line
/// before each cell (<see cref="RowMarker"/> for a cell that starts a row, <see cref="CellMarker"/> for the
/// next cell); <see cref="Render"/> turns a data table (short cells) into rows of tab-separated cells and a
/// layout table (cells holding whole passages, as in boxed report pages) into plain lines.
/// </summary>
internal static class TableText
{
    /// <summary>Marks a cell that starts a new row (a control character no decoded text contains).</summary>
    public const char RowMarker = '\u001E';

    /// <summary>Marks the next cell of the same row.</summary>
    public const char CellMarker = '\u001F';

    /// <summary>Cells of a data table hold at most this many paragraphs.</summary>
    public const int MaxDataCellParagraphs = 3;

    /// <summary>Cells of a data table hold at most this many characters.</summary>
    public const int MaxDataCellChars = 200;

    /// <summary>The table's text: tab-separated rows for a data table, else its paragraphs as lines.</summary>
    public static string Render(string region)
    {
        var rows = new List<List<List<string>>>();
        var loose = new List<string>();
        List<string>? cell = null;
        foreach (var range in region.AsSpan().Split('\n'))
        {
            var line = region.AsSpan()[range];
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (line.Length == 1 && line[0] is RowMarker or CellMarker)
            {
                if (line[0] == RowMarker || rows.Count == 0)
                {
                    rows.Add([]);
                }

                cell = [];
                rows[^1].Add(cell);
                continue;
            }

            (cell ?? loose).Add(line.ToString());
        }

        var sb = new StringBuilder();
        foreach (var line in loose)
        {
            AppendLine(sb, line);
        }

        var cells = rows.SelectMany(r => r).ToList();
        var data = cells.Count >= 2 && cells.TrueForAll(c => c.Count <= MaxDataCellParagraphs && c.Sum(p => p.Length) <= MaxDataCellChars);
        foreach (var row in rows)
        {
            if (data)
            {
                var line = string.Join('\t', row.Select(c => string.Join(' ', c.Select(p => p.Replace('\t', ' ').Trim())))).TrimEnd('\t', ' ');
                if (!line.AsSpan().IsWhiteSpace())
                {
                    AppendLine(sb, line);
                }

                continue;
            }

            foreach (var paragraph in row.SelectMany(c => c))
            {
                AppendLine(sb, paragraph);
            }
        }

        return sb.ToString();
    }

    private static void AppendLine(StringBuilder sb, string line)
    {
        if (sb.Length > 0)
        {
            sb.Append('\n');
        }

        sb.Append(line);
    }
}
