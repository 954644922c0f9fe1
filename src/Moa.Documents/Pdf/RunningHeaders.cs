using System.Text;

namespace Moa.Documents.Pdf;

/// <summary>
/// Removes running headers and footers from PDF pages: lines that recur near the top or bottom of at least half of
/// the pages (and at least <see cref="MinPages"/>), compared with every digit folded to one symbol so that
/// "- 3 -" and "- 4 -" or "3 / 37" and "4 / 37" match; plus stand-alone page-number lines at a page's edge.
/// Without this, pdftotext output repeats the title and page furniture on every page, which reads as
/// repeated boilerplate to the duplicate-line and duplicate-paragraph filters.
/// </summary>
internal static class RunningHeaders
{
    /// <summary>How many non-blank lines at each edge of a page are header/footer candidates.</summary>
    public const int EdgeLines = 3;

    /// <summary>A line must recur on at least this many pages to be a running header or footer.</summary>
    public const int MinPages = 3;

    /// <summary>Removes running headers, footers and edge page numbers in place; returns how many lines went.</summary>
    public static int Remove(List<string> pages)
    {
        var lines = new List<string[]>(pages.Count);
        foreach (var page in pages)
        {
            lines.Add(page.Length == 0 ? [] : page.Split('\n'));
        }

        // Count each folded edge line once per page.
        var textPages = lines.Count(l => l.Length > 0);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in lines)
        {
            seen.Clear();
            foreach (var i in EdgeIndexes(page))
            {
                var key = Fold(page[i]);
                if (key.Length > 0 && seen.Add(key))
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        var needed = Math.Max(MinPages, (textPages + 1) / 2);
        var removed = 0;
        for (var p = 0; p < lines.Count; p++)
        {
            var page = lines[p];
            if (page.Length == 0)
            {
                continue;
            }

            var drop = new bool[page.Length];
            var any = false;
            foreach (var i in EdgeIndexes(page))
            {
                var running = textPages >= MinPages && counts.GetValueOrDefault(Fold(page[i])) >= needed;
                if (running || (textPages > 1 && IsPageNumber(page[i])))
                {
                    drop[i] = true;
                    any = true;
                    removed++;
                }
            }

            if (any)
            {
                pages[p] = Rebuild(page, drop);
            }
        }

        return removed;
    }

    /// <summary>Indexes of the first and last <see cref="EdgeLines"/> non-blank lines.</summary>
    private static IEnumerable<int> EdgeIndexes(string[] page)
    {
        var top = new List<int>(EdgeLines);
        for (var i = 0; i < page.Length && top.Count < EdgeLines; i++)
        {
            if (!string.IsNullOrWhiteSpace(page[i]))
            {
                top.Add(i);
            }
        }

        var bottom = new List<int>(EdgeLines);
        for (var i = page.Length - 1; i >= 0 && bottom.Count < EdgeLines; i--)
        {
            if (!string.IsNullOrWhiteSpace(page[i]) && !top.Contains(i))
            {
                bottom.Add(i);
            }
        }

        return top.Concat(bottom);
    }

    /// <summary>The line trimmed, inner whitespace collapsed, every run of digits folded to '#'.</summary>
    internal static string Fold(string line)
    {
        var sb = new StringBuilder(line.Length);
        var space = false;
        var digit = false;
        foreach (var c in line.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                digit = false;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            if (char.IsAsciiDigit(c))
            {
                if (!digit)
                {
                    sb.Append('#');
                }

                digit = true;
                continue;
            }

            digit = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>"3", "- 3 -", "— 3 —", "3 / 37", "(3)", "[3]", "p. 3", "page 3", "Page 3 of 37", "3쪽", "3 페이지".</summary>
    internal static bool IsPageNumber(string line)
    {
        var folded = Fold(line);
        if (folded.Length == 0 || !folded.Contains('#', StringComparison.Ordinal) || folded.Length > 16)
        {
            return false;
        }

        return folded.ToLowerInvariant() switch
        {
            "#" or "- # -" or "-#-" or "– # –" or "— # —" or "# / #" or "#/#" or "(#)" or "[#]" or "- # / # -" => true,
            "p. #" or "p.#" or "page #" or "page # of #" or "#쪽" or "# 쪽" or "# 페이지" or "#페이지" or "- # 쪽 -" => true,
            _ => false,
        };
    }

    private static string Rebuild(string[] page, bool[] drop)
    {
        var sb = new StringBuilder();
        var blank = false;
        for (var i = 0; i < page.Length; i++)
        {
            if (drop[i])
            {
                continue;
            }

            if (page[i].Length == 0)
            {
                blank = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(blank ? "\n\n" : "\n");
            }

            sb.Append(page[i]);
            blank = false;
        }

        return sb.ToString();
    }
}
