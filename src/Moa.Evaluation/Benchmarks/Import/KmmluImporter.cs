using System.Globalization;

namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>
/// Imports KMMLU-style CSV files: <c>question, A, B, C, D, answer</c> (1-based) and <c>Category</c> (the sub-item; the
/// file name before <c>-</c> when there is no such column). The source is one CSV or a folder of them.
/// </summary>
public static class KmmluImporter
{
    private static readonly string[] s_letters = ["A", "B", "C", "D", "E"];

    /// <summary>Imports one CSV file, or every <c>*.csv</c> in a folder (sorted by name).</summary>
    /// <exception cref="MoaException">No files, a missing column, or an answer outside 1..number of choices (names file and line).</exception>
    public static ImportedBenchmark Import(string source, string name = "kmmlu")
    {
        string[] files = File.Exists(source)
            ? [source]
            : Directory.Exists(source)
                ? [.. Directory.EnumerateFiles(source, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
                : throw new MoaException($"{source}: not found; give a KMMLU-style CSV file or a folder of them.");
        if (files.Length == 0)
        {
            throw new MoaException($"{source}: no .csv files inside.");
        }

        var root = ImportMeta.RootOf(source);
        var items = new List<BenchmarkItem>();
        var subsets = new List<string>();
        foreach (var file in files)
        {
            var table = DelimitedText.ReadCsv(file);
            var question = table.Column("question");
            var answer = table.Column("answer");
            var category = table.OptionalColumn("Category", "category", "subject");
            var letters = s_letters.Select(l => table.OptionalColumn(l)).TakeWhile(c => c >= 0).ToArray();
            if (letters.Length < 2)
            {
                throw new MoaException($"{file} line 1: expected choice columns A, B, C, D; the header has {string.Join(", ", table.Header)}.");
            }

            var stem = Path.GetFileNameWithoutExtension(file);
            var fallbackSubset = stem.Split('-')[0];
            foreach (var row in table.Rows)
            {
                var subset = category >= 0 && row.Fields[category].Trim().Length > 0 ? row.Fields[category].Trim() : fallbackSubset;
                if (!subsets.Contains(subset))
                {
                    subsets.Add(subset);
                }

                var raw = row.Fields[answer].Trim();
                var index = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var oneBased) ? oneBased - 1
                    : Array.IndexOf(s_letters, raw.ToUpperInvariant());
                if (index < 0 || index >= letters.Length)
                {
                    throw ImportMeta.Bad(file, row.Line, $"column 'answer' must be 1..{letters.Length} (1-based) or A..{s_letters[letters.Length - 1]}, found '{row.Fields[answer]}'");
                }

                items.Add(new BenchmarkItem($"{stem}-{row.Line.ToString(CultureInfo.InvariantCulture)}", subset, row.Fields[question], null,
                    [.. letters.Select(c => row.Fields[c])], BenchmarkItemJson.Index(index), ImportMeta.Source(root, file, row.Line)));
            }
        }

        var card = new BenchmarkCard
        {
            Name = name,
            Version = "1.0",
            Language = "ko",
            TaskType = "multiple_choice",
            Metric = "acc",
            PromptTemplate = "{question}\n{choices}\n정답:",
            ChoiceTemplate = " {choice}",
            Description = "KMMLU-style multiple-choice questions (question, A-D, 1-based answer, Category).",
            Subsets = subsets,
        };
        return new ImportedBenchmark(card, items);
    }
}
