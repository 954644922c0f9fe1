using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Splitting;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Catalogue;

/// <summary>The hub registers benchmarks with Moa.Evaluation's loader and content hash, not a lenient re-parse of its own.</summary>
public sealed class BenchmarkRegistrationTests
{
    private const string Card = "name: KoBEST BoolQ (sample)\nversion: '1.0'\nlicense: CC-BY-SA-4.0\nlanguage: ko\ntask_type: multiple_choice\nmetric: acc\nsubsets: [boolq]\n";

    private static readonly string[] s_items =
    [
        "{\"id\":\"1\",\"subset\":\"boolq\",\"question\":\"q1\",\"choices\":[\"아니오\",\"예\"],\"answer\":1}",
        "{\"id\":\"2\",\"subset\":\"boolq\",\"question\":\"q2\",\"choices\":[\"아니오\",\"예\"],\"answer\":0}",
    ];

    private static string Folder(string card, params string[] items)
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "bench");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "benchmark.yaml"), card);
        File.WriteAllLines(Path.Combine(dir, "items.jsonl"), items);
        return dir;
    }

    [Fact]
    public async Task RegisterBenchmark_RecordsTheEvaluationContentHash_AndListsIt()
    {
        var dir = Folder(Card, s_items);
        await using var db = await HubBootstrap.OpenAsync("sqlite:" + Path.Combine(TestPaths.NewTempDir(), "hub.db"));

        var entry = await HubBootstrap.RegisterBenchmarkAsync(db, dir, "kobest-boolq");

        entry.Items.ShouldBe(2);
        entry.ContentHash.ShouldBe(BenchmarkDataset.Load(dir).ContentHash);
        entry.ItemsSha256.ShouldBe(BenchmarkSplitter.FileSha256(Path.Combine(dir, "items.jsonl")));
        var listed = (await new Moa.Hub.Catalogue.CatalogueService(db, TimeProvider.System).ListBenchmarksAsync()).ShouldHaveSingleItem();
        listed.ContentHash.ShouldBe(entry.ContentHash);
        listed.ItemsSha256.ShouldBe(entry.ItemsSha256);
    }

    [Fact]
    public async Task RegisterBenchmark_MalformedItem_IsRefusedNamingFileLineAndField()
    {
        // The old re-parse only counted non-empty lines, so an answer given as a list was registered.
        var dir = Folder(Card, s_items[0], "{\"id\":\"2\",\"subset\":\"boolq\",\"question\":\"q2\",\"choices\":[\"아니오\",\"예\"],\"answer\":[0]}");
        await using var db = await HubBootstrap.OpenAsync("sqlite:" + Path.Combine(TestPaths.NewTempDir(), "hub.db"));

        var error = await Should.ThrowAsync<HubException>(() => HubBootstrap.RegisterBenchmarkAsync(db, dir, "bad"));

        error.Kind.ShouldBe(HubErrorKind.Invalid);
        error.Message.ShouldContain("items.jsonl line 2");
        error.Message.ShouldContain("'answer'");
    }

    [Fact]
    public async Task RegisterBenchmark_UnknownCardKey_IsRefusedNamingTheCard()
    {
        // The old re-parse ignored unknown keys, so a misspelt key ('licence') silently left the licence empty.
        var dir = Folder(Card.Replace("license:", "licence:", StringComparison.Ordinal), s_items);
        await using var db = await HubBootstrap.OpenAsync("sqlite:" + Path.Combine(TestPaths.NewTempDir(), "hub.db"));

        var error = await Should.ThrowAsync<HubException>(() => HubBootstrap.RegisterBenchmarkAsync(db, dir, "bad"));

        error.Kind.ShouldBe(HubErrorKind.Invalid);
        error.Message.ShouldContain("benchmark.yaml");
        error.Message.ShouldContain("unknown key");
    }
}
