using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Reporting;

namespace Moa.Curation.Tests.Pipeline;

/// <summary>Verified near dedup and removal examples through a whole <c>moa curate</c> run.</summary>
public sealed class NearDedupPipelineTests
{
    [Fact]
    public void Run_NearCopy_IsRemovedWithSimilarityAndKeptId_AndStatsCountIt()
    {
        var dir = TestPaths.NewTempDir();
        var threads = CurationFixture.Threads(30, reviewsPerDoc: 20);
        var firstBreak = threads[4].IndexOf('\n', StringComparison.Ordinal);
        var near = threads[4][..firstBreak] + " 진짜" + threads[4][firstBreak..]; // one inserted word
        var records = threads.Select((t, i) => ($"t{i}", t)).Append(("near-of-t4", near)).ToList();
        var input = Path.Combine(dir, "in.jsonl");
        CurationFixture.WriteJsonl(input, records);
        var output = Path.Combine(dir, "out");

        CurationFixture.Run([input], output);

        var removed = CurationFixture.ReadParts(Path.Combine(output, "removed")).Single(r => r.GetProperty("id").GetString() == "near-of-t4");
        removed.GetProperty("reason").GetString().ShouldBe("dedup_near:duplicate");
        removed.GetProperty("duplicate_of").GetString().ShouldBe("t4");
        var similarity = removed.GetProperty("similarity").GetDouble();
        similarity.ShouldBeGreaterThanOrEqualTo(0.7);
        similarity.ShouldBeLessThan(1.0);

        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "stats.json")));
        var nearStats = stats.RootElement.GetProperty("near_dedup");
        var bins = nearStats.GetProperty("similarity").EnumerateArray().Select(b => b.GetInt64()).ToArray();
        bins.Length.ShouldBe(20);
        bins.Sum().ShouldBe(1);
        bins[(int)(similarity * 20)].ShouldBe(1);
        nearStats.GetProperty("candidates_verified").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        stats.RootElement.GetProperty("duplicate_clusters").GetProperty("2").GetInt64().ShouldBe(1);
    }

    [Fact]
    public void Run_NearCopiesAcrossManyFiles_AreVerifiedWithBoundedOpenFiles()
    {
        // 80 input files: file i holds thread i and a near copy of thread i - 1, so verification reads 80 shards.
        var dir = TestPaths.NewTempDir();
        var threads = CurationFixture.Threads(80, reviewsPerDoc: 20, skip: 4000);
        var inputs = new List<string>();
        for (var i = 0; i < threads.Count; i++)
        {
            var path = Path.Combine(dir, $"in{i:D3}.jsonl");
            var records = new List<(string, string)> { ($"t{i}", threads[i]) };
            if (i > 0)
            {
                var firstBreak = threads[i - 1].IndexOf('\n', StringComparison.Ordinal);
                records.Add(($"near-{i - 1}", threads[i - 1][..firstBreak] + " 진짜" + threads[i - 1][firstBreak..]));
            }

            CurationFixture.WriteJsonl(path, records);
            inputs.Add(path);
        }

        CurationFixture.Run(inputs, Path.Combine(dir, "out"));

        var removed = CurationFixture.ReadParts(Path.Combine(dir, "out", "removed"))
            .Where(r => r.GetProperty("reason").GetString() == "dedup_near:duplicate")
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("duplicate_of").GetString());
        removed.Count.ShouldBe(threads.Count - 1);
        for (var i = 0; i + 1 < threads.Count; i++)
        {
            removed[$"near-{i}"].ShouldBe($"t{i}");
        }
    }

    [Fact]
    public void Run_Report_ShowsExamplesPerReasonWithPiiMasked()
    {
        var dir = TestPaths.NewTempDir();
        var threads = CurationFixture.Threads(21);
        var phone = "연락처는 010-2345-6789 입니다. " + threads[20];
        threads.RemoveAt(20);
        var records = threads.Select((t, i) => ($"t{i}", t)).Append(("phone", phone)).Append(("phone-copy", phone)).Append(("short", "굿")).ToList();
        var input = Path.Combine(dir, "in.jsonl");
        CurationFixture.WriteJsonl(input, records);
        var output = Path.Combine(dir, "out");

        var result = CurationFixture.Run([input], output);

        var examples = result.Stats.Examples;
        examples.Keys.ShouldContain("dedup_exact:duplicate");
        var copy = examples["dedup_exact:duplicate"].Single();
        copy.Id.ShouldBe("phone-copy");
        copy.DuplicateOf.ShouldBe("phone");
        copy.Similarity.ShouldBe(1.0);
        copy.Text.ShouldNotContain("010-2345-6789");
        copy.Text.Length.ShouldBeLessThanOrEqualTo(RemovalExamples.MaxChars);
        copy.Truncated.ShouldBe(phone.Length > RemovalExamples.MaxChars);
        ((long)examples.Values.SelectMany(v => v).Count()).ShouldBe(result.Stats.Reasons.Sum(r => Math.Min(r.Value, RemovalExamples.PerReason)));

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        html.ShouldContain("id=\"examples\"");
        html.ShouldContain("phone-copy");
        html.ShouldNotContain("010-2345-6789");
        html.ShouldContain("id=\"similarity\"");
    }

    [Fact]
    public void Run_AnyWorkerCountAndPartSize_GivesTheSameExamples()
    {
        var dir = TestPaths.NewTempDir();
        var threads = CurationFixture.Threads(60, reviewsPerDoc: 6);
        var records = threads.Select((t, i) => ($"t{i}", t)).ToList();
        records.AddRange(threads.Take(25).Select((t, i) => ($"copy{i}", t)));
        records.AddRange(CurationFixture.Reviews(40, skip: 3000).Select(r => ($"r{r.Id}", r.Text)));
        var input = Path.Combine(dir, "in.jsonl");
        CurationFixture.WriteJsonl(input, records);
        var small = new CurationConfig();
        small.Output.PartBytes = 4096;
        small.Output.BatchDocuments = 5;

        var one = CurationFixture.Run([input], Path.Combine(dir, "a"), workers: 1);
        var many = CurationFixture.Run([input], Path.Combine(dir, "b"), small, workers: 3);

        one.Stats.Examples["dedup_exact:duplicate"].Count.ShouldBe(RemovalExamples.PerReason);
        JsonSerializer.Serialize(many.Stats.Examples).ShouldBe(JsonSerializer.Serialize(one.Stats.Examples));
    }
}
