namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>
/// Imports KoBEST (Korean Balanced Evaluation of Significant Tasks) from its TSVs: BoolQ, COPA, HellaSwag, SentiNeg and WiC,
/// one sub-item each. The source is the folder holding the task folders, or one task folder.
/// </summary>
public static class KobestImporter
{
    private static readonly string[] s_tasks = ["BoolQ", "COPA", "HellaSwag", "SentiNeg", "WiC"];
    private static readonly string[] s_noYes = ["아니요", "예"];

    /// <summary>Imports the <paramref name="split"/> (<c>train</c>, <c>dev</c> or <c>test</c>) of every task found.</summary>
    /// <exception cref="MoaException">No task folder, a missing split file, a missing column or a bad label (names file and line).</exception>
    public static ImportedBenchmark Import(string source, string split = "test")
    {
        if (!Directory.Exists(source))
        {
            throw new MoaException($"{source}: folder not found; give the KoBEST folder (with BoolQ/, COPA/, HellaSwag/, SentiNeg/, WiC/) or one task folder.");
        }

        if (split is not ("train" or "dev" or "test"))
        {
            throw new MoaException($"--split must be train, dev or test, got '{split}'.");
        }

        var taskDirs = new List<(string Task, string Dir)>();
        var own = s_tasks.FirstOrDefault(t => string.Equals(t, Path.GetFileName(Path.TrimEndingDirectorySeparator(source)), StringComparison.OrdinalIgnoreCase));
        if (own is not null)
        {
            taskDirs.Add((own, source));
        }
        else
        {
            foreach (var task in s_tasks)
            {
                var dir = Directory.EnumerateDirectories(source).FirstOrDefault(d => string.Equals(Path.GetFileName(d), task, StringComparison.OrdinalIgnoreCase));
                if (dir is not null)
                {
                    taskDirs.Add((task, dir));
                }
            }
        }

        if (taskDirs.Count == 0)
        {
            throw new MoaException($"{source}: no KoBEST task folder inside (expected {string.Join(", ", s_tasks)}).");
        }

        var items = new List<BenchmarkItem>();
        foreach (var (task, dir) in taskDirs)
        {
            var file = Path.Combine(dir, split + ".tsv");
            if (!File.Exists(file))
            {
                throw new MoaException($"{file}: file not found; KoBEST task folders hold train.tsv, dev.tsv and test.tsv.");
            }

            var table = DelimitedText.ReadTsv(file);
            var root = own is null ? source : Path.GetDirectoryName(Path.GetFullPath(source))!;
            items.AddRange(task switch
            {
                "BoolQ" => BoolQ(table, split, root),
                "COPA" => Copa(table, split, root),
                "HellaSwag" => HellaSwag(table, split, root),
                "SentiNeg" => SentiNeg(table, split, root),
                _ => Wic(table, split, root),
            });
        }

        var card = new BenchmarkCard
        {
            Name = "kobest",
            Version = "1.0",
            License = "CC-BY-SA-4.0",
            Language = "ko",
            TaskType = "multiple_choice",
            Metric = "acc",
            PromptTemplate = "{context}\n질문: {question}\n답:",
            ChoiceTemplate = " {choice}",
            Description = $"KoBEST {split} split: BoolQ, COPA, HellaSwag, SentiNeg and WiC as multiple choice.",
            Source = "https://github.com/SKT-LSL/KoBEST_datarepo",
            Subsets = [.. taskDirs.Select(t => t.Task)],
        };
        return new ImportedBenchmark(card, items);
    }

    private static IEnumerable<BenchmarkItem> BoolQ(DelimitedTable table, string split, string root)
    {
        int id = table.Column("ID"), text = table.Column("Text"), question = table.Column("Question"), answer = table.Column("Answer");
        foreach (var row in table.Rows)
        {
            yield return new BenchmarkItem(
                $"boolq-{split}-{row.Fields[id]}", "BoolQ", row.Fields[question], row.Fields[text], s_noYes,
                BenchmarkItemJson.Index(Bool(row.Fields[answer], table, row, "Answer") ? 1 : 0),
                ImportMeta.Source(root, table.Path, row.Line).With("source_id", row.Fields[id]));
        }
    }

