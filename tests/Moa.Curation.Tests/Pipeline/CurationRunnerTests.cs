using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;

namespace Moa.Curation.Tests.Pipeline;

public sealed class CurationRunnerTests
{
    [Fact]
    public void Run_RealReviewsWithPlantedCopies_RemovesCopiesAndPointsToKeptId()
    {
        var dir = TestPaths.NewTempDir();
        var threads = CurationFixture.Threads(60);
        var records = threads.Select((t, i) => ($"t{i}", t)).ToList();
        records.Add(("copy-of-t3", threads[3]));                                  // exact copy
        records.Add(("near-of-t5", threads[5].Replace("\n", " \n", StringComparison.Ordinal) + " 진짜")); // near copy
        var input = Path.Combine(dir, "reviews.jsonl");
        CurationFixture.WriteJsonl(input, records);
        var output = Path.Combine(dir, "out");

        var result = CurationFixture.Run([input], output);

        result.Completed.ShouldBeTrue();
        var kept = CurationFixture.ReadParts(Path.Combine(output, "data"));
        var removed = CurationFixture.ReadParts(Path.Combine(output, "removed"));
        kept.Select(k => k.GetProperty("id").GetString()).ShouldNotContain("copy-of-t3");
        var copy = removed.Single(r => r.GetProperty("id").GetString() == "copy-of-t3");
        copy.GetProperty("reason").GetString().ShouldBe("dedup_exact:duplicate");
        copy.GetProperty("duplicate_of").GetString().ShouldBe("t3");
        kept.Select(k => k.GetProperty("id").GetString()).ShouldContain("t3");
        (kept.Count + removed.Count).ShouldBe(records.Count);
        result.Stats.DocumentsIn.ShouldBe(records.Count);
        result.Stats.DocumentsOut.ShouldBe(kept.Count);
    }

