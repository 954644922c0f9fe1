using Moa.Curation.Configuration;

namespace Moa.Curation.Tests.Pipeline;

public sealed class CurationConfigTests
{
    [Fact]
    public void Parse_EmptyDocument_GivesDefaults()
    {
        var config = CurationConfigLoader.Parse(string.Empty);
        config.Dedup.Near.Bands.ShouldBe(20); // measured choice, docs/curation/dedup.md
        config.Dedup.Near.Rows.ShouldBe(5);
        config.Dedup.Near.ShingleWords.ShouldBe(5);
        config.Pii.Operator.ShouldBe("tag");
    }

    [Fact]
    public void Parse_SnakeCaseKeys_BindToSettings()
    {
        var config = CurationConfigLoader.Parse("""
            input:
              text_field: body
            language:
              keep: [ko]
              min_score: 0.7
            dedup:
              near:
                bands: 20
                rows: 5
            output:
              part_bytes: 4096
            """);
        config.Input.TextField.ShouldBe("body");
        config.Language.Keep.ShouldBe(["ko"]);
        config.Language.MinScore.ShouldBe(0.7);
        config.Dedup.Near.Bands.ShouldBe(20);
        config.Output.PartBytes.ShouldBe(4096);
    }

    [Fact]
    public void Parse_UnknownKey_NamesKeyAndLine()
    {
        var ex = Should.Throw<MoaException>(() => CurationConfigLoader.Parse("language:\n  keep: [ko]\n  min_scor: 0.5\n", "p.yaml"));
        ex.Message.ShouldContain("p.yaml:3");
        ex.Message.ShouldContain("min_scor");
    }

    [Fact]
    public void Parse_WrongType_NamesLine()
    {
        var ex = Should.Throw<MoaException>(() => CurationConfigLoader.Parse("output:\n  part_bytes: lots\n", "p.yaml"));
        ex.Message.ShouldContain("p.yaml:2");
    }

    [Theory]
    [InlineData("language:\n  min_score: 1.5\n", "language.min_score")]
    [InlineData("dedup:\n  near:\n    bands: 0\n", "dedup.near.bands")]
    [InlineData("pii:\n  operator: shred\n", "pii.operator")]
    [InlineData("pii:\n  person_policy: everyone\n", "pii.person_policy")]
    [InlineData("output:\n  compression: zip\n", "output.compression")]
    [InlineData("output:\n  format: csv\n", "output.format")]
    [InlineData("output:\n  parquet_row_group_bytes: 10\n", "output.parquet_row_group_bytes")]
    public void Parse_InvalidValue_NamesField(string yaml, string field)
    {
        Should.Throw<MoaException>(() => CurationConfigLoader.Parse(yaml)).Message.ShouldContain(field);
    }

    [Fact]
    public void Hash_ChangesWithAnySetting_AndIsStable()
    {
        var a = CurationConfigLoader.Hash(new CurationConfig());
        CurationConfigLoader.Hash(new CurationConfig()).ShouldBe(a);
        var changed = new CurationConfig();
        changed.Dedup.Near.Rows = 9;
        CurationConfigLoader.Hash(changed).ShouldNotBe(a);
    }
}

public sealed class ExampleConfigTests
{
    [Fact]
    public void ExamplePipelineYaml_ListsExactlyTheDefaults()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "examples", "programme", "pipeline.yaml");
        var example = CurationConfigLoader.Load(path);

        CurationConfigLoader.ToCanonicalJson(example).ShouldBe(
            CurationConfigLoader.ToCanonicalJson(new CurationConfig()),
            "examples/programme/pipeline.yaml is out of date: regenerate it with ./moa curate --print-config");
    }
}
