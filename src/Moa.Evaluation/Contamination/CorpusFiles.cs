namespace Moa.Evaluation.Contamination;

/// <summary>A corpus data file and the name of the corpus it belongs to.</summary>
public sealed record CorpusFile(string Corpus, string Path);

/// <summary>Finds the data files of curated corpora: <c>data/part-NNNNN.jsonl.gz</c> under a <c>moa curate</c> output folder.</summary>
public static class CorpusFiles
{
    /// <summary>
    /// The data files of each corpus, sorted: a curate output folder (its <c>data/*.jsonl.gz</c>), a folder of <c>.jsonl(.gz)</c>
    /// files, or a single file.
    /// </summary>
    /// <exception cref="MoaException">A corpus is missing or holds no data files.</exception>
    public static List<CorpusFile> Find(IReadOnlyList<string> corpora)
    {
        if (corpora.Count == 0)
        {
            throw new MoaException("no corpus given; pass --corpus with one or more 'moa curate' output folders.");
        }

        var files = new List<CorpusFile>();
        foreach (var corpus in corpora)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(corpus));
            if (File.Exists(corpus))
            {
                files.Add(new CorpusFile(name, corpus));
                continue;
            }

            if (!Directory.Exists(corpus))
            {
                throw new MoaException($"{corpus}: corpus not found; give a 'moa curate' output folder (holding data/part-NNNNN.jsonl.gz).");
            }

            var data = Path.Combine(corpus, "data");
            var folder = Directory.Exists(data) ? data : corpus;
            var found = Directory.EnumerateFiles(folder)
                .Where(Moa.Documents.Jsonl.CorpusPart.IsPart)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0)
            {
                throw new MoaException($"{corpus}: no data/part-NNNNN files (.jsonl.gz, .jsonl.zst, .parquet); is this a 'moa curate' output folder?");
            }

            files.AddRange(found.Select(f => new CorpusFile(name, f)));
        }

        return files;
    }
}
