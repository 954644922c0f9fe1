using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Moa.Documents.Packaging;

namespace Moa.Documents.Html;

/// <summary>
/// Reads HTML pages into one document per file holding the main content only: navigation, headers, footers,
/// sidebars, forms, scripts and styles are dropped, as are link-heavy blocks (menus, tag clouds); headings,
/// paragraphs, lists (<c>- item</c>) and tables (tab-separated rows) are kept. The charset is detected from the
/// BOM or <c>&lt;meta charset&gt;</c> (EUC-KR and other legacy code pages included).
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    private const int MaxDepth = 256;

    private static readonly string[] s_dropped =
    [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav", "aside", "form",
        "button", "select", "input", "textarea", "menu", "dialog", "[hidden]", "[aria-hidden=true]",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[role=search]", "[role=menu]", "[role=menubar]",
    ];

    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "address", "blockquote", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "hr", "caption", "details", "summary", "center", "body",
    };

    private static readonly HashSet<string> s_densityBlocks = new(StringComparer.Ordinal) { "div", "section", "ul", "ol", "dl", "table", "p" };

    static HtmlReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Largest HTML file read (bytes).</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Longest time the HTML parser may take on one file.</summary>
    public TimeSpan ParseTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Deepest element nesting accepted; the tree builder is quadratic in depth, so deeper files are refused before parsing.</summary>
    public int MaxNestingDepth { get; init; } = 2000;

    /// <summary>Blocks whose share of characters inside links exceeds this are boilerplate (menus, link lists).</summary>
    public double MaxLinkDensity { get; init; } = 0.5;

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        start = start.TrimStart(" \t\r\n"u8);
        return StartsWithIgnoreCase(start, "<!doctype html"u8) || StartsWithIgnoreCase(start, "<html"u8);
    }

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return DocumentFailure.Guard(path, context, "HTML", () => ReadFile(path, context, cancellationToken));
    }

    private IReadOnlyList<SourceDocument> ReadFile(string path, ReadContext context, CancellationToken cancellationToken)
    {
        var bytes = DocumentFailure.ReadAllBytesCapped(path, MaxFileBytes, "HTML");
        var (title, text) = Extract(bytes, cancellationToken);
        if (text.Length == 0)
        {
            context.Report(new ReadIssue(path, 0, "empty-text", "the HTML page has no main-content text (only navigation, scripts or link lists?)"));
            return [];
        }

        var extra = new Dictionary<string, string>();
        if (title.Length > 0)
        {
            extra["title"] = title;
        }

        if (context.Options.Provider is { } provider)
        {
            extra["provider"] = provider;
        }

        return [new SourceDocument(ReadContext.DerivedId(path, 0), text, new DocumentOrigin(path, 0, Format), extra)];
    }

    /// <summary>
    /// The deepest nesting of elements, estimated from the raw bytes: an opening tag deepens, a closing tag or
    /// <c>/&gt;</c> returns, void elements (br, img, meta...) do not count. Linear, allocation-free.
    /// </summary>
    internal static int NestingDepth(ReadOnlySpan<byte> html)
    {
        int depth = 0, max = 0;
        for (var i = html.IndexOf((byte)'<'); i >= 0 && i + 1 < html.Length; )
        {
            var next = html[(i + 1)..];
            if (next[0] == (byte)'/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter((char)next[0]))
            {
                var end = next.IndexOf((byte)'>');
                var tag = end < 0 ? next : next[..end];
                var nameEnd = tag.IndexOfAny(" \t\r\n/>"u8);
                var name = nameEnd < 0 ? tag : tag[..nameEnd];
                if (!IsVoid(name) && !(end > 0 && tag[^1] == (byte)'/'))
                {
                    max = Math.Max(max, ++depth);
                }
            }

            var after = next.IndexOf((byte)'<');
            i = after < 0 ? -1 : i + 1 + after;
        }

        return max;
    }

    private static bool IsVoid(ReadOnlySpan<byte> name)
    {
        Span<byte> lower = stackalloc byte[8];
        if (name.Length > lower.Length)
        {
            return false;
        }

        for (var k = 0; k < name.Length; k++)
        {
            lower[k] = (byte)char.ToLowerInvariant((char)name[k]);
        }

        return lower[..name.Length] switch
        {
            var n when n.SequenceEqual("br"u8) || n.SequenceEqual("img"u8) || n.SequenceEqual("hr"u8) || n.SequenceEqual("meta"u8)
                || n.SequenceEqual("link"u8) || n.SequenceEqual("input"u8) || n.SequenceEqual("source"u8) || n.SequenceEqual("wbr"u8)
                || n.SequenceEqual("area"u8) || n.SequenceEqual("base"u8) || n.SequenceEqual("col"u8) || n.SequenceEqual("embed"u8)
                || n.SequenceEqual("param"u8) || n.SequenceEqual("track"u8) || n.SequenceEqual("p"u8) || n.SequenceEqual("li"u8) => true,
            _ => false,
        };
    }

    /// <summary>The page title and its main-content text.</summary>
    internal (string Title, string Text) Extract(byte[] html, CancellationToken cancellationToken)
    {
        var depth = NestingDepth(html);
        if (depth > MaxNestingDepth)
        {
            throw new DocumentFormatException("html-too-complex",
                $"elements are nested {depth} deep (more than {MaxNestingDepth}); such pages are generated junk or an attack on the parser and are not read");
        }

        var parser = new HtmlParser();
        using var stream = new MemoryStream(html, writable: false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ParseTimeout);
        IDocument document;
        try
        {
            // The HTML tree builder is quadratic in nesting depth; the parser checks the token between tokens.
            document = parser.ParseDocumentAsync(stream, deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocumentFormatException("html-too-complex",
                $"parsing the HTML took longer than {ParseTimeout.TotalSeconds:N1} s (pathologically deep nesting?) and was stopped");
        }

        using var owned = document;
        var title = Collapse(document.Title ?? "");

        foreach (var element in document.QuerySelectorAll(string.Join(',', s_dropped)).ToList())
        {
            element.Remove();
        }

        // Page-level header and footer are chrome; an article's own header holds its title.
        foreach (var element in document.QuerySelectorAll("header, footer").ToList())
        {
            if (element.LocalName == "footer" || element.Closest("article, main, [role=main]") is null)
            {
                element.Remove();
            }
        }

        var root = MainRoot(document);
        if (root is null)
        {
            return (title, "");
        }

        RemoveLinkHeavyBlocks(root, cancellationToken);

        var walker = new Walker();
        walker.Walk(root, 0);
        return (title, walker.Lines.ToString());
    }

    private static IElement? MainRoot(IDocument document)
    {
        var main = document.QuerySelector("main, [role=main]");
        if (main is not null)
        {
            return main;
        }

        var articles = document.QuerySelectorAll("article");
        return articles.Length == 1 ? articles[0] : document.Body ?? document.DocumentElement;
    }

    /// <summary>
    /// Removes the outermost blocks whose text is mostly link text. Counts are gathered in one post-order pass
    /// (no recursion, linear in the page), so deep or huge pages cost no more than their size.
    /// </summary>
    private void RemoveLinkHeavyBlocks(IElement root, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<INode, (int Text, int Link)>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(INode Node, bool Done)>();
        stack.Push((root, false));
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (node, done) = stack.Pop();
            if (node is IText text)
            {
                counts[node] = (CountChars(text.Data), 0);
                continue;
            }

            if (!done)
            {
                stack.Push((node, true));
                foreach (var child in node.ChildNodes)
                {
                    stack.Push((child, false));
                }

                continue;
            }

            var (total, linked) = (0, 0);
            foreach (var child in node.ChildNodes)
            {
                if (counts.TryGetValue(child, out var c))
                {
                    total += c.Text;
                    linked += c.Link;
                }
            }

            counts[node] = (total, node is IElement { LocalName: "a" } ? total : linked);
        }

        var pending = new Stack<IElement>();
        pending.Push(root);
        var doomed = new List<IElement>();
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element != root && s_densityBlocks.Contains(element.LocalName)
                && counts.TryGetValue(element, out var c) && c.Text > 0 && (double)c.Link / c.Text > MaxLinkDensity)
            {
                doomed.Add(element);
                continue;
            }

            foreach (var child in element.Children)
            {
                pending.Push(child);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static int CountChars(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> s, ReadOnlySpan<byte> prefix)
    {
        if (s.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if ((s[i] | 0x20) != (prefix[i] | 0x20))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns the kept DOM into lines: blocks on their own lines, list items marked, table rows tab-separated.</summary>
    private sealed class Walker
    {
        private int _cell;
        private int _pre;
        private int _list;

        public TextLines Lines { get; } = new();

        public void Walk(INode node, int depth)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        AppendText(text.Data);
                        break;
                    case IElement element:
                        Element(element, depth + 1);
                        break;
                }
            }
        }

        private void Element(IElement element, int depth)
        {
            if (depth > MaxDepth)
            {
                // Absurdly deep markup: keep its text without structure rather than recurse further.
                AppendText(element.TextContent);
                return;
            }

            var name = element.LocalName;
            switch (name)
            {
                case "br":
                    if (_cell > 0 || _pre > 0)
                    {
                        Lines.Append(_pre > 0 ? '\n' : ' ');
                    }
                    else
                    {
                        Lines.EndLine();
                    }

                    return;
                case "table" when _cell == 0:
                    Lines.EndLine();
                    Table(element, depth);
                    Lines.EndLine();
                    return;
                case "ul" or "ol":
                    Break();
                    _list++;
                    var number = 1;
                    foreach (var child in element.Children)
                    {
                        if (child.LocalName == "li")
                        {
                            Break();
                            if (_cell == 0)
                            {
                                Lines.Append(new string(' ', 2 * (_list - 1)));
                                Lines.Append(name == "ol" ? $"{number++}. " : "- ");
                            }

                            Walk(child, depth + 1);
                            Break();
                        }
                        else
                        {
                            Element(child, depth + 1);
                        }
                    }

                    _list--;
                    Break();
                    return;
                case "pre":
                    Break();
                    _pre++;
                    Walk(element, depth);
                    _pre--;
                    Break();
                    return;
            }

            var block = s_blocks.Contains(name) || name == "li" || name == "tr";
            if (block)
            {
                Break();
            }

            Walk(element, depth);
            if (block)
            {
                Break();
            }
        }

        private void Table(IElement table, int depth)
        {
            foreach (var row in table.QuerySelectorAll("tr"))
            {
                if (row.Closest("table") != table)
                {
                    continue;
                }

                _cell++;
                foreach (var cell in row.Children)
                {
                    if (cell.LocalName is "td" or "th")
                    {
                        Walk(cell, depth + 1);
                        Lines.TrimEnd();
                        Lines.Append('\t');
                    }
                }

                _cell--;
                Lines.EndLine();
            }
        }

        private void Break()
        {
            if (_cell > 0)
            {
                if (!Lines.EndsWithWhitespace)
                {
                    Lines.Append(' ');
                }
            }
            else
            {
                Lines.EndLine();
            }
        }

        private void AppendText(string text)
        {
            if (_pre > 0)
            {
                foreach (var range in text.AsSpan().Split('\n'))
                {
                    if (range.Start.Value > 0)
                    {
                        Lines.EndLine();
                    }

                    Lines.Append(text.AsSpan()[range].TrimEnd('\r'));
                }

                return;
            }

            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (Lines.CurrentLength > 0 && !Lines.EndsWithWhitespace)
                    {
                        Lines.Append(' ');
                    }
                }
                else
                {
                    Lines.Append(c);
                }
            }
        }
    }
}
