using Moa.Evaluation.Benchmarks;

namespace Moa.Cli.Eval;

/// <summary>
/// Reads a benchmark for <c>moa eval</c> through <see cref="BenchmarkDataset.Load"/>: a benchmark folder, or its
/// <c>items.jsonl</c>. A sealed benchmark evaluates its public part here; the held-out part is opened by the evaluator.
/// </summary>
internal static class EvalBenchmarkSource
{
    internal static (BenchmarkCard Card, IReadOnlyList<BenchmarkItem> Items, string ContentHash) Load(string path)
    {
        var dir = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(dir))
        {
            throw new MoaException($"{path}: no such benchmark folder; give a folder with benchmark.yaml and items.jsonl.");
        }

        var loaded = BenchmarkDataset.Load(dir);
        return (loaded.Card, loaded.Items, loaded.ContentHash);
    }
}
