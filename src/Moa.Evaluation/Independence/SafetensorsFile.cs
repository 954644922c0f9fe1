using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace Moa.Evaluation.Independence;

/// <summary>A tensor's entry in a safetensors header: name, dtype, shape and where its bytes lie in the file.</summary>
/// <param name="Name">Tensor name, e.g. <c>model.layers.0.self_attn.q_proj.weight</c>.</param>
/// <param name="DType">Element type as written (F32, F16, BF16, I64, ...).</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Start">Absolute byte offset of the first element in the file.</param>
/// <param name="Length">Byte length of the data.</param>
public sealed record SafetensorsTensor(string Name, string DType, IReadOnlyList<long> Shape, long Start, long Length)
{
    /// <summary>Number of elements (product of the shape; 1 for a scalar).</summary>
    public long Elements => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Whether the similarity can be computed from this dtype (F32, F16, BF16).</summary>
    public bool IsFloat => SafetensorsFile.ElementSize(DType) is not null;
}

/// <summary>
/// Reads the layout of a safetensors file without loading it: 8-byte little-endian header length, a JSON header
/// (name → dtype, shape, data_offsets relative to the data section), then the raw little-endian data. Every offset is
/// checked against the file size, so a truncated or corrupt file fails with the file name and the byte offset.
/// </summary>
public static class SafetensorsFile
{
    /// <summary>The largest header accepted (100 MB, as the reference implementation).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>Bytes per element of the float dtypes read for similarity; null for other dtypes.</summary>
    public static int? ElementSize(string dtype) => dtype switch
    {
        "F32" => 4,
        "F16" or "BF16" => 2,
        _ => null,
    };

    private static int? AnySize(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E4M3" or "F8_E5M2" => 1,
        _ => null,
    };

    /// <summary>The tensors of <paramref name="path"/> in data order.</summary>
    /// <exception cref="MoaException">The file is missing, truncated or its header is malformed (message names file and byte offset).</exception>
    public static IReadOnlyList<SafetensorsTensor> ReadHeader(string path)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found; give a .safetensors file.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var size = stream.Length;
        Span<byte> prefix = stackalloc byte[8];
        if (size < 8 || stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8)
        {
            throw Error(path, 0, $"the file has {size} bytes; a safetensors file starts with an 8-byte header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength < 2 || headerLength > MaxHeaderBytes)
        {
            throw Error(path, 0, $"header length {headerLength} is not between 2 and {MaxHeaderBytes:N0} bytes; is this a safetensors file?");
        }

        if ((long)headerLength > size - 8)
        {
            throw Error(path, 8, $"the header is {headerLength:N0} bytes but only {size - 8:N0} follow; the file is truncated");
        }

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var dataStart = 8 + (long)headerLength;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header);
        }
        catch (JsonException ex)
        {
            throw Error(path, 8 + (ex.BytePositionInLine ?? 0), $"the header is not valid JSON ({ex.Message.Split(" Path:")[0]})");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, 8, "the header is not a JSON object of tensors");
            }

            var tensors = new List<SafetensorsTensor>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name == "__metadata__")
                {
                    continue;
                }

                tensors.Add(Tensor(path, p, dataStart, size));
            }

            tensors.Sort((a, b) => a.Start.CompareTo(b.Start));
            for (var i = 1; i < tensors.Count; i++)
            {
                if (tensors[i].Start < tensors[i - 1].Start + tensors[i - 1].Length)
                {
                    throw Error(path, tensors[i].Start, $"tensor '{tensors[i].Name}' overlaps '{tensors[i - 1].Name}'");
                }
            }

            return tensors;
        }
    }

    private static SafetensorsTensor Tensor(string path, JsonProperty p, long dataStart, long size)
    {
        var e = p.Value;
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("dtype", out var dt) || dt.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("shape", out var sh) || sh.ValueKind != JsonValueKind.Array
            || !e.TryGetProperty("data_offsets", out var off) || off.ValueKind != JsonValueKind.Array || off.GetArrayLength() != 2)
        {
            throw Error(path, 8, $"header entry '{p.Name}' needs dtype, shape and data_offsets [begin, end]");
        }

        var dtype = dt.GetString()!;
        var shape = new List<long>();
        foreach (var d in sh.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out var n) || n < 0)
            {
                throw Error(path, 8, $"tensor '{p.Name}': shape holds '{d.GetRawText()}', not a dimension >= 0");
            }

            shape.Add(n);
        }

        if (!off[0].TryGetInt64(out var begin) || !off[1].TryGetInt64(out var end) || begin < 0 || end < begin)
        {
            throw Error(path, 8, $"tensor '{p.Name}': data_offsets {off.GetRawText()} are not 0 <= begin <= end");
        }

        var tensor = new SafetensorsTensor(p.Name, dtype, shape, dataStart + begin, end - begin);
        if (AnySize(dtype) is { } bytes && tensor.Elements * bytes != tensor.Length)
        {
            throw Error(path, tensor.Start, string.Create(CultureInfo.InvariantCulture, $"tensor '{p.Name}': {dtype} {string.Join('x', shape)} needs {tensor.Elements * bytes:N0} bytes, data_offsets give {tensor.Length:N0}"));
        }

        if (tensor.Start + tensor.Length > size)
        {
            throw Error(path, tensor.Start + tensor.Length, $"tensor '{p.Name}' ends at byte {tensor.Start + tensor.Length:N0}, beyond the end of the file ({size:N0} bytes); the file is truncated");
        }

        return tensor;
    }

    /// <summary>Streams a float tensor's values (converted to <see cref="float"/>) in chunks to <paramref name="sink"/>, with each chunk's first element index.</summary>
    /// <exception cref="MoaException">The file ended early.</exception>
    public static void Stream(string path, FileStream file, SafetensorsTensor tensor, byte[] buffer, Action<long, ReadOnlySpan<float>> sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(sink);
        var size = ElementSize(tensor.DType) ?? throw new ArgumentException($"{tensor.DType} is not a float dtype.", nameof(tensor));
        var chunkElements = buffer.Length / size;
        var floats = new float[chunkElements];
        file.Position = tensor.Start;
        long done = 0;
        var total = tensor.Elements;
        while (done < total)
        {
            var n = (int)Math.Min(chunkElements, total - done);
            var bytes = buffer.AsSpan(0, n * size);
            if (file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
            {
                throw Error(path, file.Position, $"tensor '{tensor.Name}' is cut short; the file is truncated");
            }

            var values = floats.AsSpan(0, n);
            switch (tensor.DType)
            {
                case "F32":
                    for (var i = 0; i < n; i++)
                    {
                        values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                    }

                    break;
                case "F16":
                    for (var i = 0; i < n; i++)
                    {
                        values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]);
                    }

                    break;
                default:
                    for (var i = 0; i < n; i++)
                    {
                        values[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) << 16);
                    }

                    break;
            }

            sink(done, values);
            done += n;
        }
    }

    private static MoaException Error(string path, long offset, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}: byte offset {offset}: {what}."));
}
