using Moa.Evaluation.Benchmarks.Splitting;

using System.Security.Cryptography;

namespace Moa.Evaluation.Benchmarks;

/// <summary>
/// Loads and writes benchmark folders: <c>benchmark.yaml</c> + <c>items.jsonl</c>, plus <c>split.json</c> and
/// <c>sealed.bin</c> once split and sealed. This is the API evaluators call.
/// </summary>
public static class BenchmarkDataset
{
    /// <summary>Loads a benchmark folder.</summary>
    /// <exception cref="MoaException">The folder or a file is missing, or a row is malformed (message names file and line).</exception>
    public static LoadedBenchmark Load(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new MoaException($"{dir}: benchmark folder not found. Give the folder that holds {BenchmarkFiles.Card} and {BenchmarkFiles.Items}.");
        }

        var cardPath = Path.Combine(dir, BenchmarkFiles.Card);
        var itemsPath = Path.Combine(dir, BenchmarkFiles.Items);
        var card = BenchmarkCardYaml.ReadFile(cardPath);
        var items = BenchmarkItemJson.ReadFile(itemsPath);
        var split = SplitManifest.TryRead(Path.Combine(dir, BenchmarkFiles.Split));
        return new LoadedBenchmark(card, items, dir, ContentHash(dir))
        {
            Split = split,
            IsSealed = File.Exists(Path.Combine(dir, BenchmarkFiles.Sealed)),
        };
    }

    /// <summary>
    /// Writes a card and items into <paramref name="dir"/> (created if needed), replacing existing files, and the
    /// Hugging Face dataset card <c>README.md</c> generated from them.
    /// </summary>
    public static void Write(string dir, BenchmarkCard card, IEnumerable<BenchmarkItem> items)
    {
        Directory.CreateDirectory(dir);
        var list = items as IReadOnlyCollection<BenchmarkItem> ?? [.. items];
        BenchmarkItemJson.WriteFile(Path.Combine(dir, BenchmarkFiles.Items), list);
        BenchmarkCardYaml.WriteFile(Path.Combine(dir, BenchmarkFiles.Card), card);
        BenchmarkReadme.WriteFile(dir, card, list);
    }

    /// <summary>Lower-case hex SHA-256 of <c>items.jsonl</c> followed by <c>benchmark.yaml</c>.</summary>
    public static string ContentHash(string dir)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in (string[])[BenchmarkFiles.Items, BenchmarkFiles.Card])
        {
            using var stream = File.OpenRead(Path.Combine(dir, name));
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
