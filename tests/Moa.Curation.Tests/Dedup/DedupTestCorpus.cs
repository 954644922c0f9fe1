using System.Text.Json;
using System.Text;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;

namespace Moa.Curation.Tests.Dedup;

/// <summary>
/// Real Korean documents for dedup quality tests: KoBEST BoolQ paragraphs, CLIcK paragraphs and documents of
/// 10-30 joined NSMC reviews, plus seeded word edits to plant near duplicates.
/// </summary>
internal static class DedupTestCorpus
{
    private static readonly Lazy<string[]> s_originals = new(Load);
    private static readonly Lazy<string[]> s_vocabulary = new(() =>
        [.. s_originals.Value.SelectMany(Words).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    /// <summary>Distinct NFC-normalised documents in a fixed order.</summary>
    public static string[] Originals => s_originals.Value;

    /// <summary>Every distinct word of the originals (the pool for substitutions and insertions).</summary>
    public static string[] Vocabulary => s_vocabulary.Value;

    public static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Applies max(1, round(rate x words)) random edits (substitute, insert or delete a word).</summary>
    public static string Edit(string text, double rate, Random random)
    {
        var words = Words(text).ToList();
        var edits = Math.Max(1, (int)Math.Round(rate * words.Count));
        var vocabulary = Vocabulary;
        for (var e = 0; e < edits; e++)
        {
            var op = words.Count <= 1 ? 1 : random.Next(3);
            var replacement = vocabulary[random.Next(vocabulary.Length)];
            switch (op)
            {
                case 0:
                    words[random.Next(words.Count)] = replacement;
                    break;
                case 1:
                    words.Insert(random.Next(words.Count + 1), replacement);
                    break;
                default:
                    words.RemoveAt(random.Next(words.Count));
                    break;
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>Exact Jaccard similarity of the shingle sets of two texts, as the hasher sees them.</summary>
    public static double TrueJaccard(string a, string b, int shingleWords = 5)
    {
        var sa = ShingleSet(a, shingleWords);
        var sb = ShingleSet(b, shingleWords);
        var intersection = sa.Count(sb.Contains);
        var union = sa.Count + sb.Count - intersection;
        return union == 0 ? 1 : (double)intersection / union;
    }

    public static HashSet<ulong> ShingleSet(string text, int shingleWords = 5)
    {
        var sink = new CollectingSink(new HashSet<ulong>());
        Shingler.Enumerate(text, shingleWords, 12345, ref sink);
        return sink.Set;
    }

    private static string[] Load()
    {
        var docs = new List<string>();
        foreach (var file in new[] { "train.tsv", "dev.tsv", "test.tsv" })
        {
            foreach (var line in File.ReadLines(TestPaths.Data("benchmarks", "kobest", "BoolQ", file)).Skip(1))
            {
                var fields = line.Split('\t');
                if (fields.Length >= 2)
                {
                    docs.Add(fields[1]);
                }
            }
        }

        var clickRoot = TestPaths.Data("benchmarks", "click", "Dataset");
        foreach (var file in Directory.EnumerateFiles(clickRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var item in json.RootElement.EnumerateArray())
            {
                if (item.TryGetProperty("paragraph", out var p) && p.GetString() is { } paragraph && Words(paragraph).Length >= 5)
                {
                    docs.Add(paragraph);
                }
            }
        }

        var random = new Random(7);
        var pending = new StringBuilder();
        var target = random.Next(10, 31);
        var count = 0;
        foreach (var line in File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            pending.Append(json.RootElement.GetProperty("text").GetString()).Append('\n');
            if (++count == target)
            {
                docs.Add(pending.ToString());
                pending.Clear();
                count = 0;
                target = random.Next(10, 31);
            }
        }

        return [.. docs.Select(d => d.Normalize(NormalizationForm.FormC)).Where(d => Words(d).Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private ref struct CollectingSink(HashSet<ulong> set) : IShingleSink
    {
        public readonly HashSet<ulong> Set = set;

        public readonly void Add(ulong shingleHash) => Set.Add(shingleHash);
    }
}
