namespace Moa.Documents;

/// <summary>
/// Picks the reader for a file by extension and magic bytes. Readers are tried in order;
/// the first whose <see cref="IDocumentReader.CanRead"/> says yes wins.
/// </summary>
public sealed class ReaderRegistry
{
    private readonly IReadOnlyList<IDocumentReader> _readers;

    public ReaderRegistry(IEnumerable<IDocumentReader> readers) => _readers = [.. readers];

    /// <summary>Every reader Moa ships, binary formats (by magic bytes) before text ones.</summary>
    public static ReaderRegistry Default { get; } = new(
    [
        // Binary formats first: they are recognised by magic bytes.
        // Text formats last.
        new Jsonl.JsonlReader(),
        new Csv.CsvReader(),
        new PlainText.PlainTextReader(),
    ]);

    /// <summary>The readers, in the order they are tried.</summary>
    public IReadOnlyList<IDocumentReader> Readers => _readers;

    /// <summary>The reader for <paramref name="path"/>, or <see langword="null"/> when none reads it.</summary>
    public IDocumentReader? Find(string path)
    {
        Span<byte> head = stackalloc byte[4096];
        int n;
        using (var stream = File.OpenRead(path))
        {
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return Find(path, head[..n]);
    }

    /// <summary>The reader for a file with the given name and first bytes.</summary>
    public IDocumentReader? Find(string path, ReadOnlySpan<byte> head)
    {
        foreach (var reader in _readers)
        {
            if (reader.CanRead(path, head))
            {
                return reader;
            }
        }

        return null;
    }
}
