using Moa.Evaluation.Benchmarks;
using YamlDotNet.RepresentationModel;

namespace Moa.Evaluation.Tests.Benchmarks;

public sealed class BenchmarkReadmeTests
{
    [Fact]
    public void Write_BenchmarkFolder_HasACardWhoseConfigPointsAtTheItems()
    {
        var card = BenchmarkFixtures.Card("KoBEST-like", "boolq", "copa");
        card.License = "CC BY-SA 4.0";
        card.Source = "github SKT-LSL/KoBEST_datarepo";
        var items = BenchmarkFixtures.Synthetic(subsets: 2, perSubset: 30);

        var dir = BenchmarkFixtures.Write(card, items);

        var text = File.ReadAllText(Path.Combine(dir, "README.md"));
        text.ShouldStartWith("---\n");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text[4..(end + 1)]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        ((YamlScalarNode)root.Children[new YamlScalarNode("license")]).Value.ShouldBe("cc-by-sa-4.0");
        ((YamlScalarNode)root.Children[new YamlScalarNode("pretty_name")]).Value.ShouldBe("KoBEST-like");
        var config = (YamlMappingNode)((YamlSequenceNode)root.Children[new YamlScalarNode("configs")]).Children.Single();
        var files = (YamlMappingNode)((YamlSequenceNode)config.Children[new YamlScalarNode("data_files")]).Children.Single();
        ((YamlScalarNode)files.Children[new YamlScalarNode("split")]).Value.ShouldBe("test");
        var path = ((YamlScalarNode)files.Children[new YamlScalarNode("path")]).Value!;
        File.Exists(Path.Combine(dir, path)).ShouldBeTrue();
        text.ShouldContain("| 문항 · items | 60 |");
        text.ShouldContain("github SKT-LSL/KoBEST_datarepo");
    }

    [Fact]
    public void Write_SameBenchmarkTwice_GivesByteIdenticalCards()
    {
        var card = BenchmarkFixtures.Card("b", "s");
        var items = BenchmarkFixtures.Synthetic(subsets: 1, perSubset: 10);

        var a = BenchmarkFixtures.Write(card, items, "a");
        var b = BenchmarkFixtures.Write(card, items, "b");

        File.ReadAllBytes(Path.Combine(b, "README.md")).ShouldBe(File.ReadAllBytes(Path.Combine(a, "README.md")));
    }

    [Theory]
    [InlineData("CC BY-SA 4.0", "cc-by-sa-4.0", null)]
    [InlineData("MIT", "mit", null)]
    [InlineData("as published by its authors", "other", "as published by its authors")]
    [InlineData("", "unknown", null)]
    public void Licence_MapsCardTextToHubIds(string text, string id, string? name) =>
        BenchmarkReadme.Licence(text).ShouldBe((id, name));
}
