using Moa.Documents;

namespace Moa.Privacy.Tests.RealCarriers;

/// <summary>Reads real provider files from ../shared/data with the project's own readers, as the curation pipeline does.</summary>
internal static class ProviderDocuments
{
    /// <summary>Every document the registered reader yields for <paramref name="relativePath"/> (relative to shared/data).</summary>
    public static List<SourceDocument> Read(string relativePath, ReaderOptions? options = null)
    {
        var path = TestPaths.Data(relativePath.Split('/'));
        var reader = ReaderRegistry.Default.Find(path) ?? throw new InvalidOperationException("no reader for " + path);
        var context = new ReadContext(options ?? new ReaderOptions(), issue => throw new InvalidOperationException(issue.ToString()));
        return [.. reader.Read(path, context)];
    }
}
