namespace Moa.Evaluation.Benchmarks;

/// <summary>File names inside a benchmark folder (see docs/benchmarks/format.md).</summary>
public static class BenchmarkFiles
{
    /// <summary>The card.</summary>
    public const string Card = "benchmark.yaml";

    /// <summary>The items, one JSON object a line.</summary>
    public const string Items = "items.jsonl";

    /// <summary>The split manifest written by <c>moa bench split</c>.</summary>
    public const string Split = "split.json";

    /// <summary>The AES-GCM encrypted held-out items written by <c>moa bench seal</c>.</summary>
    public const string Sealed = "sealed.bin";
}
