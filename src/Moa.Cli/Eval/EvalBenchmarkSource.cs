using System.Security.Cryptography;
using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Moa.Cli.Eval;

/// <summary>
/// Reads a benchmark folder (<c>benchmark.yaml</c> + <c>items.jsonl</c>) for <c>moa eval</c>. This is the one place to swap for
/// <c>BenchmarkDataset.Load</c> once the benchmarks library provides it; the content hash is SHA-256 over both files' bytes.
/// </summary>
internal static class EvalBenchmarkSource
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    internal static (BenchmarkCard Card, IReadOnlyList<BenchmarkItem> Items, string ContentHash) Load(string path)
    {
        var dir = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var itemsPath = File.Exists(path) ? path : Path.Combine(dir, "items.jsonl");
        var cardPath = Path.Combine(dir, "benchmark.yaml");
        if (!File.Exists(itemsPath))
        {
            throw new MoaException($"{path}: no items.jsonl; give a benchmark folder (benchmark.yaml + items.jsonl) or an items.jsonl file.");
        }

        var card = new BenchmarkCard { Name = Path.GetFileName(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar)) };
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (File.Exists(cardPath))
        {
            var yaml = File.ReadAllBytes(cardPath);
            sha.AppendData(yaml);
            try
            {
                card = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                    .Deserialize<BenchmarkCard>(System.Text.Encoding.UTF8.GetString(yaml)) ?? card;
            }
            catch (YamlException ex)
            {
                throw new MoaException($"{cardPath}:{ex.Start.Line}: not a valid benchmark card ({ex.Message}).", ex);
            }
        }

        var bytes = File.ReadAllBytes(itemsPath);
        sha.AppendData(bytes);
        var items = new List<BenchmarkItem>();
        var lineNo = 0;
        using (var reader = new StreamReader(new MemoryStream(bytes)))
        {
            while (reader.ReadLine() is { } line)
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var item = JsonSerializer.Deserialize<BenchmarkItem>(line, s_json) ?? throw new JsonException("null item");
                    if (string.IsNullOrEmpty(item.Id) || item.Question is null || item.Choices is null)
                    {
                        throw new JsonException("id, question and choices are required");
                    }

                    items.Add(item.Subset is null ? item with { Subset = "all" } : item);
                }
                catch (JsonException ex)
                {
                    throw new MoaException($"{itemsPath}:{lineNo}: not a valid benchmark item ({ex.Message}); each line needs id, subset, question, choices and answer.", ex);
                }
            }
        }

        return (card, items, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}
