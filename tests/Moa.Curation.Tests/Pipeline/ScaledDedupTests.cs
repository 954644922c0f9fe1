using Moa.Curation.Configuration;
using Moa.Curation.Output;
using Moa.Curation.Pipeline;
using Moa.Curation.Tests.Dedup;

namespace Moa.Curation.Tests.Pipeline;

/// <summary>The scaled-out dedup (exact tasks by hash range, bucket tasks by band-key partition, near tasks by connected component, merge) against the single-process dedup.</summary>
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

        File.Delete(ScaledDedup.NearPath(work, 1));
        var missing = Should.Throw<MoaException>(() => DedupPhase.MergeScaled(work, shards, config, 2));
        missing.Message.ShouldContain(ScaledDedup.NearPath(work, 1));
        missing.Message.ShouldContain("rerun that dedup task");

        File.Delete(ScaledDedup.EdgePath(work, 0));
        var noEdges = Should.Throw<MoaException>(() => DedupPhase.NearTask(layout, shards, config, 1, 2));
        noEdges.Message.ShouldContain(ScaledDedup.EdgePath(work, 0));
        Should.Throw<MoaException>(() => ScaledDedup.ExactTask(layout, shards, 20, 2, 2)).Message.ShouldContain("rank");
    }

    [Fact]
    public void BucketTask_ReadsOnlyBandMajorFiles_AndAMissingOneIsAnErrorNamingIt()
    {
        var (work, shards, config) = s_mapped.Value;
        var dir = TestPaths.NewTempDir("scaled-dedup-bands");
        var copy = Path.Combine(dir, ".work");
        Directory.CreateDirectory(Path.Combine(copy, "shards"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(work, "shards")))
        {
            File.Copy(file, Path.Combine(copy, "shards", Path.GetFileName(file)));
        }

        var layout = new OutputLayout(dir);
        var single = DedupPhase.Run(copy, shards, config, null);

        // The bucket tasks find the same buckets with every .sig band hash zeroed: they read the .bands files only.
        var bands = new Moa.Text.Hashing.MinHasher(config.Dedup.Near).BandCount;
        for (var s = 0; s < shards; s++)
        {
            var sig = Path.Combine(copy, "shards", $"{s:D5}.sig");
            var bytes = File.ReadAllBytes(sig);
            var entry = 40 + (8 * bands);
            for (var off = 0; off < bytes.Length; off += entry)
            {
                Array.Clear(bytes, off + 40, 8 * bands);
            }

            File.WriteAllBytes(sig, bytes);
        }

        var scaled = DedupPhase.RunScaled(layout, shards, config, 2, 1L << 30);
        scaled.Fate.ShouldBe(single.Fate);
        scaled.Similarity.ShouldBe(single.Similarity);

        File.Delete(Path.Combine(copy, "shards", "00003.bands"));
        var missing = Should.Throw<MoaException>(() => ScaledDedup.BucketTask(layout, shards, bands, 0, 2, 1L << 30));
        missing.Message.ShouldContain("00003.bands");
        missing.Message.ShouldContain("rerun the map task");
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
