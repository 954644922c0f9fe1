using System.Text.Json;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;

namespace Moa.Curation.Tests.Dedup;

/// <summary>
/// Runs verified near dedup in memory over a list of texts (canonical order = list order), and the unverified LSH
/// clusterer beside it, and measures both against exact Jaccard of word 5-grams.
/// </summary>
internal static class VerifiedDedupHarness
{
    /// <summary>Whether an evaluation item (planted group, genre document) belongs to the tuning half: a fixed hash of its key.</summary>
    public static bool IsTuning(string key) => (TextHash.XxHash64(key.AsSpan(), 0x5EED) & 1) == 0;

    /// <summary>Verified near dedup over <paramref name="texts"/>: the decision for each document.</summary>
    public static NearDecision[] RunVerified(IReadOnlyList<string> texts, NearDedupOptions options)
    {
        var hasher = new MinHasher(options);
        var dedup = new VerifiedNearDeduplicator(hasher.BandCount, options.Rule, options.MaxCandidates, i => hasher.ShingleSet(texts[i]), texts.Count);
        var bands = new ulong[hasher.BandCount];
        var result = new NearDecision[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            hasher.ComputeBandHashes(texts[i], bands);
            result[i] = dedup.Add(i, bands);
        }

        return result;
    }

    /// <summary>The unverified LSH connected components (the behaviour before verification): each document's kept representative.</summary>
    public static int[] RunUnverified(IReadOnlyList<string> texts, NearDedupOptions options)
    {
        var hasher = new MinHasher(options);
        var clusterer = new NearDuplicateClusterer(hasher.BandCount, texts.Count);
        var bands = new ulong[hasher.BandCount];
        for (var i = 0; i < texts.Count; i++)
        {
            hasher.ComputeBandHashes(texts[i], bands);
            clusterer.Add(i, bands);
        }

        return clusterer.Representatives();
    }

    /// <summary>The kept document of each document's cluster under verified dedup.</summary>
    public static int[] KeptOf(NearDecision[] decisions) =>
        [.. decisions.Select((d, i) => d.IsDuplicate ? d.DuplicateOf : i)];

    /// <summary>Removed documents and those among them whose true Jaccard with the kept copy they point to is below <paramref name="below"/>.</summary>
    public static (int Removed, int Low) Precision(IReadOnlyList<string> texts, int[] keptOf, double below = 0.7, Func<int, bool>? counted = null)
    {
        var removed = 0;
        var low = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            if (keptOf[i] == i || (counted is not null && !counted(i)))
            {
                continue;
            }

            removed++;
            low += DedupTestCorpus.TrueJaccard(texts[i], texts[keptOf[i]]) < below ? 1 : 0;
        }

        return (removed, low);
    }

    /// <summary>Every document of the genre sets in <c>shared/data/text/genres</c>, NFC, in file then line order, as (id, text).</summary>
    public static List<(string Id, string Text)> GenreDocuments()
    {
        var docs = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(TestPaths.Data("text", "genres"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                docs.Add((Path.GetFileNameWithoutExtension(file) + "/" + root.GetProperty("id").GetString(), root.GetProperty("text").GetString()!.Normalize(System.Text.NormalizationForm.FormC)));
            }
        }

        return docs;
    }

    /// <summary>
    /// A generated corpus in the style of the bench corpus: documents recombined from real Korean paragraphs of a
    /// small pool (so distinct documents share many shingles, which is what made unverified LSH chain), with 4%
    /// near copies (1-3% word edits) and 4% exact copies of recent documents.
    /// </summary>
    public static List<string> GeneratedCorpus(int documents, int seed)
    {
        var random = new Random(seed);
        var pool = DedupTestCorpus.Originals.Where(d => DedupTestCorpus.Words(d).Length is >= 5 and <= 60).Take(3000).ToArray();
        var recent = new List<string>();
        var docs = new List<string>(documents);
        while (docs.Count < documents)
        {
            var roll = random.NextDouble();
            if (roll < 0.04 && recent.Count > 0)
            {
                docs.Add(recent[random.Next(recent.Count)]);
            }
            else if (roll < 0.08 && recent.Count > 0)
            {
                docs.Add(DedupTestCorpus.Edit(recent[random.Next(recent.Count)], 0.01 + (random.NextDouble() * 0.02), random));
            }
            else
            {
                var parts = new List<string>();
                var target = random.Next(2, 12);
                while (parts.Count < target)
                {
                    parts.Add(pool[random.Next(pool.Length)]);
                }

                var text = string.Join("\n", parts);
                docs.Add(text);
                if (recent.Count < 2000)
                {
                    recent.Add(text);
                }
                else
                {
                    recent[random.Next(recent.Count)] = text;
                }
            }
        }

        return docs;
    }
}
