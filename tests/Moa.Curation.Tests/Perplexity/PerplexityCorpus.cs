using Moa.Curation.Perplexity;
using Moa.Curation.Tests.Filters;
using Moa.Text.Languages;

namespace Moa.Curation.Tests.Perplexity;

/// <summary>One labelled document for the perplexity measurements, with its half of the fixed split.</summary>
internal sealed record ScoredSet(string Name, bool Clean, IReadOnlyList<(string Text, bool Tuning)> Documents);

/// <summary>
/// The sets the perplexity signal is measured on: the four genre files of shared/data, the clean sets and junk kinds
/// of <see cref="FilterCorpus"/>, each split into halves by <see cref="TuningSplit"/> (genre files by their id, the
/// others by set name and position). Only documents the quality stage would score (identified as Korean) are kept.
/// </summary>
internal static class PerplexityCorpus
{
    private static readonly Lazy<IReadOnlyList<ScoredSet>> s_sets = new(Build);

    public static IReadOnlyList<ScoredSet> Sets => s_sets.Value;

    private static List<ScoredSet> Build()
    {
        var data = TestPaths.SharedData;
        var sets = new List<ScoredSet>();
        foreach (var (file, name) in new[]
        {
            (QualityLanguageModelSources.Wiki, "genre.wiki_korquad"),
            (QualityLanguageModelSources.News, "genre.news_ko"),
            ("text/genres/tech_python_docs_ko.jsonl", "genre.tech_python_docs_ko"),
            ("text/genres/chat_qa_pairs.jsonl", "genre.chat_qa_pairs"),
        })
        {
            var set = QualityLanguageModelSources.ReadJsonl(data, file, "-");
            sets.Add(new ScoredSet(name, true, [.. set.Documents.Where(d => Korean(d.Text)).Select(d => (d.Text, d.Tuning))]));
        }

        // BoolQ paragraphs as the model's training split sees them (its tuning half is training data).
        var boolq = QualityLanguageModelSources.ReadBoolQ(data);
        sets.Add(new ScoredSet(FilterCorpus.KoBoolQ, true, [.. boolq.Documents.Select(d => (d.Text, d.Tuning))]));

        foreach (var group in FilterCorpus.Clean.Where(d => d.Set != FilterCorpus.KoBoolQ).Concat(FilterCorpus.Junk).GroupBy(d => d.Set))
        {
            var docs = group.Select((d, i) => (d.Text, TuningSplit.IsTuning($"{d.Set}:{i}"))).Where(d => Korean(d.Text)).ToList();
            if (docs.Count > 0)
            {
                sets.Add(new ScoredSet(group.Key, group.Key.StartsWith("clean.", StringComparison.Ordinal), docs));
            }
        }

        return sets;
    }

    private static bool Korean(string text) => LanguageIdentifier.Default.Identify(text).Code == "ko";

    /// <summary>Area under the ROC curve: the probability that a junk document scores a higher perplexity than a clean one (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> clean, IReadOnlyList<double> junk)
    {
        var c = clean.Order().ToArray();
        double wins = 0;
        foreach (var j in junk)
        {
            var below = LowerBound(c, j);
            var notAbove = UpperBound(c, j);
            wins += below + ((notAbove - below) / 2.0);
        }

        return wins / ((double)c.Length * junk.Count);
    }

    private static int LowerBound(double[] a, double v)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (a[mid] < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(double[] a, double v)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (a[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
