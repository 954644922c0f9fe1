using System.Xml;

namespace Moa.Documents.Packaging;

/// <summary>
/// The element names a word-processor XML dialect (OWPML, WordprocessingML, DrawingML) uses for paragraphs,
/// text runs, inline tabs and breaks, and tables; <see cref="MarkupText"/> walks any of them the same way.
/// </summary>
internal sealed class MarkupVocabulary
{
    /// <summary>Namespace URIs (prefix match) whose elements carry structure.</summary>
    public required string[] Namespaces { get; init; }

    public string Paragraph { get; init; } = "p";

    public string Text { get; init; } = "t";

    /// <summary>The element inside which tab, break, space and hyphen elements count as text.</summary>
    public required string InlineScope { get; init; }

    public string[] Tabs { get; init; } = ["tab"];

    public string[] Breaks { get; init; } = ["br"];

    public string[] Spaces { get; init; } = [];

    public string[] Hyphens { get; init; } = [];

    /// <summary>Elements skipped with their content, by local name in any namespace (hidden comments, fallbacks).</summary>
    public string[] Skip { get; init; } = [];

    public string Table { get; init; } = "tbl";

    public string Row { get; init; } = "tr";

    public string Cell { get; init; } = "tc";

    /// <summary>Whether a table element lays out a grid (false for 1x1 layout boxes); read from its attributes.</summary>
    public Func<XmlReader, bool> IsGrid { get; init; } = static _ => true;

    public bool InNamespace(string uri)
    {
        foreach (var ns in Namespaces)
        {
            if (uri.StartsWith(ns, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Streams a word-processor XML part into lines: paragraphs become lines, grid tables are rendered by
/// <see cref="TableText"/> (data tables as tab-separated rows, layout tables as lines; nested tables are
/// flattened into their cell), and skipped elements leave no text.
/// </summary>
internal static class MarkupText
{
    public static void Walk(XmlReader xml, TextLines lines, MarkupVocabulary v, CancellationToken cancellationToken)
    {
        // Open tables, innermost last: whether each is a grid and where its marked region starts.
        var tables = new Stack<(bool Grid, int Start)>();
        var grids = 0;
        var inText = 0;
        var inScope = 0;
        var count = 0;
        var rowPending = false;
        xml.Read();
        while (!xml.EOF)
        {
            if ((++count & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var name = xml.LocalName;
                    if (Array.IndexOf(v.Skip, name) >= 0)
                    {
                        xml.Skip();
                        continue;
                    }

                    if (!v.InNamespace(xml.NamespaceURI))
                    {
                        break;
                    }

                    var empty = xml.IsEmptyElement;
                    var ownGrid = tables.Count > 0 && tables.Peek().Grid;
                    if (name == v.Text)
                    {
                        inText += empty ? 0 : 1;
                    }

                    if (name == v.InlineScope)
                    {
                        inScope += empty ? 0 : 1;
                    }

                    if (name == v.Paragraph)
                    {
                        lines.EndLine();
                    }
                    else if (name == v.Table && !empty)
                    {
                        var grid = grids == 0 && v.IsGrid(xml);
                        grids += grid ? 1 : 0;
                        tables.Push((grid, grid ? lines.Mark() : 0));
                        lines.EndLine();
                    }
                    else if (name == v.Row && ownGrid)
                    {
                        rowPending = true;
                    }
                    else if (name == v.Cell && ownGrid)
                    {
                        lines.EndLine();
                        lines.Append(rowPending ? TableText.RowMarker : TableText.CellMarker);
                        lines.EndLine();
                        rowPending = false;
                    }
                    else if (inScope > 0)
                    {
                        if (Array.IndexOf(v.Tabs, name) >= 0)
                        {
                            lines.Append('\t');
                        }
                        else if (Array.IndexOf(v.Breaks, name) >= 0)
                        {
                            lines.EndLine();
                        }
                        else if (Array.IndexOf(v.Spaces, name) >= 0)
                        {
                            lines.Append(' ');
                        }
                        else if (Array.IndexOf(v.Hyphens, name) >= 0)
                        {
                            lines.Append('-');
                        }
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (!v.InNamespace(xml.NamespaceURI))
                    {
                        break;
                    }

                    var end = xml.LocalName;
                    if (end == v.Text)
                    {
                        inText = Math.Max(0, inText - 1);
                    }

                    if (end == v.InlineScope)
                    {
                        inScope = Math.Max(0, inScope - 1);
                    }

                    if (end == v.Paragraph)
                    {
                        lines.EndLine();
                    }
                    else if (end == v.Table && tables.Count > 0)
                    {
                        var (grid, start) = tables.Pop();
                        if (grid)
                        {
                            grids--;
                            lines.Rewrite(start, TableText.Render);
                        }

                        lines.EndLine();
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inText > 0:
                    lines.Append(xml.Value);
                    break;
            }

            xml.Read();
        }
    }
}
