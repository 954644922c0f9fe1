using Moa.Evaluation.Benchmarks;
using Moa.Text.Hashing;

namespace Moa.Evaluation.Tasks;

/// <summary>
/// Picks k few-shot examples from a pool (a dev split) for each item, deterministically: the choice depends only on the seed and
/// the item's id, never on thread timing or item order, so resumed and parallel runs see the same prompts. Examples of the item's
/// own subset are preferred when the pool has enough of them; the item itself is never its own example.
/// </summary>
public sealed class FewShotSampler
{
    private readonly IReadOnlyList<BenchmarkItem> _pool;
    private readonly Dictionary<string, List<BenchmarkItem>> _bySubset;
    private readonly int _seed;

    public FewShotSampler(IReadOnlyList<BenchmarkItem> pool, int seed)
    {
        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _seed = seed;
        _bySubset = pool.GroupBy(i => i.Subset, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Up to <paramref name="k"/> examples for <paramref name="item"/>, in a fixed order.</summary>
    public IReadOnlyList<BenchmarkItem> Sample(BenchmarkItem item, int k)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (k <= 0 || _pool.Count == 0)
        {
            return [];
        }

        IReadOnlyList<BenchmarkItem> source = _bySubset.TryGetValue(item.Subset, out var same) && same.Count(e => e.Id != item.Id) >= k ? same : _pool;
        var candidates = source.Where(e => e.Id != item.Id).ToArray();
        var rng = new Random(_seed ^ StableHash(item.Id));
        var n = Math.Min(k, candidates.Length);
        for (var i = 0; i < n; i++)
        {
            var j = i + rng.Next(candidates.Length - i);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }

        return candidates[..n];
    }

    // FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.
    private static int StableHash(string id) => unchecked((int)HashMix.Fnv1a32(id));
}
