using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;
using Moa.Text.Normalization;

namespace Moa.Bench.Dedup;

/// <summary>
/// Near-dedup precision and cost, verified (the pipeline's <see cref="VerifiedNearDeduplicator"/>) against unverified
/// LSH connected components (<see cref="NearDuplicateClusterer"/>, the behaviour before verification), in one process
/// on the same texts: documents removed, largest cluster, removed documents whose true word 5-gram Jaccard with the
/// kept copy they point to is below 0.7 (and 0.5), the similarity histogram, per-core MB/s (thread CPU time) and
/// memory per document. Texts are NFC-normalised and exact duplicates are removed first, as in <c>moa curate</c>.
/// True Jaccard is computed independently of the dedup code: lower-cased whitespace words, 5-gram strings.
/// </summary>
internal static class DedupPrecision
{
    public static int Run(IReadOnlyList<string> inputs)
    {
        var texts = Load(inputs);
        if (texts.Count == 0)
        {
            Console.Error.WriteLine("no documents: pass folders of *.jsonl.gz or *.jsonl files");
            return 2;
        }

        var mb = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t)) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count:N0} documents after exact dedup, {mb:N1} MB of UTF-8 text"));
        var options = new NearDedupOptions();
        var hasher = new MinHasher(options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"options: {options.Method} {options.Bands}x{options.Rows}, min_similarity {options.MinSimilarity}, max_word_edits {options.MaxWordEdits}, max_edit_rate {options.MaxEditRate}, max_candidates {options.MaxCandidates}"));

        // Warm both paths, then measure each twice and keep the faster (thread CPU time: the per-core cost).
        var warm = texts.Take(Math.Min(2000, texts.Count)).ToList();
        Unverified(warm, hasher);
        Verified(warm, hasher, options);
        double oldSeconds = double.MaxValue, newSeconds = double.MaxValue;
        int[] oldKept = [];
        NearDecision[] decisions = [];
        long oldBytes = 0, newBytes = 0;
        for (var run = 0; run < 2; run++)
        {
            var t0 = ThreadCpuTime.Now();
            (oldKept, oldBytes) = Unverified(texts, hasher);
            var t1 = ThreadCpuTime.Now();
            (decisions, newBytes) = Verified(texts, hasher, options);
            var t2 = ThreadCpuTime.Now();
            oldSeconds = Math.Min(oldSeconds, t1 - t0);
            newSeconds = Math.Min(newSeconds, t2 - t1);
        }

        var newKept = decisions.Select((d, i) => d.IsDuplicate ? d.DuplicateOf : i).ToArray();
        Report("unverified LSH (before)", texts, oldKept, mb / oldSeconds, oldBytes);
        Report("verified (now)", texts, newKept, mb / newSeconds, newBytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cost of verification: {newSeconds / oldSeconds:N2}x the CPU time of unverified near dedup end to end (band keys + merge)"));
        var histogram = new long[20];
        foreach (var d in decisions.Where(d => d.IsDuplicate))
        {
            histogram[Math.Min(19, (int)(d.Similarity * 20))]++;
        }

        Console.WriteLine("verified: removed near duplicates by similarity with the kept copy (stats.json near_dedup.similarity):");
        for (var b = 0; b < 20; b++)
        {
            if (histogram[b] > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {b / 20.0:0.00}-{(b + 1) / 20.0:0.00}: {histogram[b]:N0}"));
            }
        }

        return 0;
    }

    private static (int[] Kept, long Bytes) Unverified(IReadOnlyList<string> texts, MinHasher hasher)
    {
        var clusterer = new NearDuplicateClusterer(hasher.BandCount, texts.Count);
        var bands = new ulong[hasher.BandCount];
        for (var i = 0; i < texts.Count; i++)
        {
            hasher.ComputeBandHashes(texts[i], bands);
            clusterer.Add(i, bands);
        }

        return (clusterer.Representatives(), clusterer.MemoryBytes);
    }

    private static (NearDecision[] Decisions, long Bytes) Verified(IReadOnlyList<string> texts, MinHasher hasher, NearDedupOptions options)
    {
        var dedup = new VerifiedNearDeduplicator(hasher.BandCount, options.Rule, options.MaxCandidates, i => hasher.ShingleSet(texts[i]), texts.Count);
        var bands = new ulong[hasher.BandCount];
        var result = new NearDecision[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            hasher.ComputeBandHashes(texts[i], bands);
            result[i] = dedup.Add(i, bands);
        }

        Console.WriteLine($"  verified: {dedup.Verified:N0} candidate pairs verified, {dedup.Rejected:N0} rejected; shingle-set cache {dedup.CacheBytes / 1e6:N1} MB");
        return (result, dedup.MemoryBytes - dedup.CacheBytes);
    }

    private static void Report(string label, IReadOnlyList<string> texts, int[] keptOf, double mbPerSecond, long bytes)
    {
        var removed = 0;
        var below07 = 0;
        var below05 = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            if (keptOf[i] == i)
            {
                continue;
            }

            removed++;
            var j = TrueJaccard(texts[i], texts[keptOf[i]]);
            below07 += j < 0.7 ? 1 : 0;
            below05 += j < 0.5 ? 1 : 0;
        }

        var largest = keptOf.GroupBy(k => k).Max(g => g.Count());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: removed {removed:N0}; true J < 0.7 with the kept copy: {below07:N0} ({(removed == 0 ? 0 : below07 / (double)removed):P2}); J < 0.5: {below05:N0}; largest cluster {largest:N0}; {mbPerSecond:N1} MB/s per core; tables {bytes / (double)texts.Count:N0} bytes/document"));
    }

    /// <summary>Jaccard of word 5-gram sets (lower-cased, whitespace-separated; fewer than 5 words: one gram of all).</summary>
    internal static double TrueJaccard(string a, string b)
    {
        var sa = Grams(a);
        var sb = Grams(b);
        var common = sa.Count(sb.Contains);
        var union = sa.Count + sb.Count - common;
        return union == 0 ? 1 : common / (double)union;
    }

    private static HashSet<string> Grams(string text)
    {
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (words.Length is > 0 and < 5)
        {
            grams.Add(string.Join('\u0001', words));
        }

        for (var i = 0; i + 5 <= words.Length; i++)
        {
            grams.Add(string.Join('\u0001', words, i, 5));
        }

        return grams;
    }

    /// <summary>Texts of every <c>*.jsonl.gz</c> / <c>*.jsonl</c> under the inputs, NFC-normalised, exact duplicates dropped (first kept).</summary>
    private static List<string> Load(IReadOnlyList<string> inputs)
    {
        var normalizer = new TextNormalizer(new NormalizerOptions());
        var seen = new HashSet<UInt128>();
        var texts = new List<string>();
        foreach (var input in inputs)
        {
            var files = Directory.Exists(input)
                ? Directory.GetFiles(input).Where(f => f.EndsWith(".jsonl.gz", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
                : [input];
            foreach (var file in files)
            {
                Stream stream = File.OpenRead(file);
                if (file.EndsWith(".gz", StringComparison.Ordinal))
                {
                    stream = new GZipStream(stream, CompressionMode.Decompress);
                }

                using var reader = new StreamReader(stream, Encoding.UTF8, false, 1 << 20);
                string? line;
                while ((line = reader.ReadLine()) is not null)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    using var doc = JsonDocument.Parse(line);
                    var text = normalizer.Normalize(doc.RootElement.GetProperty("text").GetString() ?? string.Empty);
                    if (!string.IsNullOrWhiteSpace(text) && seen.Add(ContentHash.Of(text)))
                    {
                        texts.Add(text);
                    }
                }
            }
        }

        return texts;
    }
}
