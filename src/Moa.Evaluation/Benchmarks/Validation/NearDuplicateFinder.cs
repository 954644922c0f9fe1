using System.Runtime.InteropServices;
using Moa.Text.Hashing;

namespace Moa.Evaluation.Benchmarks.Validation;

/// <summary>A pair of texts whose character 5-gram sets overlap by at least the threshold.</summary>
/// <param name="First">Index of the first text.</param>
/// <param name="Second">Index of the second text (greater than <paramref name="First"/>).</param>
/// <param name="Jaccard">Exact Jaccard similarity of the two shingle sets.</param>
public readonly record struct NearDuplicatePair(int First, int Second, double Jaccard);

/// <summary>
/// Finds near-duplicate texts by exact Jaccard similarity of character 5-gram sets. Candidate pairs come from
/// buckets keyed by each text's <see cref="SketchSize"/> smallest shingle hashes (a bottom-k sketch): two texts with a high
/// Jaccard similarity share most of their smallest hashes, so they meet in some bucket; every candidate is then verified exactly.
/// </summary>
public sealed class NearDuplicateFinder
{
    /// <summary>Shingle width in characters.</summary>
    public const int ShingleWidth = 5;

    /// <summary>How many of the smallest shingle hashes of a text are bucketed.</summary>
    public const int SketchSize = 12;

    /// <summary>How far below the threshold a pair's sketch estimate may be and still be verified exactly.</summary>
    public const double EstimateMargin = 0.3;

    /// <summary>Buckets larger than this are not expanded into pairs.</summary>
    public const int MaxBucket = 2000;

    /// <summary>
    /// A shingle seen in the sketches of more than this many texts (or 1% of them, whichever is more) is template text and is
    /// not used to find candidates; near duplicates still meet through their other shingles.
    /// </summary>
    public const int MinCommonFrequency = 50;

    /// <summary>Finds every pair with Jaccard ≥ <paramref name="threshold"/> (0 &lt; threshold ≤ 1), sorted by indices.</summary>
    public static List<NearDuplicatePair> Find(IReadOnlyList<string> texts, double threshold)
    {
        if (threshold is <= 0 or > 1 || double.IsNaN(threshold))
        {
            throw new MoaException($"near-duplicate threshold must be in (0, 1], got {threshold}.");
        }

        var shingles = new ulong[texts.Count][];
        Parallel.For(0, texts.Count, i => shingles[i] = Shingles(texts[i]));

        // Shingles shared by many texts (a template: "두 문장에서", "| 아니요 | 예") would put every text in one bucket; they are
        // left out of the sketches, so candidates come from the shingles that make a text particular.
        var common = Math.Max(MinCommonFrequency, texts.Count / 100);
        var frequency = new Dictionary<ulong, int>();
        foreach (var set in shingles)
        {
            foreach (var hash in set.AsSpan(0, Math.Min(SketchSize * 4, set.Length)))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(frequency, hash, out _)++;
            }
        }

        var sketches = new ulong[shingles.Length][];
        var buckets = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < shingles.Length; i++)
        {
            var set = shingles[i];
            var sketch = new List<ulong>(SketchSize);
            for (var k = 0; k < Math.Min(SketchSize * 4, set.Length) && sketch.Count < SketchSize; k++)
            {
                if (frequency[set[k]] > common)
                {
                    continue;
                }

                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, set[k], out _);
                (list ??= []).Add(i);
                sketch.Add(set[k]);
            }

            sketches[i] = [.. sketch];
        }

        var pairs = new List<NearDuplicatePair>();
        foreach (var (hash, list) in buckets)
        {
            if (list.Count < 2 || list.Count > MaxBucket)
            {
                continue;
            }

            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var first = list[x];
                    var second = list[y];

                    // A pair meets in every bucket of a shared sketch hash; it is judged in the bucket of the smallest one,
                    // after a bottom-k estimate of its similarity rules out the clearly different pairs cheaply.
                    var (smallestShared, estimate) = Estimate(sketches[first], sketches[second]);
                    if (smallestShared != hash || estimate < threshold - EstimateMargin)
                    {
                        continue;
                    }

                    var a = shingles[first];
                    var b = shingles[second];
                    if ((double)Math.Min(a.Length, b.Length) / Math.Max(a.Length, b.Length) < threshold)
                    {
                        continue; // Jaccard can be at most |small| / |large|.
                    }

                    var jaccard = Jaccard(a, b);
                    if (jaccard >= threshold)
                    {
                        pairs.Add(new NearDuplicatePair(first, second, jaccard));
                    }
                }
            }
        }

        pairs.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return pairs;
    }

    // Bottom-k estimate of the Jaccard similarity of two sketches (shared share of the k smallest hashes of their union),
    // and the smallest hash they share.
    private static (ulong SmallestShared, double Estimate) Estimate(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, seen = 0, shared = 0;
        var smallest = ulong.MaxValue;
        while (i < a.Length && j < b.Length && seen < SketchSize)
        {
            if (a[i] == b[j])
            {
                smallest = Math.Min(smallest, a[i]);
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }

            seen++;
        }

        return (smallest, seen == 0 ? 0 : (double)shared / seen);
    }

    /// <summary>Sorted distinct hashes of the character 5-grams of <paramref name="text"/> (the whole text when shorter).</summary>
    public static ulong[] Shingles(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (text.Length <= ShingleWidth)
        {
            return [Hash(text)];
        }

        var hashes = new ulong[text.Length - ShingleWidth + 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash(text.AsSpan(i, ShingleWidth));
        }

        Array.Sort(hashes);
        var distinct = hashes.Length == 0 ? 0 : 1;
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        return hashes[..distinct];
    }

    /// <summary>Exact Jaccard similarity of two sorted distinct hash sets.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }

    // FNV-1a over UTF-16 code units, then a 64-bit finaliser so the order of hashes is well mixed for the bottom-k sketch.
    private static ulong Hash(ReadOnlySpan<char> shingle) => HashMix.Fmix64(HashMix.Fnv1a(shingle));
}
