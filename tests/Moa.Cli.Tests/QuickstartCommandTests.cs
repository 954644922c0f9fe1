namespace Moa.Cli.Tests;

public sealed class QuickstartCommandTests
{
    [Fact]
    public void Quickstart_NoServe_RunsTheWholeProgrammeAndStops()
    {
        var dir = TestPaths.NewTempDir();
        var output = Path.Combine(dir, "qs");

        var (code, stdout, err) = MoaProcess.Run("quickstart", "--no-serve", "--output", output);

        code.ShouldBe(0, err);
        stdout.ShouldContain("Curation funnel");
        stdout.ShouldContain("dedup_near:duplicate");
        stdout.ShouldContain("hwp-drm");
        stdout.ShouldContain("100 items held out");
        stdout.ShouldContain("acc_norm");
        stdout.ShouldContain("Hub not started (--no-serve)");
        File.Exists(Path.Combine(output, "corpus", "manifest.json")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "corpus", "report.html")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "benchmarks", "kobest-copa", "split.json")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "runs", "ngram-baseline", "scores.json")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "hub.db")).ShouldBeTrue();
    }
}
