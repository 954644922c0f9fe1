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
}
