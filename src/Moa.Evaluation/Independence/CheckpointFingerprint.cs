using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moa.Evaluation.Independence;

/// <summary>
/// A tensor reduced to what the audit compares: name, dtype, shape, L2 norm and a sketch. Tensors of at most
/// <see cref="CheckpointFingerprint.SketchSize"/> elements keep their values (exact cosine); larger ones a fixed random
/// projection (a count sketch: element i adds ±x_i to bucket h(i), with h and the sign from a fixed seed), whose cosine
/// estimates the tensors' cosine within about 1/sqrt(size). Non-float tensors have no sketch.
/// </summary>
public sealed record TensorFingerprint(string Name, string DType, IReadOnlyList<long> Shape, double Norm, float[]? Sketch)
{
    /// <summary>The shape as written in reports, e.g. <c>4096x4096</c>.</summary>
    [JsonIgnore]
    public string ShapeText => Shape.Count == 0 ? "scalar" : string.Join('x', Shape);

    /// <summary>Whether the tensor is a matrix or higher (embeddings, projections): the tensors the verdict counts.</summary>
    [JsonIgnore]
    public bool IsMatrix => Shape.Count >= 2;
}

/// <summary>A tokenizer reduced to its vocabulary (tokens in id order, with their ids) and its merges (BPE), if any.</summary>
public sealed record TokenizerFingerprint(string Kind, IReadOnlyList<string> Vocabulary, IReadOnlyList<long> Ids, IReadOnlyList<string> Merges);

/// <summary>
/// What the independence audit keeps of a checkpoint (a released model, or a known open checkpoint in the operator's
/// registry): its tensors' fingerprints and its tokenizer. Small (kilobytes per tensor), so the registry holds
/// fingerprints, not weights.
/// </summary>
public sealed record CheckpointFingerprint(string Format, string Name, int SketchSize, ulong Seed, IReadOnlyList<TensorFingerprint> Tensors, TokenizerFingerprint? Tokenizer)
{
    /// <summary>The format tag written into every fingerprint.</summary>
    public const string CurrentFormat = "moa-independence-fingerprint/1";

    /// <summary>Sketch length: values kept per tensor (a power of two).</summary>
    public const int DefaultSketchSize = 1024;

    /// <summary>The fixed seed of the random projection; fingerprints compare only under the same seed and size.</summary>
    public const ulong DefaultSeed = 0x4D6F61_2026_1D5EUL;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The fingerprint as JSON (the file <c>moa eval audit fingerprint</c> writes).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Reads a fingerprint written by <see cref="ToJson"/>.</summary>
    /// <exception cref="MoaException">Not a fingerprint, or another format (message names the source).</exception>
    public static CheckpointFingerprint Parse(string json, string source)
    {
        CheckpointFingerprint? f;
        try
        {
            f = JsonSerializer.Deserialize<CheckpointFingerprint>(json, s_json);
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{source}: not a fingerprint written by 'moa eval audit fingerprint' ({ex.Message.Split(" Path:")[0]}).");
        }

        if (f is null || f.Format != CurrentFormat || f.Tensors is null || string.IsNullOrWhiteSpace(f.Name))
        {
            throw new MoaException($"{source}: not a fingerprint of format {CurrentFormat} (written by 'moa eval audit fingerprint').");
        }

        return f;
    }

    /// <summary>Reads a fingerprint file.</summary>
    public static CheckpointFingerprint Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw new MoaException($"{path}: fingerprint file not found.");
}
