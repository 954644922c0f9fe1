using System.Globalization;
using Moa.Privacy.Analysis;
using Moa.Privacy.Names;
using Xunit.Abstractions;

namespace Moa.Privacy.Tests.EvalSet;

/// <summary>
/// The private-context set by batch (1–5; all tuning data once each batch was scored): the <c>private</c> policy's recall
/// and public rate (<see cref="PrivateContextTests.Score"/>) and the detector's recall and precision under <c>all</c>. A
/// <c>PERSON</c> finding covering no gold person counts against precision; only the KLUE sentences and batch 4's planted
/// documents label every person mention, so the precision of the constructed items of batches 1–3 (real carriers with
/// unlabelled names in them) is a lower bound.
/// </summary>
public class PrivateContextBatchTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<PrivateItem>> s_items = new(() => PrivateContextSet.Load(PrivateContextSet.StoredPath));
    private static readonly PiiAnalyzer s_all = new(null, 0.5, PersonPolicy.All);

    internal sealed record DetectorScore(int Gold, int Hit, int Found, int Correct)
    {
        public double Recall => Gold == 0 ? 1 : (double)Hit / Gold;

        public double Precision => Found == 0 ? 1 : (double)Correct / Found;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"detector gold {Gold} found {Found} recall {Recall:F3} precision {Precision:F3}");
    }

    internal static DetectorScore Detect(IEnumerable<PrivateItem> items, List<string>? errors = null)
    {
        int gold = 0, hit = 0, found = 0, correct = 0;
        foreach (var item in items)
        {
            var persons = s_all.Analyze(item.Text).Where(f => f.Type == PiiTypes.Person).ToList();
            gold += item.Persons.Count;
            hit += item.Persons.Count(p => persons.Any(x => Covers(x, p)));
            found += persons.Count;
            correct += persons.Count(x => item.Persons.Any(p => Covers(x, p)));
            foreach (var x in persons.Where(x => !item.Persons.Any(p => Covers(x, p))))
            {
                errors?.Add($"detector false positive '{item.Text[x.Start..x.End]}' in {item.Id}");
            }
        }

        return new DetectorScore(gold, hit, found, correct);
    }

    private static bool Covers(PiiFinding f, PersonLabel p) => Math.Min(f.End, p.End) - Math.Max(f.Start, p.Start) >= (p.End - p.Start + 1) / 2;

    internal static string PartOf(PrivateItem item) => item.Id.StartsWith("planted", StringComparison.Ordinal) ? "planted" : item.Part;

    /// <summary>Prints every batch's figures, by part; asserts the measured level (tuning data: these figures were tuned on).</summary>
    [Theory]
    // Measured with the documents round's rules and the taggers trained with the hand-labelled NSMC reviews (recall of
    // batches 1-3 fell by 0.01-0.02 from 0.988 / 0.981 / 0.976 with the retrained tagger: names such as those of short
    // constructed lines it no longer finds; docs/privacy/person-model.md); batch 5 after it was scored once and tuned on
    // (person-labelled fields, self-introductions, transcript speakers: batch 1 0.971 -> 0.979, batch 5 0.691 -> 0.756).
    [InlineData(1, 0.97, 0.19, 0.96)]
    [InlineData(2, 0.97, 0.27, 0.98)]
    [InlineData(3, 0.96, 0.25, 0.98)]
    [InlineData(4, 0.86, 0.35, 0.89)]
    [InlineData(5, 0.75, 0.37, 0.85)]
    [InlineData(6, 0.82, 0.36, 0.89)]
    public void Batch_PrivatePolicyAndDetector_Figures(int batch, double minRecall, double maxPublicRate, double minDetectorRecall)
    {
        var items = s_items.Value.Where(i => i.Batch == batch).ToList();
        var errors = new List<string>();
        var score = PrivateContextTests.Score(items, errors);
        var detector = Detect(items, errors);
        output.WriteLine($"batch {batch}: {score}");
        output.WriteLine($"batch {batch}: {detector}");
        foreach (var part in new[] { "planted", "real", "constructed" })
        {
            var some = items.Where(i => PartOf(i) == part).ToList();
            if (some.Count > 0)
            {
                output.WriteLine($"  {part}: {PrivateContextTests.Score(some)}; {Detect(some)}");
            }
        }

        foreach (var e in errors)
        {
            output.WriteLine(e);
        }

        score.Recall.ShouldBeGreaterThanOrEqualTo(minRecall);
        score.PublicRate.ShouldBeLessThanOrEqualTo(maxPublicRate);
        detector.Recall.ShouldBeGreaterThanOrEqualTo(minDetectorRecall);
    }
}
