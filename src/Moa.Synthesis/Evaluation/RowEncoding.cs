using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Moa.Synthesis.Data;

namespace Moa.Synthesis.Evaluation;

/// <summary>
/// Rows as fixed-width float vectors for distance search (a Gower distance): numeric and date-time values scaled to
/// [0, 1] by the real table's range (missing = -1, so it is one full unit from any value), categories as codes.
/// Numeric features come first, then categorical ones, each block padded to the SIMD width.
/// </summary>
internal sealed class RowEncoding
{
    private readonly string[] _numeric;
    private readonly string[] _categorical;
    private readonly (double Min, double Scale)[] _ranges;
    private readonly Dictionary<string, float>[] _codes;

    public RowEncoding(ColumnTable reference, IReadOnlyList<string> columns)
    {
        _numeric = [.. columns.Where(c => reference[c].Kind != ColumnKind.Categorical)];
        _categorical = [.. columns.Where(c => reference[c].Kind == ColumnKind.Categorical)];
        _ranges = [.. _numeric.Select(c =>
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var v in reference[c].Numbers!)
            {
                if (!double.IsNaN(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }

            return double.IsInfinity(min) ? (0.0, 1.0) : (min, max > min ? 1 / (max - min) : 1.0);
        })];
        _codes = [.. _categorical.Select(_ => new Dictionary<string, float>(StringComparer.Ordinal))];
        var w = Vector<float>.Count;
        NumericWidth = (_numeric.Length + w - 1) / w * w;
        Stride = NumericWidth + ((_categorical.Length + w - 1) / w * w);
    }

    public int Columns => _numeric.Length + _categorical.Length;

    /// <summary>Floats of the numeric block (a multiple of the SIMD width).</summary>
    public int NumericWidth { get; }

    /// <summary>Floats per row.</summary>
    public int Stride { get; }

    /// <summary>Encodes the rows of <paramref name="table"/> (or only <paramref name="rows"/>), row-major.</summary>
    public float[] Encode(ColumnTable table, IReadOnlyList<int>? rows = null)
    {
        var count = rows?.Count ?? table.RowCount;
        var data = new float[(long)count * Stride];
        for (var j = 0; j < _numeric.Length; j++)
        {
            var values = table[_numeric[j]].Numbers ?? throw new MoaException($"column '{_numeric[j]}' is numeric in the real table but not in the compared one.");
            var (min, scale) = _ranges[j];
            for (var i = 0; i < count; i++)
            {
                var v = values[rows?[i] ?? i];
                data[((long)i * Stride) + j] = double.IsNaN(v) ? -1f : (float)Math.Clamp((v - min) * scale, 0, 1);
            }
        }

        for (var j = 0; j < _categorical.Length; j++)
        {
            var values = table[_categorical[j]].Values ?? throw new MoaException($"column '{_categorical[j]}' is categorical in the real table but not in the compared one.");
            var codes = _codes[j];
            lock (codes)
            {
                for (var i = 0; i < count; i++)
                {
                    var v = values[rows?[i] ?? i];
                    float code;
                    if (v is null)
                    {
                        code = -1f;
                    }
                    else if (!codes.TryGetValue(v, out code))
                    {
                        code = codes.Count + 1;
                        codes[v] = code;
                    }

                    data[((long)i * Stride) + NumericWidth + j] = code;
                }
            }
        }

        return data;
    }

    /// <summary>A 64-bit hash of each encoded row (equal rows, equal hashes).</summary>
    public ulong[] Hashes(float[] data)
    {
        var count = data.Length / Stride;
        var hashes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(data.AsSpan(i * Stride, Stride)));
        }

        return hashes;
    }

    /// <summary>Sum of per-feature distances (numeric: |a-b| capped at 1; categorical: 0 or 1) of two encoded rows.</summary>
    public float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        Distance(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), float.PositiveInfinity);

    /// <summary>The distance, or any value at least <paramref name="bound"/> once the numeric block alone reaches it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Distance(ref float a, ref float b, float bound)
    {
        var w = (nuint)Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var one = Vector<float>.One;
        var numeric = (nuint)NumericWidth;
        var stride = (nuint)Stride;
        nuint i = 0;
        for (; i < numeric; i += w)
        {
            acc += Vector.Min(Vector.Abs(Vector.LoadUnsafe(ref a, i) - Vector.LoadUnsafe(ref b, i)), one);
        }

        var sum = Vector.Sum(acc);
        if (sum >= bound)
        {
            return sum;
        }

        var equal = Vector<int>.Zero;
        for (; i < stride; i += w)
        {
            equal += Vector.Equals(Vector.LoadUnsafe(ref a, i), Vector.LoadUnsafe(ref b, i));
        }

        // Vector.Equals gives -1 per equal lane; padding lanes are always equal.
        return sum + (int)(stride - numeric) + Vector.Sum(equal);
    }

    /// <summary>
    /// For each query row, the distance to its closest reference row (divided by the column count: 0..1) and that row's
    /// index; <paramref name="skipSame"/> skips reference row i for query row i (a table against itself).
    /// </summary>
    public (float[] Distance, int[] Index) Nearest(float[] queries, float[] reference, bool skipSame = false)
    {
        var q = queries.Length / Stride;
        var r = reference.Length / Stride;
        var best = new float[q];
        var index = new int[q];
        Array.Fill(best, float.PositiveInfinity);
        Array.Fill(index, -1);
        const int queryBlock = 32;
        const int referenceBlock = 2048;
        Parallel.For(0, (q + queryBlock - 1) / queryBlock, qb =>
        {
            var q0 = qb * queryBlock;
            var q1 = Math.Min(q, q0 + queryBlock);
            for (var r0 = 0; r0 < r; r0 += referenceBlock)
            {
                var r1 = Math.Min(r, r0 + referenceBlock);
                for (var qi = q0; qi < q1; qi++)
                {
                    ref var a = ref queries[qi * Stride];
                    var bestD = best[qi];
                    var bestI = index[qi];
                    for (var ri = r0; ri < r1; ri++)
                    {
                        if (skipSame && ri == qi)
                        {
                            continue;
                        }

                        var dist = Distance(ref a, ref reference[ri * Stride], bestD);
                        if (dist < bestD)
                        {
                            (bestD, bestI) = (dist, ri);
                        }
                    }

                    (best[qi], index[qi]) = (bestD, bestI);
                }
            }
        });

        var cols = Math.Max(1, Columns);
        for (var i = 0; i < q; i++)
        {
            best[i] /= cols;
        }

        return (best, index);
    }
}
