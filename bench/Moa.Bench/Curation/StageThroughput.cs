using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text;
using Moa.Curation.Dedup;
using Moa.Curation.Filters;
using Moa.Text.Hashing;
using Moa.Text.Languages;
using Moa.Text.Normalization;

namespace Moa.Bench.Curation;

/// <summary>
/// Single-thread throughput of the curation stages over the benchmark corpus, held in memory so the figures are
/// per core and free of I/O: (a) normalisation + language id + quality filters, (b) near dedup end to end
/// (MinHash signatures, LSH buckets, clustering) unverified, as before, and (c) verified, as <c>moa curate</c>
/// runs it. A baseline in the same process, decoding the same gzip JSONL, anchors the numbers to the machine.
/// </summary>
internal static class StageThroughput
{
    public static int Run(string corpusDir)
    {
        var files = Directory.GetFiles(corpusDir, "*.jsonl.gz").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no *.jsonl.gz in {corpusDir}: build it first (bench/curate-speed.sh does)");
            return 2;
        }

        // Baseline: gunzip + split lines + JSON parse of the text field, single thread.
        var sw = Stopwatch.StartNew();
        var docs = new List<string>();
        long utf8Bytes = 0;
        foreach (var f in files)
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(f), CompressionMode.Decompress), Encoding.UTF8, false, 1 << 20);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                using var doc = JsonDocument.Parse(line);
                var text = doc.RootElement.GetProperty("text").GetString()!;
                utf8Bytes += Encoding.UTF8.GetByteCount(text);
                docs.Add(text);
            }
        }

        var baselineSeconds = sw.Elapsed.TotalSeconds;
        var mb = utf8Bytes / 1e6;
        Console.WriteLine($"corpus: {files.Count} files, {docs.Count:N0} documents, {mb:N1} MB of UTF-8 text");
        Console.WriteLine($"baseline (gunzip + JSON parse, 1 thread): {mb / baselineSeconds,8:N1} MB/s");

        // (a) per-document stages, 1 thread.
        var normalizer = new TextNormalizer(new NormalizerOptions());
        // The quality stage as the pipeline runs it: every signal measured, genre tagged, profile chosen (auto), decided.
        var filters = new QualityStage(new QualityOptions());
        var context = new DocumentContext("jsonl", null, null);
        Warm(docs, d => filters.Evaluate(normalizer.Normalize(d), LanguageIdentifier.Default.Identify(d).Code, context));
        GC.Collect();
        sw.Restart();
        var kept = 0;
        var normalised = new string[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            var text = normalizer.Normalize(docs[i]);
            normalised[i] = text;
            var lang = LanguageIdentifier.Default.Identify(text);
            if (filters.Evaluate(text, lang.Code, context).Keep)
            {
                kept++;
            }
        }

        var filterSeconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"(a) normalise + language id + quality filters, 1 thread: {mb / filterSeconds,8:N1} MB/s per core ({kept:N0} kept)");

        // (b) near dedup end to end, 1 thread.
        var options = new NearDedupOptions();
        var hasher = new MinHasher(options);
        var bands = new ulong[hasher.BandCount];
        Warm(normalised, d =>
        {
            hasher.ComputeBandHashes(d, bands);
            return 0;
        });
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        sw.Restart();
        var clusterer = new NearDuplicateClusterer(hasher.BandCount, normalised.Length);
        for (var i = 0; i < normalised.Length; i++)
        {
            hasher.ComputeBandHashes(normalised[i], bands);
            clusterer.Add(i, bands);
        }

        var reps = clusterer.Representatives();
        var dedupSeconds = sw.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(false);
        var removed = reps.Where((r, i) => r != i).Count();
        Console.WriteLine($"(b) near dedup end to end ({options.Method}, {options.Bands}x{options.Rows}), 1 thread: {mb / dedupSeconds,8:N1} MB/s per core ({removed:N0} near duplicates)");
        Console.WriteLine($"    dedup state: {(after - before) / 1e6:N1} MB for {normalised.Length:N0} documents ({(after - before) / (double)normalised.Length:N0} bytes/document)");

        // (c) near dedup as moa curate runs it: verified against the kept copy (texts in memory here), 1 thread.
        GC.Collect();
        sw.Restart();
        var verified = new VerifiedNearDeduplicator(hasher.BandCount, options.Rule, options.MaxCandidates, i => hasher.ShingleSet(normalised[i]), normalised.Length);
        var verifiedRemoved = 0;
        for (var i = 0; i < normalised.Length; i++)
        {
            hasher.ComputeBandHashes(normalised[i], bands);
            verifiedRemoved += verified.Add(i, bands).IsDuplicate ? 1 : 0;
        }

        var verifiedSeconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"(c) near dedup verified (min_similarity {options.MinSimilarity}), 1 thread: {mb / verifiedSeconds,8:N1} MB/s per core ({verifiedRemoved:N0} near duplicates; {verified.Verified:N0} pairs verified); {verifiedSeconds / dedupSeconds:N2}x the time of (b)");
        Console.WriteLine($"ratios to baseline: filters {baselineSeconds / filterSeconds:N2}x, near dedup {baselineSeconds / dedupSeconds:N2}x, verified near dedup {baselineSeconds / verifiedSeconds:N2}x");
        return 0;
    }

    private static void Warm<T>(IReadOnlyList<string> docs, Func<string, T> action)
    {
        for (var i = 0; i < Math.Min(2000, docs.Count); i++)
        {
            action(docs[i]);
        }
    }
}
