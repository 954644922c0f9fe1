using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;

namespace Moa.Cli.Tests;

public sealed class CurateCommandTests
{
    [Fact]
    public void Curate_MissingInput_PrintsOneLineErrorWithoutStackTrace()
    {
        var dir = TestPaths.NewTempDir();
        var (code, _, err) = MoaProcess.Run("curate", "--input", Path.Combine(dir, "nope.jsonl"), "--output", Path.Combine(dir, "out"));

        code.ShouldBe(2);
        err.ShouldContain("moa: error:");
        err.ShouldContain("nope.jsonl");
        err.ShouldNotContain("   at ");
        err.ShouldNotContain("Exception");
    }

    [Fact]
    public void Curate_BadConfig_NamesFileLineAndKey()
    {
        var dir = TestPaths.NewTempDir();
        var input = WriteInput(dir, "a.jsonl", 3, 0);
        var config = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(config, "dedup:\n  near:\n    bandz: 3\n");

        var (code, _, err) = MoaProcess.Run("curate", "--input", input, "--output", Path.Combine(dir, "out"), "--config", config);

        code.ShouldBe(2);
        err.ShouldContain($"{config}:3");
        err.ShouldContain("bandz");
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Refilter_NewThresholds_WritesCorpusAndSummary_AndBadProfileIsOneLineError()
    {
        var dir = TestPaths.NewTempDir();
        var input = WriteInput(dir, "a.jsonl", 20, 0);
        var output = Path.Combine(dir, "out");
        MoaProcess.Run("curate", "--input", input, "--output", output, "--workers", "1").Code.ShouldBe(0);
        var config = Path.Combine(dir, "new.yaml");
        File.WriteAllText(config, "quality:\n  korean:\n    min_particle_ratio: 0.99\n");

        var (code, stdout, err) = MoaProcess.Run("curate", "refilter", "--config", config, output, "--output", Path.Combine(dir, "re"));
        code.ShouldBe(0, err);
        stdout.ShouldContain("refilter:");
        File.Exists(Path.Combine(dir, "re", "refilter.json")).ShouldBeTrue();

        File.WriteAllText(config, "quality:\n  profile: nope\n");
        var (bad, _, badErr) = MoaProcess.Run("curate", "refilter", "--config", config, output);
        bad.ShouldBe(2);
        badErr.ShouldContain("quality.profile is 'nope'");
        badErr.ShouldNotContain("   at ");
    }

    [Fact]
    public void Curate_NotATerminal_PrintsPlainSummaryAndWritesOutput()
    {
        var dir = TestPaths.NewTempDir();
        var input = WriteInput(dir, "a.jsonl", 20, 0);
        var output = Path.Combine(dir, "out");

        var (code, stdout, err) = MoaProcess.Run("curate", "--input", input, "--output", output, "--workers", "2");

        code.ShouldBe(0, err);
        stdout.ShouldContain("Curation funnel");
        stdout.ShouldContain("report.html");
        stdout.ShouldNotContain("\u001b[");
        File.Exists(Path.Combine(output, "manifest.json")).ShouldBeTrue();
    }

    [Fact]
    public void Curate_KilledMidRunTwice_ResumesToTheSameBytesAsAnUninterruptedRun()
    {
        var dir = TestPaths.NewTempDir();
        var inputs = new List<string>();
        for (var f = 0; f < 24; f++)
        {
            inputs.Add(WriteInput(dir, $"in{f:D2}.jsonl", 400, f));
        }

        var config = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(config, "output:\n  part_bytes: 262144\n  batch_documents: 64\n");
        var args = new List<string> { "curate", "--output", Path.Combine(dir, "killed"), "--config", config, "--workers", "1", "--input" };
        args.AddRange(inputs);
        var work = Path.Combine(dir, "killed", ".work");

        // Kill once while files are being processed, once while parts are being written.
        KillWhen(args, () => File.Exists(Path.Combine(work, "shards", "00004.done"))).ShouldBeTrue("the first run finished before it could be killed");
        File.Exists(Path.Combine(dir, "killed", "manifest.json")).ShouldBeFalse();
        var partsDir = Path.Combine(work, "parts");
        KillWhen(args, () => Directory.Exists(partsDir) && Directory.GetFiles(partsDir, "*.done").Length >= 1).ShouldBeTrue("the second run finished before it could be killed");
        File.Exists(Path.Combine(dir, "killed", "manifest.json")).ShouldBeFalse();

        var (code, _, err) = MoaProcess.Run([.. args]);
        code.ShouldBe(0, err);

        new CurationRunner().Run(new CurationRequest
        {
            Inputs = inputs,
            OutputDir = Path.Combine(dir, "straight"),
            Config = CurationConfigLoader.Load(config),
            Workers = 2,
        });
        DataBytes(Path.Combine(dir, "killed")).ShouldBe(DataBytes(Path.Combine(dir, "straight")));
    }

    /// <summary>Starts the CLI and kills it (SIGKILL) as soon as <paramref name="condition"/> holds; false if it ended first.</summary>
    private static bool KillWhen(List<string> args, Func<bool> condition)
    {
        using var p = Process.Start(MoaProcess.StartInfo([.. args]))!;
        p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!p.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (condition())
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
                return true;
            }

            Thread.Sleep(2);
        }

        return false;
    }

    private static string WriteInput(string dir, string name, int documents, int seed)
    {
        var reviews = File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
            .ToList();
        var rnd = new Random(seed);
        var path = Path.Combine(dir, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var d = 0; d < documents; d++)
        {
            var text = string.Join("\n", Enumerable.Range(0, 10).Select(_ => reviews[rnd.Next(reviews.Count)]));
            w.Write(JsonSerializer.Serialize(new { id = $"{name}-{d}", text }));
            w.Write('\n');
        }

        return path;
    }

    private static byte[] DataBytes(string output)
    {
        using var all = new MemoryStream();
        foreach (var part in Directory.GetFiles(Path.Combine(output, "data")).Order(StringComparer.Ordinal))
        {
            all.Write(Encoding.UTF8.GetBytes(Path.GetFileName(part)));
            all.Write(File.ReadAllBytes(part));
        }

        all.Length.ShouldBeGreaterThan(0);
        return all.ToArray();
    }
}
