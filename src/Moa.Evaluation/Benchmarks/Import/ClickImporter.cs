using System.Globalization;
using System.Text.Json;

namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>
/// Imports CLIcK (Cultural and Linguistic Intelligence in Korean) from its JSON files. Each file is a list of
/// <c>{id, paragraph, question, choices, answer}</c> where <c>answer</c> is the text of a choice; the sub-item is the
/// category folder (<c>Korean History</c> → <c>History</c>, <c>Grammar</c>).
/// </summary>
public static class ClickImporter
{
    /// <summary>Imports every <c>*.json</c> under <paramref name="source"/> (a folder) or one file.</summary>
    /// <exception cref="MoaException">No files, invalid JSON, a missing field or an answer that is no choice (names file and item).</exception>
    public static ImportedBenchmark Import(string source)
    {
        string[] files;
        string root;
        if (File.Exists(source))
        {
            files = [source];
            root = Path.GetDirectoryName(Path.GetFullPath(source))!;
        }
        else if (Directory.Exists(source))
        {
            files = [.. Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
            root = source;
        }
        else
        {
            throw new MoaException($"{source}: not found; give the CLIcK folder (holding Dataset/) or one of its JSON files.");
        }

        if (files.Length == 0)
        {
            throw new MoaException($"{source}: no .json files inside; CLIcK is published as Dataset/<Culture|Language>/<category>/*.json.");
        }

        var items = new List<BenchmarkItem>();
        var subsets = new List<string>();
        foreach (var file in files)
        {
            var subset = SubsetOf(file);
            if (!subsets.Contains(subset))
            {
                subsets.Add(subset);
            }

            items.AddRange(ReadFile(file, root, subset));
        }

        var card = new BenchmarkCard
        {
            Name = "click",
            Version = "1.0",
            License = "see source",
            Language = "ko",
            TaskType = "multiple_choice",
            Metric = "acc",
            PromptTemplate = "{context}\n{question}\n{choices}\n정답:",
            ChoiceTemplate = " {choice}",
            Description = "CLIcK: Korean culture and language knowledge, multiple choice.",
            Source = "https://github.com/rladmstn1714/CLIcK",
            Subsets = subsets,
        };
        return new ImportedBenchmark(card, items);
    }

    private static string SubsetOf(string file)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)))!;
        if (folder.StartsWith("Korean ", StringComparison.Ordinal))
        {
            return folder["Korean ".Length..];
        }

        var stem = Path.GetFileNameWithoutExtension(file);
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        return string.Equals(folder, "Dataset", StringComparison.Ordinal) || folder.Length == 0
            ? (underscore > 0 ? stem[..underscore] : stem)
            : folder;
    }

    private static List<BenchmarkItem> ReadFile(string file, string root, string subset)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{file} line {((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}: not valid JSON ({ex.Message.Split(" Path:")[0]}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new MoaException($"{file}: expected a JSON array of items, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }

            var stem = Path.GetFileNameWithoutExtension(file);
            var items = new List<BenchmarkItem>();
            var n = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                n++;
                var where = $"{file} item {n.ToString(CultureInfo.InvariantCulture)}";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new MoaException($"{where}: expected an object with id, paragraph, question, choices, answer.");
                }

                var id = Text(element, "id", where);
                var question = Text(element, "question", where);
                var paragraph = element.TryGetProperty("paragraph", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                if (!element.TryGetProperty("choices", out var choicesElement) || choicesElement.ValueKind != JsonValueKind.Array)
                {
                    throw new MoaException($"{where} ('{id}'): missing 'choices' array.");
                }

                var choices = choicesElement.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText()).ToList();
                var answer = Text(element, "answer", where);
                var index = choices.IndexOf(answer);
                if (index < 0)
                {
                    index = choices.FindIndex(c => string.Equals(c.Trim(), answer.Trim(), StringComparison.Ordinal));
                }

                if (index < 0)
                {
                    throw new MoaException($"{where} ('{id}'): answer '{answer}' is not one of its choices; fix the answer text in the source.");
                }

                var meta = ImportMeta.Source(root, file, n).With("source_id", id).With("source_item", n);
                meta.Remove("source_line");
                items.Add(new BenchmarkItem($"{stem}-{id}", subset, question, string.IsNullOrWhiteSpace(paragraph) ? null : paragraph, choices,
                    BenchmarkItemJson.Index(index), meta));
            }

            return items;
        }
    }

    private static string Text(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new MoaException($"{where}: missing text field '{name}'.");
}
