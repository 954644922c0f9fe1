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
