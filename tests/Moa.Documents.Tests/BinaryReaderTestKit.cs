using System.IO.Compression;
using System.Text;

namespace Moa.Documents.Tests;

/// <summary>Runs a reader on a file and collects its documents and issues; writes small zip packages for tests.</summary>
internal static class BinaryReaderTestKit
{
    public static (List<SourceDocument> Documents, List<ReadIssue> Issues) ReadAll(IDocumentReader reader, string path, CancellationToken ct = default)
    {
        var issues = new List<ReadIssue>();
        var context = new ReadContext(new ReaderOptions(), issues.Add);
        var documents = reader.Read(path, context, ct).ToList();
        return (documents, issues);
    }

    /// <summary>Writes a zip with the given parts (UTF-8 text), in order.</summary>
    public static string WriteZip(string path, params (string Name, string Content)[] parts)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in parts)
        {
            using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return path;
    }

    /// <summary>Copies a zip, leaving out entries whose names match <paramref name="drop"/> and adding <paramref name="extra"/>.</summary>
    public static string CopyZip(string source, string target, Func<string, bool> drop, params (string Name, string Content)[] extra)
    {
        using (var input = ZipFile.OpenRead(source))
        using (var output = ZipFile.Open(target, ZipArchiveMode.Create))
        {
            foreach (var entry in input.Entries)
            {
                if (drop(entry.FullName))
                {
                    continue;
                }

                using var from = entry.Open();
                using var to = output.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }

            foreach (var (name, content) in extra)
            {
                using var to = output.CreateEntry(name).Open();
                to.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return target;
    }
}
