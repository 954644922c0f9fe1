using System.Globalization;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;
using Xunit.Abstractions;

namespace Moa.Curation.Tests.Dedup;

/// <summary>
/// Verified near dedup on real Korean text: recall on planted copies (the planted groups are split into a tuning
/// half and a test half by a fixed hash of the original; parameters were chosen on the tuning half only) and
/// precision (removed documents whose true word 5-gram Jaccard with the kept copy they point to is below 0.7) on
/// the genre sets and on a generated corpus, beside the unverified LSH clustering it replaces.
/// </summary>
public class VerifiedNearDedupQualityTests(ITestOutputHelper output)
{
    private static readonly double[] s_editRates = [0.0, 0.01, 0.02, 0.03];

    [Fact]
    public void PlantedCopies_TestHalf_DefaultOptions_RecallAtLeast95PercentAtEachEditRate()
    {
        var result = EvaluatePlanted(new NearDedupOptions(), seed: 1, groups: 3000, tuning: false);
        output.WriteLine("test half, defaults: " + result.Row());
        result.Recall[0].ShouldBe(1.0, "exact copies must always be found");
        for (var r = 1; r < s_editRates.Length; r++)
        {
            result.Recall[r].ShouldBeGreaterThanOrEqualTo(0.95, $"recall at {s_editRates[r]:P0} edits");
        }
    }

    /// <summary>
    /// The measurement behind the defaults, on the tuning half only (see docs/curation/dedup.md): the largest
    /// min_similarity whose recall stays >= 0.95 at every edit rate, with and without the one-word-edit rule.
    /// </summary>
    [Fact]
    public void Tuning_MinSimilarityAndBandShape_PrintsTuningHalfTable()
    {
        output.WriteLine("tuning half (seed 1, 3000 groups): bands x rows, max_word_edits, max_edit_rate, min_similarity | recall exact | 1% | 2% | 3% | removed | removed with true J < 0.7");
        foreach (var (bands, rows) in new[] { (20, 5), (25, 4) })
        {
            foreach (var (edits, rate) in new[] { (0, 0.0), (1, 0.0), (1, 0.03) })
            {
                foreach (var min in new[] { 0.6, 0.65, 0.7, 0.75 })
                {
                    var options = new NearDedupOptions { Bands = bands, Rows = rows, MinSimilarity = min, MaxWordEdits = edits, MaxEditRate = rate };
                    var result = EvaluatePlanted(options, seed: 1, groups: 3000, tuning: true);
                    output.WriteLine($"{bands}x{rows}, {edits}, {rate.ToString(CultureInfo.InvariantCulture)}, {min.ToString(CultureInfo.InvariantCulture)} | {result.Row()}");
                    result.Recall[0].ShouldBe(1.0);
                }
            }
        }
    }

    [Fact]
    public void GenreSets_DefaultOptions_AtMostOnePercentOfNearDuplicatesBelowJaccard07()
    {
        var docs = VerifiedDedupHarness.GenreDocuments();
        var texts = docs.Select(d => d.Text).ToList();
        var options = new NearDedupOptions();
        var keptOf = VerifiedDedupHarness.KeptOf(VerifiedDedupHarness.RunVerified(texts, options));
        var old = VerifiedDedupHarness.RunUnverified(texts, options);
        bool TestHalf(int i) => !VerifiedDedupHarness.IsTuning(docs[i].Id);
        for (var i = 0; i < texts.Count; i++)
        {
            if (keptOf[i] != i || old[i] != i)
            {
                output.WriteLine($"  {docs[i].Id} -> verified {docs[keptOf[i]].Id}, unverified {docs[old[i]].Id}: true J {DedupTestCorpus.TrueJaccard(texts[i], texts[keptOf[i]]):F3} / {DedupTestCorpus.TrueJaccard(texts[i], texts[old[i]]):F3}, test half {TestHalf(i)}");
            }
        }

        var (removed, low) = VerifiedDedupHarness.Precision(texts, keptOf, counted: TestHalf);
        var (oldRemoved, oldLow) = VerifiedDedupHarness.Precision(texts, old, counted: TestHalf);
        var (allRemoved, allLow) = VerifiedDedupHarness.Precision(texts, keptOf);
        var (oldAllRemoved, oldAllLow) = VerifiedDedupHarness.Precision(texts, old);
        output.WriteLine($"genre sets, {docs.Count} documents (never tuned on); test half: verified removes {removed}, {low} with true J < 0.7; unverified LSH removes {oldRemoved}, {oldLow} with true J < 0.7");
        output.WriteLine($"all documents: verified removes {allRemoved}, {allLow} with true J < 0.7; unverified LSH removes {oldAllRemoved}, {oldAllLow} with true J < 0.7");
        low.ShouldBeLessThanOrEqualTo((int)Math.Floor(0.01 * removed));
        allLow.ShouldBeLessThanOrEqualTo((int)Math.Floor(0.01 * allRemoved));
        allRemoved.ShouldBeGreaterThan(0, "the genre sets hold a few real near duplicates (KorQuAD contexts)");
    }

