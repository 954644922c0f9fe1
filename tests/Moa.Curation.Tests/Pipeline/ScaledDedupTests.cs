using Moa.Curation.Configuration;
using Moa.Curation.Output;
using Moa.Curation.Pipeline;
using Moa.Curation.Tests.Dedup;

namespace Moa.Curation.Tests.Pipeline;

/// <summary>The scaled-out dedup (exact tasks by hash range, bucket tasks by band-key partition, merge) against the single-process dedup.</summary>
public sealed class ScaledDedupTests
{
    private static readonly Lazy<(string Work, int Shards, CurationConfig Config)> s_mapped = new(MapCorpus);

    [Theory]
    [InlineData(1, 1L << 30)]
    [InlineData(2, 1L << 30)]
    [InlineData(4, 1L << 30)]
    [InlineData(3, 16L << 10)] // a 16 KB budget per task forces several passes over the signatures
    public void RunScaled_AnyTaskCount_KeepsTheSameDocumentsClustersAndCounts(int tasks, long maxBytes)
    {
        var (work, shards, config) = s_mapped.Value;
        var single = DedupPhase.Run(work, shards, config, null);
        var scaled = DedupPhase.RunScaled(new OutputLayout(Path.GetDirectoryName(work)!), shards, config, tasks, maxBytes);

        // The corpus must exercise both kinds, or identity would prove nothing.
        single.Kind.Count(k => k == 1).ShouldBeGreaterThan(20);
        single.Kind.Count(k => k == 2).ShouldBeGreaterThan(20);
        scaled.Fate.ShouldBe(single.Fate);
        scaled.Kind.ShouldBe(single.Kind);
        scaled.Similarity.ShouldBe(single.Similarity);
        scaled.RecordOffset.ShouldBe(single.RecordOffset);
        scaled.ShardStart.ShouldBe(single.ShardStart);
        scaled.Stats.Reasons.ShouldBe(single.Stats.Reasons);
        scaled.Stats.DuplicateClusters.ShouldBe(single.Stats.DuplicateClusters);
        scaled.Stats.NearDedup.CandidatesVerified.ShouldBe(single.Stats.NearDedup.CandidatesVerified);
        scaled.Stats.NearDedup.CandidatesRejected.ShouldBe(single.Stats.NearDedup.CandidatesRejected);
        scaled.Stats.NearDedup.Similarity.ShouldBe(single.Stats.NearDedup.Similarity);
        foreach (var stage in new[] { "dedup_exact", "dedup_near" })
        {
            scaled.Stats.Stage(stage).DocumentsOut.ShouldBe(single.Stats.Stage(stage).DocumentsOut);
            scaled.Stats.Stage(stage).BytesOut.ShouldBe(single.Stats.Stage(stage).BytesOut);
        }
    }

    [Fact]
    public void MergeScaled_MissingOrMismatchedTaskFile_IsAnErrorNamingTheFile()
    {
        var (work, shards, config) = s_mapped.Value;
        var layout = new OutputLayout(Path.GetDirectoryName(work)!);
        DedupPhase.RunScaled(layout, shards, config, 2, 1L << 30);

        // Read with another task count: the header says 2.
        var mismatch = Should.Throw<MoaException>(() => DedupPhase.MergeScaled(work, shards, config, 5));
        mismatch.Message.ShouldContain("written for 2 tasks");

        File.Delete(ScaledDedup.BucketPath(work, 1));
        var missing = Should.Throw<MoaException>(() => DedupPhase.MergeScaled(work, shards, config, 2));
        missing.Message.ShouldContain(ScaledDedup.BucketPath(work, 1));
        missing.Message.ShouldContain("rerun that dedup task");
        Should.Throw<MoaException>(() => ScaledDedup.ExactTask(layout, shards, 20, 2, 2)).Message.ShouldContain("rank");
    }

    /// <summary>
    /// Real Korean documents in five files: originals, near copies (a few word edits, some of them edits of edits),
    /// exact copies (some of near copies), spread so that copies sit in other files than their originals.
    /// </summary>
    private static (string, int, CurationConfig) MapCorpus()
    {
        var dir = TestPaths.NewTempDir("scaled-dedup");
        var originals = DedupTestCorpus.Originals.Take(400).ToList();
        var random = new Random(17);
        var docs = new List<string>(originals);
        for (var i = 0; i < 120; i++)
        {
            docs.Add(DedupTestCorpus.Edit(docs[random.Next(docs.Count)], 0.02, random));
        }

        for (var i = 0; i < 60; i++)
        {
            docs.Add(docs[random.Next(docs.Count)]);
        }

        var files = new List<string>();
        for (var f = 0; f < 5; f++)
        {
            var path = Path.Combine(dir, $"in{f}.jsonl");
            CurationFixture.WriteJsonl(path, docs.Select((t, i) => ($"d{i}", t)).Where((_, i) => i % 5 == f));
            files.Add(path);
        }

        var output = Path.Combine(dir, "out");
        var config = new CurationConfig();
        new CurationRunner().Run(new CurationRequest { Inputs = files, OutputDir = output, Config = config, Workers = 2, Stage = CurationStage.Map });
        return (Path.Combine(output, ".work"), files.Count, config);
    }
}
