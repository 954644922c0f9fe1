using Moa.Evaluation.Independence;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// Fingerprints for the hub's independence audit, built as <c>moa eval audit fingerprint</c> builds them for small
/// tensors (values kept): an open checkpoint, a fine-tune of it (values plus 10 % noise) and an independent model.
/// </summary>
internal static class AuditFingerprints
{
    private static readonly string[] s_names = ["embed_tokens.weight", "layers.0.q_proj.weight", "layers.0.up_proj.weight", "layers.1.q_proj.weight", "layers.1.up_proj.weight"];

    /// <summary>A checkpoint of five 16x16 matrices drawn from <paramref name="seed"/>; with <paramref name="noise"/> a fine-tune of it.</summary>
    public static string Json(string name, int seed, double noise = 0, int noiseSeed = 99)
    {
        var rng = new Random(seed);
        var jitter = new Random(noiseSeed);
        var tensors = s_names.Select(n => new TensorFingerprint(n, "F32", [16, 16], 1,
            [.. Enumerable.Range(0, 256).Select(_ => (float)((((rng.NextDouble() * 2) - 1) * 0.05) + (noise * 0.05 * ((jitter.NextDouble() * 2) - 1))))])).ToList();
        return new CheckpointFingerprint(CheckpointFingerprint.CurrentFormat, name, CheckpointFingerprint.DefaultSketchSize, CheckpointFingerprint.DefaultSeed, tensors, null).ToJson();
    }
}
