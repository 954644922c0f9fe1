using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Moa.Evaluation.Independence;

namespace Moa.Evaluation.Tests.Independence;

/// <summary>
/// The independence audit on small generated checkpoints: a base model, one derived from it (small noise everywhere,
/// two layers fine-tuned harder, or renamed), and an independent one; damaged files fail naming file and offset.
/// </summary>
public sealed class IndependenceAuditTests
{
    private const int Layers = 4;
    private const int Hidden = 64;

    /// <summary>A small transformer-shaped checkpoint: embeddings, per-layer attention and MLP matrices, norms (all ones) and a bias.</summary>
    private static List<(string Name, long[] Shape, float[] Values)> Model(int seed, string prefix = "model.")
    {
        var rng = new Random(seed);
        float[] Gaussian(int n, double std) => [.. Enumerable.Range(0, n).Select(_ => (float)(std * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())))];
        var tensors = new List<(string, long[], float[])> { ($"{prefix}embed_tokens.weight", [256, Hidden], Gaussian(256 * Hidden, 0.02)) };
        for (var l = 0; l < Layers; l++)
        {
            tensors.Add(($"{prefix}layers.{l}.self_attn.q_proj.weight", [Hidden, Hidden], Gaussian(Hidden * Hidden, 0.05)));
            tensors.Add(($"{prefix}layers.{l}.mlp.up_proj.weight", [2 * Hidden, Hidden], Gaussian(2 * Hidden * Hidden, 0.05)));
            tensors.Add(($"{prefix}layers.{l}.input_layernorm.weight", [Hidden], [.. Enumerable.Repeat(1f, Hidden)]));
        }

