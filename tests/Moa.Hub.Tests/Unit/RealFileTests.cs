using Moa.Hub.Programme;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Unit;

/// <summary>Real provider documents from shared/data pass the upload checks with the right sniffed type.</summary>
public class RealFileTests
{
    private static readonly HubOptions s_options = new();

    [Theory]
    [InlineData("pdf", "형법.pdf", "application/pdf")]
    [InlineData("pdf", "korquad2_paper.pdf", "application/pdf")]
    [InlineData("hwp", "msit_press_release_noori.hwp", "application/x-hwp")]
    [InlineData("hwpx", "gangbuk_rfp.hwpx", "application/zip")]
    [InlineData("hwpx", "mcst_press_release.hwpx", "application/zip")]
    [InlineData("hwpx", "ulsan_notice_no_manifest.hwpx", "application/zip")]
    public async Task CopyAndCheck_RealProviderDocuments_AreAccepted(string folder, string file, string type)
    {
        await using var source = File.OpenRead(TestPaths.Data("providers", folder, file));
        using var copy = new MemoryStream();
        (await DocumentInspector.CopyAndCheckAsync(source, copy, "doc", s_options)).ShouldBe(type);
        copy.Length.ShouldBe(new FileInfo(TestPaths.Data("providers", folder, file)).Length);
    }

    [Fact]
    public async Task CopyAndCheck_CsvRenamedAsPdf_IsRejected()
    {
        var csv = Directory.GetFiles(TestPaths.Data("providers", "csv")).First();
        await using var source = File.OpenRead(csv);
        await Should.ThrowAsync<HubException>(() => DocumentInspector.CopyAndCheckAsync(source, new MemoryStream(), "application_form", s_options));
    }
}

/// <summary>The library calls the lead's quickstart uses: register a curate output and a benchmark folder.</summary>
public class HubBootstrapTests
{
    [Fact]
    public async Task RegisterDatasetAndBenchmark_ThroughBootstrap_AppearInCatalogueAndAudit()
    {
        var dir = TestPaths.NewTempDir();
        await using var db = await HubBootstrap.OpenAsync("sqlite:" + Path.Combine(dir, "hub.db"));
        var curated = CurateFolder.Create(Path.Combine(dir, "curated"), parts: 1, perPart: 20);
        var v = await HubBootstrap.RegisterDatasetAsync(db, curated, "quickstart-corpus", "Quickstart corpus", "CC0-1.0", "from moa quickstart");
        v.Version.ShouldBe(1);
        v.Documents.ShouldBe(20);

        var bench = Path.Combine(dir, "bench");
        Directory.CreateDirectory(bench);
        File.WriteAllText(Path.Combine(bench, "benchmark.yaml"), "name: KoBEST BoolQ (sample)\nversion: '1.0'\nlicense: CC-BY-SA-4.0\nlanguage: ko\ntask_type: multiple_choice\nmetric: acc\nsubsets: [boolq]\n");
        File.WriteAllLines(Path.Combine(bench, "items.jsonl"), [
            "{\"id\":\"1\",\"subset\":\"boolq\",\"question\":\"q1\",\"choices\":[\"아니오\",\"예\"],\"answer\":1}",
            "{\"id\":\"2\",\"subset\":\"boolq\",\"question\":\"q2\",\"choices\":[\"아니오\",\"예\"],\"answer\":0}",
        ]);
        var b = await HubBootstrap.RegisterBenchmarkAsync(db, bench, "kobest-boolq");
        b.Items.ShouldBe(2);
        b.Name.ShouldBe("KoBEST BoolQ (sample)");
        b.Licence.ShouldBe("CC-BY-SA-4.0");

        await using var conn = await db.OpenAsync();
        var entries = await Moa.Hub.Audit.AuditLog.ReadAllAsync(conn);
        entries.Select(e => e.Action).ShouldBe(["dataset.created", "dataset.version_registered", "benchmark.registered"]);
        Moa.Hub.Audit.AuditVerifier.Verify(entries).Ok.ShouldBeTrue();
        await Should.ThrowAsync<HubException>(() => HubBootstrap.RegisterBenchmarkAsync(db, dir, "x"));
    }

    [Fact]
    public async Task Open_BadSpec_IsAUserError() =>
        (await Should.ThrowAsync<MoaException>(() => HubBootstrap.OpenAsync("mysql://x"))).Message.ShouldContain("sqlite:PATH");
}
