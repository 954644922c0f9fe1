using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Moa.Cli.Tests;

/// <summary>
/// <c>moa eval audit fingerprint</c> and <c>check</c> as a user runs them, on small generated safetensors checkpoints:
/// a base model, a fine-tune of it (small noise) and an independently initialised model.
/// </summary>
public sealed class AuditCommandTests
{
    private const int Hidden = 32;

    /// <summary>A small transformer-shaped checkpoint; <paramref name="noise"/> (relative) is added to a copy of <paramref name="baseSeed"/>'s values.</summary>
    private static List<(string Name, long[] Shape, float[] Values)> Model(int baseSeed, int noiseSeed = 0, double noise = 0)
    {
        var rng = new Random(baseSeed);
        var jitter = new Random(noiseSeed);
        float[] Values(int n, double std) => [.. Enumerable.Range(0, n).Select(_ => (float)(std * ((rng.NextDouble() * 2) - 1) * (1 + (noise * ((jitter.NextDouble() * 2) - 1)))))];
        var tensors = new List<(string, long[], float[])> { ("model.embed_tokens.weight", [128, Hidden], Values(128 * Hidden, 0.02)) };
        for (var l = 0; l < 3; l++)
        {
            tensors.Add(($"model.layers.{l}.self_attn.q_proj.weight", [Hidden, Hidden], Values(Hidden * Hidden, 0.05)));
            tensors.Add(($"model.layers.{l}.mlp.up_proj.weight", [2 * Hidden, Hidden], Values(2 * Hidden * Hidden, 0.05)));
            tensors.Add(($"model.layers.{l}.input_layernorm.weight", [Hidden], [.. Enumerable.Repeat(1f, Hidden)]));
        }

        return tensors;
    }

    /// <summary>Writes a safetensors file: 8-byte little-endian header length, JSON header, F32 little-endian data.</summary>
    private static string Write(string dir, string file, List<(string Name, long[] Shape, float[] Values)> tensors)
    {
        var header = new Dictionary<string, object>();
        long offset = 0;
        foreach (var (name, shape, values) in tensors)
        {
            header[name] = new { dtype = "F32", shape, data_offsets = new[] { offset, offset + (values.Length * 4) } };
            offset += values.Length * 4;
        }

        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var path = Path.Combine(dir, file);
        using var stream = File.Create(path);
        var buffer = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)json.Length);
        stream.Write(buffer);
        stream.Write(json);
        foreach (var v in tensors.SelectMany(t => t.Values))
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer, v);
            stream.Write(buffer, 0, 4);
        }

        return path;
    }

    [Fact]
    public void Audit_FingerprintThenCheck_DerivedExits3_IndependentExits0()
    {
        var dir = TestPaths.NewTempDir();
        var registry = Path.Combine(dir, "registry");
        Directory.CreateDirectory(registry);
        var baseWeights = Write(dir, "base.safetensors", Model(1));
        var tuned = Write(dir, "tuned.safetensors", Model(1, noiseSeed: 5, noise: 0.2));
        var own = Write(dir, "own.safetensors", Model(2));

        var fingerprint = MoaProcess.Run("eval", "audit", "fingerprint", "open/base@r1", "--weights", baseWeights, "--out", Path.Combine(registry, "base.json"));
        fingerprint.Code.ShouldBe(0, fingerprint.Err);
        fingerprint.Out.ShouldContain("open/base@r1: 10 tensors");
        var derived = MoaProcess.Run("eval", "audit", "check", "--weights", tuned, "--registry", registry, "--json", Path.Combine(dir, "report.json"));
        var independent = MoaProcess.Run("eval", "audit", "check", "--weights", own, "--registry", registry);

        derived.Code.ShouldBe(3, derived.Err);
        derived.Out.ShouldContain("verdict: derived (");
        derived.Out.ShouldContain("with open/base@r1");
        using (var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json"))))
        {
            report.RootElement.GetProperty("verdict").GetString().ShouldBe("derived");
        }

        independent.Code.ShouldBe(0, independent.Err);
        independent.Out.ShouldContain("verdict: independent (no weights or tokenizer match any of 1 registered checkpoint(s))");
    }

    [Fact]
    public void Audit_BadFiles_OneLineErrorNamingFileAndOffset_NoStackTrace()
    {
        var dir = TestPaths.NewTempDir();
        var good = Write(dir, "base.safetensors", Model(1));
        var bytes = File.ReadAllBytes(good);
        var cut = Path.Combine(dir, "cut.safetensors");
        File.WriteAllBytes(cut, bytes[..^100]);
        var notFingerprint = Path.Combine(dir, "bad.json");
        File.WriteAllText(notFingerprint, "{\"format\": \"something-else\"}");

        var truncated = MoaProcess.Run("eval", "audit", "fingerprint", "cut", "--weights", cut, "--out", Path.Combine(dir, "cut.json"));
        var badRegistry = MoaProcess.Run("eval", "audit", "check", "--weights", good, "--registry", notFingerprint);
        var noCandidate = MoaProcess.Run("eval", "audit", "check", "--registry", notFingerprint);

        foreach (var r in new[] { truncated, badRegistry, noCandidate })
        {
            r.Code.ShouldBe(2);
            r.Err.Trim().Split('\n').Length.ShouldBe(1, r.Err);
            r.Err.ShouldNotContain("   at ");
        }

        truncated.Err.ShouldStartWith($"moa: error: {cut}: byte offset ");
        truncated.Err.ShouldContain("the file is truncated.");
        File.Exists(Path.Combine(dir, "cut.json")).ShouldBeFalse();
        badRegistry.Err.ShouldStartWith($"moa: error: {notFingerprint}: not a fingerprint");
        noCandidate.Err.ShouldContain("--weights");
    }
}
