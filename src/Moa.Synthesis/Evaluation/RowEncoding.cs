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
        foreach (var name in _numeric)
        {
            _ = table[name].Numbers ?? throw new MoaException($"column '{name}' is numeric in the real table but not in the compared one.");
        }

        foreach (var name in _categorical)
        {
            _ = table[name].Values ?? throw new MoaException($"column '{name}' is categorical in the real table but not in the compared one.");
        }

        // One column per task: each writes its own feature of every row.
        Parallel.For(0, _numeric.Length + _categorical.Length, f =>
        {
            if (f < _numeric.Length)
            {
                var values = table[_numeric[f]].Numbers!;
                var (min, scale) = _ranges[f];
                for (var i = 0; i < count; i++)
                {
                    var v = values[rows?[i] ?? i];
                    data[((long)i * Stride) + f] = double.IsNaN(v) ? -1f : (float)Math.Clamp((v - min) * scale, 0, 1);
                }

                return;
            }

            var j = f - _numeric.Length;
            var cats = table[_categorical[j]].Values!;
            var codes = _codes[j];
            lock (codes)
            {
                for (var i = 0; i < count; i++)
                {
                    var v = cats[rows?[i] ?? i];
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
        });

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

    /// <summary>Reference rows per chunk: one chunk's transposed copy (chunk × features floats) stays in the L2 cache.</summary>
    private const int Chunk = 1024;

    /// <summary>
    /// For each query row, the distance to its closest reference row (divided by the column count: 0..1) and that row's
    /// index (the lowest index among equally close rows); <paramref name="skipSame"/> skips reference row i for query
    /// row i (a table against itself). Exact: every query is compared with every reference row. The reference is cut
    /// into chunks of 1,024 rows, each transposed into lanes (feature-major, one SIMD lane per row), so one vector
    /// instruction computes one feature's term for 8 (AVX2) rows at once with no horizontal sums; category mismatches are
    /// counted first and a group of rows that all exceed the best distance so far on them alone is skipped (exact:
    /// such rows cannot be closest). Chunks run in parallel, each worker keeps its own best per query and the results
    /// are merged by (distance, index). Extra memory: one transposed chunk and one best/index array per worker.
    /// </summary>
    public (float[] Distance, int[] Index) Nearest(float[] queries, float[] reference, bool skipSame = false)
    {
        var q = queries.Length / Stride;
        var r = reference.Length / Stride;
        var best = new float[q];
        var index = new int[q];
        Array.Fill(best, float.PositiveInfinity);
        Array.Fill(index, -1);
        var gate = new object();
        Parallel.For(
            0,
            (r + Chunk - 1) / Chunk,
            () => new Worker(q, Chunk * Math.Max(1, Columns)),
            (c, _, worker) =>
            {
                SearchChunk(queries, reference, c * Chunk, Math.Min(r, (c + 1) * Chunk), skipSame, worker);
                return worker;
            },
            worker =>
            {
                lock (gate)
                {
                    for (var i = 0; i < q; i++)
                    {
                        if (worker.Best[i] < best[i] || (worker.Best[i] == best[i] && (uint)worker.Index[i] < (uint)index[i]))
                        {
                            (best[i], index[i]) = (worker.Best[i], worker.Index[i]);
                        }
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

    private sealed class Worker(int queries, int tileFloats)
    {
        public float[] Best { get; } = Filled(queries, float.PositiveInfinity);

        public int[] Index { get; } = Filled(queries, -1);

        public float[] Tile { get; } = new float[tileFloats];

        private static T[] Filled<T>(int n, T value)
        {
            var a = new T[n];
            Array.Fill(a, value);
            return a;
        }
    }

    /// <summary>Compares every query with reference rows [r0, r1): transposes them into the worker's tile, then scans it per query.</summary>
    private void SearchChunk(float[] queries, float[] reference, int r0, int r1, bool skipSame, Worker worker)
    {
        var w = Vector<float>.Count;
        var numeric = _numeric.Length;
        var categorical = _categorical.Length;
        var features = numeric + categorical;
        var groups = (r1 - r0 + w - 1) / w;
        var tile = worker.Tile;

        // Transpose: tile[(g * features + f) * w + lane] = feature f of row r0 + g * w + lane (padding lanes are masked below).
        for (var row = r0; row < r1; row++)
        {
            var g = (row - r0) / w;
            var lane = (row - r0) % w;
            var src = (long)row * Stride;
            var dst = (g * features * w) + lane;
            for (var f = 0; f < numeric; f++)
            {
                tile[dst + (f * w)] = reference[src + f];
            }

            for (var f = 0; f < categorical; f++)
            {
                tile[dst + ((numeric + f) * w)] = reference[src + NumericWidth + f];
            }
        }

        var one = Vector<float>.One;
        var infinity = new Vector<float>(float.PositiveInfinity);
        var mismatchesIfNoneEqual = new Vector<int>(categorical);
        Span<int> laneOffsets = stackalloc int[w];
        for (var lane = 0; lane < w; lane++)
        {
            laneOffsets[lane] = lane;
        }

        var iota = new Vector<int>(laneOffsets);
        var end = new Vector<int>(r1);
        ref var t0 = ref MemoryMarshal.GetArrayDataReference(tile);
        var q = queries.Length / Stride;
        for (var qi = 0; qi < q; qi++)
        {
            ref var a = ref queries[qi * Stride];
            var bestD = infinity;
            var bestI = new Vector<int>(-1);
            var self = new Vector<int>(skipSame ? qi : -1);
            var bound = worker.Best[qi];
            for (var g = 0; g < groups; g++)
            {
                ref var tg = ref Unsafe.Add(ref t0, g * features * w);

                // Categories first (cheaper); a group whose rows all exceed the best distance so far by their
                // category mismatches alone cannot hold the closest row (strictly greater, so ties are still seen).
                var mismatches = mismatchesIfNoneEqual;
                for (var f = 0; f < categorical; f++)
                {
                    // Vector.Equals gives -1 per equal lane.
                    mismatches += Vector.Equals(Vector.LoadUnsafe(ref tg, (nuint)((numeric + f) * w)), new Vector<float>(Unsafe.Add(ref a, NumericWidth + f)));
                }

                var acc = Vector.ConvertToSingle(mismatches);
                if (Vector.GreaterThanAll(acc, new Vector<float>(bound)))
                {
                    continue;
                }

                for (var f = 0; f < numeric; f++)
                {
                    acc += Vector.Min(Vector.Abs(Vector.LoadUnsafe(ref tg, (nuint)(f * w)) - new Vector<float>(Unsafe.Add(ref a, f))), one);
                }

                var rows = new Vector<int>(r0 + (g * w)) + iota;
                var valid = Vector.LessThan(rows, end) & ~Vector.Equals(rows, self);
                var dist = Vector.ConditionalSelect(valid, acc, infinity);
                Vector<int> closer = Vector.LessThan(dist, bestD);
                if (closer != Vector<int>.Zero)
                {
                    bestD = Vector.ConditionalSelect(closer, dist, bestD);
                    bestI = Vector.ConditionalSelect(closer, rows, bestI);
                    for (var lane = 0; lane < w; lane++)
                    {
                        bound = Math.Min(bound, bestD[lane]);
                    }
                }
            }

            // Lanes hold the first (lowest-index) minimum of their rows; the chunk's answer is the lowest index among the lanes' minima.
            var d = worker.Best[qi];
            var idx = worker.Index[qi];
            for (var lane = 0; lane < w; lane++)
            {
                var ld = bestD[lane];
                var li = bestI[lane];
                if (li >= 0 && (ld < d || (ld == d && (uint)li < (uint)idx)))
                {
                    (d, idx) = (ld, li);
                }
            }

            (worker.Best[qi], worker.Index[qi]) = (d, idx);
        }
    }
}
