using System.Globalization;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Analysis;

/// <summary>
/// Item analysis across models (classical test theory with models as test takers): difficulty, point-biserial discrimination,
/// items every model fails (suspected wrong keys), answer-position bias per model, and per sub-item summaries.
/// </summary>
public static class ItemAnalyzer
{
    /// <summary>Flag of items no model got right.</summary>
    public const string AllFailFlag = "all-fail";

    /// <summary>Flag of items that better models get wrong more often than weaker ones.</summary>
    public const string NegativeDiscriminationFlag = "negative-discrimination";

    /// <summary>Flag of items every model got right.</summary>
    public const string AllPassFlag = "all-pass";

    /// <summary>Discrimination below this is flagged (with at least 5 models).</summary>
    public const double NegativeDiscriminationThreshold = -0.2;

    /// <summary>Analyses the runs of several models on one benchmark.</summary>
    /// <exception cref="MoaException">Fewer than two runs, or a run with no item of the benchmark.</exception>
    public static ItemAnalysisReport Analyze(LoadedBenchmark benchmark, IReadOnlyList<EvaluationRun> runs)
    {
        if (runs.Count < 2)
        {
            throw new MoaException($"item analysis compares models: give at least 2 runs (--runs RUN1 RUN2 ...), got {runs.Count}.");
        }

        var notes = new List<string>();
        var items = benchmark.Items;
        var indexOf = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            indexOf.TryAdd(items[i].Id, i);
        }

        // results[m][i]: null when model m has no result for item i.
        var results = new RunItemResult?[runs.Count][];
        var names = UniqueNames(runs);
        var models = new List<ModelSummary>();
        for (var m = 0; m < runs.Count; m++)
        {
            var run = runs[m];
            if (run.Benchmark is not null && !string.Equals(run.Benchmark, benchmark.Card.Name, StringComparison.Ordinal))
            {
                notes.Add($"{run.Directory}: run.json names benchmark '{run.Benchmark}', not '{benchmark.Card.Name}'; items are matched by id.");
            }

            results[m] = new RunItemResult?[items.Count];
            var unknown = 0;
            foreach (var result in run.Items)
            {
                if (indexOf.TryGetValue(result.Id, out var i))
                {
                    results[m][i] = result;
                }
                else
                {
                    unknown++;
                }
            }

            var known = results[m].Count(r => r is not null);
            if (known == 0)
            {
                throw new MoaException($"{run.Directory}: none of its {run.Items.Count} results has an id of benchmark '{benchmark.Card.Name}'; was it run on another benchmark?");
            }

            if (unknown > 0)
            {
                notes.Add($"{run.Directory}: {unknown} results have ids that are not in the benchmark and were ignored.");
            }

            models.Add(new ModelSummary(names[m], run.Directory, known, results[m].Count(r => r is { Correct: true }) / (double)known, unknown));
        }

        var statistics = ItemStatisticsFor(items, results);
        var analysed = statistics.Where(s => s.Models > 0).ToList();
        if (runs.Count < 5)
        {
            notes.Add($"Only {runs.Count} models: discrimination is coarse; negative discrimination is flagged from 5 models on.");
        }

