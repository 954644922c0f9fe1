using Moa.Curation.Configuration;
using Moa.Curation.Output;
using Moa.Curation.Tests.Pipeline;
using YamlDotNet.RepresentationModel;

namespace Moa.Curation.Tests.Output;

public sealed class DatasetCardTests
{
    [Theory]
    [InlineData("parquet", ".parquet")]
    [InlineData("jsonl.zst", ".jsonl.zst")]
    [InlineData("jsonl.gz", ".jsonl.gz")]
    public void Run_WritesCardWhoseFrontMatterParsesAndPointsAtTheParts(string format, string extension)
    {
        var (output, _) = Curate(format, TestPaths.NewTempDir());

        var (front, body) = Split(File.ReadAllText(Path.Combine(output, "README.md")));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(front));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Scalar(root, "license").ShouldBe("other");
        Scalar(root, "license_name").ShouldBe("moa-programme-agreement");
        Scalar(root, "pretty_name").ShouldBe("corpus");
        Sequence(root, "language").ShouldContain("ko");
        Sequence(root, "size_categories").ShouldBe(["n<1K"]);
        Sequence(root, "task_categories").ShouldBe(["text-generation"]);
        var config = (YamlMappingNode)((YamlSequenceNode)root.Children[new YamlScalarNode("configs")]).Children.Single();
        Scalar(config, "config_name").ShouldBe("default");
        var files = (YamlMappingNode)((YamlSequenceNode)config.Children[new YamlScalarNode("data_files")]).Children.Single();
        Scalar(files, "split").ShouldBe("train");
        var glob = Scalar(files, "path");
        glob.ShouldBe("data/*" + extension);
        var matched = Directory.GetFiles(Path.Combine(output, "data"), "*" + extension);
        matched.Length.ShouldBeGreaterThan(0);
        Directory.GetFiles(Path.Combine(output, "data")).Length.ShouldBe(matched.Length, "the glob covers every training part");

        body.ShouldContain("## 처리 과정 · Processing");
        body.ShouldContain("profile `auto`");
        body.ShouldContain("operator `tag`");
        body.ShouldContain("| 토큰 · tokens (pretokens) |");
        body.ShouldContain("## 라이선스와 이용 조건 · Licence and access");
        foreach (var part in matched)
        {
            body.ShouldContain("data/" + Path.GetFileName(part));
        }
    }

    [Fact]
    public void Run_SameInputTwice_GivesByteIdenticalCards()
    {
        var dir = TestPaths.NewTempDir();
        var (first, input) = Curate("parquet", Path.Combine(dir, "a"));
        var (second, _) = Curate("parquet", Path.Combine(dir, "b"), input);

        File.ReadAllBytes(Path.Combine(second, "README.md")).ShouldBe(File.ReadAllBytes(Path.Combine(first, "README.md")));
    }

    [Fact]
    public void Render_LicenceAndTokenizers_AreStated()
    {
        var config = new CurationConfig();
        config.Card.License = "cc-by-4.0";
        config.Card.PrettyName = "뉴스 말뭉치 | news";
        var stats = new Statistics.CurationStats { DocumentsOut = 12_345, DocumentsIn = 20_000 };
        stats.Tokens["o200k"] = new Statistics.TokenCounts { Total = 999 };
        stats.LanguagesOut["ko"] = 12_000;

        var text = DatasetCard.Render(stats, new Manifest { Version = "1.2.3", ConfigHash = "abc" }, config, "folder");

        var (front, _) = Split(text);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(front));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Scalar(root, "license").ShouldBe("cc-by-4.0");
        root.Children.ContainsKey(new YamlScalarNode("license_name")).ShouldBeFalse();
        Scalar(root, "pretty_name").ShouldBe("뉴스 말뭉치 | news");
        Sequence(root, "size_categories").ShouldBe(["10K<n<100K"]);
        root.Children.ContainsKey(new YamlScalarNode("configs")).ShouldBeFalse("a run without data parts points at nothing");
        text.ShouldContain("| 토큰 · tokens (o200k) | 999 |");
    }

    [Fact]
    public void Config_BadLicence_IsRejectedNamingTheKey()
    {
        var ex = Should.Throw<MoaException>(() => CurationConfigLoader.Parse("card:\n  license: \"CC BY 4.0\"\n"));
        ex.Message.ShouldContain("card.license");
    }

    private static (string Output, string Input) Curate(string format, string dir, string? input = null)
    {
        Directory.CreateDirectory(dir);
        if (input is null)
        {
            input = Path.Combine(dir, "p.jsonl");
            CurationFixture.WriteJsonl(input, CurationFixture.Threads(30).Select((t, i) => ($"d{i}", t)));
        }

        var config = new CurationConfig();
        config.Output.Format = format;
        var output = Path.Combine(dir, "corpus");
        CurationFixture.Run([input], output, config);
        return (output, input);
    }

    private static (string Front, string Body) Split(string card)
    {
        card.ShouldStartWith("---\n");
        var end = card.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        end.ShouldBeGreaterThan(0);
        return (card[4..(end + 1)], card[(end + 5)..]);
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!)];
}
