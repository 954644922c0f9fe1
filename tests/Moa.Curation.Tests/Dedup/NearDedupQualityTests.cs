using System.Diagnostics;
using System.Globalization;
using System.Text;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;
using Xunit.Abstractions;

namespace Moa.Curation.Tests.Dedup;

/// <summary>Recall, false positives and estimator error on real Korean documents with planted near duplicates.</summary>
public class NearDedupQualityTests(ITestOutputHelper output)
{
    private static readonly double[] s_editRates = [0.0, 0.01, 0.02, 0.03];

    [Fact]
    public void PlantedCopies_DefaultOptions_RecallAtLeast95PercentAtEachEditRate()
    {
        var result = Evaluate(new NearDedupOptions(), seed: 1, groups: 1500);
        output.WriteLine(Header());
        output.WriteLine(result.Row("default"));
        for (var r = 0; r < s_editRates.Length; r++)
        {
            result.Recall[r].ShouldBeGreaterThanOrEqualTo(0.95, $"recall at {s_editRates[r]:P0} edits");
        }

        result.Recall[0].ShouldBe(1.0, "exact copies must always be found");
        result.FalsePositiveRate.ShouldBeLessThan(0.005);
    }

    [Fact]
    public void DistinctDocuments_DefaultOptions_FalsePositiveRateBelowHalfPercent()
    {
        var originals = DedupTestCorpus.Originals;
        var hasher = new MinHasher(new NearDedupOptions());
        var clusterer = new NearDuplicateClusterer(hasher.BandCount, originals.Length);
        Span<ulong> bands = stackalloc ulong[hasher.BandCount];
        for (var i = 0; i < originals.Length; i++)
        {
            hasher.ComputeBandHashes(originals[i], bands);
            clusterer.Add(i, bands);
        }

        var reps = clusterer.Representatives();
        var clusters = Enumerable.Range(0, reps.Length).GroupBy(i => reps[i]).Where(c => c.Count() > 1).ToList();
        var merged = clusters.Sum(c => c.Count() - 1);
        var falsePositives = 0;
        foreach (var cluster in clusters)
        {
            foreach (var i in cluster)
            {
                var best = cluster.Where(j => j != i).Max(j => DedupTestCorpus.TrueJaccard(originals[i], originals[j]));
                output.WriteLine($"  doc {i} (cluster of {cluster.Count()}, kept {cluster.Key}): best true Jaccard in cluster {best:F3}");
                falsePositives += best < 0.5 ? 1 : 0;
            }
        }

        var rate = (double)falsePositives / originals.Length;
        output.WriteLine($"{originals.Length} distinct real documents: {merged} removed as near duplicates; {falsePositives} clustered with nothing of Jaccard >= 0.5 ({rate:P3}).");
        rate.ShouldBeLessThan(0.005);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void PlantedCopies_AnySeed_EveryClusterKeepsExactlyItsLowestMember(int seed)
    {
        var result = Evaluate(new NearDedupOptions(), seed, groups: 300, measureJaccard: false);
        result.InvariantViolations.ShouldBe(0);
        result.ClustersWithoutKeeper.ShouldBe(0);
        result.Recall[0].ShouldBe(1.0);
        result.Recall.Average().ShouldBeGreaterThan(0.95);
    }

    /// <summary>The measurement behind the defaults: methods and band shapes side by side (see docs/curation/dedup.md).</summary>
    [Fact]
    public void Comparison_MethodsAndBandShapes_PrintsTable()
    {
        output.WriteLine(Header());
        foreach (var method in new[] { "oph", "classic", "cminhash" })
        {
            foreach (var (bands, rows) in new[] { (14, 8), (20, 5), (9, 13) })
            {
                var options = new NearDedupOptions { Method = method, Bands = bands, Rows = rows };
                var result = Evaluate(options, seed: 11, groups: 1000);
                output.WriteLine(result.Row($"{method} {bands}x{rows}"));
                result.Recall[0].ShouldBe(1.0);
            }
        }
    }

    [Theory]
    [InlineData("oph")]
    [InlineData("classic")]
    [InlineData("cminhash")]
    public void EstimateJaccard_RealPairs_MeanAbsoluteErrorBelowFivePercent(string method)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        var random = new Random(3);
        var originals = DedupTestCorpus.Originals.Where(d => DedupTestCorpus.Words(d).Length >= 40).ToArray();
        var buckets = new List<(double True, double Estimate)>[5];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = [];
        }

        var a = new ulong[hasher.SignatureLength];
        var c = new ulong[hasher.SignatureLength];
        for (var n = 0; n < 3000; n++)
        {
            var original = originals[random.Next(originals.Length)];
            var copy = DedupTestCorpus.Edit(original, 0.005 + (random.NextDouble() * 0.1), random);
            var truth = DedupTestCorpus.TrueJaccard(original, copy);
            if (truth < 0.5)
            {
                continue;
            }

            hasher.ComputeSignature(original, a);
            hasher.ComputeSignature(copy, c);
            buckets[Math.Min(4, (int)((truth - 0.5) * 10))].Add((truth, MinHasher.EstimateJaccard(a, c)));
        }

        var all = buckets.SelectMany(b => b).ToList();
        output.WriteLine($"method {method}, k = {hasher.SignatureLength}: J bucket | pairs | mean abs error | RMSE | bias");
        for (var b = 0; b < buckets.Length; b++)
        {
            output.WriteLine(ErrorRow($"{0.5 + (b / 10.0):F1}-{0.6 + (b / 10.0):F1}", buckets[b]));
        }

