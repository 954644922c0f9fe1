using Moa.Evaluation.Scoring;
using Moa.Evaluation.Statistics;

namespace Moa.Evaluation.Runs;

/// <summary>Scores of one group of items (a subset or all of them): counts, and each metric's estimate.</summary>
public sealed record GroupScores(int Items, int Scored, int Errors, IReadOnlyDictionary<string, MetricEstimate> Metrics);

/// <summary>A run's scores: overall (micro average over items), macro average over subsets, and per subset.</summary>
public sealed record RunScores(string PrimaryMetric, IReadOnlyList<string> MetricNames, GroupScores Overall, IReadOnlyDictionary<string, double> Macro, IReadOnlyDictionary<string, GroupScores> Subsets)
{
    /// <summary>lm-eval's <c>f1</c>: macro-F1 of the arg-max predictions over a group of items, not a per-item mean.</summary>
    public const string MacroF1 = "f1";

    /// <summary>KoBBQ's accuracy and diff-bias scores when the benchmark carries KoBBQ's fields; otherwise null.</summary>
    public KobbqBias? Bias { get; init; }

    /// <summary>True when no item failed.</summary>
    public bool Complete => Overall.Errors == 0;

    /// <summary>Computes scores from item results; failed items are counted, never scored as zero.</summary>
    public static RunScores Compute(IReadOnlyList<ItemResult> items, IReadOnlyList<string> metricNames, string primary, IReadOnlyList<string> subsetOrder, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(metricNames);
        ArgumentNullException.ThrowIfNull(subsetOrder);
        var overall = Group(items, metricNames, resamples, seed);
        var order = subsetOrder.Concat(items.Select(i => i.Subset)).Distinct(StringComparer.Ordinal).ToList();
        var subsets = new Dictionary<string, GroupScores>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            var members = items.Where(i => i.Subset == name).ToList();
            if (members.Count > 0)
            {
                subsets[name] = Group(members, metricNames, resamples, seed);
            }
        }

        var macro = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in metricNames)
        {
            var means = subsets.Values.Where(g => g.Scored > 0).Select(g => g.Metrics[m].Mean).ToList();
            macro[m] = means.Count > 0 ? means.Average() : double.NaN;
        }

        return new RunScores(primary, metricNames, overall, macro, subsets);
    }

    private static GroupScores Group(IReadOnlyList<ItemResult> items, IReadOnlyList<string> metricNames, int resamples, int seed)
    {
        var ok = items.Where(i => !i.Failed).ToList();
        var metrics = new Dictionary<string, MetricEstimate>(StringComparer.Ordinal);
        foreach (var m in metricNames)
        {
            if (m == MacroF1)
            {
                metrics[m] = SampleStatistics.EstimateMacroF1([.. ok.Select(i => i.Answer)], [.. ok.Select(i => i.ArgmaxPredicted)], resamples, seed);
                continue;
            }

            var values = ok.Select(i => i.Metrics[m]).ToArray();
            metrics[m] = SampleStatistics.Estimate(values, resamples, seed);
        }

        return new GroupScores(items.Count, ok.Count, items.Count - ok.Count, metrics);
    }
}
