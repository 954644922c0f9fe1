using Moa.Text.Hashing;

namespace Moa.Evaluation.Benchmarks.Validation;

/// <summary>
/// Near-duplicate items with the curation near dedup: items are clustered by MinHash + LSH over their words
/// (<see cref="MinHasher"/>, <see cref="NearDuplicateClusterer"/>), then pairs inside each cluster are confirmed by the exact
/// character 5-gram Jaccard similarity (<see cref="NearDuplicateFinder"/>), so a reported pair always meets the threshold.
/// </summary>
public static class NearDuplicateItems
{
    /// <summary>
    /// MinHash settings for short items: single-word shingles, 32 bands of 4 rows, so a pair whose word sets have Jaccard 0.7
    /// becomes a candidate with probability above 0.999 (1 - (1 - 0.7^4)^32).
    /// </summary>
    public static MinHashOptions Options { get; } = new() { ShingleWords = 1, Bands = 32, Rows = 4 };

    /// <summary>Pairs of normalised item texts with character 5-gram Jaccard ≥ <paramref name="threshold"/>, sorted by indices.</summary>
    public static List<NearDuplicatePair> Find(IReadOnlyList<string> texts, double threshold)
    {
        if (threshold is <= 0 or > 1 || double.IsNaN(threshold))
        {
            throw new MoaException($"near-duplicate threshold must be in (0, 1], got {threshold}.");
        }

        var hasher = new MinHasher(Options);
        var bands = new ulong[texts.Count * hasher.BandCount];
        Parallel.For(0, texts.Count, i => hasher.ComputeBandHashes(texts[i], bands.AsSpan(i * hasher.BandCount, hasher.BandCount)));
        var clusterer = new NearDuplicateClusterer(hasher.BandCount, texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            clusterer.Add(i, bands.AsSpan(i * hasher.BandCount, hasher.BandCount));
        }

        var pairs = new List<NearDuplicatePair>();
        var clusters = clusterer.Representatives().Select((representative, index) => (representative, index))
            .GroupBy(x => x.representative, x => x.index)
            .Where(g => g.Skip(1).Any());
        foreach (var cluster in clusters)
        {
            var members = cluster.ToArray();
            foreach (var pair in NearDuplicateFinder.Find([.. members.Select(m => texts[m])], threshold))
            {
                pairs.Add(new NearDuplicatePair(members[pair.First], members[pair.Second], pair.Jaccard));
            }
        }

        pairs.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return pairs;
    }
}
