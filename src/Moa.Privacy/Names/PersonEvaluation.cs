using System.Text;
using Moa.Text.Hashing;

namespace Moa.Privacy.Names;

/// <summary>Exact-span person counts: gold spans, spans found, spans found exactly (same start and end).</summary>
public readonly record struct PersonScore(int Gold, int Found, int Correct)
{
    public double Precision => Found == 0 ? 1 : (double)Correct / Found;

    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PersonScore operator +(PersonScore a, PersonScore b) => new(a.Gold + b.Gold, a.Found + b.Found, a.Correct + b.Correct);
}

/// <summary>
/// Person recall and precision on labelled sentences, by source (<c>wikitree</c> news, <c>nsmc</c> reviews) and in
/// total, with folds assigned by a fixed hash of the sentence id so that no sentence is scored by a model trained on it.
/// </summary>
public static class PersonEvaluation
{
    /// <summary>The fold of a sentence: XxHash64 of its id modulo <paramref name="folds"/> (stable across runs and machines).</summary>
    public static int Fold(string id, int folds) => (int)(TextHash.XxHash64(Encoding.UTF8.GetBytes(id)) % (ulong)folds);

    /// <summary>Scores the full analyzer path (rules + tagger, overlap resolution, minimum score) restricted to <c>PERSON</c>.</summary>
    internal static SortedDictionary<string, PersonScore> Score(IEnumerable<NerSentence> sentences, PersonModel model, double minScore = 0.5)
    {
        var analyzer = new PiiAnalyzer([PiiTypes.Person], minScore, model);
        var result = new SortedDictionary<string, PersonScore>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var found = analyzer.Analyze(s.Text);
            var correct = found.Count(f => s.Persons.Contains((f.Start, f.End)));
            var score = new PersonScore(s.Persons.Count, found.Count, correct);
            result[s.Source] = result.GetValueOrDefault(s.Source) + score;
            result["all"] = result.GetValueOrDefault("all") + score;
        }

        return result;
    }

    /// <summary>
    /// K-fold cross-validation: for each fold, train on the other folds and score this one; the counts are summed.
    /// </summary>
    public static SortedDictionary<string, PersonScore> CrossValidate(IReadOnlyList<NerSentence> sentences, int folds, PersonTrainingOptions options)
    {
        if (folds is < 2 or > 20)
        {
            throw new MoaException($"eval-person: folds must be 2..20, got {folds}.");
        }

        var total = new SortedDictionary<string, PersonScore>(StringComparer.Ordinal);
        for (var k = 0; k < folds; k++)
        {
            var train = sentences.Where(s => Fold(s.Id, folds) != k).ToList();
            var test = sentences.Where(s => Fold(s.Id, folds) == k).ToList();
            var model = PersonTrainer.Train(train, options);
            foreach (var (source, score) in Score(test, model))
            {
                total[source] = total.GetValueOrDefault(source) + score;
            }
        }

        return total;
    }

    /// <summary>Trains on the sentences of half 0 (hash of id) and scores half 1: the split the test suite asserts on.</summary>
    public static SortedDictionary<string, PersonScore> HeldOutHalf(IReadOnlyList<NerSentence> sentences, PersonTrainingOptions options)
    {
        var model = PersonTrainer.Train([.. sentences.Where(s => Fold(s.Id, 2) == 0)], options);
        return Score(sentences.Where(s => Fold(s.Id, 2) == 1), model);
    }
}