        tensors.Add(($"{prefix}lm_head.bias", [16], Gaussian(16, 0.01)));
        return tensors;
    }

    /// <summary>The model with Gaussian noise of <paramref name="relative"/> times each value's scale added, harder in <paramref name="tuned"/> layers.</summary>
    private static List<(string Name, long[] Shape, float[] Values)> Perturb(List<(string Name, long[] Shape, float[] Values)> model, int seed, double relative, double tunedRelative, params int[] tuned)
    {
        var rng = new Random(seed);
        return [.. model.Select(t =>
        {
            var r = tuned.Any(l => t.Name.Contains($"layers.{l}.", StringComparison.Ordinal)) ? tunedRelative : relative;
            var rms = Math.Sqrt(t.Values.Average(v => (double)v * v));
            return (t.Name, t.Shape, t.Values.Select(v => (float)(v + r * rms * (rng.NextDouble() * 2 - 1) * Math.Sqrt(3))).ToArray());
        })];
    }

    /// <summary>Writes a safetensors file: 8-byte little-endian header length, JSON header, raw little-endian data.</summary>
    internal static string Write(string dir, string file, List<(string Name, long[] Shape, float[] Values)> tensors, string dtype = "F32")
    {
        var size = dtype == "F32" ? 4 : 2;
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        long offset = 0;
        foreach (var (name, shape, values) in tensors)
        {
            header[name] = new { dtype, shape, data_offsets = new[] { offset, offset + (values.Length * size) } };
            offset += values.Length * size;
        }

        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var path = Path.Combine(dir, file);
        using var stream = File.Create(path);
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)json.Length);
        stream.Write(len);
        stream.Write(json);
        var buffer = new byte[4];
        foreach (var (_, _, values) in tensors)
        {
            foreach (var v in values)
            {
                switch (dtype)
                {
                    case "F32":
                        BinaryPrimitives.WriteSingleLittleEndian(buffer, v);
                        break;
                    case "F16":
                        BinaryPrimitives.WriteHalfLittleEndian(buffer, (Half)v);
                        break;
                    default:
                        BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)(BitConverter.SingleToInt32Bits(v) >> 16));
                        break;
                }

                stream.Write(buffer, 0, size);
            }
        }

        return path;
    }

    private static CheckpointFingerprint Fingerprint(string name, List<(string Name, long[] Shape, float[] Values)> model, string dtype = "F32", string? tokenizer = null, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var dir = TestPaths.NewTempDir(test);
        return Fingerprinter.Compute(name, [Write(dir, name + ".safetensors", model, dtype)], tokenizer);
    }

    [Fact]
    public void Audit_BasePlusNoiseAndTwoTunedLayers_IsDerived_IndependentModelIsNot()
    {
        var @base = Model(1);
        var registry = new[] { Fingerprint("open-base", @base), Fingerprint("other-open", Model(2)) };

        var derived = IndependenceAudit.Run(Fingerprint("team-derived", Perturb(@base, 7, 0.1, 0.8, 0, 2)), registry);
        derived.Verdict.ShouldBe("derived", derived.Reason);
        var vsBase = derived.Comparisons[0];
        vsBase.WeightsDerived.ShouldBeTrue();
        vsBase.MatricesCompared.ShouldBe(1 + (2 * Layers));
        vsBase.MatricesSimilar.ShouldBe(vsBase.MatricesCompared, "noise of 0.1 and even tuning of 0.8 (relative) keep cosine >= 0.5");
        vsBase.MedianCosine.ShouldBeGreaterThan(0.95);
        derived.Comparisons[1].WeightsDerived.ShouldBeFalse("the other open model is not its base");

        var independent = IndependenceAudit.Run(Fingerprint("team-own", Model(3)), registry);
        independent.Verdict.ShouldBe("independent", independent.Reason);
        foreach (var c in independent.Comparisons)
        {
            c.MatricesSimilar.ShouldBe(0);
            c.MaxCosine.ShouldBeLessThan(0.2, "independent initialisations: |cos| near 0 (sketch error about 0.03)");
            c.Tensors.Where(t => t.Name.Contains("layernorm", StringComparison.Ordinal)).ShouldAllBe(t => t.Cosine > 0.99, "norms are all ones in every model, which is why only matrices count");
        }
    }

    [Fact]
    public void Audit_RenamedTensors_ArePairedByShapeAndStillDerived()
    {
        var @base = Model(1);
        var renamed = Perturb(@base, 9, 0.1, 0.1).Select(t => (t.Name.Replace("model.", "transformer.", StringComparison.Ordinal), t.Shape, t.Values)).ToList();
        var report = IndependenceAudit.Run(Fingerprint("renamed", renamed), [Fingerprint("open-base", @base)]);
        report.Verdict.ShouldBe("derived");
        report.Comparisons[0].SharedNames.ShouldBe(0);
        report.Comparisons[0].Tensors.ShouldAllBe(t => !t.ByName);
    }

    [Theory]
    [InlineData("F16")]
    [InlineData("BF16")]
    public void Fingerprint_HalfPrecisionCopy_MatchesTheF32Original(string dtype)
    {
        var @base = Model(1);
        var comparison = IndependenceAudit.Compare(Fingerprint("half", @base, dtype, test: dtype), Fingerprint("f32", @base, test: dtype + "-f32"));
        comparison.Tensors.ShouldAllBe(t => t.Cosine > 0.999, $"{dtype} rounding keeps every tensor's direction");
        comparison.SharedNames.ShouldBe(@base.Count);
    }

    [Fact]
    public void Fingerprint_SmallTensor_KeepsExactValues_BigTensorAFixedProjection()
    {
        var f = Fingerprint("m", Model(1));
        var bias = f.Tensors.Single(t => t.Name == "model.lm_head.bias");
        bias.Sketch!.Take(16).ShouldBe(Model(1).Single(t => t.Name == "model.lm_head.bias").Values);
        f.Tensors.Single(t => t.Name == "model.embed_tokens.weight").Sketch!.Length.ShouldBe(CheckpointFingerprint.DefaultSketchSize);
        CheckpointFingerprint.Parse(f.ToJson(), "round trip").Tensors.Select(t => t.Norm).ShouldBe(f.Tensors.Select(t => t.Norm));
    }

    [Fact]
    public void ReadHeader_TruncatedFile_NamesFileAndOffset()
    {
        var dir = TestPaths.NewTempDir();
        var path = Write(dir, "cut.safetensors", Model(1));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        var ex = Should.Throw<MoaException>(() => Fingerprinter.Compute("cut", [path], null));
        ex.Message.ShouldStartWith($"{path}: byte offset ");
        ex.Message.ShouldContain($"beyond the end of the file ({bytes.Length - 100:N0} bytes); the file is truncated.");

        File.WriteAllBytes(path, bytes[..20]);
        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(path)).Message.ShouldBe($"{path}: byte offset 8: the header is {BinaryPrimitives.ReadUInt64LittleEndian(bytes):N0} bytes but only 12 follow; the file is truncated.");
        File.WriteAllBytes(path, bytes[..5]);
        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(path)).Message.ShouldContain("byte offset 0: the file has 5 bytes");
    }

    [Fact]
    public void ReadHeader_CorruptHeader_IsRefusedWithTheReason()
    {
        var dir = TestPaths.NewTempDir();
        string Raw(string header, int dataBytes = 0, ulong? length = null)
        {
            var json = Encoding.UTF8.GetBytes(header);
            var path = Path.Combine(dir, $"bad{Guid.NewGuid():N}.safetensors");
            var bytes = new byte[8 + json.Length + dataBytes];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, length ?? (ulong)json.Length);
            json.CopyTo(bytes, 8);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(Raw("{\"a\": {\"dtype\": \"F32\"", 0))).Message.ShouldContain("the header is not valid JSON");
        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(Raw("{}", 0, ulong.MaxValue))).Message.ShouldContain("byte offset 0: header length");
        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(Raw("{\"a\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [0, 12]}}", 12))).Message.ShouldContain("tensor 'a': F32 2x2 needs 16 bytes, data_offsets give 12");
        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(Raw("{\"a\": {\"dtype\": \"F32\", \"shape\": [-1], \"data_offsets\": [0, 4]}}", 4))).Message.ShouldContain("not a dimension >= 0");
        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(Raw("{\"a\": {\"shape\": [1], \"data_offsets\": [0, 4]}}", 4))).Message.ShouldContain("header entry 'a' needs dtype, shape and data_offsets");
        Should.Throw<MoaException>(() => SafetensorsFile.ReadHeader(Path.Combine(dir, "missing.safetensors"))).Message.ShouldContain("file not found");
    }

    [Fact]
    public void Tokenizer_CopiedVocabularyWithAddedTokens_IsShared_SentencePieceVocabularyIsNot()
    {
        var reference = Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Text.Tests", "Tokens", "Reference");
        var gpt2 = Fingerprinter.ReadTokenizer(Path.Combine(reference, "gpt2-small-tokenizer.json"));
        gpt2.Vocabulary.Count.ShouldBeGreaterThan(100);
        gpt2.Merges.Count.ShouldBeGreaterThan(0);

        // The same tokenizer with ten Korean tokens appended (a team "extending" an open tokenizer).
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reference, "gpt2-small-tokenizer.json"))).RootElement;
        var vocab = json.GetProperty("model").GetProperty("vocab").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var next = vocab.Values.Max() + 1;
        foreach (var t in new[] { "한국", "국어", "모델", "평가", "독자", "성능", "학습", "데이터", "토큰", "허브" })
        {
            vocab[t] = next++;
        }

        var dir = TestPaths.NewTempDir();
        var extended = Path.Combine(dir, "tokenizer.json");
        File.WriteAllText(extended, JsonSerializer.Serialize(new { model = new { type = "BPE", vocab, merges = json.GetProperty("model").GetProperty("merges") } }));
        var overlap = IndependenceAudit.Overlap(Fingerprinter.ReadTokenizer(extended), gpt2);
        overlap.Jaccard.ShouldBeGreaterThanOrEqualTo(IndependenceAudit.SharedVocabulary);
        overlap.SameIdShare.ShouldBe(1.0);
        overlap.MergeJaccard.ShouldBe(1.0);

        var sentencePiece = Fingerprinter.ReadTokenizer(Path.Combine(reference, "nsmc-unigram.model"));
        sentencePiece.Kind.ShouldBe("sentencepiece");
        sentencePiece.Vocabulary.Count.ShouldBeGreaterThan(1000);
        IndependenceAudit.Overlap(sentencePiece, gpt2).Jaccard.ShouldBeLessThan(0.2);

        var @base = Model(1);
        var registry = new[] { Fingerprint("open-base", @base, tokenizer: Path.Combine(reference, "gpt2-small-tokenizer.json")) };
        var own = IndependenceAudit.Run(Fingerprint("own-weights-open-tokenizer", Model(5), tokenizer: extended), registry);
        own.Verdict.ShouldBe("tokenizer-shared", own.Reason);
    }

    [Fact]
    public void ReadTokenizer_BadFiles_AreRefusedNamingTheFile()
    {
        var dir = TestPaths.NewTempDir();
        var notJson = Path.Combine(dir, "tokenizer.json");
        File.WriteAllText(notJson, "{ \"model\": ");
        Should.Throw<MoaException>(() => Fingerprinter.ReadTokenizer(notJson)).Message.ShouldStartWith($"{notJson}: line 1: not valid JSON");
        File.WriteAllText(notJson, "{ \"version\": \"1.0\" }");
        Should.Throw<MoaException>(() => Fingerprinter.ReadTokenizer(notJson)).Message.ShouldContain("model.vocab is missing");
        var notSp = Path.Combine(dir, "tokenizer.model");
        File.WriteAllBytes(notSp, [1, 2, 3, 4, 5]);
        Should.Throw<MoaException>(() => Fingerprinter.ReadTokenizer(notSp)).Message.ShouldStartWith($"{notSp}: not a SentencePiece model");
        Should.Throw<MoaException>(() => CheckpointFingerprint.Parse("{\"format\": \"x\"}", "f.json")).Message.ShouldStartWith("f.json: not a fingerprint");
    }
}
