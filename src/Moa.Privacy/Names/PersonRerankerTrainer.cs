using System.Globalization;

namespace Moa.Privacy.Names;

/// <summary>The person candidates of one labelled sentence (before overlap resolution), from a tagger not trained on it.</summary>
internal sealed record CandidateSet(NerSentence Sentence, List<PiiFinding> Candidates);

/// <summary>How the person re-ranker is trained (<c>moa pii train-person-reranker</c>).</summary>
public sealed record PersonRerankerOptions
{
    /// <summary>Folds of the out-of-fold candidates: the tagger is trained on the others and tags this one.</summary>
    public int Folds { get; init; } = 4;

    /// <summary>L2 penalty per example (weight decay of the logistic regression; 0.01 chosen on the tuning half).</summary>
    public double L2 { get; init; } = 0.01;

    /// <summary>Passes of the AdaGrad descent over the candidates.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Seed of the order of the candidates in each pass.</summary>
    public int Seed { get; init; } = 20261203;
}

/// <summary>
/// Trains the <see cref="PersonReranker"/>: out-of-fold candidates (train the tagger on all folds but one, collect the
/// person candidates of the rules and the tagger on that one, label each by exact-span match with the gold names), then an
/// L2-regularised logistic regression on all of them, fitted by AdaGrad in a seeded order (same data, same model).
/// </summary>
public static class PersonRerankerTrainer
{
    /// <summary>Candidates of every sentence, each produced by a tagger trained on the other folds (by <see cref="PersonEvaluation.CrossFold"/>).</summary>
    internal static List<CandidateSet> OutOfFold(IReadOnlyList<NerSentence> sentences, int folds, PersonTrainingOptions tagger, bool propose = false)
    {
        if (folds is < 2 or > 20)
        {
            throw new MoaException($"person re-ranker: folds must be 2..20, got {folds}.");
        }

        var result = new List<CandidateSet>(sentences.Count);
        for (var k = 0; k < folds; k++)
        {
            var model = PersonTrainer.Train([.. sentences.Where(s => PersonEvaluation.CrossFold(s.Id, folds) != k)], tagger);
            result.AddRange(Candidates(sentences.Where(s => PersonEvaluation.CrossFold(s.Id, folds) == k), model, propose));
        }

        return result;
    }

    /// <summary>
    /// The person candidates (rules and tagger, no minimum score) of each sentence under <paramref name="model"/>, with the
    /// re-ranker's proposals (<see cref="PersonReranker.Propose"/>) unless <paramref name="propose"/> is false.
    /// </summary>
    internal static List<CandidateSet> Candidates(IEnumerable<NerSentence> sentences, PersonModel model, bool propose = false)
    {
        var analyzer = new PiiAnalyzer([PiiTypes.Person], 0, model, reranker: null);
        var result = new List<CandidateSet>();
        foreach (var s in sentences)
        {
            var candidates = analyzer.Candidates(s.Text);
            if (propose)
            {
                PersonReranker.Propose(s.Text, candidates, 0);
            }

            result.Add(new CandidateSet(s, candidates));
        }

        return result;
    }

    /// <summary>Fits the logistic regression on the labelled candidates; <paramref name="frequency"/> is stored with it.</summary>
    internal static PersonReranker Fit(IReadOnlyList<CandidateSet> sets, StemFrequency frequency, PersonRerankerOptions options)
    {
        if (options.Epochs is < 1 or > 1000 || !double.IsFinite(options.L2) || options.L2 < 0)
        {
            throw new MoaException($"person re-ranker: epochs must be 1..1000 and the L2 penalty 0 or more (got {options.Epochs}, {options.L2}).");
        }

        var examples = Examples(sets, frequency);
        var w = new double[PersonReranker.Size];
        var g2 = new double[PersonReranker.Size];
        double bias = 0, biasG2 = 0;
        const double Rate = 0.2;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var rng = new Random(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var e in order)
            {
                var (ids, values, label) = examples[e];
                var z = bias;
                for (var k = 0; k < ids.Length; k++)
                {
                    z += w[ids[k]] * values[k];
                }

                var g = PersonReranker.Sigmoid(z) - label;
                biasG2 += g * g;
                bias -= Rate * g / Math.Sqrt(biasG2 + 1e-8);
                for (var k = 0; k < ids.Length; k++)
                {
                    var i = ids[k];
                    var gi = (g * values[k]) + (options.L2 * w[i]);
                    g2[i] += gi * gi;
                    w[i] -= Rate * gi / Math.Sqrt(g2[i] + 1e-8);
                }
            }
        }

