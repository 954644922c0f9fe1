using System.Globalization;
using System.Text;
using Moa.Documents.Cards;

namespace Moa.Evaluation.Benchmarks;

/// <summary>
/// The dataset card of a benchmark folder: <c>README.md</c> with Hugging Face front matter whose <c>configs</c> point at
/// <c>items.jsonl</c> as the test split, and Korean and English prose from <c>benchmark.yaml</c>. Same card and items,
/// same bytes.
/// </summary>
public static class BenchmarkReadme
{
    /// <summary>The card file name.</summary>
    public const string FileName = "README.md";

    /// <summary>Writes <c>README.md</c> into the benchmark folder <paramref name="dir"/>.</summary>
    public static void WriteFile(string dir, BenchmarkCard card, IReadOnlyCollection<BenchmarkItem> items)
    {
        ArgumentNullException.ThrowIfNull(dir);
        File.WriteAllText(Path.Combine(dir, FileName), Render(card, items), new UTF8Encoding(false));
    }

    /// <summary>The card's text.</summary>
    public static string Render(BenchmarkCard card, IReadOnlyCollection<BenchmarkItem> items)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(items);
        var ci = CultureInfo.InvariantCulture;
        var (license, licenseName) = Licence(card.License);
        var header = new DatasetCardHeader
        {
            PrettyName = card.Name,
            License = license,
            LicenseName = licenseName,
            Language = string.IsNullOrWhiteSpace(card.Language) ? [] : [card.Language],
            SizeCategories = [DatasetCardHeader.SizeCategory(items.Count)],
            TaskCategories = [TaskCategory(card.TaskType)],
            Tags = ["moa", "benchmark", "evaluation"],
            Configs = [new DatasetCardConfig { DataFiles = [new DatasetCardDataFiles { Split = "test", Path = BenchmarkFiles.Items }] }],
        };

        var w = new StringBuilder();
        w.Append(header.ToFrontMatter()).Append('\n');
        w.Append(ci, $"# {card.Name}\n\n");
        if (!string.IsNullOrWhiteSpace(card.Description))
        {
            w.Append(card.Description.Trim()).Append("\n\n");
        }

        w.Append("## 요약 · Summary\n\n| | |\n|---|---|\n");
        w.Append(ci, $"| 버전 · version | {card.Version} |\n");
        w.Append(ci, $"| 문항 · items | {items.Count.ToString("N0", ci)} |\n");
        w.Append(ci, $"| 과제 · task | {card.TaskType} |\n");
        w.Append(ci, $"| 지표 · metric | {card.Metric} |\n");
        w.Append(ci, $"| 언어 · language | {card.Language} |\n");
        if (card.Subsets.Count > 0)
        {
            var counts = items.GroupBy(i => i.Subset ?? string.Empty).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            w.Append(ci, $"| 세부 항목 · subsets | {string.Join(", ", card.Subsets.Select(s => $"{s} ({counts.GetValueOrDefault(s).ToString("N0", ci)})"))} |\n");
        }

        w.Append("\n## 출처 · Source\n\n");
        w.Append(string.IsNullOrWhiteSpace(card.Source) ? "–" : card.Source.Trim()).Append("\n\n");
        w.Append("## 평가 방법 · How it is scored\n\n");
        w.Append(ci, $"`moa eval`이 `{card.Metric}` 지표로 채점합니다. 프롬프트 · prompt template: `{card.PromptTemplate.ReplaceLineEndings("\\n")}`; choice continuation: `{card.ChoiceTemplate.ReplaceLineEndings("\\n")}`.\n\n");
        w.Append("`items.jsonl` holds one item a line; `benchmark.yaml` the card this README was generated from. · `items.jsonl`에 한 줄에 한 문항, `benchmark.yaml`에 이 문서의 원본 카드가 있습니다.\n\n");
        w.Append("## 라이선스와 이용 조건 · Licence and access\n\n");
        w.Append(ci, $"원본의 라이선스를 따릅니다: {(string.IsNullOrWhiteSpace(card.License) ? "(not stated · 명시되지 않음)" : card.License)}. · The source's licence applies. ");
        w.Append("Keep the test items out of training data: Moa's contamination check looks for them in curated corpora. · 평가 문항을 학습 데이터에 넣지 마십시오.\n");
        return w.ToString();
    }

    /// <summary>The Hub's licence id for a card's licence text (<c>CC BY-SA 4.0</c> → <c>cc-by-sa-4.0</c>), or <c>other</c> with the text as its name.</summary>
    internal static (string License, string? Name) Licence(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ("unknown", null);
        }

        var id = string.Join('-', text.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));
        return id switch
        {
            "mit" or "apache-2.0" or "cc0-1.0" or "cc-by-4.0" or "cc-by-sa-4.0" or "cc-by-nc-4.0" or "cc-by-nc-sa-4.0" or "cc-by-nd-4.0"
                or "cc-by-2.0" or "cc-by-sa-3.0" or "cc-by-nd-2.0" or "bsd-3-clause" or "gpl-3.0" or "odc-by" => (id, null),
            _ => ("other", text.Trim()),
        };
    }

    private static string TaskCategory(string taskType) => taskType switch
    {
        "multiple_choice" => "multiple-choice",
        "classification" => "text-classification",
        "generation" => "text-generation",
        _ => "other",
    };
}
