namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>
/// Imports KoBBQ (Korean Bias Benchmark for Question Answering) from its TSV: choices are a Python list literal and the
/// answer is the text of a choice; the sub-item is the bias category (prefix of <c>sample_id</c>).
/// </summary>
public static class KobbqImporter
{
    /// <summary>Imports a KoBBQ TSV file, or the single <c>*.tsv</c> in a folder.</summary>
    /// <exception cref="MoaException">Missing file or column, bad choices list, or an answer that is no choice (names file and line).</exception>
    public static ImportedBenchmark Import(string source)
    {
        var file = source;
        if (Directory.Exists(source))
        {
            var tsvs = Directory.GetFiles(source, "*.tsv");
            file = tsvs.Length == 1 ? tsvs[0] : throw new MoaException($"{source}: expected one KoBBQ .tsv file inside, found {tsvs.Length}; give the file itself.");
        }

        var table = DelimitedText.ReadTsv(file);
        int id = table.Column("sample_id"), context = table.Column("context"), question = table.Column("question"),
            choices = table.Column("choices"), answer = table.Column("answer");
        int biased = table.OptionalColumn("biased_answer"), label = table.OptionalColumn("label_annotation"), category = table.OptionalColumn("bbq_category");
        var root = ImportMeta.RootOf(file);
        var items = new List<BenchmarkItem>(table.Rows.Count);
        var subsets = new List<string>();
        foreach (var row in table.Rows)
        {
            var sampleId = row.Fields[id];
            var dash = sampleId.IndexOf('-', StringComparison.Ordinal);
            var subset = dash > 0 ? sampleId[..dash] : sampleId;
            if (!subsets.Contains(subset))
            {
                subsets.Add(subset);
            }

            var where = $"{file} line {row.Line}";
            var options = PythonListLiteral.Parse(row.Fields[choices], $"{where} column 'choices'");
            var index = options.IndexOf(row.Fields[answer]);
            if (index < 0)
            {
                throw ImportMeta.Bad(file, row.Line, $"answer '{row.Fields[answer]}' is not one of the choices {row.Fields[choices]}");
            }

            var meta = ImportMeta.Source(root, file, row.Line);
            var parts = sampleId.Split('-');
            if (parts.Length >= 5)
            {
                meta.With("context_condition", parts[^2]).With("question_polarity", parts[^1]);
            }

            if (biased >= 0 && options.IndexOf(row.Fields[biased]) is var b and >= 0)
            {
                meta.With("biased_answer", b);
            }

            if (label >= 0)
            {
                meta.With("label_annotation", row.Fields[label]);
            }

            if (category >= 0 && row.Fields[category].Length > 0)
            {
                meta.With("bbq_category", row.Fields[category]);
            }

            items.Add(new BenchmarkItem(sampleId, subset, row.Fields[question], row.Fields[context], options, BenchmarkItemJson.Index(index), meta));
        }

        var card = new BenchmarkCard
        {
            Name = "kobbq",
            Version = "1.0",
            License = "MIT",
            Language = "ko",
            TaskType = "multiple_choice",
            Metric = "acc",
            PromptTemplate = "{context}\n질문: {question}\n{choices}\n답:",
            ChoiceTemplate = " {choice}",
            Description = "KoBBQ: social bias in Korean question answering (ambiguous and disambiguated contexts).",
            Source = "https://github.com/naver-ai/KoBBQ",
            Subsets = subsets,
        };
        return new ImportedBenchmark(card, items);
    }
}
