using System.Text;
using System.Text.Json;

namespace Moa.Evaluation.ReferenceModel;

/// <summary>Reads training text for the reference model: a <c>.txt</c> file (one document a line), a JSONL file (a text field), or a folder of them.</summary>
public static class CorpusReader
{
    /// <summary>Documents from <paramref name="path"/>; JSONL lines without the field are skipped, malformed lines name file and line.</summary>
    public static IEnumerable<string> Read(string path, string textField = "text")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new MoaException($"{path}: no .txt, .jsonl or .jsonl.gz files in this folder; give a corpus file or a folder holding some.");
            }

            return files.SelectMany(f => ReadFile(f, textField));
        }

        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: corpus not found; give a .txt or .jsonl file (e.g. shared/data/text/nsmc_reviews_sample.jsonl).");
        }

        return ReadFile(path, textField);
    }

    private static IEnumerable<string> ReadFile(string file, string textField)
    {
        var gzip = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var jsonl = gzip || file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var lineNo = 0;
        foreach (var line in gzip ? GzipLines(file) : File.ReadLines(file, Encoding.UTF8))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!jsonl)
            {
                yield return line;
                continue;
            }

            string? text;
            try
            {
                using var doc = JsonDocument.Parse(line);
                text = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(textField, out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()
                    : null;
            }
            catch (JsonException ex)
            {
                throw new MoaException($"{file}:{lineNo}: not valid JSON ({ex.Message}); each line must be one JSON object with a \"{textField}\" field.", ex);
            }

            if (!string.IsNullOrEmpty(text))
            {
                yield return text;
            }
        }
    }

    /// <summary>Lines of a gzip text file, e.g. a <c>moa curate</c> output part.</summary>
    private static IEnumerable<string> GzipLines(string file)
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
