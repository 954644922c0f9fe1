namespace Moa.Curation.Filters;

/// <summary>
/// The verdict on one document. <paramref name="Rule"/> is null when kept, else "&lt;group&gt;.&lt;rule&gt;"
/// (e.g. "gopher_repetition.top_2gram_frac"). <paramref name="Text"/> is the text to keep: the input instance
/// when no line was removed. <paramref name="Scores"/> are every measured signal, rounded to 4 decimals, for the document's meta.
/// </summary>
public readonly record struct FilterOutcome(bool Keep, string? Rule, string Text, IReadOnlyList<KeyValuePair<string, double>> Scores)
{
    /// <summary>The measured value of the rule that fired (0 when kept).</summary>
    public double Value { get; init; }

    /// <summary>The threshold the value crossed (0 when kept).</summary>
    public double Threshold { get; init; }

    /// <summary>The document's kind, from its lines.</summary>
    public Genre Genre { get; init; }

    /// <summary>The filter profile whose thresholds decided (see <see cref="QualityOptions.Profile"/>).</summary>
    public string Profile { get; init; } = "";
}
