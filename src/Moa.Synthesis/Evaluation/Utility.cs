using Microsoft.ML;
using Microsoft.ML.Data;
using Moa.Synthesis.Data;

namespace Moa.Synthesis.Evaluation;

/// <summary>Train-on-synthetic-test-on-real: the accuracy on the real holdout of a classifier trained on synthetic rows, against one trained on real rows.</summary>
public sealed record UtilityScore(string Target, string Classifier, int TrainRows, int TestRows, double TrainRealAccuracy, double TrainSyntheticAccuracy, double MajorityAccuracy)
{
    /// <summary>TSTR accuracy / TRTR accuracy (1 = the synthetic rows teach as much as the real ones).</summary>
    public double Ratio => TrainRealAccuracy <= 0 ? 0 : TrainSyntheticAccuracy / TrainRealAccuracy;

    /// <summary>
    /// How much of the real-data classifier's gain over always guessing the majority class the synthetic-data one keeps:
    /// (TSTR - majority) / (TRTR - majority); 0 = it learnt nothing beyond the class frequencies.
    /// </summary>
    public double Lift => TrainRealAccuracy - MajorityAccuracy <= 1e-9 ? 1 : Math.Clamp((TrainSyntheticAccuracy - MajorityAccuracy) / (TrainRealAccuracy - MajorityAccuracy), 0, 1);
}

/// <summary>TSTR against TRTR with a multinomial logistic regression (ML.NET L-BFGS maximum entropy) on one-hot and standardised features.</summary>
internal static class Utility
{
    private const int MaxCategories = 30;

    public static UtilityScore Run(ColumnTable train, ColumnTable holdout, ColumnTable synthetic, string target, EvaluationOptions options)
    {
        var targetColumn = train[target];
        _ = synthetic[target];
        var rng = new Random(options.Seed);
        var space = new FeatureSpace(train, target);
        var test = space.Examples(holdout, PrivacyAttacks.Sample(holdout.RowCount, options.UtilityRows, rng));
        var real = space.Examples(train, PrivacyAttacks.Sample(train.RowCount, options.UtilityRows, rng));
        var syn = space.Examples(synthetic, PrivacyAttacks.Sample(synthetic.RowCount, options.UtilityRows, rng));
        if (test.Count == 0 || real.Count == 0)
        {
            throw new MoaException($"target column '{target}' has no values in the real or holdout table.");
        }

        var majority = real.GroupBy(e => e.Label, StringComparer.Ordinal).MaxBy(g => g.Count())!.Key;
        var majorityAccuracy = test.Count(e => e.Label == majority) / (double)test.Count;
        var labels = space.Labels;
        var accReal = TrainAndScore(real, test, labels, space.Width, options.Seed);
        var accSyn = syn.Count == 0 ? 0 : TrainAndScore(syn, test, labels, space.Width, options.Seed);
        var name = targetColumn.Kind == ColumnKind.Categorical ? target : $"{target} above its median";
        return new UtilityScore(name, "multinomial logistic regression (ML.NET LbfgsMaximumEntropy)", real.Count, test.Count, accReal, accSyn, majorityAccuracy);
    }

    private static double TrainAndScore(List<Example> trainSet, List<Example> testSet, IReadOnlyList<string> labels, int width, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var trainView = ml.Data.LoadFromEnumerable(trainSet, schema);
        var testView = ml.Data.LoadFromEnumerable(testSet, schema);
        var keys = ml.Data.LoadFromEnumerable(labels.Select(l => new LabelOnly { Label = l }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Example.Label), keyData: keys)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("LabelKey", nameof(Example.Features)))
            .Append(ml.Transforms.Conversion.MapKeyToValue("Predicted", "PredictedLabel"));
        var model = pipeline.Fit(trainView);
        var predicted = ml.Data.CreateEnumerable<Prediction>(model.Transform(testView), reuseRowObject: false).Select(p => p.Predicted).ToList();
        var correct = 0;
        for (var i = 0; i < testSet.Count; i++)
        {
            correct += string.Equals(predicted[i], testSet[i].Label, StringComparison.Ordinal) ? 1 : 0;
        }

        return correct / (double)testSet.Count;
    }

    internal sealed class Example
    {
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    private sealed class LabelOnly
    {
        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public string Predicted { get; set; } = "";
    }

    /// <summary>The feature layout learnt from the real training table: standardised numbers with a missing flag, one-hot categories.</summary>
    private sealed class FeatureSpace
    {
        private readonly string _target;
        private readonly List<(string Name, double Mean, double Sd, int Slot)> _numeric = [];
        private readonly List<(string Name, Dictionary<string, int> Slots)> _categorical = [];
        private readonly double _targetMedian;

        public FeatureSpace(ColumnTable train, string target)
        {
            _target = target;
            var width = 0;
            foreach (var c in train.Columns.Where(c => c.Name != target))
            {
                if (c.Values is { } values)
                {
                    var top = values.Where(v => v is not null).GroupBy(v => v!, StringComparer.Ordinal)
                        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxCategories)
                        .Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => width + x.i, StringComparer.Ordinal);
                    _categorical.Add((c.Name, top));
                    width += top.Count;
                }
                else
                {
                    var present = c.Numbers!.Where(v => !double.IsNaN(v)).ToArray();
                    var mean = present.Length == 0 ? 0 : present.Average();
                    var sd = present.Length < 2 ? 1 : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Length);
                    _numeric.Add((c.Name, mean, sd > 0 ? sd : 1, width));
                    width += 2;
                }
            }

            Width = Math.Max(1, width);
            var t = train[target];
            if (t.Numbers is { } tn)
            {
                var sorted = tn.Where(v => !double.IsNaN(v)).Order().ToArray();
                _targetMedian = sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
                Labels = ["high", "low"];
            }
            else
            {
                Labels = [.. t.Values!.Where(v => v is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)!];
            }
        }

        public int Width { get; }

        public IReadOnlyList<string> Labels { get; }

        public List<Example> Examples(ColumnTable table, int[] rows)
        {
            var target = table[_target];
            var labels = new HashSet<string>(Labels, StringComparer.Ordinal);
            var numeric = _numeric.Select(n => (Values: table[n.Name].Numbers ?? throw new MoaException($"column '{n.Name}' is numeric in the real table but not in the compared one."), n.Mean, n.Sd, n.Slot)).ToArray();
            var categorical = _categorical.Select(c => (Values: table[c.Name].Values ?? throw new MoaException($"column '{c.Name}' is categorical in the real table but not in the compared one."), c.Slots)).ToArray();
            var examples = new List<Example>(rows.Length);
            foreach (var row in rows)
            {
                string? label;
                if (target.Numbers is { } tn)
                {
                    label = double.IsNaN(tn[row]) ? null : tn[row] > _targetMedian ? "high" : "low";
                }
                else
                {
                    label = target.Values![row];
                }

                if (label is null || !labels.Contains(label))
                {
                    continue;
                }

                var f = new float[Width];
                foreach (var (values, mean, sd, slot) in numeric)
                {
                    var v = values[row];
                    f[slot] = double.IsNaN(v) ? 0 : (float)((v - mean) / sd);
                    f[slot + 1] = double.IsNaN(v) ? 1 : 0;
                }

                foreach (var (values, slots) in categorical)
                {
                    if (values[row] is { } s && slots.TryGetValue(s, out var k))
                    {
                        f[k] = 1;
                    }
                }

                examples.Add(new Example { Features = f, Label = label });
            }

            return examples;
        }
    }
}