        output.WriteLine(ErrorRow("all", all));
        all.Average(p => Math.Abs(p.Estimate - p.True)).ShouldBeLessThan(0.05);
        Math.Abs(all.Average(p => p.Estimate - p.True)).ShouldBeLessThan(0.01, "the estimator is unbiased");
    }

    private static string ErrorRow(string label, List<(double True, double Estimate)> pairs) =>
        pairs.Count == 0
            ? $"{label} | 0 | - | - | -"
            : string.Create(CultureInfo.InvariantCulture,
                $"{label} | {pairs.Count} | {pairs.Average(p => Math.Abs(p.Estimate - p.True)):F4} | {Math.Sqrt(pairs.Average(p => (p.Estimate - p.True) * (p.Estimate - p.True))):F4} | {pairs.Average(p => p.Estimate - p.True):+0.0000;-0.0000}");

    private static string Header() =>
        "config | recall exact | 1% | 2% | 3% | mean true J at 1/2/3% | false-positive docs (J < 0.5) | real source near-dups merged | median words of missed originals | docs | ms (signatures + LSH)";

    /// <summary>
    /// Picks <paramref name="groups"/> originals, plants an exact copy and one copy at each edit rate, shuffles
    /// everything with the other originals and runs near dedup.
    /// </summary>
    internal static EvaluationResult Evaluate(NearDedupOptions options, int seed, int groups, bool measureJaccard = true)
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
                    var text = s_editRates[r] == 0 ? originals[i] : DedupTestCorpus.Edit(originals[i], s_editRates[r], random);
                    docs.Add((text, i, r));
                }
            }
        }

        var shuffled = docs.OrderBy(_ => random.Next()).ToArray();
        var watch = Stopwatch.StartNew();
        var hasher = new MinHasher(options);
        var clusterer = new NearDuplicateClusterer(hasher.BandCount, shuffled.Length);
        var bands = new ulong[hasher.BandCount];
        for (var i = 0; i < shuffled.Length; i++)
        {
            hasher.ComputeBandHashes(shuffled[i].Text, bands);
            clusterer.Add(i, bands);
        }

        var reps = clusterer.Representatives();
        watch.Stop();

        var originalIndex = new Dictionary<int, int>();
        for (var i = 0; i < shuffled.Length; i++)
        {
            if (shuffled[i].Rate < 0)
            {
                originalIndex[shuffled[i].Group] = i;
            }
        }

        var found = new int[s_editRates.Length];
        var planted = new int[s_editRates.Length];
        var trueJ = new double[s_editRates.Length];
        var violations = 0;
        var missedWords = new List<int>();
        for (var i = 0; i < shuffled.Length; i++)
        {
            if (reps[i] > i || reps[reps[i]] != reps[i])
            {
                violations++;
            }

            var (text, group, rate) = shuffled[i];
            if (rate < 0)
            {
                continue;
            }

            planted[rate]++;
            var o = originalIndex[group];
            if (reps[i] == reps[o])
            {
                found[rate]++;
            }
            else
            {
                missedWords.Add(DedupTestCorpus.Words(originals[group]).Length);
            }

            if (measureJaccard && rate > 0 && planted[rate] <= 200)
            {
                trueJ[rate] += DedupTestCorpus.TrueJaccard(originals[group], text) / Math.Min(200, groups);
            }
        }

        // Every cluster keeps exactly one document: its lowest index.
        var groupOfDoc = shuffled.Select(d => d.Group).ToArray();
        var clusters = Enumerable.Range(0, shuffled.Length).GroupBy(i => reps[i]).ToList();
        var clustersWithoutKeeper = clusters.Count(c => c.Count(i => reps[i] == i) != 1 || c.Min() != c.Key);

        // False positives: a group merged into a cluster where no other group's original has true Jaccard >= 0.5
        // with its original. Merges of genuinely similar source documents (BoolQ has overlapping paragraphs) are not false.
        var falseDocs = 0;
        var sourceNearDuplicates = 0;
        foreach (var cluster in clusters)
        {
            var groupsInCluster = cluster.Select(i => groupOfDoc[i]).Distinct().ToList();
            if (groupsInCluster.Count < 2)
            {
                continue;
            }

            foreach (var g in groupsInCluster)
            {
                var best = groupsInCluster.Where(h => h != g).Max(h => DedupTestCorpus.TrueJaccard(originals[g], originals[h]));
                if (best < 0.5)
                {
                    falseDocs++;
                }
                else
                {
                    sourceNearDuplicates++;
                }
            }
        }

        return new EvaluationResult(
            [.. found.Zip(planted, (f, p) => (double)f / p)],
            trueJ,
            (double)falseDocs / originals.Length,
            falseDocs,
            shuffled.Length,
            violations,
            clustersWithoutKeeper,
            sourceNearDuplicates,
            missedWords.Count == 0 ? 0 : missedWords.Order().ElementAt(missedWords.Count / 2),
            watch.Elapsed.TotalMilliseconds);
    }

    internal sealed record EvaluationResult(
        double[] Recall, double[] MeanTrueJaccard, double FalsePositiveRate, int FalsePositiveDocuments,
        int Documents, int InvariantViolations, int ClustersWithoutKeeper, int SourceNearDuplicates, int MedianWordsOfMissed, double Milliseconds)
    {
        public string Row(string label)
        {
            var sb = new StringBuilder(label);
            foreach (var r in Recall)
            {
                sb.Append(CultureInfo.InvariantCulture, $" | {r:F4}");
            }

            sb.Append(CultureInfo.InvariantCulture, $" | {MeanTrueJaccard[1]:F2}/{MeanTrueJaccard[2]:F2}/{MeanTrueJaccard[3]:F2}");
            sb.Append(CultureInfo.InvariantCulture, $" | {FalsePositiveDocuments} ({FalsePositiveRate:P3}) | {SourceNearDuplicates} | {MedianWordsOfMissed} | {Documents} | {Milliseconds:F0}");
            return sb.ToString();
        }
    }
}