    private static IEnumerable<BenchmarkItem> Copa(DelimitedTable table, string split, string root)
    {
        int id = table.Column("ID"), sentence = table.Column("sentence"), question = table.Column("question"),
            first = table.Column("1"), second = table.Column("2"), answer = table.Column("Answer");
        foreach (var row in table.Rows)
        {
            var relation = row.Fields[question].Trim();
            var ask = relation switch
            {
                "원인" => "이 일의 원인으로 알맞은 것은?",
                "결과" => "이 일의 결과로 알맞은 것은?",
                _ => throw ImportMeta.Bad(table.Path, row.Line, $"column 'question' must be 원인 or 결과, found '{relation}'"),
            };
            yield return new BenchmarkItem(
                $"copa-{split}-{row.Fields[id]}", "COPA", ask, row.Fields[sentence], [row.Fields[first], row.Fields[second]],
                BenchmarkItemJson.Index(Label(row.Fields[answer], 1, 2, table, row, "Answer") - 1),
                ImportMeta.Source(root, table.Path, row.Line).With("source_id", row.Fields[id]).With("relation", relation));
        }
    }

    private static IEnumerable<BenchmarkItem> HellaSwag(DelimitedTable table, string split, string root)
    {
        int context = table.Column("context"), label = table.Column("label");
        int[] choices = [table.Column("choice1"), table.Column("choice2"), table.Column("choice3"), table.Column("choice4")];
        var n = 0;
        foreach (var row in table.Rows)
        {
            n++;
            yield return new BenchmarkItem(
                $"hellaswag-{split}-{n}", "HellaSwag", "다음에 이어질 내용으로 가장 알맞은 것은?", row.Fields[context],
                [.. choices.Select(c => row.Fields[c])],
                BenchmarkItemJson.Index(Label(row.Fields[label], 0, 3, table, row, "label")),
                ImportMeta.Source(root, table.Path, row.Line));
        }
    }

    private static IEnumerable<BenchmarkItem> SentiNeg(DelimitedTable table, string split, string root)
    {
        int id = table.Column("ID"), text = table.Column("Text"), label = table.Column("Label");
        foreach (var row in table.Rows)
        {
            yield return new BenchmarkItem(
                $"sentineg-{split}-{row.Fields[id]}", "SentiNeg", "이 문장의 감정은 긍정인가, 부정인가?", row.Fields[text], ["부정", "긍정"],
                BenchmarkItemJson.Index(Label(row.Fields[label], 0, 1, table, row, "Label")),
                ImportMeta.Source(root, table.Path, row.Line).With("source_id", row.Fields[id]));
        }
    }

    private static IEnumerable<BenchmarkItem> Wic(DelimitedTable table, string split, string root)
    {
        int id = table.Column("ID"), target = table.Column("Target"), first = table.Column("SENTENCE1"), second = table.Column("SENTENCE2"), answer = table.Column("ANSWER");
        foreach (var row in table.Rows)
        {
            var word = row.Fields[target];
            yield return new BenchmarkItem(
                $"wic-{split}-{row.Fields[id]}", "WiC", $"두 문장에서 '{word}'의 뜻이 같은가?",
                $"문장 1: {row.Fields[first]}\n문장 2: {row.Fields[second]}", s_noYes,
                BenchmarkItemJson.Index(Bool(row.Fields[answer], table, row, "ANSWER") ? 1 : 0),
                ImportMeta.Source(root, table.Path, row.Line).With("source_id", row.Fields[id]).With("target", word)
                    .With("sentence1", row.Fields[first]).With("sentence2", row.Fields[second]));
        }
    }

    private static bool Bool(string value, DelimitedTable table, DelimitedRow row, string column) => value.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" => true,
        "FALSE" or "0" => false,
        _ => throw ImportMeta.Bad(table.Path, row.Line, $"column '{column}' must be True or False, found '{value}'"),
    };

    private static int Label(string value, int min, int max, DelimitedTable table, DelimitedRow row, string column) =>
        int.TryParse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var label) && label >= min && label <= max
            ? label
            : throw ImportMeta.Bad(table.Path, row.Line, $"column '{column}' must be a whole number {min}..{max}, found '{value}'");
}
