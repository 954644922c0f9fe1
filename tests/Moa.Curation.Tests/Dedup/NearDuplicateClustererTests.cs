using Moa.Curation.Dedup;
using Moa.Text.Hashing;

namespace Moa.Curation.Tests.Dedup;

public class NearDuplicateClustererTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Representatives_RandomBandKeys_EqualLowestIndexOfBruteForceComponents(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 25; trial++)
        {
            var bands = random.Next(1, 6);
            var documents = random.Next(1, 400);
            var keySpace = random.Next(2, documents * 3);
            var keys = new ulong[documents][];
            for (var d = 0; d < documents; d++)
            {
                keys[d] = [.. Enumerable.Range(0, bands).Select(_ => (ulong)random.Next(0, keySpace))];
            }

            var expected = BruteForce(keys);
            var inOrder = new NearDuplicateClusterer(bands, random.Next(2) == 0 ? 0 : documents);
            for (var d = 0; d < documents; d++)
            {
                inOrder.Add(d, keys[d]);
            }

            var shuffled = new NearDuplicateClusterer(bands);
            foreach (var d in Enumerable.Range(0, documents).OrderBy(_ => random.Next()))
            {
                shuffled.Add(d, keys[d]);
            }

            inOrder.Representatives().ShouldBe(expected);
            shuffled.Representatives().ShouldBe(expected);
            inOrder.ClusterSizeHistogram().OrderBy(p => p.Key).ShouldBe(Histogram(expected).OrderBy(p => p.Key));
        }
    }

    // Connected components over "shares a non-sentinel key in the same band", each mapped to its lowest member.
    private static int[] BruteForce(ulong[][] keys)
    {
        var n = keys.Length;
        var result = Enumerable.Repeat(-1, n).ToArray();
        for (var start = 0; start < n; start++)
        {
            if (result[start] >= 0)
            {
                continue;
            }

            var queue = new Queue<int>([start]);
            result[start] = start;
            while (queue.TryDequeue(out var d))
            {
                for (var other = 0; other < n; other++)
                {
                    if (result[other] < 0 && Enumerable.Range(0, keys[d].Length).Any(b => keys[d][b] != MinHasher.EmptyBandHash && keys[d][b] == keys[other][b]))
                    {
                        result[other] = start;
                        queue.Enqueue(other);
                    }
                }
            }
        }

        return result;
    }

    private static Dictionary<int, int> Histogram(int[] representatives) =>
        representatives.GroupBy(r => r).Select(g => g.Count()).Where(s => s >= 2)
            .GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Add_ManyDocumentsWithoutSizeHint_GrowsAndKeepsPairs()
    {
        var clusterer = new NearDuplicateClusterer(2);
        for (var d = 0; d < 200_000; d++)
        {
            clusterer.Add(d, [(ulong)(d / 2) + 1, (ulong)d + 1_000_000]);
        }

        var reps = clusterer.Representatives();
        reps.Length.ShouldBe(200_000);
        reps[199_999].ShouldBe(199_998);
        reps[4].ShouldBe(4);
        clusterer.ClusterSizeHistogram().ShouldBe(new Dictionary<int, int> { [2] = 100_000 });
        clusterer.MemoryBytes.ShouldBeGreaterThan(200_000L * 2 * 12);
    }

    [Fact]
    public void Add_SentinelKeys_NeverMerge()
    {
        var clusterer = new NearDuplicateClusterer(3);
        clusterer.Add(0, [MinHasher.EmptyBandHash, MinHasher.EmptyBandHash, MinHasher.EmptyBandHash]);
        clusterer.Add(1, [MinHasher.EmptyBandHash, MinHasher.EmptyBandHash, MinHasher.EmptyBandHash]);
        clusterer.Representatives().ShouldBe([0, 1]);
        clusterer.ClusterSizeHistogram().ShouldBeEmpty();
    }

    [Fact]
    public void Add_SameKeyInDifferentBands_DoesNotMerge()
    {
        var clusterer = new NearDuplicateClusterer(2);
        clusterer.Add(0, [7, 8]);
        clusterer.Add(1, [8, 7]);
        clusterer.Representatives().ShouldBe([0, 1]);
    }

    [Fact]
    public void Add_GapsAndRepeats_UnaddedIndexesStandAlone()
    {
        var clusterer = new NearDuplicateClusterer(1);
        clusterer.Add(5, [42]);
        clusterer.Add(2, [42]);
        clusterer.Add(5, [42]);
        clusterer.DocumentCount.ShouldBe(6);
        clusterer.Representatives().ShouldBe([0, 1, 2, 3, 4, 2]);
        clusterer.ClusterSizeHistogram().ShouldBe(new Dictionary<int, int> { [2] = 1 });
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new NearDuplicateClusterer(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new NearDuplicateClusterer(2, -1));
        var clusterer = new NearDuplicateClusterer(2);
        Should.Throw<ArgumentOutOfRangeException>(() => clusterer.Add(-1, [1, 2]));
        Should.Throw<ArgumentException>(() => clusterer.Add(0, [1, 2, 3]));
    }

    [Fact]
    public void EndToEnd_RealDocumentsAndCopies_CopiesPointAtTheFirstOccurrence()
    {
        var hasher = new MinHasher(new NearDedupOptions());
        var originals = DedupTestCorpus.Originals.Skip(100).Take(50).ToArray();
        var docs = originals.Concat(originals.Reverse()).ToArray();
        var clusterer = new NearDuplicateClusterer(hasher.BandCount);
        var bands = new ulong[hasher.BandCount];
        for (var i = docs.Length - 1; i >= 0; i--)
        {
            hasher.ComputeBandHashes(docs[i], bands);
            clusterer.Add(i, bands);
        }

        var reps = clusterer.Representatives();
        for (var i = 0; i < originals.Length; i++)
        {
            reps[i].ShouldBe(i);
            reps[docs.Length - 1 - i].ShouldBe(i);
        }
    }
}