        return new PersonReranker([.. w.Select(x => (float)x)], (float)bias, 0, frequency);
    }

    private static List<(int[] Ids, float[] Values, double Label)> Examples(IReadOnlyList<CandidateSet> sets, StemFrequency frequency)
    {
        var examples = new List<(int[], float[], double)>();
        Span<int> ids = stackalloc int[PersonReranker.MaxFeatures];
        Span<float> values = stackalloc float[PersonReranker.MaxFeatures];
        foreach (var set in sets)
        {
            for (var i = 0; i < set.Candidates.Count; i++)
            {
                var c = set.Candidates[i];
                if (c.Type != PiiTypes.Person)
                {
                    continue;
                }

                var n = PersonReranker.Features(set.Sentence.Text, set.Candidates, 0, i, frequency, ids, values);
                examples.Add((ids[..n].ToArray(), values[..n].ToArray(), set.Sentence.Persons.Contains((c.Start, c.End)) ? 1 : 0));
            }
        }

        return examples;
    }

    /// <summary>
    /// Exact-span counts per source after re-scoring the candidates with <paramref name="reranker"/> (null: the scores as
    /// they are, the path without the re-ranker) and resolving overlaps at each of <paramref name="minScores"/>.
    /// </summary>
    internal static List<SortedDictionary<string, PersonScore>> Score(IEnumerable<CandidateSet> sets, PersonReranker? reranker, IReadOnlyList<double> minScores)
    {
        var result = minScores.Select(_ => new SortedDictionary<string, PersonScore>(StringComparer.Ordinal)).ToList();
        foreach (var set in sets)
        {
            var scored = new List<PiiFinding>(set.Candidates);
            reranker?.Rescore(set.Sentence.Text, scored, 0);
            for (var t = 0; t < minScores.Count; t++)
            {
                var kept = OverlapResolution.Resolve([.. scored], minScores[t]);
                var correct = kept.Count(f => set.Sentence.Persons.Contains((f.Start, f.End)));
                var score = new PersonScore(set.Sentence.Persons.Count, kept.Count, correct);
                result[t][set.Sentence.Source] = result[t].GetValueOrDefault(set.Sentence.Source) + score;
                result[t]["all"] = result[t].GetValueOrDefault("all") + score;
            }
        }

        return result;
    }

    /// <summary>
    /// Cross-fitted re-ranker scores of out-of-fold candidates: for each fold, fit on the candidates of the other folds and
    /// re-score this fold's (no candidate is scored by a re-ranker fitted on its sentence).
    /// </summary>
    internal static List<CandidateSet> CrossFit(IReadOnlyList<CandidateSet> sets, int folds, StemFrequency frequency, PersonRerankerOptions options)
    {
        var result = new List<CandidateSet>(sets.Count);
        for (var k = 0; k < folds; k++)
        {
            var reranker = Fit([.. sets.Where(s => PersonEvaluation.CrossFold(s.Sentence.Id, folds) != k)], frequency, options);
            foreach (var s in sets.Where(s => PersonEvaluation.CrossFold(s.Sentence.Id, folds) == k))
            {
                var scored = new List<PiiFinding>(s.Candidates);
                reranker.Rescore(s.Sentence.Text, scored, 0);
                result.Add(s with { Candidates = scored });
            }
        }

        return result;
    }

    /// <summary>
    /// The lowest minimum score at which precision reaches <paramref name="precision"/> on already scored candidates, and
    /// the minimum score with the best F1 (both among <paramref name="grid"/>).
    /// </summary>
    internal static (double BestF1, double AtPrecision) OperatingPoints(IReadOnlyList<CandidateSet> scored, IReadOnlyList<double> grid, double precision)
    {
        var scores = Score(scored, null, grid);
        var best = 0;
        var atPrecision = grid[^1];
        for (var t = 0; t < grid.Count; t++)
        {
            if (scores[t]["all"].F1 > scores[best]["all"].F1)
            {
                best = t;
            }
        }

        for (var t = grid.Count - 1; t >= 0; t--)
        {
            if (scores[t]["all"].Precision >= precision && scores[t]["all"].Found > 0)
            {
                atPrecision = grid[t];
            }
            else if (grid[t] < atPrecision)
            {
                break;
            }
        }

        return (grid[best], atPrecision);
    }

    /// <summary>Raw probability thresholds searched for the operating points (0.05 to 0.99).</summary>
    private static readonly double[] s_grid = [.. Enumerable.Range(5, 95).Select(i => i / 100.0)];

    /// <summary>Throws a <see cref="MoaException"/> unless the default point is a probability strictly between 0 and 1.</summary>
    public static void CheckDefaultPoint(double defaultPoint)
    {
        if (defaultPoint is <= 0 or >= 1 || double.IsNaN(defaultPoint))
        {
            throw new MoaException($"train-person-reranker: the default point must be between 0 and 1 (exclusive), got {defaultPoint}.");
        }
    }

    /// <summary>
    /// Trains the re-ranker as shipped: out-of-fold candidates of every sentence of a KLUE-NER file (the tagger trained on
    /// the other folds), the logistic regression on all of them, and the logit shift that moves
    /// <paramref name="defaultPoint"/> (a raw probability chosen by <see cref="Evaluate"/> on the tuning half) to 0.5.
    /// Returns the number of candidates.
    /// </summary>
    public static int TrainFile(string kluePath, string outPath, PersonTrainingOptions tagger, PersonRerankerOptions options, string? unlabelledPath, double defaultPoint)
    {
        CheckDefaultPoint(defaultPoint);

        var sentences = KlueNer.Read(kluePath);
        tagger = PersonTrainer.WithUnlabelled(tagger, unlabelledPath, sentences);
        var oof = OutOfFold(sentences, options.Folds, tagger);
        var reranker = Fit(oof, StemFrequency.Count(tagger.Unlabelled), options);
        reranker.WithShift((float)-Logit(defaultPoint)).Save(outPath);
        return oof.Sum(s => s.Candidates.Count);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>
    /// The figures the re-ranker is judged by, without and with it. On the sentences (the KLUE tuning half when
    /// <paramref name="tuningHalf"/>): out-of-fold candidates (<paramref name="folds"/> taggers), scored as they are and
    /// cross-fitted by the re-ranker for each L2 penalty, at 0.5, the best-F1 point and the lowest point with precision
    /// 0.90. With <paramref name="realPath"/>: the real set's tuning half, the shipped tagger, the re-ranker fitted on all
    /// out-of-fold candidates, at the points chosen above. With <paramref name="heldOut"/> (only with the tuning half): the
    /// tagger trained on the tuning half and the re-ranker fitted on its out-of-fold candidates score the KLUE test half
    /// at those points. With <paramref name="realTest"/>: the real set's test half, shipped tagger and shipped re-ranker.
    /// </summary>
    public static List<PersonCurveRow> Evaluate(IReadOnlyList<NerSentence> all, bool tuningHalf, int folds, PersonTrainingOptions tagger, PersonRerankerOptions options, IReadOnlyList<double> l2s, string? realPath, bool heldOut, bool realTest, List<string>? errors = null, bool propose = false)
    {
        if (heldOut && !tuningHalf)
        {
            throw new MoaException("eval-person-reranker: --held-out needs --tuning-half (the operating points are chosen on the tuning half).");
        }

        var rows = new List<PersonCurveRow>();
        var sentences = tuningHalf ? PersonEvaluation.TuningHalf(all) : [.. all];
        var frequency = StemFrequency.Count(tagger.Unlabelled);
        var oof = OutOfFold(sentences, folds, tagger, propose);
        var cv = tuningHalf ? "tuning-half CV" : "CV";
        var (_, base90) = OperatingPoints(oof, [0.5, .. s_grid.Where(g => g > 0.5)], 0.90);
        AddRows(rows, $"{cv}, tagger + rules (main)", Score(oof, null, [0, 0.5, PersonEvaluation.HighPrecisionMinScore, base90]), [0, 0.5, PersonEvaluation.HighPrecisionMinScore, base90]);
        var points = (BestF1: 0.5, AtPrecision: 0.9);
        for (var i = 0; i < l2s.Count; i++)
        {
            var crossFitted = CrossFit(oof, folds, frequency, options with { L2 = l2s[i] });
            var (f1, p90) = OperatingPoints(crossFitted, [0.5, .. s_grid.Where(g => g > 0.5)], 0.90);
            points = i == 0 ? (f1, p90) : points;
            if (i == 0 && errors is not null)
            {
                Errors(crossFitted, p90, errors);
            }
            AddRows(rows, $"{cv}, re-ranked (L2 {l2s[i]:G3})", Score(crossFitted, null, [0.5, f1, p90, PersonEvaluation.RerankedHighPrecisionMinScore]), [0.5, f1, p90, PersonEvaluation.RerankedHighPrecisionMinScore]);
        }

        if (realPath is not null || heldOut)
        {
            var reranker = Fit(oof, frequency, options with { L2 = l2s[0] });
            if (realPath is not null)
            {
                var real = Candidates(PersonEvaluation.TuningHalf(PersonEvaluation.ReadLabelledJsonl(realPath)), PersonModel.Default, propose);
                AddRows(rows, "real tuning half, shipped tagger + rules", Score(real, null, [0.5, PersonEvaluation.HighPrecisionMinScore]), [0.5, PersonEvaluation.HighPrecisionMinScore]);
                AddRows(rows, "real tuning half, re-ranked", Score(real, reranker, [0.5, points.BestF1, points.AtPrecision]), [0.5, points.BestF1, points.AtPrecision]);
            }

            if (heldOut)
            {
                var model = PersonTrainer.Train(sentences, tagger);
                var test = Candidates(all.Where(s => PersonEvaluation.Fold(s.Id, 2) == 1), model, propose);
                AddRows(rows, "KLUE test half, tagger + rules (main)", Score(test, null, [0.5, PersonEvaluation.HighPrecisionMinScore]), [0.5, PersonEvaluation.HighPrecisionMinScore]);
                AddRows(rows, "KLUE test half, re-ranked", Score(test, reranker, [0.5, points.BestF1, points.AtPrecision]), [0.5, points.BestF1, points.AtPrecision]);
            }
        }

        if (realTest)
        {
            if (realPath is null)
            {
                throw new MoaException("eval-person-reranker: --real-test needs --real (the labelled set).");
            }

            var real = Candidates(PersonEvaluation.ReadLabelledJsonl(realPath).Where(s => PersonEvaluation.Fold(s.Id, 2) == 1), PersonModel.Default, propose);
            AddRows(rows, "real test half, shipped tagger + rules", Score(real, null, [0.5, PersonEvaluation.HighPrecisionMinScore]), [0.5, PersonEvaluation.HighPrecisionMinScore]);
            AddRows(rows, "real test half, shipped re-ranker", Score(real, PersonReranker.Default, [0.5, PersonEvaluation.RerankedHighPrecisionMinScore]), [0.5, PersonEvaluation.RerankedHighPrecisionMinScore]);
        }

        return rows;
    }

    /// <summary>Gold names that are no candidate at all (MISS), and wrong or missed spans at <paramref name="minScore"/> (FP, FN).</summary>
    private static void Errors(IEnumerable<CandidateSet> scored, double minScore, List<string> errors)
    {
        foreach (var set in scored)
        {
            var s = set.Sentence;
            var kept = OverlapResolution.Resolve([.. set.Candidates], minScore);
            foreach (var p in s.Persons)
            {
                var tag = !set.Candidates.Any(c => c.Start == p.Start && c.End == p.End) ? "MISS" : !kept.Any(f => f.Start == p.Start && f.End == p.End) ? "FN" : null;
                if (tag is not null)
                {
                    errors.Add($"{tag}\t{s.Id}\t{s.Text[p.Start..p.End]}\t\t{s.Text}");
                }
            }

            errors.AddRange(kept.Where(f => !s.Persons.Contains((f.Start, f.End))).Select(f => string.Create(CultureInfo.InvariantCulture, $"FP\t{s.Id}\t{s.Text[f.Start..f.End]}\t{f.Score:F2}\t{s.Text}")));
        }
    }

    private static void AddRows(List<PersonCurveRow> rows, string variant, List<SortedDictionary<string, PersonScore>> scores, double[] minScores)
    {
        for (var t = 0; t < minScores.Length; t++)
        {
            rows.Add(new PersonCurveRow(variant, minScores[t], scores[t]));
        }
    }
}

/// <summary>Exact-span person counts per source of one variant at one minimum score.</summary>
public sealed record PersonCurveRow(string Variant, double MinScore, IReadOnlyDictionary<string, PersonScore> Scores);
