using Moa.Documents;

namespace Moa.Documents.Tests;

/// <summary>Runs a reader on a file and collects its documents and issues.</summary>
internal static class BinaryReaderTestKit
{
    public static (List<SourceDocument> Documents, List<ReadIssue> Issues) ReadAll(IDocumentReader reader, string path, CancellationToken ct = default)
    {
        var issues = new List<ReadIssue>();
        var context = new ReadContext(new ReaderOptions(), issues.Add);
        var documents = reader.Read(path, context, ct).ToList();
        return (documents, issues);
    }
}
