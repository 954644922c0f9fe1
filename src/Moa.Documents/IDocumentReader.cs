namespace Moa.Documents;

/// <summary>
/// Reads one kind of provider file into documents. Readers are stateless and thread-safe;
/// one call to <see cref="Read"/> reads one file from start to end.
/// </summary>
public interface IDocumentReader
{
    /// <summary>Format name recorded in each document's origin (e.g. <c>jsonl</c>).</summary>
    string Format { get; }

    /// <summary>Whether this reader handles the file, judged by its name and first bytes.</summary>
    /// <param name="path">File path (the extension is a hint).</param>
    /// <param name="head">Up to the first 4,096 bytes of the file (magic bytes).</param>
    bool CanRead(string path, ReadOnlySpan<byte> head);

    /// <summary>
    /// Reads the documents of one file in order. Problems with single records are sent to
    /// <see cref="ReadContext.Report"/> and reading goes on; a problem that ends the file
    /// (e.g. a truncated archive) is reported and the enumeration ends.
    /// </summary>
    IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default);
}
