using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Moa.Documents.Packaging;

namespace Moa.Documents.Pdf;

/// <summary>
/// Reads PDF text through Poppler's <c>pdftotext</c> (Debian <c>poppler-utils</c>), one document per file with
/// pages separated by a blank line. Pages without a text layer (scanned images) are listed in one
/// <c>scanned-page-no-text</c> issue; a missing <c>pdftotext</c>, an encrypted or damaged PDF, or a run past
/// <see cref="Timeout"/> each become one issue for the file.
/// </summary>
public sealed class PdfReader : IDocumentReader
{
    /// <summary>The <c>pdftotext</c> executable (a name on PATH or a full path).</summary>
    public string PdfToTextPath { get; init; } = "pdftotext";

    /// <summary>
    /// Use <c>pdftotext -layout</c> (keeps the physical layout, good for tables and statutes). Off by default:
    /// layout mode puts the lines of two-column pages side by side, while the default reading order keeps each
    /// column's sentences together, which is what a text corpus needs.
    /// </summary>
    public bool Layout { get; init; }

    /// <summary>
    /// Remove running headers and footers (lines recurring at the top or bottom of at least half of the pages, at
    /// least 3, digits folded so page numbers match) and stand-alone page-number lines at a page's edge. On by
    /// default; the count removed is recorded in <c>Extra["header_lines_removed"]</c>.
    /// </summary>
    public bool RemoveRunningHeaders { get; init; } = true;

    /// <summary>Longest time one file may take before <c>pdftotext</c> is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most text accepted from one PDF (bytes of UTF-8).</summary>
    public int MaxTextBytes { get; init; } = 256 * 1024 * 1024;

    /// <inheritdoc />
    public string Format => "pdf";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || head.StartsWith("%PDF-"u8);

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return DocumentFailure.Guard(path, context, "PDF", () => ReadFile(path, context, cancellationToken));
    }

    private IReadOnlyList<SourceDocument> ReadFile(string path, ReadContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no such file: {path}", path);
        }

        var output = RunPdfToText(path, cancellationToken);
        var pages = SplitPages(output);
        var headerLines = RemoveRunningHeaders ? RunningHeaders.Remove(pages) : 0;
        var text = new StringBuilder();
        var empty = new List<int>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            if (page.Length == 0)
            {
                empty.Add(i + 1);
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(page);
        }

        if (empty.Count > 0)
        {
            context.Report(new ReadIssue(path, 0, "scanned-page-no-text",
                $"page(s) {Ranges(empty)} of {pages.Count} have no text layer (scanned images?); OCR them (e.g. Debian tesseract-ocr-kor) to include their text"));
        }

        if (text.Length == 0)
        {
            if (empty.Count == 0)
            {
                context.Report(new ReadIssue(path, 0, "empty-text", "pdftotext found no pages and no text in the PDF"));
            }

            return [];
        }

        var extra = new Dictionary<string, string>
        {
            ["pages"] = pages.Count.ToString(CultureInfo.InvariantCulture),
            ["format_detail"] = Layout ? "pdftotext -layout" : "pdftotext",
        };
        if (RemoveRunningHeaders)
        {
            extra["header_lines_removed"] = headerLines.ToString(CultureInfo.InvariantCulture);
        }

        if (empty.Count > 0)
        {
            extra["pages_without_text"] = Ranges(empty);
        }

        if (context.Options.Provider is { } provider)
        {
            extra["provider"] = provider;
        }

        return [new SourceDocument(ReadContext.DerivedId(path, 0), text.ToString(), new DocumentOrigin(path, 0, Format), extra)];
    }

    /// <summary>Pages as pdftotext ends them (form feed after each page), each with blank edges and trailing spaces trimmed.</summary>
    internal static List<string> SplitPages(string output)
    {
        var pages = new List<string>();
        var rest = output.AsSpan();
        while (rest.Length > 0)
        {
            var ff = rest.IndexOf('\f');
            var page = ff < 0 ? rest : rest[..ff];
            rest = ff < 0 ? [] : rest[(ff + 1)..];
            if (ff < 0 && page.IsWhiteSpace())
            {
                break;
            }

            pages.Add(CleanPage(page));
        }

        return pages;
    }

    private static string CleanPage(ReadOnlySpan<char> page)
    {
        var sb = new StringBuilder(page.Length);
        foreach (var range in page.Split('\n'))
        {
            var line = page[range].TrimEnd();
            if (line.IsEmpty && (sb.Length == 0 || (sb.Length > 1 && sb[^1] == '\n' && sb[^2] == '\n')))
            {
                continue;
            }

            sb.Append(line).Append('\n');
        }

        while (sb.Length > 0 && char.IsWhiteSpace(sb[^1]))
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    private string RunPdfToText(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(PdfToTextPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add("-enc");
        start.ArgumentList.Add("UTF-8");
        if (Layout)
        {
            start.ArgumentList.Add("-layout");
        }

        // A full path can never be taken for an option.
        start.ArgumentList.Add(Path.GetFullPath(path));
        start.ArgumentList.Add("-");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process started");
        }
        catch (Win32Exception e)
        {
            throw new DocumentFormatException("pdftotext-missing",
                $"cannot run '{PdfToTextPath}' ({e.Message}); install Poppler with `apt-get install poppler-utils` (or scripts/ensure-deps.sh poppler-utils)");
        }

        using (process)
        {
            var stdout = new MemoryStream();
            var overflow = false;
            var copy = CopyCappedAsync(process.StandardOutput.BaseStream, stdout, MaxTextBytes, () =>
            {
                overflow = true;
                TryKill(process);
            });
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var clock = Stopwatch.StartNew();
            while (!process.WaitForExit(100))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    TryKill(process);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (clock.Elapsed > Timeout)
                {
                    TryKill(process);
                    throw new DocumentFormatException("pdf-timeout",
                        $"pdftotext ran longer than {Timeout.TotalSeconds:N0} s on this PDF and was stopped; the file may be damaged or very large");
                }
            }

            copy.GetAwaiter().GetResult();
            var errors = stderr.GetAwaiter().GetResult();
            if (overflow)
            {
                throw new DocumentFormatException("file-too-large", $"the PDF's text exceeds {MaxTextBytes:N0} bytes; split the file");
            }

            if (process.ExitCode != 0)
            {
                var first = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
                if (errors.Contains("password", StringComparison.OrdinalIgnoreCase) || process.ExitCode == 3)
                {
                    throw new DocumentFormatException("pdf-password",
                        $"the PDF is encrypted or forbids text extraction ({first}); ask the provider for an unprotected copy");
                }

                throw new DocumentFormatException("corrupt-container",
                    $"pdftotext could not read the PDF (exit code {process.ExitCode}: {first})");
            }

            return Encoding.UTF8.GetString(stdout.GetBuffer(), 0, (int)stdout.Length);
        }
    }

    private static async Task CopyCappedAsync(Stream source, MemoryStream target, int cap, Action onOverflow)
    {
        var buffer = new byte[81920];
        int n;
        while ((n = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (target.Length + n > cap)
            {
                onOverflow();
                return;
            }

            target.Write(buffer, 0, n);
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>"1, 3-5, 9" from sorted page numbers.</summary>
    internal static string Ranges(List<int> pages)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pages.Count; i++)
        {
            var j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1)
            {
                j++;
            }

            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(pages[i].ToString(CultureInfo.InvariantCulture));
            if (j > i)
            {
                sb.Append('-').Append(pages[j].ToString(CultureInfo.InvariantCulture));
            }

            i = j;
        }

        return sb.ToString();
    }
}
