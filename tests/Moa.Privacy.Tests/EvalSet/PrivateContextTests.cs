using System.Globalization;
using System.Text;
using Moa.Privacy.Analysis;
using Moa.Privacy.Names;
using Xunit.Abstractions;

namespace Moa.Privacy.Tests.EvalSet;

/// <summary>
/// The <c>private</c> person policy on the private-context set (<see cref="PrivateContextSet"/>): how many persons in a
/// private context it replaces (recall) and how many public persons it replaces too, measured twice: on the persons the
/// detector finds (what a user gets) and on the gold person spans (the policy's own error, apart from the tagger's).
/// The figures that count are the test half's; the rules were changed looking at the tuning half only.
/// </summary>
public class PrivateContextTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<PrivateItem>> s_items = new(() => PrivateContextSet.Load(PrivateContextSet.StoredPath));

    private static readonly PiiAnalyzer s_private = new(null, 0.5, PersonPolicy.Private);
    private static readonly PiiAnalyzer s_everything = new(null, 0.5, PersonPolicy.None);

    /// <summary>Counts of one half: private persons replaced, public persons replaced, with the detector and with gold spans.</summary>
    internal sealed record PolicyScore(int Private, int PrivateReplaced, int Public, int PublicReplaced, int PrivateJudged, int PublicJudged)
    {
        /// <summary>Share of private persons the <c>private</c> policy replaces, on the detector's persons.</summary>
        public double Recall => Private == 0 ? 1 : (double)PrivateReplaced / Private;

        /// <summary>Share of public persons the <c>private</c> policy replaces, on the detector's persons.</summary>
        public double PublicRate => Public == 0 ? 0 : (double)PublicReplaced / Public;

        /// <summary>Share of private persons judged private, given the gold person spans.</summary>
        public double GoldRecall => Private == 0 ? 1 : (double)PrivateJudged / Private;

        /// <summary>Share of public persons judged private, given the gold person spans.</summary>
        public double GoldPublicRate => Public == 0 ? 0 : (double)PublicJudged / Public;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"private {Private}: replaced {PrivateReplaced} (recall {Recall:F3}), judged private on gold spans {PrivateJudged} ({GoldRecall:F3}); public {Public}: replaced {PublicReplaced} ({PublicRate:F3}), judged private on gold spans {PublicJudged} ({GoldPublicRate:F3})");
    }

    internal static PolicyScore Score(IEnumerable<PrivateItem> items, List<string>? errors = null)
    {
        int priv = 0, privHit = 0, pub = 0, pubHit = 0, privJudged = 0, pubJudged = 0;
        foreach (var item in items)
        {
            var replaced = s_private.Analyze(item.Text).Where(f => f.Type == PiiTypes.Person).ToList();
            var others = s_everything.Analyze(item.Text);
            var gold = item.Persons.Select(p => new PiiFinding(p.Start, p.End, PiiTypes.Person, 1)).ToList();
            var all = others.Concat(gold).OrderBy(f => f.Start).ToList();
            foreach (var p in item.Persons)
            {
                var hit = replaced.Any(f => Math.Min(f.End, p.End) - Math.Max(f.Start, p.Start) >= (p.End - p.Start + 1) / 2);
                var reason = PrivateContext.Judge(item.Text, new PiiFinding(p.Start, p.End, PiiTypes.Person, 1), all, sensitive: false);
                var judged = PersonPolicies.IsPrivate(reason);
                if (p.Private)
                {
                    priv++;
                    privHit += hit ? 1 : 0;
                    privJudged += judged ? 1 : 0;
                }
                else
                {
                    pub++;
                    pubHit += hit ? 1 : 0;
                    pubJudged += judged ? 1 : 0;
                }

                if (errors is not null && p.Private && !hit)
                {
                    errors.Add($"detector did not replace private '{item.Text[p.Start..p.End]}' in {item.Id}: found {string.Join(", ", replaced.Select(f => item.Text[f.Start..f.End]))}");
                }

                if (errors is not null && judged != p.Private)
                {
                    errors.Add($"{(p.Private ? "missed private" : "public judged private")} '{item.Text[p.Start..p.End]}' ({reason}) in {item.Id}: {Clip(item.Text, p.Start)}");
                }
            }
        }

        return new PolicyScore(priv, privHit, pub, pubHit, privJudged, pubJudged);
    }

    [Fact]
    public void StoredSet_MatchesBuilder()
    {
        var built = PrivateContextSet.ToJsonl(PrivateContextSet.Build());
        if (Environment.GetEnvironmentVariable("MOA_REGENERATE_EVALSET") == "1")
        {
            File.WriteAllText(PrivateContextSet.StoredPath, built, new UTF8Encoding(false));
        }

        File.ReadAllText(PrivateContextSet.StoredPath).ShouldBe(built, "regenerate with MOA_REGENERATE_EVALSET=1 dotnet test --filter PrivateContextTests.StoredSet_MatchesBuilder");
    }

    [Fact]
    public void Set_HasEnoughPrivateAndPublicPersons_WithProvenance()
    {
        var items = s_items.Value;
        var persons = items.SelectMany(i => i.Persons).ToList();
        persons.Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(150);
        persons.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(150);
        items.Where(i => i.Part == "real").SelectMany(i => i.Persons).Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(20);
        items.Select(i => i.Id).Distinct().Count().ShouldBe(items.Count);
        items.ShouldAllBe(i => i.Licence.Length > 0 && i.Source.Length > 0 && i.Persons.All(p => p.Reason.Length > 0));
        foreach (var half in new[] { true, false })
        {
            var part = items.Where(i => i.IsTest == half).SelectMany(i => i.Persons).ToList();
            part.Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(50, half ? "test" : "tuning");
            part.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(50, half ? "test" : "tuning");
        }
    }

    /// <summary>
    /// Batch 4, written blind and held out whole until batch 5 was written (now tuning data), has the size it promised and
    /// provenance for every item.
    /// </summary>
    [Fact]
    public void PreviousBlindBatch_KeepsItsSizeAndProvenance()
    {
        var items = s_items.Value;
        var batch4 = items.Where(i => i.Batch == PrivateItem.Batch4).ToList();
        batch4.ShouldAllBe(i => !i.IsTest);
        batch4.ShouldAllBe(i => i.Licence.Length > 0 && i.Source.Length > 0 && i.Persons.Count > 0 && i.Persons.All(p => p.Reason.Length > 0));
        batch4.ShouldAllBe(i => i.Part == "real" ? i.Template.Length == 0 : i.Template.Length > 0);

        var persons = batch4.SelectMany(i => i.Persons).ToList();
        persons.Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(200);
        persons.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(120);

        var planted = batch4.Where(i => i.Id.StartsWith("planted#", StringComparison.Ordinal)).ToList();
        planted.Count.ShouldBeGreaterThanOrEqualTo(60);
        planted.ShouldAllBe(i => i.Text.Contains('\n'));
        planted.Select(i => i.Persons.Select(p => i.Text.Substring(p.Start, p.End - p.Start)).Distinct().Count()).Max().ShouldBeLessThanOrEqualTo(8);
        var real = batch4.Where(i => i.Part == "real").ToList();
        real.SelectMany(i => i.Persons).Count().ShouldBeGreaterThanOrEqualTo(100);
        real.ShouldAllBe(i => i.Source.StartsWith("ner/klue-ner-v1.1_dev_part1.tsv#", StringComparison.Ordinal));
        batch4.Count(i => i.Part == "constructed" && !planted.Contains(i)).ShouldBeGreaterThanOrEqualTo(40);

        // Nothing of batch 4 was in batches 1–3: no KLUE sentence, no template id.
        var earlier = items.Where(i => i.Batch < PrivateItem.Batch4).ToList();
        real.Select(i => i.Id).Intersect(earlier.Select(i => i.Id)).ShouldBeEmpty();
        batch4.Where(i => i.Part == "constructed").Select(i => i.Template).Intersect(earlier.Select(i => i.Template)).ShouldBeEmpty();
    }

    /// <summary>
    /// Batch 5, written blind and held out whole until batch 6 was written (scored once; now tuning data), keeps its size
    /// and provenance; nothing of it was in batches 1–4.
    /// </summary>
    [Fact]
    public void PreviousBlindBatch5_KeepsItsSizeAndProvenance()
    {
        var items = s_items.Value;
        var batch5 = items.Where(i => i.Batch == PrivateItem.Batch5).ToList();
        batch5.ShouldAllBe(i => !i.IsTest);
        batch5.ShouldAllBe(i => i.Licence.Length > 0 && i.Source.Length > 0 && i.Persons.Count > 0 && i.Persons.All(p => p.Reason.Length > 0));
        batch5.ShouldAllBe(i => i.Part == "real" ? i.Template.Length == 0 : i.Template.Length > 0);

        var persons = batch5.SelectMany(i => i.Persons).ToList();
        persons.Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(220);
        persons.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(100);

        var planted = batch5.Where(i => i.Id.StartsWith("planted#", StringComparison.Ordinal)).ToList();
        planted.Count.ShouldBeGreaterThanOrEqualTo(70);
        planted.ShouldAllBe(i => i.Source.StartsWith("tests/Moa.Privacy.Tests/EvalSet/person-private-docs5.txt#", StringComparison.Ordinal));
        planted.Count(i => i.Text.Contains('\n')).ShouldBeGreaterThanOrEqualTo(planted.Count * 9 / 10, "documents with a layout; a few are one-paragraph notes");
        planted.Select(i => i.Persons.Select(p => i.Text.Substring(p.Start, p.End - p.Start)).Distinct().Count()).Max().ShouldBeLessThanOrEqualTo(8);
        planted.Count(i => i.Persons.Any(p => !p.Private)).ShouldBeGreaterThanOrEqualTo(5, "some documents hold public persons too");
        var real = batch5.Where(i => i.Part == "real").ToList();
        real.SelectMany(i => i.Persons).Count().ShouldBeGreaterThanOrEqualTo(80);
        real.ShouldAllBe(i => i.Source.StartsWith("ner/klue-ner-v1.1_dev_part1.tsv#", StringComparison.Ordinal));
        real.Select(i => i.Id.EndsWith("-nsmc", StringComparison.Ordinal)).Distinct().Count().ShouldBe(2, "reviews and news");
        var constructed = batch5.Where(i => i.Part == "constructed" && !planted.Contains(i)).ToList();
        constructed.Count.ShouldBeGreaterThanOrEqualTo(40);
        constructed.ShouldAllBe(i => i.Licence.Length > 0 && !i.Source.Contains("docs", StringComparison.Ordinal));

        // Nothing of batch 5 was in batches 1–4: no KLUE sentence, no template id, no planted document id.
        var earlier = items.Where(i => i.Batch < PrivateItem.Batch5).ToList();
        batch5.Select(i => i.Id).Intersect(earlier.Select(i => i.Id)).ShouldBeEmpty();
        batch5.Where(i => i.Part == "constructed").Select(i => i.Template).Intersect(earlier.Select(i => i.Template)).ShouldBeEmpty();
    }

    /// <summary>
    /// Batch 6, written blind and held out whole until batch 7 was written (scored once; now tuning data), keeps its size
    /// and provenance; nothing of it was in batches 1–5.
    /// </summary>
    [Fact]
    public void PreviousBlindBatch6_KeepsItsSizeAndProvenance()
    {
        var items = s_items.Value;
        var batch6 = items.Where(i => i.Batch == PrivateItem.Batch6).ToList();
        batch6.ShouldAllBe(i => !i.IsTest);
        batch6.ShouldAllBe(i => i.Licence.Length > 0 && i.Source.Length > 0 && i.Persons.Count > 0 && i.Persons.All(p => p.Reason.Length > 0));
        batch6.ShouldAllBe(i => i.Part == "real" ? i.Template.Length == 0 : i.Template.Length > 0);

        var persons = batch6.SelectMany(i => i.Persons).ToList();
        persons.Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(240);
        persons.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(125);

        var planted = batch6.Where(i => i.Id.StartsWith("planted#", StringComparison.Ordinal)).ToList();
        planted.Count.ShouldBeGreaterThanOrEqualTo(55);
        planted.ShouldAllBe(i => i.Source.StartsWith("tests/Moa.Privacy.Tests/EvalSet/person-private-docs6.txt#", StringComparison.Ordinal));
        planted.Count(i => i.Text.Contains('\n')).ShouldBeGreaterThanOrEqualTo(planted.Count * 9 / 10, "documents with a layout; a few are one-paragraph notes");
        planted.Select(i => i.Persons.Select(p => i.Text.Substring(p.Start, p.End - p.Start)).Distinct().Count()).Max().ShouldBeLessThanOrEqualTo(10);
        planted.Count(i => i.Persons.Any(p => !p.Private)).ShouldBeGreaterThanOrEqualTo(15, "some documents hold public persons too");
        planted.SelectMany(i => i.Persons).Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(230);
        var real = batch6.Where(i => i.Part == "real").ToList();
        real.Count.ShouldBeGreaterThanOrEqualTo(70);
        real.SelectMany(i => i.Persons).Count().ShouldBeGreaterThanOrEqualTo(110);
        real.ShouldAllBe(i => i.Source.StartsWith("ner/klue-ner-v1.1_dev_part1.tsv#", StringComparison.Ordinal));
        real.Select(i => i.Id.EndsWith("-nsmc", StringComparison.Ordinal)).Distinct().Count().ShouldBe(2, "reviews and news");
        batch6.Count(i => i.Part == "constructed" && !planted.Contains(i)).ShouldBe(0, "batch 6 adds no short templates");

        // Nothing of batch 6 was in batches 1–5: no KLUE sentence, no planted document id or template id.
        var earlier = items.Where(i => i.Batch < PrivateItem.Batch6).ToList();
        batch6.Select(i => i.Id).Intersect(earlier.Select(i => i.Id)).ShouldBeEmpty();
        batch6.Where(i => i.Part == "constructed").Select(i => i.Template).Intersect(earlier.Select(i => i.Template)).ShouldBeEmpty();
    }

    /// <summary>
    /// Batch 7, written blind and held out whole (the test data now), has the size it promises and provenance for every
    /// item; nothing of it was in batches 1–6. Its figures are not computed here: it is scored once, after the rules are
    /// final.
    /// </summary>
    [Fact]
    public void Batch7_IsTheTestData_WithSizeAndProvenance()
    {
        var items = s_items.Value;
        var batch7 = items.Where(i => i.Batch == PrivateItem.HeldOutBatch).ToList();
        batch7.ShouldAllBe(i => i.IsTest);
        items.Count(i => i.IsTest).ShouldBe(batch7.Count);
        batch7.ShouldAllBe(i => i.Licence.Length > 0 && i.Source.Length > 0 && i.Persons.Count > 0 && i.Persons.All(p => p.Reason.Length > 0));
        batch7.ShouldAllBe(i => i.Part == "real" ? i.Template.Length == 0 : i.Template.Length > 0);

        var persons = batch7.SelectMany(i => i.Persons).ToList();
        persons.Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(330);
        persons.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(105);

        var planted = batch7.Where(i => i.Id.StartsWith("planted#", StringComparison.Ordinal)).ToList();
        planted.Count.ShouldBeGreaterThanOrEqualTo(60);
        planted.ShouldAllBe(i => i.Source.StartsWith("tests/Moa.Privacy.Tests/EvalSet/person-private-docs7.txt#", StringComparison.Ordinal));
        planted.Count(i => i.Text.Contains('\n')).ShouldBeGreaterThanOrEqualTo(planted.Count * 9 / 10, "documents with a layout; a few are one-paragraph notes");
        planted.Select(i => i.Persons.Select(p => i.Text.Substring(p.Start, p.End - p.Start)).Distinct().Count()).Max().ShouldBeLessThanOrEqualTo(10);
        planted.Count(i => i.Persons.Any(p => !p.Private)).ShouldBeGreaterThanOrEqualTo(20, "some documents hold public persons too");
        planted.SelectMany(i => i.Persons).Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(310);
        var real = batch7.Where(i => i.Part == "real").ToList();
        real.Count.ShouldBeGreaterThanOrEqualTo(60);
        real.SelectMany(i => i.Persons).Count().ShouldBeGreaterThanOrEqualTo(100);
        real.ShouldAllBe(i => i.Source.StartsWith("ner/klue-ner-v1.1_dev_part1.tsv#", StringComparison.Ordinal));
        real.Select(i => i.Id.EndsWith("-nsmc", StringComparison.Ordinal)).Distinct().Count().ShouldBe(2, "reviews and news");
        batch7.Count(i => i.Part == "constructed" && !planted.Contains(i)).ShouldBe(0, "batch 7 adds no short templates");

        // Nothing of batch 7 was in batches 1–6: no KLUE sentence, no planted document id or template id.
        var earlier = items.Where(i => i.Batch < PrivateItem.HeldOutBatch).ToList();
        batch7.Select(i => i.Id).Intersect(earlier.Select(i => i.Id)).ShouldBeEmpty();
        batch7.Where(i => i.Part == "constructed").Select(i => i.Template).Intersect(earlier.Select(i => i.Template)).ShouldBeEmpty();
    }

    /// <summary>Prints the tuning half with every wrong judgement (what the rules were changed on); asserts nothing more than the test half.</summary>
    [Fact]
    public void TuningHalf_PrivatePolicy_Figures()
    {
        var errors = new List<string>();
        var tuning = s_items.Value.Where(i => i.Batch < PrivateItem.Batch4 && !i.IsPreviousTest).ToList();
        var score = Score(tuning, errors);
        output.WriteLine("tuning half: " + score);
        output.WriteLine("  real: " + Score(tuning.Where(i => i.Part == "real")));
        output.WriteLine("  constructed: " + Score(tuning.Where(i => i.Part == "constructed")));
        foreach (var e in errors)
        {
            output.WriteLine(e);
        }

        // Measured after the last rule changes (batches 1 and 2 whole, batch 3's tuning half; docs/privacy/pii.md): recall
        // 0.985 on the detector's persons, 0.993 on gold spans; public persons replaced 0.227 (120 of 528; 0.241 judged
        // private on gold spans): a person with neither private nor public evidence is private. With the tagger retrained
        // with the hand-labelled NSMC reviews (docs/privacy/person-model.md) the detector's recall here DROPPED to 0.967
        // (443 of 458: 강하은, 전지성, 최동수 in constructed items missed); gold-span recall unchanged at 0.993. The old
        // configuration with another seed gives 0.972 and the new one 0.978, so the rules tuned on the old model's output
        // explain part of it; the drop is asserted at its measured level, not hidden.
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.96);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(0.99);
        score.GoldPublicRate.ShouldBeLessThanOrEqualTo(0.25);
    }

    [Fact]
    public void TestHalf_PrivatePolicy_RecallAndPublicRate()
    {
        var test = s_items.Value.Where(i => i.IsPreviousTest).ToList();
        var errors = new List<string>();
        var score = Score(test, errors);
        var real = Score(test.Where(i => i.Part == "real"));
        var constructed = Score(test.Where(i => i.Part == "constructed"));
        output.WriteLine("test half: " + score);
        output.WriteLine("  real: " + real);
        output.WriteLine("  constructed: " + constructed);
        foreach (var e in errors)
        {
            output.WriteLine(e);
        }

        // Batch 3's held-out half (never tuned on), measured a second time after the private-by-default judge and the new
        // name rules (docs/privacy/pii.md): recall 0.924 (61 of 66) on the detector's persons, 0.939 on gold spans; real
        // part 3 of 3; public persons replaced 0.265 (18 of 68). First measurement, before: 0.455 / 0.470, public 0 of 68.
        // Batch 4 (HeldOutBatch4_PrivatePolicy_AndDetector) is the fresh held-out figure.
        score.Private.ShouldBeGreaterThanOrEqualTo(60);
        score.Public.ShouldBeGreaterThanOrEqualTo(60);
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.92);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(0.93);
        real.GoldRecall.ShouldBeGreaterThanOrEqualTo(1.0);
        score.PublicRate.ShouldBeLessThanOrEqualTo(0.27);
        score.GoldPublicRate.ShouldBeLessThanOrEqualTo(0.27);
    }

    /// <summary>
    /// Batch 4, written blind and wholly held out, scored once after the rules were fixed: the <c>private</c> policy, and
    /// the detector itself (<c>all</c>): every person mention of batch 4 is labelled, so a <c>PERSON</c> finding that
    /// covers no gold person is a false positive.
    /// </summary>
    /// <summary>
    /// The <c>private</c> policy and the detector (<c>all</c>) on one whole batch, printed with every error: every person
    /// mention of a planted document is labelled, so a <c>PERSON</c> finding that covers no gold person is a false positive.
    /// </summary>
    private (PolicyScore Score, Dictionary<string, PrivateContextBatchTests.DetectorScore> Detector) ScoreBatch(int batchNo)
    {
        var batch = s_items.Value.Where(i => i.Batch == batchNo).ToList();
        var errors = new List<string>();
        var score = Score(batch, errors);
        output.WriteLine($"batch {batchNo}: " + score);
        var detector = new Dictionary<string, PrivateContextBatchTests.DetectorScore>();
        foreach (var part in new[] { "planted", "real", "constructed" })
        {
            var some = batch.Where(i => PrivateContextBatchTests.PartOf(i) == part).ToList();
            detector[part] = PrivateContextBatchTests.Detect(some, errors);
            output.WriteLine($"  {part}: {Score(some)}; {detector[part]}");
        }

        foreach (var e in errors)
        {
            output.WriteLine(e);
        }

        return (score, detector);
    }

    /// <summary>
    /// Batch 7, written blind and wholly held out while the rules were changed on batches 1–6, scored once after the
    /// rules of the batch-6 round were fixed.
    /// </summary>
    [Fact]
    public void HeldOutBatch7_PrivatePolicy_AndDetector()
    {
        var (score, detector) = ScoreBatch(PrivateItem.HeldOutBatch);

        // Scored once (docs/privacy/pii.md): private policy recall 0.732 (248 of 339) on the detector's persons, 0.929 on
        // gold spans; public persons replaced 0.284 (31 of 109); the detector (all persons) on the planted documents:
        // recall 0.794, precision 0.893. Blind batches before: 0.712 (4), 0.691 (5), 0.796 (6); planted documents 0.741,
        // 0.709, 0.788, here 0.744. The issue's target (recall 0.95) is not reached. Measured level:
        score.Private.ShouldBeGreaterThanOrEqualTo(330);
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.73);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(0.92);
        score.PublicRate.ShouldBeLessThanOrEqualTo(0.29);
        detector["planted"].Recall.ShouldBeGreaterThanOrEqualTo(0.79);
        detector["planted"].Precision.ShouldBeGreaterThanOrEqualTo(0.89);
    }

    /// <summary>
    /// Batch 6, written blind and wholly held out while the rules were changed on batches 1–5, scored once after the
    /// rules of the batch-5 round were fixed.
    /// </summary>
    [Fact]
    public void HeldOutBatch6_PrivatePolicy_AndDetector()
    {
        var (score, detector) = ScoreBatch(PrivateItem.Batch6);

        // Scored once (docs/privacy/pii.md): private policy recall 0.796 (195 of 245) on the detector's persons, 0.980 on
        // gold spans; public persons replaced 0.344 (44 of 128); the detector (all persons) on the planted documents:
        // recall 0.806, precision 0.870; the KLUE sentences 1.000 / 1.000 (not held out for the detector: the tagger is
        // trained on all of KLUE). Blind batches before: 0.712 (batch 4), 0.691 (batch 5; planted documents 0.709, here
        // 0.788). The issue's target (recall 0.95) is not reached. Batch 6 has since been TUNING data (Latin-letter names
        // beside their Hangul rendering or after a role, person labels ending in 사, cells closed by a run of spaces,
        // ranks and offices before a name): after it recall 0.824 (202 of 245), public persons replaced 0.359 (46 of 128),
        // planted documents 0.845 / 0.872. This asserts the measured level.
        score.Private.ShouldBeGreaterThanOrEqualTo(240);
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.82);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(0.97);
        score.PublicRate.ShouldBeLessThanOrEqualTo(0.36);
        detector["planted"].Recall.ShouldBeGreaterThanOrEqualTo(0.84);
        detector["planted"].Precision.ShouldBeGreaterThanOrEqualTo(0.87);
    }

    /// <summary>
    /// Batch 5, written blind and wholly held out while the rules were changed on batches 1–4, scored once after the
    /// documents round and the NSMC-trained tagger were merged.
    /// </summary>
    [Fact]
    public void HeldOutBatch5_PrivatePolicy_AndDetector()
    {
        var (score, detector) = ScoreBatch(PrivateItem.Batch5);

        // Scored once (docs/privacy/pii.md): private policy recall 0.691 (266 of 385) on the detector's persons, 0.940 on
        // gold spans; public persons replaced 0.364 (55 of 151); the detector (all persons): planted documents recall
        // 0.769 precision 0.926, short constructed items 0.617 / 0.787. Batch 4, blind, had 0.712 / 0.923 / 0.350 and
        // planted 0.799 / 0.858: the documents round raised the judge's share and the detector's precision on new
        // documents, not the share of names found. The issue's target (recall 0.95) is not reached. Batch 5 has since been
        // TUNING data (rules for person-labelled fields and their lists, self-introductions, transcript speakers after a
        // clock time or a role, titles before a name such as 담임 and 신랑): after them recall 0.756 (291 of 385), planted
        // documents 0.822 / 0.930, short constructed 0.733 / 0.815; the gold-span and public figures are unchanged. This
        // asserts the measured level.
        score.Private.ShouldBeGreaterThanOrEqualTo(380);
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.75);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(0.94);
        score.PublicRate.ShouldBeLessThanOrEqualTo(0.37);
        detector["planted"].Recall.ShouldBeGreaterThanOrEqualTo(0.82);
        detector["planted"].Precision.ShouldBeGreaterThanOrEqualTo(0.92);
        detector["constructed"].Recall.ShouldBeGreaterThanOrEqualTo(0.73);
    }

    [Fact]
    public void HeldOutBatch4_PrivatePolicy_AndDetector()
    {
        var (score, detector) = ScoreBatch(PrivateItem.Batch4);

        // Scored once, after the rules of the private-context round were fixed on batches 1-3 (docs/privacy/pii.md): private
        // policy recall 0.712 (230 of 323) on the detector's persons, 0.923 on gold spans; public persons replaced 0.350 (48
        // of 137); the detector (all persons): planted documents recall 0.799 precision 0.858, short constructed items 0.633
        // / 0.809. Batch 4 has since been TUNING data (the documents round, issue 11): after it, recall 0.861 (278 of 323),
        // 0.978 on gold spans, public persons replaced 0.365 (50 of 137), planted documents recall 0.884 precision 0.922 —
        // figures of data the rules were tuned on, not held out. This asserts the measured level.
        score.Private.ShouldBeGreaterThanOrEqualTo(300);
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.86);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(0.97);
        score.PublicRate.ShouldBeLessThanOrEqualTo(0.37);
        detector["planted"].Recall.ShouldBeGreaterThanOrEqualTo(0.88);
        detector["planted"].Precision.ShouldBeGreaterThanOrEqualTo(0.92);
    }

    [Theory]
    [InlineData("경찰은 성매매 여성 김모(33)씨 등을 입건했다.", "김", "anonymised 씨")]
    [InlineData("A씨는 지난 10일 변경신청을 냈다.", "A", "anonymised 씨")]
    [InlineData("담 당 자\t용찬재 사무관(02-2110-2428)", "용찬재", "public:office 사무관")]
    [InlineData("참석자: 김민수, 이영희 (이상 2명)", "이영희", "form field:참석자")]
    [InlineData("받는 분: 홍길동\n주소: 서울", "홍길동", "label:받는 분")]
    [InlineData("늘 고맙습니다.\n\n김철수 드림", "김철수", "signature:드림")]
    [InlineData("세입자 박영수 씨가 남긴 글", "박영수", "role:세입자")]
    [InlineData("사다코 TV서 기어나오는 장면에서 류지가 전화받을때", "류지", "public:public life 장면")]
    [InlineData("수사내용을 공표한 것은 TV토론에서 새누리당 박근혜 후보가 밀린 것을", "박근혜", "public:title 후보")]
    [InlineData("장 씨가 공개한 석고상", "장", "anonymised 씨")]
    [InlineData("A(57)씨는 경찰에 신고했다.", "A", "anonymised 씨")]
    [InlineData("조사 결과 김 군은 버스에 치인 것으로 확인됐다.", "김", "anonymised 군")]
    [InlineData("[박서진] 싸게 팔길래 샀어", "박서진", "chat speaker")]
    [InlineData("고객: 안녕하세요\n김하람: 환불 문의요", "김하람", "chat speaker")]
    [InlineData("Q: 안녕하세요, 저는 오유진입니다.", "오유진", "self-introduction")]
    [InlineData("선생님, 방지호 엄마예요.", "방지호", "family:엄마")]
    [InlineData("안녕하세요. 손다인 학생 어머니입니다.", "손다인", "family:어머니")]
    [InlineData("진료 기록 — 강하은 님, 만 30세", "강하은", "age record")]
    [InlineData("대리인\n성명\n엄태식\n연락처", "엄태식", "label:성명")]
    [InlineData("입금자명 문성호 / 입금액 132,000원", "문성호", "label:입금자명")]
    [InlineData("고(故) 윤지아 님께서 별세하셨습니다.", "윤지아", "deceased 故")]
    [InlineData("오늘 친구 류하늘한테 들었는데", "류하늘", "relation:친구")]
    [InlineData("그의 부인 이혜림 씨가 말했다.", "이혜림", "relation:부인")]
    [InlineData("범인의 전 남편 류원기 영남제분 회장은", "류원기", "public:public life 회장")]
    [InlineData("신예린, 너 어제 왜 연락 안 했어?", "신예린", "vocative")]
    [InlineData("수령 확인: 6월 21일 김옥자 (서명)", "김옥자", "signature:서명")]
    [InlineData("간병인 김민준 여사님께 전달 부탁드립니다.", "김민준", "role:간병인")]
    [InlineData("동 명칭을 제출한 에너지기계공학과 백승엽 학생은", "백승엽", "no public context")]
    public void Judge_GivesItsReason(string text, string name, string reason)
    {
        var at = text.IndexOf(name, StringComparison.Ordinal);
        var person = new PiiFinding(at, at + name.Length, PiiTypes.Person, 1);
        PrivateContext.Judge(text, person, [person], sensitive: false).ShouldBe(reason);
        PrivateContext.Judge(text, person, [person], sensitive: true).ShouldBe("sensitive dataset");
    }

    [Fact]
    public void Judge_NullText_Throws() =>
        Should.Throw<ArgumentNullException>(() => PrivateContext.Judge(null!, new PiiFinding(0, 1, PiiTypes.Person, 1), [], false));

    [Fact]
    public void Load_MalformedLine_NamesFileLineAndField()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "bad.jsonl");
        var good = File.ReadLines(PrivateContextSet.StoredPath).First();
        File.WriteAllLines(path, [good, good.Replace("\"licence\":", "\"licenze\":", StringComparison.Ordinal)]);
        var ex = Should.Throw<InvalidDataException>(() => PrivateContextSet.Load(path));
        ex.Message.ShouldContain("bad.jsonl:2");
        ex.Message.ShouldContain("'licence'");

        File.WriteAllLines(path, [good.Replace("\"end\":", "\"end\":1000+", StringComparison.Ordinal)]);
        Should.Throw<InvalidDataException>(() => PrivateContextSet.Load(path)).Message.ShouldContain("bad.jsonl:1");

        File.WriteAllLines(path, ["{\"id\": \"x\""]);
        Should.Throw<InvalidDataException>(() => PrivateContextSet.Load(path)).Message.ShouldContain("bad.jsonl:1: field '(the line)'");
    }

    [Theory]
    [InlineData("=== d1 memo\n신청인 «김영희|d» 전화 {phone}\n김영희 씨 확인", "d1", "'김영희' also occurs unmarked")]
    [InlineData("=== d1 memo\n신청인 «김영희|Q»", "d1", "not «name|code»")]
    [InlineData("=== d1 memo\n신청인 «김영희|d» {fax}", "d1", "unknown placeholder '{fax}'")]
    [InlineData("=== d1 memo\n신청인 «김영희|d» {phone", "d1", "unclosed '{'")]
    [InlineData("=== d1 memo\n신청인 «김영희|d\n", "d1", "unclosed '«'")]
    [InlineData("=== d1 memo\n«김영희|d»\n=== d2 memo\n사람 없음", "d2", "marks no person")]
    public void Planted_MalformedDocument_NamesFileLineAndDocument(string content, string id, string message)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "docs.txt");
        File.WriteAllText(path, "# comment\n" + content);
        var line = 2 + content[..content.IndexOf("=== " + id, StringComparison.Ordinal)].Count(c => c == '\n');
        var ex = Should.Throw<InvalidDataException>(() => PrivateContextSet.Planted(path, PrivateItem.HeldOutBatch));
        ex.Message.ShouldContain($"docs.txt:{line}: document '{id}'");
        ex.Message.ShouldContain(message);

        File.WriteAllText(path, "stray text\n" + content);
        Should.Throw<InvalidDataException>(() => PrivateContextSet.Planted(path, PrivateItem.HeldOutBatch)).Message.ShouldContain("docs.txt:1: text before the first");
    }

    [Fact]
    public void Planted_WellFormedDocument_GivesSpansAndValidIdentifiers()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "docs.txt");
        File.WriteAllText(path, "=== d1 memo\n주무관 «홍길순|j» 확인\n«박보람|d» 님 {rrn}\n\n");
        var item = PrivateContextSet.Planted(path, PrivateItem.HeldOutBatch).ShouldHaveSingleItem();
        item.Id.ShouldBe("planted#d1");
        item.Batch.ShouldBe(PrivateItem.HeldOutBatch);
        item.Persons.Select(p => (item.Text[p.Start..p.End], p.Private)).ShouldBe([("홍길순", false), ("박보람", true)]);
        var rrn = item.Text[(item.Text.LastIndexOf(' ') + 1)..];
        rrn.ShouldMatch(@"^\d{6}-\d{7}$");
        var digits = rrn.Replace("-", "", StringComparison.Ordinal);
        var sum = Enumerable.Range(0, 12).Sum(i => (digits[i] - '0') * ((i % 8) + 2));
        ((11 - (sum % 11)) % 10).ShouldBe(digits[12] - '0');
    }

    private static string Clip(string text, int at)
    {
        var from = Math.Max(0, at - 30);
        return text[from..Math.Min(text.Length, at + 40)].Replace('\n', ' ');
    }
}
