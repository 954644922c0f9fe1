using System.Text.Json;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Tests.Benchmarks;

/// <summary>Small benchmarks written to temporary folders, and a synthetic benchmark big enough for the nia-2024 profile.</summary>
internal static class BenchmarkFixtures
{
    private static readonly Lazy<List<string>> s_reviews = new(LoadReviews);

    public static BenchmarkItem Item(string id, string subset, string question, string[] choices, int answer, string? context = null) =>
        new(id, subset, question, context, choices, BenchmarkItemJson.Index(answer));

    public static BenchmarkCard Card(string name, params string[] subsets) => new() { Name = name, Subsets = [.. subsets] };

    public static string Write(BenchmarkCard card, IEnumerable<BenchmarkItem> items, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var dir = TestPaths.NewTempDir(name);
        BenchmarkDataset.Write(dir, card, items);
        return dir;
    }

    /// <summary>Writes raw lines as items.jsonl next to a valid card.</summary>
    public static string WriteRaw(string itemsJsonl, string cardYaml = "name: raw\nsubsets: [s]\n", [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var dir = TestPaths.NewTempDir(name);
        File.WriteAllText(Path.Combine(dir, BenchmarkFiles.Items), itemsJsonl);
        File.WriteAllText(Path.Combine(dir, BenchmarkFiles.Card), cardYaml);
        return dir;
    }

    /// <summary>Real Naver movie reviews, distinct after normalisation, at least 25 characters long.</summary>
    public static IReadOnlyList<string> Reviews => s_reviews.Value;

    /// <summary>
    /// A deterministic benchmark of <paramref name="subsets"/> × <paramref name="perSubset"/> four-choice items built from real
    /// review text: the question is one review, the choices four others, the answer rotates over the positions.
    /// </summary>
    public static List<BenchmarkItem> Synthetic(int subsets = 10, int perSubset = 1000)
    {
        var reviews = Reviews;
        var questions = subsets * perSubset;
        var pool = reviews.Count - questions;
        if (pool < 400)
        {
            throw new InvalidOperationException($"only {reviews.Count} usable reviews for {questions} items.");
        }

        var items = new List<BenchmarkItem>(questions);
        for (var i = 0; i < questions; i++)
        {
            var choices = Enumerable.Range(0, 4).Select(k => reviews[questions + (((i * 4) + k) % pool)]).ToArray();
            items.Add(Item($"syn-{i:D5}", $"sub{i / perSubset:D2}", reviews[i], choices, i % 4));
        }

        return items;
    }

    public static BenchmarkCard SyntheticCard(int subsets = 10) =>
        Card("synthetic", [.. Enumerable.Range(0, subsets).Select(s => $"sub{s:D2}")]);

    private static List<string> LoadReviews()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reviews = new List<string>();
        foreach (var line in File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString()!.Trim();
            var key = new string([.. text.Where(char.IsLetterOrDigit)]);
            if (text.Length >= 25 && key.Length >= 20 && seen.Add(key))
            {
                reviews.Add(text);
            }
        }

        return reviews;
    }
}
