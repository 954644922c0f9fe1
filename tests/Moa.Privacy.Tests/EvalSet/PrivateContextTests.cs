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
            // (Batch 118, the test data now, holds planted documents only: about 97 public persons, no KLUE sentences.)
            part.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(half ? 25 : 50, half ? "test" : "tuning");
        }
    }

    /// <summary>
    /// Each batch written blind (4–118) has the size it promised and provenance for every item, and nothing of it was in an
    /// earlier batch (no KLUE sentence, planted document or template id). Only the newest (<see
    /// cref="PrivateItem.HeldOutBatch"/>) is test data; the earlier ones became tuning data once scored. The figures are
    /// not computed here (<see cref="PrivateContextBatchTests"/>).
    /// </summary>
    [Theory]
    // batch, private and public mentions, planted documents, most distinct names in one, planted documents with a public
    // person, private mentions in planted documents, KLUE persons, short constructed items
    [InlineData(4, 200, 120, 60, 8, 0, 0, 100, 40)]
    [InlineData(5, 220, 100, 70, 8, 5, 0, 80, 40)]
    [InlineData(6, 240, 125, 55, 10, 15, 230, 110, 0)]
    [InlineData(7, 330, 105, 60, 10, 20, 310, 100, 0)]
    [InlineData(8, 330, 70, 55, 10, 20, 320, 50, 0)]
    [InlineData(9, 420, 110, 55, 10, 20, 410, 70, 0)]
    [InlineData(10, 350, 70, 50, 10, 10, 350, 55, 0)]
    [InlineData(11, 320, 80, 45, 10, 15, 320, 60, 0)]
    [InlineData(12, 360, 25, 35, 16, 10, 360, 0, 0)]
    [InlineData(13, 380, 25, 35, 18, 10, 380, 0, 0)]
    [InlineData(14, 390, 30, 35, 18, 10, 390, 0, 0)]
    [InlineData(15, 400, 30, 35, 18, 10, 400, 0, 0)]
    [InlineData(16, 410, 30, 35, 18, 10, 410, 0, 0)]
    [InlineData(17, 420, 30, 35, 22, 10, 420, 0, 0)]
    [InlineData(18, 420, 30, 35, 20, 10, 420, 0, 0)]
    [InlineData(19, 420, 30, 35, 24, 10, 420, 0, 0)]
    [InlineData(20, 480, 30, 35, 18, 10, 480, 0, 0)]
    [InlineData(21, 490, 30, 35, 16, 10, 490, 0, 0)]
    [InlineData(22, 490, 30, 35, 16, 10, 490, 0, 0)]
    [InlineData(23, 520, 30, 35, 20, 10, 520, 0, 0)]
    [InlineData(24, 510, 30, 35, 20, 10, 510, 0, 0)]
    [InlineData(25, 520, 30, 35, 20, 10, 520, 0, 0)]
    [InlineData(26, 520, 30, 35, 20, 10, 520, 0, 0)]
    [InlineData(27, 550, 30, 35, 16, 10, 550, 0, 0)]
    [InlineData(28, 550, 40, 35, 17, 20, 550, 0, 0)]
    [InlineData(29, 550, 30, 35, 19, 20, 550, 0, 0)]
    [InlineData(30, 550, 30, 35, 20, 20, 550, 0, 0)]
    [InlineData(31, 550, 30, 35, 20, 9, 550, 0, 0)]
    [InlineData(32, 530, 30, 35, 20, 10, 530, 0, 0)]
    [InlineData(33, 530, 40, 35, 20, 10, 530, 0, 0)]
    [InlineData(34, 550, 35, 35, 20, 10, 550, 0, 0)]
    [InlineData(35, 570, 40, 35, 25, 10, 570, 0, 0)]
    [InlineData(36, 555, 40, 35, 30, 10, 555, 0, 0)]
    [InlineData(37, 555, 40, 35, 30, 10, 555, 0, 0)]
    [InlineData(38, 570, 40, 35, 30, 10, 570, 0, 0)]
    [InlineData(39, 580, 45, 35, 30, 10, 580, 0, 0)]
    [InlineData(40, 570, 45, 35, 30, 10, 570, 0, 0)]
    [InlineData(41, 575, 40, 35, 30, 10, 575, 0, 0)]
    [InlineData(42, 575, 40, 35, 30, 10, 575, 0, 0)]
    [InlineData(43, 590, 40, 35, 30, 10, 590, 0, 0)]
    [InlineData(44, 590, 40, 35, 30, 10, 590, 0, 0)]
    [InlineData(45, 590, 40, 35, 30, 10, 590, 0, 0)]
    [InlineData(46, 585, 40, 35, 30, 10, 585, 0, 0)]
    [InlineData(47, 580, 40, 35, 30, 10, 580, 0, 0)]
    [InlineData(48, 590, 35, 35, 30, 10, 590, 0, 0)]
    [InlineData(49, 580, 40, 35, 30, 10, 580, 0, 0)]
    [InlineData(50, 735, 40, 35, 40, 10, 735, 0, 0)]
    [InlineData(51, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(52, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(53, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(54, 600, 40, 35, 30, 10, 600, 0, 0)]
    [InlineData(55, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(56, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(57, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(58, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(59, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(60, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(61, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(62, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(63, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(64, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(65, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(66, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(67, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(68, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(69, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(70, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(71, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(72, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(73, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(74, 590, 35, 35, 30, 10, 590, 0, 0)]
    [InlineData(75, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(76, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(77, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(78, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(79, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(80, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(81, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(82, 620, 35, 35, 30, 10, 620, 0, 0)]
    [InlineData(83, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(84, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(85, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(86, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(87, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(88, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(89, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(90, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(91, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(92, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(93, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(94, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(95, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(96, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(97, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(98, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(99, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(100, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(101, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(102, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(103, 600, 35, 35, 30, 10, 600, 0, 0)]
    // (One document of batch 104, a parish baptism register with each person's baptismal name, names 36: the writers were not told of the limit.)
    [InlineData(104, 600, 35, 35, 36, 10, 600, 0, 0)]
    [InlineData(105, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(106, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(107, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(108, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(109, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(110, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(111, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(112, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(113, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(114, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(115, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(116, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(117, 600, 35, 35, 30, 10, 600, 0, 0)]
    [InlineData(118, 600, 35, 35, 30, 10, 600, 0, 0)]
    public void BlindBatch_HasItsSizeAndProvenance(int batchNo, int minPrivate, int minPublic, int minPlanted, int maxNamesPerDocument,
        int minPlantedWithPublic, int minPlantedPrivate, int minRealPersons, int minConstructed)
    {
        var items = s_items.Value;
        var batch = items.Where(i => i.Batch == batchNo).ToList();
        batch.ShouldAllBe(i => i.IsTest == (batchNo == PrivateItem.HeldOutBatch));
        items.Count(i => i.IsTest).ShouldBe(items.Count(i => i.Batch == PrivateItem.HeldOutBatch));
        batch.ShouldAllBe(i => i.Licence.Length > 0 && i.Source.Length > 0 && i.Persons.Count > 0 && i.Persons.All(p => p.Reason.Length > 0));
        batch.ShouldAllBe(i => i.Part == "real" ? i.Template.Length == 0 : i.Template.Length > 0);

        var persons = batch.SelectMany(i => i.Persons).ToList();
        persons.Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(minPrivate);
        persons.Count(p => !p.Private).ShouldBeGreaterThanOrEqualTo(minPublic);

        var planted = batch.Where(i => i.Id.StartsWith("planted#", StringComparison.Ordinal)).ToList();
        planted.Count.ShouldBeGreaterThanOrEqualTo(minPlanted);
        planted.ShouldAllBe(i => i.Source.StartsWith($"tests/Moa.Privacy.Tests/EvalSet/person-private-docs{batchNo}.txt#", StringComparison.Ordinal));
        planted.Count(i => i.Text.Contains('\n')).ShouldBeGreaterThanOrEqualTo(planted.Count * 9 / 10, "documents with a layout; a few are one-paragraph notes");
        planted.Select(i => i.Persons.Select(p => i.Text.Substring(p.Start, p.End - p.Start)).Distinct().Count()).Max().ShouldBeLessThanOrEqualTo(maxNamesPerDocument);
        planted.Count(i => i.Persons.Any(p => !p.Private)).ShouldBeGreaterThanOrEqualTo(minPlantedWithPublic, "some documents hold public persons too");
        planted.SelectMany(i => i.Persons).Count(p => p.Private).ShouldBeGreaterThanOrEqualTo(minPlantedPrivate);

        var real = batch.Where(i => i.Part == "real").ToList();
        if (minRealPersons == 0)
        {
            real.ShouldBeEmpty("this batch adds no KLUE sentences");
        }
        else
        {
            real.SelectMany(i => i.Persons).Count().ShouldBeGreaterThanOrEqualTo(minRealPersons);
            real.ShouldAllBe(i => i.Source.StartsWith("ner/klue-ner-v1.1_dev_part1.tsv#", StringComparison.Ordinal));
            real.Select(i => i.Id.EndsWith("-nsmc", StringComparison.Ordinal)).Distinct().Count().ShouldBe(2, "reviews and news");
        }

        var constructed = batch.Where(i => i.Part == "constructed" && !planted.Contains(i)).ToList();
        if (minConstructed == 0)
        {
            constructed.ShouldBeEmpty("this batch adds no short templates");
        }
        else
        {
            constructed.Count.ShouldBeGreaterThanOrEqualTo(minConstructed);
            constructed.ShouldAllBe(i => !i.Source.Contains("docs", StringComparison.Ordinal));
        }

        var earlier = items.Where(i => i.Batch < batchNo).ToList();
        batch.Select(i => i.Id).Intersect(earlier.Select(i => i.Id)).ShouldBeEmpty();
        batch.Where(i => i.Part == "constructed").Select(i => i.Template).Intersect(earlier.Select(i => i.Template)).ShouldBeEmpty();
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
        // Blind batches 4-7 (PrivateContextBatchTests) are the later held-out figures. Since the sixty-fourth pass (a Korean
        // name with an age in brackets in the news is private) one more public gold span is judged private: 0.279 (19 of 68,
        // a farmer the news names with his age, 농민 백○○(69)씨).
        score.Private.ShouldBeGreaterThanOrEqualTo(60);
        score.Public.ShouldBeGreaterThanOrEqualTo(60);
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.92);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(0.93);
        real.GoldRecall.ShouldBeGreaterThanOrEqualTo(1.0);
        score.PublicRate.ShouldBeLessThanOrEqualTo(0.27);
        score.GoldPublicRate.ShouldBeLessThanOrEqualTo(0.28);
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
    [InlineData("또 다른 후임병인 B 일병을 뒤에서 때렸다.", "B", "anonymised 일병")]
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
    [InlineData("동 명칭을 제출한 에너지기계공학과 백승엽 학생은", "백승엽", "address:학생")]
    // A record's layout (a table, labelled lines, a transcript): its 교수, 회장 and 촬영 are its own business.
    [InlineData("| 병상 | 환자 | 비고 |\n| 3 | 권태오 | 남지현 교수 |", "남지현", "no public context")]
    [InlineData("| 병상 | 환자 | 담당 |\n| 3 | 권태오 | 남지현 교수 |", "남지현", "table column:담당")]
    [InlineData("구분\t비고\n1\t마은재 회장 (드라마 촬영 스태프)", "마은재", "no public context")]
    [InlineData("일시: 5월 3일\n장소: 3층\n참석: 표진호 교수, 길나래\n안건: 예산", "표진호", "no public context")]
    [InlineData("| 1 | 도민석 장관 | 축사 |\n| 2 | 우하린 | 사회 |", "도민석", "public:title 장관")]
    [InlineData("남지현 교수는 이번 학기 드라마 수업을 맡았다.", "남지현", "public:title 교수")]
    // A singer's song in a chat or a care note is a public figure's work; an officer's rank or an investigator's post after
    // the name is an official's, in a record too.
    [InlineData("[오후 2:01] 나은: 어르신이 좋아하셔서 나훈아 노래 틀어 드렸어요\n[오후 2:03] 솔이: 잘했어요", "나훈아", "public:public life 노래")]
    [InlineData("[오후 2:01] 나은: 앵콜은 아이유의 노래로 해요\n[오후 2:03] 솔이: 좋아요", "아이유", "public:public life 노래")]
    [InlineData("일시: 5월 3일\n장소: 3층\n출동: ○○지구대 순경 봉민호, 경장 성다혜", "성다혜", "public:office 경장")]
    [InlineData("- 체불 진정은 고용노동부 ○○지청 반태수 근로감독관에게 연계함.", "반태수", "public:office 근로감독관")]
    // A name and 노래 that is the person's own singing is no performer's work only where a private context comes first.
    [InlineData("친구 류하늘 노래 진짜 잘해", "류하늘", "relation:친구")]
    // 배우 the verb (to learn) and 경기 the province are no words of the screen or of sport.
    [InlineData("한국어를 배우러 왔다가 할머니들과 한 반이 됐다. 호아 씨는 웃었다.", "호아", "no public context")]
    [InlineData("사촌 형은 경기 안산에서 첫 비행기로 내려왔다. 그는 뚜안을 찾았다.", "뚜안", "no public context")]
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
