using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Tasks;

/// <summary>
/// Few-shot examples drawn as lm-evaluation-harness (0.4.x) draws them, so that a few-shot prompt is the one lm-eval builds:
/// one <c>random.Random(seed)</c> per task (default seed 1234), consumed item after item in evaluation order; each item's
/// examples are <c>rnd.sample(fewshot_docs, k)</c> (<c>default</c> sampler) or the first k documents (<c>first_n</c>); when the
/// few-shot split is the evaluated split, k + 1 are drawn and the item itself is removed, then the first k are kept.
/// A Moa benchmark's subset is an lm-eval task (KoBEST's <c>COPA</c> is <c>kobest_copa</c>, a KMMLU category is
/// <c>kmmlu_accounting</c>), so every subset has its own generator and its own few-shot documents (the pool's items of that
/// subset; the whole pool when it has none).
/// </summary>
public static class LmEvalFewShot
{
    /// <summary>lm-eval's <c>default</c> sampler (<c>random.sample</c>).</summary>
    public const string DefaultSampler = "default";

    /// <summary>lm-eval's <c>first_n</c> sampler (the first k documents of the few-shot split, in order).</summary>
    public const string FirstNSampler = "first_n";

    /// <summary>
    /// The examples of every item of <paramref name="items"/>, in order. The few-shot split counts as the evaluated split
    /// when the pool holds any of the evaluated items (by id), as with lm-eval's <c>fewshot_split == test_split</c>.
    /// </summary>
    /// <exception cref="MoaException">A subset's pool has fewer documents than must be drawn, or the sampler is unknown.</exception>
    public static IReadOnlyList<BenchmarkItem>[] Draw(IReadOnlyList<BenchmarkItem> items, IReadOnlyList<BenchmarkItem> pool, int k, int seed, string sampler = DefaultSampler)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(pool);
        if (sampler is not (DefaultSampler or FirstNSampler))
        {
            throw new MoaException($"few-shot sampler '{sampler}' is not supported; Moa reproduces lm-eval's '{DefaultSampler}' and '{FirstNSampler}'.");
        }

        var result = new IReadOnlyList<BenchmarkItem>[items.Count];
        if (k <= 0)
        {
            Array.Fill(result, []);
            return result;
        }

        var poolIds = new HashSet<string>(pool.Select(p => p.Id), StringComparer.Ordinal);
        var sameSplit = items.Any(i => poolIds.Contains(i.Id));
        var draw = sameSplit ? k + 1 : k;
        var bySubset = pool.GroupBy(p => p.Subset, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<BenchmarkItem>)[.. g], StringComparer.Ordinal);
        var generators = new Dictionary<string, PythonRandom>(StringComparer.Ordinal);
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var docs = bySubset.TryGetValue(item.Subset, out var own) ? own : pool;
            if (docs.Count < draw)
            {
                throw new MoaException($"item '{item.Id}': {k}-shot needs {draw} few-shot documents{(sameSplit ? " (k + 1: the few-shot pool is the evaluated split)" : string.Empty)}, and the pool has {docs.Count} for subset '{item.Subset}'; lower --fewshot or give a larger --fewshot-from.");
            }

            IReadOnlyList<BenchmarkItem> drawn;
            if (sampler == FirstNSampler)
            {
                drawn = [.. docs.Take(draw)];
            }
            else
            {
                if (!generators.TryGetValue(item.Subset, out var rnd))
                {
                    rnd = new PythonRandom(seed);
                    generators[item.Subset] = rnd;
                }

                drawn = rnd.Sample(docs, draw);
            }

            result[n] = [.. drawn.Where(d => !string.Equals(d.Id, item.Id, StringComparison.Ordinal)).Take(k)];
        }

        return result;
    }
}
