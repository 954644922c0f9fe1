using System.Text;
using Moa.Documents;
using Moa.Documents.Jsonl;

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
                .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || CorpusPart.IsPart(f))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new MoaException($"{path}: no .txt, .jsonl, .jsonl.gz, .jsonl.zst or .parquet files in this folder; give a corpus file or a folder holding some.");
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
        if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadLines(file, Encoding.UTF8).Where(line => !string.IsNullOrWhiteSpace(line));
        }

        return Records(file, textField);
    }

    private static IEnumerable<string> Records(string file, string textField)
    {
        using var records = CorpusPart.Read(file, textField, skipWithoutText: true).GetEnumerator();
        while (true)
        {
            try
            {
                if (!records.MoveNext())
                {
                    yield break;
                }
            }
            catch (DocumentReadException ex)
            {
                throw new MoaException($"{ex.Issue}; each line must be one JSON object with a \"{textField}\" field.", ex);
            }

            if (records.Current.Text.Length > 0)
            {
                yield return records.Current.Text;
            }
        }
    }
}
