using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Splitting;
using Moa.Evaluation.Benchmarks.Validation;
using static Moa.Evaluation.Tests.Benchmarks.BenchmarkFixtures;

namespace Moa.Evaluation.Tests.Benchmarks;

public class SplitterTests
{
    private static List<BenchmarkItem> Small() =>
        [.. Enumerable.Range(0, 300).Select(i => Item($"i{i:D3}", $"s{i % 3}", Reviews[i], [Reviews[500 + i], Reviews[900 + i], Reviews[1300 + i]], i / 3 % 3))];

    [Fact]
    public void Choose_SameSeed_SameHoldoutWhateverTheOrder()
    {
        var items = Small();
        var shuffled = items.OrderBy(i => i.Question, StringComparer.Ordinal).ToList();

        var a = BenchmarkSplitter.Choose(items, 0.1, 42);
        var b = BenchmarkSplitter.Choose(shuffled, 0.1, 42);
        var c = BenchmarkSplitter.Choose(items, 0.1, 43);

        b.HoldoutIdList.ShouldBe(a.HoldoutIdList);
        c.HoldoutIdList.ShouldNotBe(a.HoldoutIdList);
        a.HoldoutIdList.ShouldBe(a.HoldoutIdList.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Choose_IsStratifiedPerSubItemAndAnswer()
    {
        var items = Small();

        var split = BenchmarkSplitter.Choose(items, 0.1, 7);

        split.HoldoutIdList.Count.ShouldBe(30);
        var held = items.Where(i => split.HoldoutIds.Contains(i.Id)).ToList();
        held.GroupBy(i => i.Subset).ShouldAllBe(g => g.Count() == 10);
        foreach (var subset in held.GroupBy(i => i.Subset))
        {
            // Each sub-item has ~33 items per answer; 10 held out spread 3-4 per answer.
            subset.GroupBy(i => i.AnswerIndex).ShouldAllBe(g => g.Count() >= 3 && g.Count() <= 4);
        }

        split.Subsets["s0"].ShouldBe(new SplitCount(100, 10));
    }

    [Fact]
    public void Choose_TinySubItem_StillHasOneHeldOutItem()
    {
        var items = Small().Take(30).Append(Item("lonely1", "tiny", "q1", ["a", "b"], 0)).Append(Item("lonely2", "tiny", "q2", ["a", "b"], 1)).ToList();

        BenchmarkSplitter.Choose(items, 0.1, 1).Subsets["tiny"].Holdout.ShouldBe(1);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Run_BadHoldout_IsRefused(double holdout)
    {
        var dir = Write(Card("t", "s0", "s1", "s2"), Small());

        Should.Throw<MoaException>(() => BenchmarkSplitter.Run(dir, new SplitOptions(holdout, 1) { Profile = ValidationProfile.None }))
            .Message.ShouldContain("--holdout must be a fraction strictly between 0 and 1");
        File.Exists(Path.Combine(dir, "split.json")).ShouldBeFalse();
    }

    [Fact]
    public void Run_BenchmarkFailingTheProfile_IsNotSplitUnlessForced()
    {
        var dir = Write(Card("t", "s0", "s1", "s2"), Small());

        var ex = Should.Throw<MoaException>(() => BenchmarkSplitter.Run(dir, new SplitOptions(0.1, 1)));
        ex.Message.ShouldContain("fails validation (profile nia-2024), so it is not split");
        ex.Message.ShouldContain("[profile.subsets] 3 sub-items");
        ex.Message.ShouldContain("--force");
        File.Exists(Path.Combine(dir, "split.json")).ShouldBeFalse();

        var forced = BenchmarkSplitter.Run(dir, new SplitOptions(0.1, 1) { Force = true });
        forced.Validation.Passed.ShouldBeFalse();
        BenchmarkDataset.Load(dir).Split!.HoldoutIdList.ShouldBe(forced.Manifest.HoldoutIdList);
    }

    [Fact]
    public void Run_ExistingSplit_IsNotReplacedUnlessForced()
    {
        var dir = Write(Card("t", "s0", "s1", "s2"), Small());
        var options = new SplitOptions(0.1, 1) { Profile = ValidationProfile.None };
        BenchmarkSplitter.Run(dir, options);

        Should.Throw<MoaException>(() => BenchmarkSplitter.Run(dir, options with { Seed = 2 })).Message.ShouldContain("split.json exists (seed 1)");
        BenchmarkSplitter.Run(dir, options with { Seed = 2, Force = true }).Manifest.Seed.ShouldBe(2);
    }

    [Fact]
    public void Run_DuplicateIds_AreRefusedEvenWhenForced()
    {
        var items = Small();
        items[1] = items[1] with { Id = items[0].Id };
        var dir = Write(Card("t", "s0", "s1", "s2"), items);

        Should.Throw<MoaException>(() => BenchmarkSplitter.Run(dir, new SplitOptions(0.1, 1) { Force = true })).Message.ShouldContain("A split needs unique ids");
    }

    [Fact]
    public void Run_SyntheticBenchmarkPassingTheProfile_IsSplitTenPercentPerSubItem()
    {
        var dir = Write(SyntheticCard(), Synthetic());

        var result = BenchmarkSplitter.Run(dir, new SplitOptions(0.1, 2024));

        result.Validation.Passed.ShouldBeTrue();
        result.Manifest.HoldoutIdList.Count.ShouldBe(1000);
        result.Manifest.Subsets.Values.ShouldAllBe(c => c.Total == 1000 && c.Holdout == 100);
        var loaded = BenchmarkDataset.Load(dir);
        loaded.HoldoutItems.Count.ShouldBe(1000);
        loaded.PublicItems.Count.ShouldBe(9000);
        loaded.Split!.ItemsSha256.ShouldBe(BenchmarkSplitter.FileSha256(Path.Combine(dir, "items.jsonl")));
    }

    [Fact]
    public void SplitManifest_Malformed_IsReportedWithTheFile()
    {
        var dir = Write(Card("t", "s0", "s1", "s2"), Small());
        File.WriteAllText(Path.Combine(dir, "split.json"), "{\"format\": \"moa-split/1\", \"seed\": \"x\"}");

        Should.Throw<MoaException>(() => BenchmarkDataset.Load(dir)).Message.ShouldContain("split.json line 1: not a valid split manifest");
        File.WriteAllText(Path.Combine(dir, "split.json"), "{}");
        Should.Throw<MoaException>(() => BenchmarkDataset.Load(dir)).Message.ShouldContain("not a split manifest");
    }
}
