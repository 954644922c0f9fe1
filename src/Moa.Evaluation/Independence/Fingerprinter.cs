using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Moa.Evaluation.Independence;

/// <summary>Computes <see cref="CheckpointFingerprint"/>s by streaming safetensors files (never loading them whole) and reading tokenizers.</summary>
public static class Fingerprinter
{
    private const int BufferBytes = 1 << 20;

    /// <summary>Fingerprints the tensors of one or more safetensors files (a sharded checkpoint) and, optionally, a tokenizer.</summary>
    /// <exception cref="MoaException">A file is missing, truncated or malformed, or a tensor name repeats across shards.</exception>
    public static CheckpointFingerprint Compute(string name, IReadOnlyList<string> weights, string? tokenizer, int sketchSize = CheckpointFingerprint.DefaultSketchSize, ulong seed = CheckpointFingerprint.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new MoaException("no weights given; pass the model's .safetensors file(s).");
        }

        if (sketchSize < 16 || (sketchSize & (sketchSize - 1)) != 0)
        {
            throw new MoaException($"the sketch size must be a power of two >= 16, got {sketchSize}.");
        }

        var tensors = new List<TensorFingerprint>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new byte[BufferBytes];
        foreach (var path in weights)
        {
            var layout = SafetensorsFile.ReadHeader(path);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            foreach (var t in layout)
            {
                if (!names.Add(t.Name))
                {
                    throw new MoaException($"{path}: tensor '{t.Name}' appears in more than one file of the checkpoint.");
                }

                tensors.Add(t.IsFloat ? Sketch(path, file, t, buffer, sketchSize, seed) : new TensorFingerprint(t.Name, t.DType, t.Shape, double.NaN, null));
            }
        }

        tensors.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new CheckpointFingerprint(CheckpointFingerprint.CurrentFormat, name, sketchSize, seed, tensors, tokenizer is null ? null : ReadTokenizer(tokenizer));
    }

    private static TensorFingerprint Sketch(string path, FileStream file, SafetensorsTensor t, byte[] buffer, int size, ulong seed)
    {
        var sketch = new double[Math.Min(size, (int)Math.Min(size, t.Elements))];
        var exact = t.Elements <= size;
        var mask = (ulong)(size - 1);
        double squares = 0;
        SafetensorsFile.Stream(path, file, t, buffer, (first, values) =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                double x = values[i];
                if (!double.IsFinite(x))
                {
                    continue;
                }

                squares += x * x;
                if (exact)
                {
                    sketch[first + i] = x;
                }
                else
                {
                    var h = Mix((ulong)(first + i) ^ seed);
                    sketch[(int)(h & mask)] += (h >> 63) == 0 ? x : -x;
                }
            }
        });
        return new TensorFingerprint(t.Name, t.DType, t.Shape, Math.Sqrt(squares), [.. sketch.Select(x => (float)x)]);
    }

    /// <summary>SplitMix64's finaliser: a fixed, well-mixed hash of the element index.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Reads a tokenizer's vocabulary and merges: a Hugging Face <c>tokenizer.json</c> (BPE, WordPiece, WordLevel, Unigram;
    /// added tokens included) or a SentencePiece <c>.model</c> (through Microsoft.ML.Tokenizers).
    /// </summary>
    /// <exception cref="MoaException">The file is missing or not a tokenizer the audit reads.</exception>
    public static TokenizerFingerprint ReadTokenizer(string path)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: tokenizer file not found; give tokenizer.json or a SentencePiece .model.");
        }

        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadTokenizerJson(path) : ReadSentencePiece(path);
    }

    private static TokenizerFingerprint ReadSentencePiece(string path)
    {
        SentencePieceTokenizer sp;
        try
        {
            using var stream = File.OpenRead(path);
            sp = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new MoaException($"{path}: not a SentencePiece model ({ex.Message}).");
        }

        var pieces = sp.Vocabulary.OrderBy(p => p.Value).ToList();
        return new TokenizerFingerprint("sentencepiece", [.. pieces.Select(p => p.Key)], [.. pieces.Select(p => (long)p.Value)], []);
    }

    private static TokenizerFingerprint ReadTokenizerJson(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{path}: line {(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message.Split(" Path:")[0]}).");
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object || !model.TryGetProperty("vocab", out var vocab))
            {
                throw new MoaException($"{path}: field model.vocab is missing; is this a Hugging Face tokenizer.json?");
            }

            var kind = model.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "BPE";
            var byId = new SortedDictionary<long, string>();
            if (vocab.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in vocab.EnumerateObject())
                {
                    byId[p.Value.TryGetInt64(out var id) ? id : throw new MoaException($"{path}: model.vocab['{p.Name}'] is not an integer id.")] = p.Name;
                }
            }
            else if (vocab.ValueKind == JsonValueKind.Array)
            {
                var i = 0L;
                foreach (var e in vocab.EnumerateArray())
                {
                    byId[i++] = e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.String ? e[0].GetString()!
                        : throw new MoaException($"{path}: model.vocab[{i - 1}] is not a [token, score] pair.");
                }
            }
            else
            {
                throw new MoaException($"{path}: model.vocab is neither an object of token ids nor an array of [token, score].");
            }

            if (doc.RootElement.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
            {
                foreach (var a in added.EnumerateArray())
                {
                    if (a.TryGetProperty("id", out var id) && id.TryGetInt64(out var n) && a.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String)
                    {
                        byId[n] = c.GetString()!;
                    }
                }
            }

            var merges = new List<string>();
            if (model.TryGetProperty("merges", out var m) && m.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in m.EnumerateArray())
                {
                    merges.Add(e.ValueKind switch
                    {
                        JsonValueKind.String => e.GetString()!,
                        JsonValueKind.Array when e.GetArrayLength() == 2 => e[0].GetString() + " " + e[1].GetString(),
                        _ => throw new MoaException($"{path}: model.merges[{merges.Count}] is neither \"a b\" nor [a, b]."),
                    });
                }
            }

            return new TokenizerFingerprint(kind, [.. byId.Values], [.. byId.Keys], merges);
        }
    }
}
