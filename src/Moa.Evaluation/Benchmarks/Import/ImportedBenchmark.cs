namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>A benchmark converted from its published form: a card and items, ready for <see cref="BenchmarkDataset.Write"/>.</summary>
public sealed record ImportedBenchmark(BenchmarkCard Card, IReadOnlyList<BenchmarkItem> Items)
{
    /// <summary>Writes the benchmark into <paramref name="outputDir"/>; refuses to replace an existing benchmark unless <paramref name="force"/>.</summary>
    /// <exception cref="MoaException">The folder already holds a benchmark.</exception>
    public void Write(string outputDir, bool force = false)
    {
        if (!force && (File.Exists(Path.Combine(outputDir, BenchmarkFiles.Items)) || File.Exists(Path.Combine(outputDir, BenchmarkFiles.Card))))
        {
            throw new MoaException($"{outputDir} already holds a benchmark; choose an empty folder or pass --force to replace it.");
        }

        if (!force && File.Exists(Path.Combine(outputDir, BenchmarkFiles.Sealed)))
        {
            throw new MoaException($"{outputDir} holds a sealed benchmark; choose another folder.");
        }

        BenchmarkDataset.Write(outputDir, Card, Items);
        File.Delete(Path.Combine(outputDir, BenchmarkFiles.Split));
    }
}
