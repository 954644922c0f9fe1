using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;

namespace Moa.Curation.Tests.Pipeline;

/// <summary>Helpers to build small provider inputs from the real shared data and to read a run's output.</summary>
internal static class CurationFixture
{
    /// <summary>The first <paramref name="count"/> real NSMC reviews as (id, text).</summary>
    public static List<(string Id, string Text)> Reviews(int count, int skip = 0)
    {
        var result = new List<(string, string)>(count);
        foreach (var line in File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Skip(skip))
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString()!;
            result.Add((doc.RootElement.GetProperty("id").ToString(), text));
            if (result.Count == count)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Forum-thread-like documents: each joins <paramref name="reviewsPerDoc"/> consecutive real reviews.</summary>
    public static List<string> Threads(int documents, int reviewsPerDoc = 12, int skip = 0)
    {
        var reviews = Reviews(documents * reviewsPerDoc, skip);
        var docs = new List<string>(documents);
        for (var d = 0; d < documents; d++)
        {
            docs.Add(string.Join("\n", reviews.Skip(d * reviewsPerDoc).Take(reviewsPerDoc).Select(r => r.Text)));
        }

        return docs;
    }

    public static void WriteJsonl(string path, IEnumerable<(string Id, string Text)> records, bool gzip = false)
    {
        using var file = File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        foreach (var (id, text) in records)
        {
            writer.Write(JsonSerializer.Serialize(new { id, text }));
            writer.Write('\n');
        }
    }

    /// <summary>Every record of the gzip JSONL files in a folder, in part order.</summary>
    public static List<JsonElement> ReadParts(string dir)
    {
        var records = new List<JsonElement>();
        if (!Directory.Exists(dir))
        {
            return records;
        }

        foreach (var part in Directory.GetFiles(dir, "part-*.jsonl.gz").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(part), CompressionMode.Decompress));
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                records.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return records;
    }

    /// <summary>Concatenated bytes of every data part, for byte-identity checks.</summary>
    public static byte[] DataBytes(string outputDir)
    {
        using var all = new MemoryStream();
        foreach (var part in Directory.GetFiles(Path.Combine(outputDir, "data")).Order(StringComparer.Ordinal))
        {
            var name = Encoding.UTF8.GetBytes(Path.GetFileName(part));
            all.Write(name);
            all.Write(File.ReadAllBytes(part));
        }

        return all.ToArray();
    }

    public static CurationResult Run(IReadOnlyList<string> inputs, string output, CurationConfig? config = null, int workers = 2, bool failFast = false) =>
        new CurationRunner().Run(new CurationRequest
        {
            Inputs = inputs,
            OutputDir = output,
            Config = config ?? new CurationConfig(),
            Workers = workers,
            FailFast = failFast,
        });
}
