using System.Text.Json.Nodes;
using Moa.Hub.Catalogue;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Catalogue;

public sealed class CurateOutputTests
{
    [Fact]
    public void Load_RemovedParts_AreNeverCataloguedOrServed()
    {
        var dir = CurateFolder.Create(Path.Combine(TestPaths.NewTempDir(), "run"), parts: 1, perPart: 5);
        Directory.CreateDirectory(Path.Combine(dir, "removed"));
        var removed = Path.Combine(dir, "removed", "part-00000.jsonl.gz");
        File.Copy(Path.Combine(dir, "data", "part-00000.jsonl.gz"), removed);
        var manifestPath = Path.Combine(dir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var files = manifest["files"]!.AsArray();
        var data = files[0]!;
        data["kind"] = "data";
        files.Add(new JsonObject
        {
            ["path"] = "removed/part-00000.jsonl.gz",
            ["kind"] = "removed",
            ["sha256"] = data["sha256"]!.GetValue<string>(),
            ["documents"] = data["documents"]!.GetValue<long>(),
            ["bytes"] = data["bytes"]!.GetValue<long>(),
        });
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var output = CurateOutput.Load(dir);

        output.Files.ShouldHaveSingleItem().Path.ShouldBe("data/part-00000.jsonl.gz");
    }

    [Theory]
    [InlineData(null, "removed/part-00000.jsonl.gz")]
    [InlineData("data", "removed/part-00000.jsonl.gz")]
    [InlineData("", "./removed/part-00000.jsonl.gz")]
    [InlineData(null, "data/../removed/part-00000.jsonl.gz")]
    [InlineData("data", "REMOVED/part-00000.jsonl.gz")]
    public void Load_RemovedPart_IsNeverServedWhateverItsLabel(string? kind, string path)
    {
        var dir = CurateFolder.Create(Path.Combine(TestPaths.NewTempDir(), "run"), parts: 1, perPart: 5);
        Directory.CreateDirectory(Path.Combine(dir, "removed"));
        Directory.CreateDirectory(Path.Combine(dir, "REMOVED"));
        File.Copy(Path.Combine(dir, "data", "part-00000.jsonl.gz"), Path.Combine(dir, "removed", "part-00000.jsonl.gz"));
        File.Copy(Path.Combine(dir, "data", "part-00000.jsonl.gz"), Path.Combine(dir, "REMOVED", "part-00000.jsonl.gz"));
        var manifestPath = Path.Combine(dir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var files = manifest["files"]!.AsArray();
        var data = files[0]!;
        var entry = new JsonObject
        {
            ["path"] = path,
            ["sha256"] = data["sha256"]!.GetValue<string>(),
            ["documents"] = data["documents"]!.GetValue<long>(),
            ["bytes"] = data["bytes"]!.GetValue<long>(),
        };
        if (kind is not null)
        {
            entry["kind"] = kind;
        }

        files.Add(entry);
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var output = CurateOutput.Load(dir);

        output.Files.ShouldHaveSingleItem().Path.ShouldBe("data/part-00000.jsonl.gz");
    }

    [Fact]
    public void Load_ManifestOfWrongShape_NamesTheFileAndField()
    {
        var dir = CurateFolder.Create(Path.Combine(TestPaths.NewTempDir(), "run"), parts: 1, perPart: 5);
        var manifestPath = Path.Combine(dir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["files"]![0]!["bytes"] = "many";
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var error = Should.Throw<HubException>(() => CurateOutput.Load(dir));

        error.Message.ShouldContain("manifest.json");
        error.Message.ShouldContain("$.files[0].bytes");
    }
}
