using System.Globalization;
using Moa.Documents.Packaging;

namespace Moa.Documents.Hwp;

/// <summary>
/// Reads Hancom HWP 5.0 word-processor files (the binary format of Korean public bodies) into one document
/// per file: every body section's paragraphs, including tables, text boxes and footnotes. DRM-wrapped,
/// password-protected and distribution documents, HWP 3.0 files and damaged containers are refused with
/// one issue naming the reason.
/// </summary>
public sealed class HwpReader : IDocumentReader
{
    /// <summary>Largest file read (bytes); larger ones are refused before reading.</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest inflated body section (bytes): a guard against deflate bombs.</summary>
    public int MaxSectionBytes { get; init; } = 256 * 1024 * 1024;

    /// <inheritdoc />
    public string Format => "hwp";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".hwp", StringComparison.OrdinalIgnoreCase) || head.StartsWith(HwpExtractor.Hwp3Signature);

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return DocumentFailure.Guard(path, context, "HWP", () => ReadFile(path, context, cancellationToken));
    }

    private IReadOnlyList<SourceDocument> ReadFile(string path, ReadContext context, CancellationToken cancellationToken)
    {
        var bytes = DocumentFailure.ReadAllBytesCapped(path, MaxFileBytes, "HWP");
        var result = HwpExtractor.Extract(bytes, MaxSectionBytes, cancellationToken);
        if (result.Text.Length == 0)
        {
            context.Report(new ReadIssue(path, 0, "empty-text",
                $"the HWP document has {result.Sections} body section(s) but no text (only images or empty paragraphs?)"));
            return [];
        }

        var extra = new Dictionary<string, string>
        {
            ["format_detail"] = "HWP " + result.Version,
            ["sections"] = result.Sections.ToString(CultureInfo.InvariantCulture),
            ["paragraphs"] = result.Paragraphs.ToString(CultureInfo.InvariantCulture),
        };
        if (context.Options.Provider is { } provider)
        {
            extra["provider"] = provider;
        }

        return [new SourceDocument(ReadContext.DerivedId(path, 0), result.Text, new DocumentOrigin(path, 0, Format), extra)];
    }
}
