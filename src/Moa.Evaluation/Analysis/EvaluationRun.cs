using System.Globalization;
using System.Text.Json;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Analysis;

/// <summary>One model's result on one item, as <c>moa eval</c> writes it into a run's <c>items.jsonl</c>.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Subset">Item sub-item.</param>
/// <param name="Correct">Whether the model got it right.</param>
/// <param name="Predicted">Chosen choice index, or -1 (no choice / generation).</param>
/// <param name="Answer">The key's choice index, or -1.</param>
/// <param name="Score">Item score (1/0 for accuracy, or a graded score).</param>
public sealed record RunItemResult(string Id, string Subset, bool Correct, int Predicted, int Answer, double Score);

/// <summary>An evaluation run folder: <c>run.json</c> (model, benchmark...) and <c>items.jsonl</c> (one result per item).</summary>
/// <param name="Directory">The run folder.</param>
/// <param name="Model">Model name from <c>run.json</c> (the folder name when it has none).</param>
/// <param name="Benchmark">Benchmark name from <c>run.json</c>, if any.</param>
/// <param name="Items">Per-item results in file order.</param>
public sealed record EvaluationRun(string Directory, string Model, string? Benchmark, IReadOnlyList<RunItemResult> Items)
{
    /// <summary>Loads a run folder.</summary>
    /// <exception cref="MoaException">Missing folder or files, or a malformed line (names file and line).</exception>
    public static EvaluationRun Load(string dir)
    {
        if (!System.IO.Directory.Exists(dir))
        {
            throw new MoaException($"{dir}: run folder not found; give folders written by 'moa eval' (run.json + items.jsonl).");
        }

        var runPath = Path.Combine(dir, "run.json");
        if (!File.Exists(runPath))
        {
            throw new MoaException($"{runPath}: file not found; an evaluation run folder holds run.json and items.jsonl as 'moa eval' writes them.");
        }

        var itemsPath = Path.Combine(dir, "items.jsonl");
        if (!File.Exists(itemsPath))
        {
            throw new MoaException($"{itemsPath}: file not found; the run has no per-item results.");
        }

        return Parse(File.ReadAllBytes(runPath), File.ReadAllBytes(itemsPath), dir, runPath, itemsPath);
    }

    /// <summary>
    /// Reads a run from the bytes of its <c>run.json</c> and <c>items.jsonl</c> (an uploaded run); <paramref name="runName"/>
    /// and <paramref name="itemsName"/> name the files in error messages.
    /// </summary>
    /// <exception cref="MoaException">Malformed JSON or a malformed line (names file and line).</exception>
    public static EvaluationRun Parse(byte[] runJson, byte[] itemsJsonl, string dir, string runName = "run.json", string itemsName = "items.jsonl")
    {
        ArgumentNullException.ThrowIfNull(runJson);
        ArgumentNullException.ThrowIfNull(itemsJsonl);
        string? model = null, benchmark = null;
        try
        {
            using var document = JsonDocument.Parse(runJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new MoaException($"{runName}: expected a JSON object.");
            }

            model = Name(document.RootElement, "model", "model_name");
            benchmark = Name(document.RootElement, "benchmark", "benchmark_name");
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{runName} line {((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}: not valid JSON ({ex.Message.Split(" Path:")[0]}).", ex);
        }

        var items = new List<RunItemResult>();
        foreach (var (lineNumber, line) in BenchmarkItemJson.ReadLines(itemsJsonl))
        {
            items.Add(ParseLine(line.Span, itemsName, lineNumber));
        }

        return new EvaluationRun(dir, string.IsNullOrWhiteSpace(model) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)) : model, benchmark, items);
    }

    private static string? Name(JsonElement root, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!root.TryGetProperty(key, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
        }

        return null;
    }

    private static RunItemResult ParseLine(ReadOnlySpan<byte> line, string file, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(file, lineNumber, "expected a JSON object");
            }

            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText())
                : throw Bad(file, lineNumber, "missing string field 'id'");
            var correct = root.TryGetProperty("correct", out var c) && c.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? c.GetBoolean()
                : throw Bad(file, lineNumber, $"item '{id}': missing boolean field 'correct'");
            var subset = root.TryGetProperty("subset", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : string.Empty;
            var predicted = Int(root, "predicted", file, lineNumber, id);
            var answer = Int(root, "answer", file, lineNumber, id);
            var score = root.TryGetProperty("score", out var sc) && sc.ValueKind == JsonValueKind.Number ? sc.GetDouble() : (correct ? 1 : 0);
            return new RunItemResult(id, subset, correct, predicted, answer, score);
        }
        catch (JsonException ex)
        {
            throw Bad(file, lineNumber, $"not valid JSON ({ex.Message.Split(" Path:")[0]})");
        }
    }

    private static int Int(JsonElement root, string name, string file, int lineNumber, string id)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return -1;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i)
            ? i
            : throw Bad(file, lineNumber, $"item '{id}': field '{name}' must be a whole number (a choice index, -1 for none)");
    }

    private static MoaException Bad(string file, int lineNumber, string what) =>
        new($"{file} line {lineNumber.ToString(CultureInfo.InvariantCulture)}: {what}.");
}
