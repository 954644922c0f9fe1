using System.Text.Json;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Tests.Fixtures;

/// <summary>
/// Test-side converters from the shared raw benchmark files to <see cref="BenchmarkItem"/>s, until the benchmarks library's
/// importers land (tests must not depend on them). KoBEST COPA follows lm-evaluation-harness's kobest_copa prompt.
/// </summary>
internal static class TestBenchmarks
{
    public static (BenchmarkCard Card, List<BenchmarkItem> Items) KobestCopa(string split = "test")
    {
        var path = TestPaths.Data("benchmarks", "kobest", "COPA", split + ".tsv");
        var items = new List<BenchmarkItem>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 6)
            {
                continue;
            }

            var relation = f[2].Trim();
            var connector = relation == "원인" ? " 왜냐하면" : " 그래서";
            var premise = f[1].Trim().TrimEnd('.');
            items.Add(new BenchmarkItem($"copa-{split}-{f[0]}", relation, premise + "." + connector, null, [f[3], f[4]], Number(int.Parse(f[5]) - 1)));
        }

        var card = new BenchmarkCard { Name = "kobest_copa", Metric = "acc", PromptTemplate = "{question}", ChoiceTemplate = " {choice}", Subsets = ["원인", "결과"] };
        return (card, items);
    }

    public static (BenchmarkCard Card, List<BenchmarkItem> Items) Click(int perFile, params string[] relativeFiles)
    {
        var items = new List<BenchmarkItem>();
        foreach (var rel in relativeFiles)
        {
            var path = TestPaths.Data(["benchmarks", "click", "Dataset", .. rel.Split('/')]);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var subset = Path.GetFileNameWithoutExtension(path);
            foreach (var e in doc.RootElement.EnumerateArray().Take(perFile))
            {
                var choices = e.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList();
                var answer = choices.IndexOf(e.GetProperty("answer").GetString()!);
                var paragraph = e.GetProperty("paragraph").GetString();
                items.Add(new BenchmarkItem(e.GetProperty("id").GetString()!, subset, e.GetProperty("question").GetString()!, string.IsNullOrWhiteSpace(paragraph) ? null : paragraph, choices, Number(answer)));
            }
        }

        var card = new BenchmarkCard { Name = "click", Metric = "acc_norm", PromptTemplate = "{context}\n질문: {question}\n답:", ChoiceTemplate = " {choice}" };
        return (card, items);
    }

    public static JsonElement Number(int n) => JsonDocument.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement.Clone();

    public static JsonElement Text(string s) => JsonDocument.Parse(JsonSerializer.Serialize(s)).RootElement.Clone();
}