    [Fact]
    public void GeneratedCorpus_DefaultOptions_AtMostOnePercentBelowJaccard07_AndNoChaining()
    {
        var texts = VerifiedDedupHarness.GeneratedCorpus(12_000, seed: 5);
        var options = new NearDedupOptions();
        var decisions = VerifiedDedupHarness.RunVerified(texts, options);
        var keptOf = VerifiedDedupHarness.KeptOf(decisions);
        var old = VerifiedDedupHarness.RunUnverified(texts, options);
        var (removed, low) = VerifiedDedupHarness.Precision(texts, keptOf);
        var (oldRemoved, oldLow) = VerifiedDedupHarness.Precision(texts, old);
        var largest = keptOf.GroupBy(k => k).Max(g => g.Count());
        var oldLargest = old.GroupBy(k => k).Max(g => g.Count());
        output.WriteLine($"generated corpus, {texts.Count} documents: verified removes {removed}, {low} with true J < 0.7, largest cluster {largest}; unverified LSH removes {oldRemoved}, {oldLow} with true J < 0.7, largest cluster {oldLargest}");
        removed.ShouldBeGreaterThan(300, "the planted near copies are found");
        low.ShouldBeLessThanOrEqualTo((int)Math.Floor(0.01 * removed));
        for (var i = 0; i < texts.Count; i++)
        {
            if (decisions[i].IsDuplicate)
            {
                var kept = decisions[i].DuplicateOf;
                kept.ShouldBeLessThan(i);
                decisions[kept].IsDuplicate.ShouldBeFalse("a duplicate points to a kept document, never to another duplicate");
                decisions[i].Similarity.ShouldBeGreaterThanOrEqualTo(options.MinSimilarity);
            }
        }
    }

    /// <summary>
    /// Plants an exact copy and one copy at each edit rate of <paramref name="groups"/> originals, shuffles everything
    /// with the other originals, runs verified near dedup and measures recall over the groups of one half.
    /// </summary>
    internal static PlantedResult EvaluatePlanted(NearDedupOptions options, int seed, int groups, bool tuning)
    {
        var random = new Random(seed);
        var originals = DedupTestCorpus.Originals;
        var chosen = Enumerable.Range(0, originals.Length).OrderBy(_ => random.Next()).Take(groups).ToHashSet();
        var docs = new List<(string Text, int Group, int Rate)>();
        for (var i = 0; i < originals.Length; i++)
        {
            docs.Add((originals[i], i, -1));
            if (chosen.Contains(i))
            {
                for (var r = 0; r < s_editRates.Length; r++)
                {
                    docs.Add((s_editRates[r] == 0 ? originals[i] : DedupTestCorpus.Edit(originals[i], s_editRates[r], random), i, r));
                }
            }
        }

        var shuffled = docs.OrderBy(_ => random.Next()).ToArray();
        var texts = shuffled.Select(d => d.Text).ToArray();
        var keptOf = VerifiedDedupHarness.KeptOf(VerifiedDedupHarness.RunVerified(texts, options));
        var originalAt = new Dictionary<int, int>();
        for (var i = 0; i < shuffled.Length; i++)
        {
            if (shuffled[i].Rate < 0)
            {
                originalAt[shuffled[i].Group] = i;
            }
        }

        bool InHalf(int group) => VerifiedDedupHarness.IsTuning(originals[group]) == tuning;
        var found = new int[s_editRates.Length];
        var planted = new int[s_editRates.Length];
        for (var i = 0; i < shuffled.Length; i++)
        {
            var (_, group, rate) = shuffled[i];
            if (rate < 0 || !InHalf(group))
            {
                continue;
            }

            // Found unless the copy and its original both stay in the corpus. Verified clusters are not transitive: an
            // original and its copy may each be removed for different (verified, similar) kept members of their group.
            planted[rate]++;
            var o = originalAt[group];
            found[rate] += keptOf[i] == i && keptOf[o] == o ? 0 : 1;
        }

        var (removed, low) = VerifiedDedupHarness.Precision(texts, keptOf, counted: i => InHalf(shuffled[i].Group));
        return new PlantedResult([.. found.Zip(planted, (f, p) => (double)f / p)], removed, low);
    }

    internal sealed record PlantedResult(double[] Recall, int Removed, int Low)
    {
        public string Row() =>
            string.Join(" | ", Recall.Select(r => r.ToString("F4", CultureInfo.InvariantCulture)))
            + $" | {Removed} | {Low} ({(Removed == 0 ? 0 : (double)Low / Removed).ToString("P2", CultureInfo.InvariantCulture)})";
    }
}
