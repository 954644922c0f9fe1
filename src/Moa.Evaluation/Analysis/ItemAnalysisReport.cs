using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moa.Evaluation.Analysis;

/// <summary>Classical test statistics of one item across the models.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Subset">Sub-item.</param>
/// <param name="Models">Models with a result for the item.</param>
/// <param name="Correct">Models that got it right.</param>
/// <param name="Difficulty">Proportion of models correct (the difficulty index p: low is hard).</param>
/// <param name="Discrimination">Point-biserial correlation of being right on this item with accuracy on the other items; null when undefined.</param>
/// <param name="Answer">Key's choice index (-1 for text answers).</param>
/// <param name="ModalWrongChoice">The wrong choice most models picked, or -1.</param>
/// <param name="ModalWrongCount">How many models picked it.</param>
/// <param name="Flags">Findings: <c>all-fail</c> (suspected wrong key), <c>negative-discrimination</c>, <c>all-pass</c>.</param>
/// <param name="Question">The item's question (shortened) for the report.</param>
public sealed record ItemStatistic(
    string Id,
    string Subset,
    int Models,
    int Correct,
    double Difficulty,
    double? Discrimination,
    int Answer,
    int ModalWrongChoice,
    int ModalWrongCount,
    IReadOnlyList<string> Flags,
    string Question);

/// <summary>How a model spreads its choices over answer positions compared with where the keys are.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Predictions">Items with a choice predicted.</param>
/// <param name="PredictedShare">Share of predictions per position (A, B, ...).</param>
/// <param name="KeyShare">Share of keys per position over the same items.</param>
/// <param name="PValue">Chi-square p-value of predicted positions against the key distribution.</param>
/// <param name="FavouredPosition">The position chosen most above its key share.</param>
public sealed record PositionBias(string Model, int Predictions, IReadOnlyList<double> PredictedShare, IReadOnlyList<double> KeyShare, double PValue, int FavouredPosition);

/// <summary>Per sub-item summary.</summary>
/// <param name="Subset">Sub-item.</param>
/// <param name="Items">Items analysed.</param>
/// <param name="MeanDifficulty">Mean difficulty index.</param>
/// <param name="MeanDiscrimination">Mean discrimination over items where it is defined; null when none.</param>
/// <param name="AllFail">Items every model failed.</param>
/// <param name="Accuracy">Model → accuracy on the sub-item.</param>
public sealed record SubsetSummary(string Subset, int Items, double MeanDifficulty, double? MeanDiscrimination, int AllFail, IReadOnlyDictionary<string, double> Accuracy);

/// <summary>One model's totals.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Run">Run folder.</param>
/// <param name="Items">Items of the benchmark it has results for.</param>
/// <param name="Accuracy">Share correct over those items.</param>
/// <param name="UnknownItems">Result lines whose id is not in the benchmark.</param>
public sealed record ModelSummary(string Model, string Run, int Items, double Accuracy, int UnknownItems);

/// <summary>The result of <see cref="ItemAnalyzer"/>.</summary>
public sealed record ItemAnalysisReport(
    string Benchmark,
    IReadOnlyList<ModelSummary> Models,
    IReadOnlyList<SubsetSummary> Subsets,
    IReadOnlyList<ItemStatistic> Items,
    IReadOnlyList<PositionBias> PositionBias,
    IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Items every model failed.</summary>
    public IEnumerable<ItemStatistic> AllFail => Items.Where(i => i.Flags.Contains(ItemAnalyzer.AllFailFlag));

    /// <summary>The report as indented JSON (snake_case keys).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);
}
