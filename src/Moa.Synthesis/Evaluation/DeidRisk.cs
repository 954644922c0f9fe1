using Moa.Synthesis.Data;
using Moa.Tabular.Risk;

namespace Moa.Synthesis.Evaluation;

/// <summary>The <c>moa deid</c> re-identification risk of one table over the quasi-identifiers.</summary>
public sealed record DeidRiskFigures(double ProsecutorMax, double ProsecutorAverage, double JournalistMax, double JournalistAverage, double Marketer, int SampleUniques, int Records);

/// <summary>
/// The synthetic table's re-identification risk on the same scale as a pseudonymised release (<c>moa deid</c>'s
/// <see cref="RiskAnalyzer"/>), beside the same figures of the real training table.
/// </summary>
public sealed record DeidRiskComparison(IReadOnlyList<string> QuasiIdentifiers, double Threshold, DeidRiskFigures Synthetic, DeidRiskFigures Real)
{
    internal static DeidRiskComparison Measure(ColumnTable train, ColumnTable synthetic, IReadOnlyList<string> quasiIdentifiers, double threshold)
    {
        foreach (var q in quasiIdentifiers)
        {
            _ = train[q];
            _ = synthetic[q];
        }

        var options = new RiskOptions { Threshold = threshold, SudaMaxSize = 0 };
        DeidRiskFigures Of(ColumnTable t)
        {
            var table = TableBridge.ToTable(new ColumnTable([.. quasiIdentifiers.Select(q => t[q])]));
            var r = RiskAnalyzer.Analyze(table, quasiIdentifiers, options);
            return new DeidRiskFigures(r.Prosecutor.Max, r.Prosecutor.Average, r.Journalist.Max, r.Journalist.Average, r.Marketer, r.SampleUniques, r.Records);
        }

        return new DeidRiskComparison(quasiIdentifiers, threshold, Of(synthetic), Of(train));
    }
}