        return new ItemAnalysisReport(
            benchmark.Card.Name,
            models,
            Subsets(benchmark, analysed, results, names, indexOf),
            analysed,
            PositionBiases(items, results, names),
            notes);
    }

    private static List<ItemStatistic> ItemStatisticsFor(IReadOnlyList<BenchmarkItem> items, RunItemResult?[][] results)
    {
        var modelCount = results.Length;
        var correctTotals = new int[modelCount];
        var answeredTotals = new int[modelCount];
        for (var m = 0; m < modelCount; m++)
        {
            foreach (var r in results[m])
            {
                if (r is not null)
                {
                    answeredTotals[m]++;
                    correctTotals[m] += r.Correct ? 1 : 0;
                }
            }
        }

        var statistics = new List<ItemStatistic>(items.Count);
        var binary = new List<bool>(modelCount);
        var rest = new List<double>(modelCount);
        for (var i = 0; i < items.Count; i++)
        {
            binary.Clear();
            rest.Clear();
            var wrongChoices = new Dictionary<int, int>();
            for (var m = 0; m < modelCount; m++)
            {
                var r = results[m][i];
                if (r is null)
                {
                    continue;
                }

                binary.Add(r.Correct);
                var others = answeredTotals[m] - 1;
                rest.Add(others > 0 ? (correctTotals[m] - (r.Correct ? 1 : 0)) / (double)others : 0);
                if (!r.Correct && r.Predicted >= 0)
                {
                    wrongChoices[r.Predicted] = wrongChoices.GetValueOrDefault(r.Predicted) + 1;
                }
            }

            var item = items[i];
            var answered = binary.Count;
            var correct = binary.Count(b => b);
            var difficulty = answered > 0 ? (double)correct / answered : double.NaN;
            var r_pb = answered >= 3 ? ItemStatistics.PointBiserial([.. binary], [.. rest]) : double.NaN;
            var modal = wrongChoices.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => (Choice: p.Key, Count: p.Value)).FirstOrDefault((Choice: -1, Count: 0));
            var flags = new List<string>();
            if (answered >= 2 && correct == 0)
            {
                flags.Add(AllFailFlag);
            }

            if (answered >= 2 && correct == answered)
            {
                flags.Add(AllPassFlag);
            }

            if (answered >= 5 && !double.IsNaN(r_pb) && r_pb < NegativeDiscriminationThreshold)
            {
                flags.Add(NegativeDiscriminationFlag);
            }

            statistics.Add(new ItemStatistic(
                item.Id, item.Subset, answered, correct, difficulty, double.IsNaN(r_pb) ? null : Math.Round(r_pb, 4),
                item.AnswerIndex, modal.Choice, modal.Count, flags, Shorten(item.Question)));
        }

        return statistics;
    }

    private static List<SubsetSummary> Subsets(LoadedBenchmark benchmark, List<ItemStatistic> analysed, RunItemResult?[][] results, string[] names, Dictionary<string, int> indexOf)
    {
        var summaries = new List<SubsetSummary>();
        var groups = analysed.GroupBy(s => s.Subset, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var order = benchmark.Card.Subsets.Where(groups.ContainsKey).Concat(groups.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        foreach (var subset in order)
        {
            var stats = groups[subset];
            var discriminations = stats.Where(s => s.Discrimination is not null).Select(s => s.Discrimination!.Value).ToList();
            var accuracy = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var m = 0; m < results.Length; m++)
            {
                var answered = 0;
                var correct = 0;
                foreach (var s in stats)
                {
                    var r = results[m][indexOf[s.Id]];
                    if (r is not null)
                    {
                        answered++;
                        correct += r.Correct ? 1 : 0;
                    }
                }

                if (answered > 0)
                {
                    accuracy[names[m]] = (double)correct / answered;
                }
            }

            summaries.Add(new SubsetSummary(subset, stats.Count, stats.Average(s => s.Difficulty),
                discriminations.Count > 0 ? discriminations.Average() : null, stats.Count(s => s.Flags.Contains(AllFailFlag)), accuracy));
        }

        return summaries;
    }

    private static List<PositionBias> PositionBiases(IReadOnlyList<BenchmarkItem> items, RunItemResult?[][] results, string[] names)
    {
        var biases = new List<PositionBias>();
        var positions = items.Count == 0 ? 0 : items.Max(i => i.Choices.Count);
        if (positions < 2)
        {
            return biases;
        }

        for (var m = 0; m < results.Length; m++)
        {
            var predicted = new int[positions];
            var keys = new int[positions];
            for (var i = 0; i < items.Count; i++)
            {
                var r = results[m][i];
                var key = items[i].AnswerIndex;
                if (r is null || r.Predicted < 0 || r.Predicted >= positions || key < 0 || key >= positions)
                {
                    continue;
                }

                predicted[r.Predicted]++;
                keys[key]++;
            }

            var n = predicted.Sum();
            if (n == 0)
            {
                continue;
            }

            var expected = keys.Select(k => (double)k).ToArray();
            var p = ItemStatistics.ChiSquarePValue(predicted, expected);
            var predictedShare = predicted.Select(c => (double)c / n).ToArray();
            var keyShare = keys.Select(c => (double)c / n).ToArray();
            var favoured = Enumerable.Range(0, positions).MaxBy(j => predictedShare[j] - keyShare[j]);
            biases.Add(new PositionBias(names[m], n, predictedShare, keyShare, p, favoured));
        }

        return biases;
    }

    private static string[] UniqueNames(IReadOnlyList<EvaluationRun> runs)
    {
        var names = new string[runs.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < runs.Count; m++)
        {
            var count = seen.GetValueOrDefault(runs[m].Model) + 1;
            seen[runs[m].Model] = count;
            names[m] = count == 1 ? runs[m].Model : $"{runs[m].Model} #{count.ToString(CultureInfo.InvariantCulture)}";
        }

        return names;
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 120 ? flat : string.Concat(flat.AsSpan(0, 117), "...");
    }
}
