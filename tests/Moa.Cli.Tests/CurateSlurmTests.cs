using System.Diagnostics;
using System.Text.Json;

namespace Moa.Cli.Tests;

/// <summary>
/// The shipped Slurm workflow (deploy/slurm/curate.sbatch) against a real single-node Slurm started by
/// scripts/start-slurm.sh (test.sh exports MOA_TEST_SLURM=1 once <c>sinfo</c> shows the node idle). Fails, never
/// skips, when the daemons are not up.
/// </summary>
public sealed class CurateSlurmTests
{
    [Fact]
    public void ExecutorSlurm_MapArrayThenScaledDedupThenWrite_SameBytesAsOneProcess_AndAFailedMapTaskIsRerunAlone()
    {
        RequireSlurm();
        var dir = TestPaths.NewTempDir();
        var input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        foreach (var name in new[] { "chat_qa_pairs.jsonl", "news_ko_snippets.jsonl", "wiki_korquad_contexts.jsonl" })
        {
            File.Copy(TestPaths.Data("text", "genres", name), Path.Combine(input, name));
        }

        // Real reviews with real exact and near duplicates among them, so the dedup stage has work across files.
        File.WriteAllLines(Path.Combine(input, "nsmc_head.jsonl"), File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(4000));
        var single = Path.Combine(dir, "single");
        var one = MoaProcess.Run("curate", "--input", input, "--output", single, "--workers", "1", "--quiet");
        one.Code.ShouldBe(0, one.Err);

        // The harness, not moa, injects the failure: map task 1's first attempt exits 42 before moa starts.
        var marker = Path.Combine(dir, "failed-once");
        var wrapper = Path.Combine(dir, "moa-with-failure.sh");
        File.WriteAllText(wrapper, $$"""
            #!/usr/bin/env bash
            if [ "${SLURM_ARRAY_TASK_ID:-}" = "$MOA_TEST_FAIL_MAP_INDEX" ] && [ ! -e '{{marker}}' ]; then
              touch '{{marker}}'; echo "injected failure of map task $SLURM_ARRAY_TASK_ID" >&2; exit 42
            fi
            exec dotnet '{{MoaProcess.Dll}}' "$@"
            """.Replace("\r\n", "\n", StringComparison.Ordinal));

        var output = Path.Combine(dir, "slurm");
        var info = MoaProcess.StartInfo(
            "curate", "--executor", "slurm", "--input", input, "--output", output, "--world-size", "3", "--dedup-tasks", "2",
            "--sbatch-args", "--cpus-per-task=1 --mem=1G --time=10");
        info.Environment["MOA"] = "bash " + wrapper;
        info.Environment["MOA_TEST_FAIL_MAP_INDEX"] = "1";
        var (code, stdout, stderr) = Run(info, TimeSpan.FromMinutes(4));

        code.ShouldBe(0, stdout + stderr);
        File.Exists(marker).ShouldBeTrue("the injected failure did not happen");
        stdout.ShouldContain("map task 1");
        stdout.ShouldContain("rerunning it alone");
        stdout.ShouldContain("dedup completed");
        stdout.ShouldContain("CPU hours");
        File.ReadAllText(Path.Combine(output + ".slurm-logs", "map-1.out")).ShouldNotContain("injected failure");
        AssertSameTree(Path.Combine(single, "data"), Path.Combine(output, "data"));
        AssertSameTree(Path.Combine(single, "removed"), Path.Combine(output, "removed"));

        stdout.ShouldContain("exact 2/2");
        stdout.ShouldContain("buckets 2/2");
        stdout.ShouldContain("near 2/2");

        // stats.json: every task (three map ranks, two exact and two bucket tasks, the dedup merge, write) with its time, and CPU hours per stage.
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "stats.json")));
        var tasks = stats.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        tasks.Where(t => t.GetProperty("phase").GetString() == "map").Select(t => t.GetProperty("rank").GetInt32()).Order().ShouldBe([0, 1, 2]);
        tasks.Count(t => t.GetProperty("phase").GetString() == "exact").ShouldBe(2);
        tasks.Count(t => t.GetProperty("phase").GetString() == "buckets").ShouldBe(2);
        tasks.Count(t => t.GetProperty("phase").GetString() == "near").ShouldBe(2);
        tasks.Count(t => t.GetProperty("phase").GetString() == "dedup").ShouldBe(1);
        tasks.Count(t => t.GetProperty("phase").GetString() == "write").ShouldBe(1);
        tasks.ShouldAllBe(t => t.GetProperty("job").GetString()!.Length > 0);
        var cpu = stats.RootElement.GetProperty("cpu_hours");
        foreach (var phase in new[] { "map", "exact", "buckets", "near", "dedup", "write" })
        {
            cpu.GetProperty(phase).GetDouble().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void WriteStage_BeforeDedupStage_IsAOneLineErrorNamingTheMissingStep()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "a.jsonl");
        File.WriteAllLines(input, File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(50));
        var output = Path.Combine(dir, "out");

        var early = MoaProcess.Run("curate", "--input", input, "--output", output, "--stage", "dedup");
        early.Code.ShouldBe(2);
        early.Err.ShouldContain("not mapped yet");
        early.Err.ShouldNotContain("   at ");

        MoaProcess.Run("curate", "--input", input, "--output", output, "--stage", "map").Code.ShouldBe(0);
        var write = MoaProcess.Run("curate", "--input", input, "--output", output, "--stage", "write");
        write.Code.ShouldBe(2);
        write.Err.ShouldContain("--stage dedup first");
        write.Err.ShouldNotContain("   at ");

        var bad = MoaProcess.Run("curate", "--input", input, "--output", output, "--executor", "pbs");
        bad.Code.ShouldBe(2);
        bad.Err.ShouldContain("expected local or slurm");

        var two = MoaProcess.Run("curate", "--input", input, input, "--output", output, "--executor", "slurm");
        two.Code.ShouldBe(2);
        two.Err.ShouldContain("takes one --input");

        var tasks = MoaProcess.Run("curate", "--input", input, "--output", output, "--executor", "slurm", "--dedup-tasks", "0");
        tasks.Code.ShouldBe(2);
        tasks.Err.ShouldContain("--dedup-tasks must be at least 1");

        var rank = MoaProcess.Run("curate", "--input", input, "--output", output, "--stage", "exact", "--rank", "2", "--world-size", "2");
        rank.Code.ShouldBe(2);
        rank.Err.ShouldContain("--rank must be in 0..1");
        rank.Err.ShouldNotContain("   at ");
    }

    private static void RequireSlurm()
    {
        if (Environment.GetEnvironmentVariable("MOA_TEST_SLURM") != "1")
        {
            throw new InvalidOperationException("Slurm is not up: run eval \"$(scripts/start-slurm.sh)\" first (test.sh does), which exports MOA_TEST_SLURM=1 and SLURM_CONF.");
        }

        using var sinfo = Process.Start(new ProcessStartInfo("sinfo", "-h -N -o %T") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var state = sinfo.StandardOutput.ReadToEnd().Trim();
        sinfo.WaitForExit();
        state.ShouldBeOneOf(["idle", "mixed", "allocated"], $"the Slurm node is not usable (sinfo: '{state}', exit {sinfo.ExitCode}); see scripts/start-slurm.sh.");
    }

    private static (int Code, string Out, string Err) Run(ProcessStartInfo info, TimeSpan limit)
    {
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"moa curate --executor slurm did not finish in {limit}: {stdout.Result}");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static void AssertSameTree(string expected, string actual)
    {
        var want = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).Order(StringComparer.Ordinal).ToList();
        var got = Directory.EnumerateFiles(actual, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actual, f)).Order(StringComparer.Ordinal).ToList();
        got.ShouldBe(want);
        want.Count.ShouldBeGreaterThan(0);
        foreach (var file in want)
        {
            File.ReadAllBytes(Path.Combine(actual, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(expected, file))).ShouldBeTrue($"{file} differs");
        }
    }
}
