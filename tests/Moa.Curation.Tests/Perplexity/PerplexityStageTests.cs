using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Perplexity;
using Moa.Curation.Tests.Pipeline;

namespace Moa.Curation.Tests.Perplexity;

public sealed class PerplexityStageTests
{
    private static readonly string s_wiki = QualityLanguageModelSources.ReadJsonl(TestPaths.SharedData, QualityLanguageModelSources.Wiki, "-").Documents.First(d => !d.Tuning).Text;

    private static readonly string s_english = Moa.Curation.Tests.Filters.FilterCorpus.SeedDocuments("000", 800)[0];

    [Fact]
    public void Run_EveryDocumentReachingQuality_IsTaggedKeptOrRemoved_AndCountedInStatsAndReport()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        var thread = CurationFixture.Threads(1)[0];
        var repeated = string.Join('\n', Enumerable.Repeat("오늘 날씨가 정말 좋네요 산책하러 갑시다", 30));
        CurationFixture.WriteJsonl(input, [("wiki", s_wiki), ("thread", thread), ("repeated", repeated), ("english", s_english)]);

        var result = CurationFixture.Run([input], Path.Combine(dir, "out"));

        var kept = CurationFixture.ReadParts(Path.Combine(dir, "out", "data")).ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("meta"));
        var removed = CurationFixture.ReadParts(Path.Combine(dir, "out", "removed")).ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("meta"));
        var model = QualityLanguageModel.Embedded;
        var expected = model.Perplexity(s_wiki, new PerplexityOptions().MaxChars)!.Value;
        kept["wiki"].GetProperty("perplexity").GetDouble().ShouldBe(expected, 0.01);
        kept["wiki"].GetProperty("ppl_bucket").GetString().ShouldBe(model.Bucket(expected));
        kept["thread"].GetProperty("ppl_bucket").GetString().ShouldBe("tail");
        removed["repeated"].GetProperty("perplexity").GetDouble().ShouldBeGreaterThan(1);
        removed["repeated"].TryGetProperty("ppl_bucket", out _).ShouldBeTrue();
        kept["english"].TryGetProperty("perplexity", out _).ShouldBeFalse();

        var p = result.Stats.Perplexity;
        p.Buckets.Values.Sum().ShouldBe(3);
        p.Unscored.ShouldBe(1);
        p.Histogram.Sum().ShouldBe(3);
        p.Model.ShouldBe("embedded:" + QualityLanguageModel.EmbeddedName);
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "stats.json")));
        stats.RootElement.GetProperty("perplexity").GetProperty("buckets").GetProperty("tail").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        var report = File.ReadAllText(Path.Combine(dir, "out", "report.html"));
        report.ShouldContain("id=\"perplexity\"");
        report.ShouldContain("퍼플렉서티");
    }

    [Fact]
    public void Run_MaxPerplexity_RemovesWithRuleValueAndThreshold()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("wiki", s_wiki), ("thread", CurationFixture.Threads(1)[0])]);
        var config = new CurationConfig();
        config.Quality.Perplexity.MaxPerplexity = 45;

        var result = CurationFixture.Run([input], Path.Combine(dir, "out"), config);

        CurationFixture.ReadParts(Path.Combine(dir, "out", "data")).Single().GetProperty("id").GetString().ShouldBe("wiki");
        var removed = CurationFixture.ReadParts(Path.Combine(dir, "out", "removed")).Single();
        removed.GetProperty("reason").GetString().ShouldBe("quality:perplexity.max_perplexity");
        var filter = removed.GetProperty("meta").GetProperty("filter");
        filter.GetProperty("rule").GetString().ShouldBe("perplexity.max_perplexity");
        filter.GetProperty("threshold").GetDouble().ShouldBe(45);
        filter.GetProperty("value").GetDouble().ShouldBeGreaterThan(45);
        filter.GetProperty("profile").GetString().ShouldNotBeNullOrEmpty();
        result.Stats.Reasons["quality:perplexity.max_perplexity"].ShouldBe(1);
    }

    [Fact]
    public void Run_PerplexityOff_WritesNoScore()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("wiki", s_wiki)]);
        var config = new CurationConfig();
        config.Quality.Perplexity.Enabled = false;

        var result = CurationFixture.Run([input], Path.Combine(dir, "out"), config);

        CurationFixture.ReadParts(Path.Combine(dir, "out", "data")).Single().GetProperty("meta").TryGetProperty("perplexity", out _).ShouldBeFalse();
        result.Stats.Perplexity.Buckets.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(dir, "out", "report.html")).ShouldContain("No document was scored");
    }

    [Fact]
    public void Run_ModelFromPath_IsUsed()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("wiki", s_wiki)]);
        var model = Path.Combine(dir, "copy.lm.gz");
        File.Copy(Path.Combine(TestPaths.RepoRoot, "src", "Moa.Curation", "Perplexity", QualityLanguageModel.EmbeddedName), model);
        var config = new CurationConfig();
        config.Quality.Perplexity.Model = model;

        var result = CurationFixture.Run([input], Path.Combine(dir, "out"), config);

        result.Stats.Perplexity.Model.ShouldBe(model);
        result.Stats.Perplexity.Buckets.Values.Sum().ShouldBe(1);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("damaged")]
    public void Run_MissingOrDamagedModel_FailsNamingTheFileBeforeAnyWork(string kind)
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("wiki", s_wiki)]);
        var model = Path.Combine(dir, kind + "-model.lm.gz");
        if (kind == "damaged")
        {
            File.WriteAllText(model, "this is not a model");
        }

        var config = new CurationConfig();
        config.Quality.Perplexity.Model = model;

        Should.Throw<MoaException>(() => CurationFixture.Run([input], Path.Combine(dir, "out"), config)).Message.ShouldContain(model);
        Directory.Exists(Path.Combine(dir, "out")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("quality:\n  perplexity:\n    max_perplexity: 0.5\n", "quality.perplexity.max_perplexity")]
    [InlineData("quality:\n  perplexity:\n    model: ''\n", "quality.perplexity.model")]
    [InlineData("quality:\n  perplexity:\n", "quality.perplexity")]
    [InlineData("quality:\n  perplexity:\n    max_chars: -1\n", "quality.perplexity.max_chars")]
    [InlineData("quality:\n  perplexity:\n    max_ppl: 100\n", "max_ppl")]
    public void Parse_InvalidPerplexitySettings_NameTheKey(string yaml, string key)
    {
        Should.Throw<MoaException>(() => CurationConfigLoader.Parse(yaml)).Message.ShouldContain(key);
    }

    [Fact]
    public void Parse_PerplexitySettings_Bind()
    {
        var config = CurationConfigLoader.Parse("quality:\n  perplexity:\n    enabled: true\n    max_perplexity: 1000\n    model: my.lm.gz\n");
        config.Quality.Perplexity.MaxPerplexity.ShouldBe(1000);
        config.Quality.Perplexity.Model.ShouldBe("my.lm.gz");
    }
}
