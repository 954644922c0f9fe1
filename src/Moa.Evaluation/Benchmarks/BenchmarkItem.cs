using System.Text.Json;

namespace Moa.Evaluation.Benchmarks;

/// <summary>
/// One benchmark item as stored in a benchmark's <c>items.jsonl</c> (one JSON object a line):
/// <c>id</c>, <c>subset</c> (the sub-measurement item), <c>question</c>, optional <c>context</c>,
/// <c>choices</c> for multiple choice, <c>answer</c> (a 0-based choice index, or the answer text), and <c>meta</c>.
/// </summary>
/// <param name="Id">Unique within the benchmark.</param>
/// <param name="Subset">Sub-item (세부 측정 항목) the item belongs to.</param>
/// <param name="Question">The question or prompt body.</param>
/// <param name="Context">Passage the question is about, if any.</param>
/// <param name="Choices">Options of a multiple-choice item; empty for generation tasks.</param>
/// <param name="Answer">0-based choice index (multiple choice) or the reference text (generation); use <see cref="AnswerIndex"/> / <see cref="AnswerText"/>.</param>
/// <param name="Meta">Free-form extra fields (source file and row, original label...).</param>
public sealed record BenchmarkItem(
    string Id,
    string Subset,
    string Question,
    string? Context,
    IReadOnlyList<string> Choices,
    JsonElement Answer,
    IReadOnlyDictionary<string, JsonElement>? Meta = null)
{
    /// <summary>The 0-based index of the right choice, or -1 when the answer is text.</summary>
    public int AnswerIndex => Answer.ValueKind == JsonValueKind.Number && Answer.TryGetInt32(out var i) ? i : -1;

    /// <summary>The answer as text: the chosen option for multiple choice, else the reference string.</summary>
    public string AnswerText => AnswerIndex >= 0 && AnswerIndex < Choices.Count
        ? Choices[AnswerIndex]
        : Answer.ValueKind == JsonValueKind.String ? Answer.GetString() ?? string.Empty : Answer.GetRawText();

    /// <summary>Whether the item is multiple choice.</summary>
    public bool IsMultipleChoice => Choices.Count > 0;
}
