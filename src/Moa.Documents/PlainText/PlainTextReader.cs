using System.Text;
using Moa.Text.Encodings;

namespace Moa.Documents.PlainText;

/// <summary>
/// Reads a plain-text or Markdown file (<c>.txt</c>, <c>.md</c>) as one document whose id is the file name. The encoding
/// is detected (UTF-8 with or without BOM, UTF-16 with BOM, CP949/EUC-KR); bytes valid in none of them are reported.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    private static readonly string[] s_extensions = [".txt", ".text", ".md", ".markdown"];

    /// <inheritdoc />
    public string Format => "text";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var ext in s_extensions)
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        var document = ReadDocument(path, context);
        return document is null ? [] : [document];
    }

    private static SourceDocument? ReadDocument(string path, ReadContext context)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > context.Options.MaxRecordBytes)
            {
                context.Report(new ReadIssue(path, 0, "record-too-large",
                    $"The file is {length:N0} bytes, over the {context.Options.MaxRecordBytes:N0}-byte record limit; it was skipped. Split it or raise MaxRecordBytes."));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(new ReadIssue(path, 0, "unreadable-file", $"Cannot open the file: {ex.Message}"), ex);
        }

        var detected = TextEncodingDetector.Detect(bytes);
        var body = bytes.AsSpan(detected.PreambleLength);
        if (body.IsEmpty)
        {
            context.Report(new ReadIssue(path, 0, "empty-file", "The file is empty: no document was read. Check that the right file was given."));
            return null;
        }

        string? text = null;
        var at = string.Empty;
        try
        {
            if (detected.Name != "cp949" || TextEncodingDetector.IsValidCp949(body))
            {
                text = detected.Encoding.GetString(body);
            }
        }
        catch (DecoderFallbackException ex)
        {
            at = ex.Index >= 0 ? $" near byte {ex.Index + detected.PreambleLength:N0}" : string.Empty;
        }

        if (text is null)
        {
            context.Report(new ReadIssue(path, 0, "invalid-encoding",
                $"The file is neither valid UTF-8 nor valid CP949/EUC-KR{at}; it was skipped. Convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)."));
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            context.Report(new ReadIssue(path, 0, "invalid-encoding",
                $"The file holds NUL characters (binary data, or UTF-16 without a byte-order mark; read as {detected.Name}); it was skipped. Convert it to UTF-8."));
            return null;
        }

        Dictionary<string, string>? extra = null;
        if (detected.Name != "utf-8" || context.Options.Provider is not null)
        {
            extra = new Dictionary<string, string>(StringComparer.Ordinal);
            if (detected.Name != "utf-8")
            {
                extra["encoding"] = detected.Name;
            }

            if (context.Options.Provider is { } provider)
            {
                extra["provider"] = provider;
            }
        }

        return new SourceDocument(Path.GetFileName(path), text, new DocumentOrigin(path, 1, "text"), extra);
    }
}