    [Fact]
    public void Run_KeptRecords_CarryProvenanceMeta()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, CurationFixture.Threads(5).Select((t, i) => ($"d{i}", t)));
        var config = new CurationConfig();
        config.Input.Provider = "국립국어원";

        CurationFixture.Run([input], Path.Combine(dir, "out"), config);

        var first = CurationFixture.ReadParts(Path.Combine(dir, "out", "data"))[0];
        var meta = first.GetProperty("meta");
        meta.GetProperty("source").GetString().ShouldBe(input);
        meta.GetProperty("line").GetInt64().ShouldBe(1);
        meta.GetProperty("format").GetString().ShouldBe("jsonl");
        meta.GetProperty("provider").GetString().ShouldBe("국립국어원");
        meta.GetProperty("lang").GetString().ShouldBe("ko");
        meta.TryGetProperty("lang_score", out _).ShouldBeTrue();
    }

    [Fact]
    public void Run_ManifestListsEveryOutputFileWithItsSha256()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, CurationFixture.Threads(30).Select((t, i) => ($"d{i}", t)));
        var output = Path.Combine(dir, "out");
        var config = new CurationConfig();
        config.Output.PartBytes = 8 * 1024; // several parts

        CurationFixture.Run([input], output, config);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        files.Count.ShouldBeGreaterThan(1);
        foreach (var f in files)
        {
            var path = Path.Combine(output, f.GetProperty("path").GetString()!);
            File.Exists(path).ShouldBeTrue(path);
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))).ShouldBe(f.GetProperty("sha256").GetString());
            f.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(path).Length);
        }

        var onDisk = Directory.GetFiles(Path.Combine(output, "data")).Length + Directory.GetFiles(Path.Combine(output, "removed")).Length;
        files.Count.ShouldBe(onDisk);
        manifest.RootElement.GetProperty("config_hash").GetString()!.Length.ShouldBe(64);
        manifest.RootElement.GetProperty("inputs")[0].GetProperty("sha256").GetString()
            .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(input))));
        Directory.Exists(Path.Combine(output, ".work")).ShouldBeFalse();
    }

    [Fact]
    public void Run_StatsJson_CountsStagesLanguagesAndFiles()
    {
        var dir = TestPaths.NewTempDir();
        var a = Path.Combine(dir, "a.jsonl");
        var b = Path.Combine(dir, "b.jsonl");
        CurationFixture.WriteJsonl(a, CurationFixture.Threads(10).Select((t, i) => ($"a{i}", t)));
        CurationFixture.WriteJsonl(b, CurationFixture.Threads(10, skip: 500).Select((t, i) => ($"b{i}", t)).Append(("b-dup", CurationFixture.Threads(1)[0])));
        var output = Path.Combine(dir, "out");

        CurationFixture.Run([a, b], output);

        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "stats.json")));
        var root = stats.RootElement;
        root.GetProperty("documents_in").GetInt64().ShouldBe(21);
        var stages = root.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        stages["read"].GetProperty("documents_in").GetInt64().ShouldBe(21);
        stages["dedup_exact"].GetProperty("documents_in").GetInt64()
            .ShouldBe(stages["dedup_exact"].GetProperty("documents_out").GetInt64() + 1);
        root.GetProperty("reasons").GetProperty("dedup_exact:duplicate").GetInt64().ShouldBe(1);
        root.GetProperty("languages").GetProperty("ko").GetInt64().ShouldBeGreaterThan(0);
        var files = root.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).ShouldBe([a, b]);
        files[1].GetProperty("documents_in").GetInt64().ShouldBe(11);
        files.Sum(f => f.GetProperty("documents_out").GetInt64()).ShouldBe(root.GetProperty("documents_out").GetInt64());
        root.GetProperty("tokens_out").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("timings").GetProperty("total").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Run_StatsTokenizers_CountsEachPerLanguageAndProvider()
    {
        var dir = TestPaths.NewTempDir();
        var a = Path.Combine(dir, "a.jsonl");
        CurationFixture.WriteJsonl(a, CurationFixture.Threads(12).Select((t, i) => ($"a{i}", t)));
        var config = new CurationConfig();
        config.Input.Provider = "nsmc-provider";
        config.Pii.Enabled = false;
        config.Stats.Tokenizers = ["o200k", "cl100k", "pretokens"];
        var output = Path.Combine(dir, "out");

        CurationFixture.Run([a], output, config);

        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "stats.json")));
        var root = stats.RootElement;
        var kept = CurationFixture.ReadParts(Path.Combine(output, "data")).Select(r => r.GetProperty("text").GetString()!).ToList();
        kept.Count.ShouldBeGreaterThan(0);
        var tokens = root.GetProperty("tokens");
        foreach (var name in new[] { "o200k", "cl100k", "pretokens" })
        {
            var expected = kept.Sum(t => (long)Moa.Text.Tokens.TokenCounters.Create(name).Count(t));
            var counts = tokens.GetProperty(name);
            counts.GetProperty("total").GetInt64().ShouldBe(expected, name);
            counts.GetProperty("by_provider").GetProperty("nsmc-provider").GetInt64().ShouldBe(expected, name);
            counts.GetProperty("by_language").EnumerateObject().Sum(p => p.Value.GetInt64()).ShouldBe(expected, name);
        }

        root.GetProperty("token_counter").GetString().ShouldBe("o200k");
        root.GetProperty("tokens_out").GetInt64().ShouldBe(tokens.GetProperty("o200k").GetProperty("total").GetInt64());
    }

    [Fact]
    public void Run_AnyWorkerCount_GivesByteIdenticalData()
    {
        var dir = TestPaths.NewTempDir();
        var inputs = new List<string>();
        for (var f = 0; f < 5; f++)
        {
            var path = Path.Combine(dir, $"in{f}.jsonl");
            var threads = CurationFixture.Threads(40, reviewsPerDoc: 8, skip: f * 200);
            // Copies across files so dedup winners matter.
            threads.AddRange(CurationFixture.Threads(5, reviewsPerDoc: 8, skip: ((f + 1) % 5) * 200));
            CurationFixture.WriteJsonl(path, threads.Select((t, i) => ($"f{f}-{i}", t)), gzip: f % 2 == 1);
            inputs.Add(path);
        }

        var config = new CurationConfig();
        config.Output.PartBytes = 16 * 1024;
        config.Output.BatchDocuments = 7;
        var one = CurationFixture.Run(inputs, Path.Combine(dir, "w1"), config, workers: 1);
        CurationFixture.Run(inputs, Path.Combine(dir, "w2"), config, workers: 2);
        CurationFixture.Run(inputs, Path.Combine(dir, "w7"), config, workers: 7);

        one.Stats.Reasons.GetValueOrDefault("dedup_exact:duplicate").ShouldBeGreaterThan(0);
        var reference = CurationFixture.DataBytes(Path.Combine(dir, "w1"));
        reference.Length.ShouldBeGreaterThan(1000);
        CurationFixture.DataBytes(Path.Combine(dir, "w2")).ShouldBe(reference);
        CurationFixture.DataBytes(Path.Combine(dir, "w7")).ShouldBe(reference);
    }

    [Fact]
    public void Run_RanksThenMerge_EqualsSingleRun()
    {
        var dir = TestPaths.NewTempDir();
        var inputs = new List<string>();
        for (var f = 0; f < 4; f++)
        {
            var path = Path.Combine(dir, $"in{f}.jsonl");
            var threads = CurationFixture.Threads(20, reviewsPerDoc: 8, skip: f * 100);
            threads.Add(CurationFixture.Threads(1, reviewsPerDoc: 8, skip: ((f + 1) % 4) * 100)[0]); // copy in another rank's slice
            CurationFixture.WriteJsonl(path, threads.Select((t, i) => ($"f{f}-{i}", t)));
            inputs.Add(path);
        }

        CurationFixture.Run(inputs, Path.Combine(dir, "single"));
        var runner = new CurationRunner();
        var sliced = Path.Combine(dir, "sliced");
        var r0 = runner.Run(new CurationRequest { Inputs = inputs, OutputDir = sliced, Rank = 0, WorldSize = 2 });
        var r1 = runner.Run(new CurationRequest { Inputs = inputs, OutputDir = sliced, Rank = 1, WorldSize = 2 });
        r0.Completed.ShouldBeFalse();
        r1.PendingShards.ShouldBe(0);
        File.Exists(Path.Combine(sliced, "manifest.json")).ShouldBeFalse();
        var merged = runner.Run(new CurationRequest { Inputs = inputs, OutputDir = sliced });

        merged.Completed.ShouldBeTrue();
        merged.Stats.Reasons["dedup_exact:duplicate"].ShouldBe(4);
        CurationFixture.DataBytes(sliced).ShouldBe(CurationFixture.DataBytes(Path.Combine(dir, "single")));
    }

    [Fact]
    public void Run_BadLinesAndFiles_AreCountedWithFileAndLineAndTheRunGoesOn()
    {
        var dir = TestPaths.NewTempDir();
        var good = CurationFixture.Threads(6);
        var bad = Path.Combine(dir, "bad.jsonl");
        using (var w = new FileStream(bad, FileMode.Create))
        {
            void Line(string s) => w.Write(Encoding.UTF8.GetBytes(s + "\n"));
            Line(JsonSerializer.Serialize(new { id = "ok1", text = good[0] }));
            Line("{\"id\": \"broken\", \"text\": ");                                  // line 2: malformed
            Line(JsonSerializer.Serialize(new { id = "notext", body = good[1] }));   // line 3: missing field
            w.Write([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A]); // line 4: invalid UTF-8
            Line(JsonSerializer.Serialize(new { id = "ok2", text = good[2] }));
        }

        var empty = Path.Combine(dir, "empty.jsonl");
        File.WriteAllBytes(empty, []);
        var truncated = Path.Combine(dir, "cut.jsonl.gz");
        CurationFixture.WriteJsonl(truncated + ".full", CurationFixture.Threads(40).Select((t, i) => ($"g{i}", t)), gzip: true);
        var full = File.ReadAllBytes(truncated + ".full");
        File.WriteAllBytes(truncated, full[..(full.Length * 2 / 3)]);
        File.Delete(truncated + ".full");
        var output = Path.Combine(dir, "out");

        var result = CurationFixture.Run([bad, empty, truncated], output);

        var kept = CurationFixture.ReadParts(Path.Combine(output, "data")).Select(r => r.GetProperty("id").GetString()).ToList();
        kept.ShouldContain("ok1");
        kept.ShouldContain("ok2");
        kept.Count(k => k!.StartsWith('g')).ShouldBeGreaterThan(0);
        var issues = result.Stats.Issues.First;
        issues.ShouldContain(i => i.File == bad && i.Line == 2 && i.Code == "malformed-json");
        issues.ShouldContain(i => i.File == bad && i.Line == 3 && i.Code == "missing-field");
        issues.ShouldContain(i => i.File == bad && i.Line == 4 && i.Code == "invalid-utf8");
        issues.ShouldContain(i => i.File == empty && i.Code == "empty-file");
        issues.ShouldContain(i => i.File == truncated && i.Code == "truncated-gzip");
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "stats.json")));
        stats.RootElement.GetProperty("issues").GetProperty("count").GetInt64().ShouldBe(result.Stats.Issues.Count);
    }

    [Fact]
    public void Run_FailFast_StopsAtFirstProblemNamingFileAndLine()
    {
        var dir = TestPaths.NewTempDir();
        var bad = Path.Combine(dir, "bad.jsonl");
        File.WriteAllText(bad, JsonSerializer.Serialize(new { id = "a", text = CurationFixture.Threads(1)[0] }) + "\n{oops\n");

        var ex = Should.Throw<MoaException>(() => CurationFixture.Run([bad], Path.Combine(dir, "out"), failFast: true));

        ex.Message.ShouldContain($"{bad}:2");
        File.Exists(Path.Combine(dir, "out", "manifest.json")).ShouldBeFalse();
    }

    [Fact]
    public void Run_FolderWithNothingReadable_IsAClearError()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        File.WriteAllBytes(Path.Combine(input, "image.bin"), [0, 1, 2, 3]);

        var ex = Should.Throw<MoaException>(() => CurationFixture.Run([input], Path.Combine(dir, "out")));

        ex.Message.ShouldContain("nothing Moa can read");
        ex.Message.ShouldContain(input);
    }

    [Fact]
    public void Run_MissingInput_IsAClearError()
    {
        var dir = TestPaths.NewTempDir();
        var ex = Should.Throw<MoaException>(() => CurationFixture.Run([Path.Combine(dir, "nope.jsonl")], Path.Combine(dir, "out")));
        ex.Message.ShouldContain("no such file or folder");
    }

    [Fact]
    public void Run_OutputUnderAFile_IsAClearErrorNotACrash()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("a", CurationFixture.Threads(1)[0])]);
        var blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "x");

        var ex = Should.Throw<MoaException>(() => CurationFixture.Run([input], Path.Combine(blocker, "out")));

        ex.Message.ShouldContain("cannot write");
    }

    [Fact]
    public void Run_FinishedOutput_IsNotOverwrittenWithoutAsking()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, CurationFixture.Threads(3).Select((t, i) => ($"d{i}", t)));
        var output = Path.Combine(dir, "out");
        CurationFixture.Run([input], output);
        var before = CurationFixture.DataBytes(output);

        Should.Throw<MoaException>(() => CurationFixture.Run([input], output)).Message.ShouldContain("--overwrite");
        CurationFixture.DataBytes(output).ShouldBe(before);
        new CurationRunner().Run(new CurationRequest { Inputs = [input], OutputDir = output, Overwrite = true }).Completed.ShouldBeTrue();
    }

    [Fact]
    public void Run_UnfinishedRunWithOtherConfig_RefusesToMix()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, CurationFixture.Threads(4).Select((t, i) => ($"d{i}", t)));
        var output = Path.Combine(dir, "out");
        new CurationRunner().Run(new CurationRequest { Inputs = [input], OutputDir = output, Rank = 0, WorldSize = 2 });
        var other = new CurationConfig();
        other.Language.MinScore = 0.9;

        var ex = Should.Throw<MoaException>(() => new CurationRunner().Run(new CurationRequest { Inputs = [input], OutputDir = output, Config = other }));

        ex.Message.ShouldContain("different config");
    }

    [Fact]
    public void Run_EmptyAfterNormalisation_IsRemovedWithReason()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("blank", "   \t \n  "), ("real", CurationFixture.Threads(1)[0])]);

        var result = CurationFixture.Run([input], Path.Combine(dir, "out"));

        result.Stats.Reasons["normalize:empty"].ShouldBe(1);
        var removed = CurationFixture.ReadParts(Path.Combine(dir, "out", "removed"));
        removed.ShouldContain(r => r.GetProperty("id").GetString() == "blank" && r.GetProperty("reason").GetString() == "normalize:empty");
    }
}
