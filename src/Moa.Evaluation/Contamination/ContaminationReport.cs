using System.Text.Encodings.Web;
using System.Text.Json;

namespace Moa.Evaluation.Contamination;

/// <summary>An item with n-grams found in the corpus.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Subset">Item sub-item.</param>
/// <param name="Grams">Distinct n-grams of the item.</param>
/// <param name="HitGrams">How many of them occur in the corpus.</param>
/// <param name="Overlap"><paramref name="HitGrams"/> / <paramref name="Grams"/>.</param>
/// <param name="Documents">Corpus documents containing at least one of the item's n-grams.</param>
/// <param name="Examples">The first of those documents (corpus file order).</param>
public sealed record ContaminatedItem(string Id, string Subset, int Grams, int HitGrams, double Overlap, long Documents, IReadOnlyList<CorpusDocument> Examples);

/// <summary>Per sub-item counts.</summary>
/// <param name="Subset">Sub-item.</param>
/// <param name="Items">Items in the sub-item.</param>
/// <param name="Checked">Items long enough to have at least one n-gram.</param>
/// <param name="Contaminated">Items reported as contaminated.</param>
public sealed record SubsetContamination(string Subset, int Items, int Checked, int Contaminated);

/// <summary>The result of <see cref="ContaminationChecker"/>: settings, what was scanned, and the contaminated items.</summary>
public sealed record ContaminationReport(
    string Benchmark,
    string Unit,
    int N,
    double MinOverlap,
    IReadOnlyList<string> Corpora,
    int Files,
    long Documents,
    long Bytes,
    double Seconds,
    int Items,
    int ItemsTooShort,
    IReadOnlyList<SubsetContamination> Subsets,
    IReadOnlyList<ContaminatedItem> Contaminated)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Uncompressed corpus megabytes (10^6 bytes) scanned per second of wall time.</summary>
    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1e6 / Seconds : 0;

    /// <summary>The report as indented JSON (snake_case keys).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);
}
