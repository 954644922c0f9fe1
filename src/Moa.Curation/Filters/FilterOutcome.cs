namespace Moa.Curation.Filters;

/// <summary>
/// The verdict on one document. <paramref name="Rule"/> is null when kept, else "&lt;group&gt;.&lt;rule&gt;"
/// (e.g. "gopher_repetition.top_2gram_frac"). <paramref name="Text"/> is the text to keep: the input instance
/// when no line was removed. <paramref name="Scores"/> are the measured signals, rounded to 4 decimals, for the document's meta.
/// </summary>
public readonly record struct FilterOutcome(bool Keep, string? Rule, string Text, IReadOnlyList<KeyValuePair<string, double>> Scores);
