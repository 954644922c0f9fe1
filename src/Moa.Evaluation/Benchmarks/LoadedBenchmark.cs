using Moa.Evaluation.Benchmarks.Splitting;

namespace Moa.Evaluation.Benchmarks;

/// <summary>
/// A benchmark read from its folder: the card, the items in file order, the folder and a content hash
/// (SHA-256 of <c>items.jsonl</c> followed by <c>benchmark.yaml</c>) that evaluation runs record so results stay tied to the exact data.
/// </summary>
/// <param name="Card">The parsed <c>benchmark.yaml</c>.</param>
/// <param name="Items">Items in <c>items.jsonl</c> order. For a sealed benchmark these are the public items only.</param>
/// <param name="Directory">The benchmark folder, as given.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the bytes of <c>items.jsonl</c> then <c>benchmark.yaml</c>.</param>
public sealed record LoadedBenchmark(BenchmarkCard Card, IReadOnlyList<BenchmarkItem> Items, string Directory, string ContentHash)
{
    /// <summary>The split written by <c>moa bench split</c>, or null when the benchmark has not been split.</summary>
    public SplitManifest? Split { get; init; }

    /// <summary>Whether the held-out part is sealed in <c>sealed.bin</c> (then <see cref="Items"/> holds only the public part).</summary>
    public bool IsSealed { get; init; }

    /// <summary>The items whose ids are in the split's holdout list (empty when not split or when sealed).</summary>
    public IReadOnlyList<BenchmarkItem> HoldoutItems => Split is null ? [] : [.. Items.Where(i => Split.HoldoutIds.Contains(i.Id))];

    /// <summary>The items not held out (all items when the benchmark has not been split).</summary>
    public IReadOnlyList<BenchmarkItem> PublicItems => Split is null ? Items : [.. Items.Where(i => !Split.HoldoutIds.Contains(i.Id))];
}
