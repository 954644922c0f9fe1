using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Moa.Text.Hashing;

/// <summary>
/// MinHash signatures and LSH band keys of word-shingle sets, for near-duplicate detection.
/// Immutable after construction: one instance may be shared by any number of threads.
/// </summary>
/// <remarks>
/// <para>Methods: <c>oph</c> hashes each shingle once, puts it in one of k bins by the top bits and keeps each
/// bin's minimum, then fills empty bins by optimal densification (Shrivastava, ICML 2017): an empty bin copies
/// the first non-empty bin in its own fixed pseudo-random order of bins. <c>classic</c> evaluates k
/// independent hash functions per shingle. <c>cminhash</c> (Li and Li, 2021) evaluates one permutation at k
/// circulant shifts of a first permutation. All give unbiased estimates of Jaccard similarity.</para>
/// <para>Text without any word yields the sentinel signature (every value <see cref="ulong.MaxValue"/>) and the
/// sentinel band keys <see cref="EmptyBandHash"/>; no text with words ever gets that band key, and
/// <see cref="NearDuplicateClusterer"/> ignores it, so empty texts are never near duplicates of anything
/// (identical empty texts are caught by exact dedup).</para>
/// </remarks>
public sealed class MinHasher
{
    /// <summary>The band key of every band of a text without words; never produced for a text with words.</summary>
    public const ulong EmptyBandHash = 0;

    private readonly int _bands;
    private readonly int _rows;
    private readonly int _length;
    private readonly int _shingleWords;
    private readonly int _valueShift;
    private readonly ulong _seed;
    private readonly MinHashMethod _method;
    private readonly ulong[] _multipliers;
    private readonly ulong[] _offsets;
    private readonly ushort[] _densifyOrder;
    private readonly uint[] _densifyPacked;

    /// <summary>Creates a hasher; throws <see cref="MoaException"/> when the options are invalid.</summary>
    public MinHasher(MinHashOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _bands = options.Bands;
        _rows = options.Rows;
        _length = options.Bands * options.Rows;
        _shingleWords = options.ShingleWords;
        _valueShift = 64 - options.HashBits;
        _seed = options.Seed;
        _method = options.ParseMethod();

        var state = _seed ^ 0x6A09E667F3BCC909UL;
        _multipliers = new ulong[_length];
        _offsets = new ulong[_length];
        for (var k = 0; k < _length; k++)
        {
            _multipliers[k] = HashMix.SplitMix(ref state) | 1;
            _offsets[k] = _method == MinHashMethod.CMinHash ? (ulong)k : HashMix.SplitMix(ref state);
        }

        _densifyOrder = [];
        _densifyPacked = [];
        if (_method == MinHashMethod.OnePermutation)
        {
            // Bin i tries the other bins in its own fixed random order (sampling without replacement), so two
            // documents with bin i empty pick the same source bin whenever that bin is filled in both.
            _densifyOrder = new ushort[_length * _length];
            _densifyPacked = new uint[_length * _length];
            for (var i = 0; i < _length; i++)
            {
                var order = _densifyOrder.AsSpan(i * _length, _length);
                for (var j = 0; j < _length; j++)
                {
                    order[j] = (ushort)j;
                }

                for (var j = _length - 1; j > 0; j--)
                {
                    var pick = (int)((HashMix.SplitMix(ref state) >> 32) * (ulong)(j + 1) >> 32);
                    (order[j], order[pick]) = (order[pick], order[j]);
                }

                // Transposed and packed for the few-filled-bins path: row j holds, for every bin i,
                // (position of j in i's order) << 16 | j, so a lane-wise minimum over the filled rows gives
                // each empty bin its first filled bin.
                for (var t = 0; t < _length; t++)
                {
                    _densifyPacked[(order[t] * _length) + i] = ((uint)t << 16) | order[t];
                }
            }
        }
    }

    /// <summary>Number of band keys per document (the options' <c>Bands</c>).</summary>
    public int BandCount => _bands;

    /// <summary>Number of MinHash values per signature (<c>Bands</c> x <c>Rows</c>).</summary>
    public int SignatureLength => _length;

    /// <summary>Writes the LSH band keys of <paramref name="text"/> (NFC-normalised) into <paramref name="bandHashes"/>. Allocation-free.</summary>
    [SkipLocalsInit]
    public void ComputeBandHashes(ReadOnlySpan<char> text, Span<ulong> bandHashes)
    {
        if (bandHashes.Length != _bands)
        {
            ThrowHelper.SpanLength(nameof(bandHashes), _bands, bandHashes.Length);
        }

        Span<ulong> signature = stackalloc ulong[_length];
        if (!Fill(text, signature))
        {
            bandHashes.Fill(EmptyBandHash);
            return;
        }

        for (var b = 0; b < _bands; b++)
        {
            var key = TextHash.XxHash64(MemoryMarshal.AsBytes(signature.Slice(b * _rows, _rows)), _seed + (ulong)b);
            bandHashes[b] = key == EmptyBandHash ? 1 : key;
        }
    }

    /// <summary>Writes the MinHash signature (<see cref="SignatureLength"/> values) of <paramref name="text"/>, for estimation and tests.</summary>
    public void ComputeSignature(ReadOnlySpan<char> text, Span<ulong> signature)
    {
        if (signature.Length != _length)
        {
            ThrowHelper.SpanLength(nameof(signature), _length, signature.Length);
        }

        Fill(text, signature);
    }

    /// <summary>The fraction of equal positions of two signatures: an unbiased estimate of the Jaccard similarity of the shingle sets.</summary>
    public static double EstimateJaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.IsEmpty)
        {
            ThrowHelper.UnequalSignatures(a.Length, b.Length);
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return (double)equal / a.Length;
    }

    /// <summary>The sorted distinct shingle hashes of <paramref name="text"/> (the set MinHash samples), for exact verification.</summary>
    public ulong[] ShingleSet(ReadOnlySpan<char> text)
    {
        var sink = new CollectingSink(new List<ulong>(Math.Max(4, text.Length / 8)));
        Shingler.Enumerate(text, _shingleWords, _seed, ref sink);
        var values = sink.Values;
        values.Sort();
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[distinct - 1])
            {
                span[distinct++] = span[i];
            }
        }

        return span[..distinct].ToArray();
    }

    /// <summary>Exact Jaccard similarity of two sorted distinct sets (see <see cref="ShingleSet"/>); 0 when either is empty.</summary>
    public static double ExactJaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var common = CommonCount(a, b);
        return a.IsEmpty || b.IsEmpty ? 0 : (double)common / (a.Length + b.Length - common);
    }

    /// <summary>The number of values two sorted distinct sets share.</summary>
    public static int CommonCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x == y)
            {
                common++;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    /// <summary>Computes the signature; false (and the sentinel signature) when the text has no word.</summary>
    private bool Fill(ReadOnlySpan<char> text, Span<ulong> signature)
    {
        signature.Fill(ulong.MaxValue);
        int shingles;
        switch (_method)
        {
            case MinHashMethod.OnePermutation:
                var oph = new OnePermutationSink(signature);
                shingles = Shingler.Enumerate(text, _shingleWords, _seed, ref oph);
                if (shingles > 0)
                {
                    Densify(signature);
                }

                break;
            case MinHashMethod.Classic:
                var classic = new ClassicSink(signature, _multipliers, _offsets, ForceScalar, ForceVector256);
                shingles = Shingler.Enumerate(text, _shingleWords, _seed, ref classic);
                break;
            default:
                var circulant = new CirculantSink(signature, _multipliers[0], _multipliers[1], ForceScalar, ForceVector256);
                shingles = Shingler.Enumerate(text, _shingleWords, _seed, ref circulant);
                break;
        }

        if (shingles == 0)
        {
            return false;
        }

        if (_valueShift != 0)
        {
            for (var k = 0; k < signature.Length; k++)
            {
                signature[k] >>= _valueShift;
            }
        }

        return true;
    }

    /// <summary>Optimal densification: each empty bin copies the first filled bin of its own fixed order.</summary>
    [SkipLocalsInit]
    private void Densify(Span<ulong> signature)
    {
        var k = _length;
        Span<ushort> filled = stackalloc ushort[k];
        var filledCount = 0;
        for (var i = 0; i < k; i++)
        {
            if (signature[i] != ulong.MaxValue)
            {
                filled[filledCount++] = (ushort)i;
            }
        }

        if (filledCount == k)
        {
            return;
        }

        filled = filled.Slice(0, filledCount);
        Span<ulong> original = stackalloc ulong[k];
        signature.CopyTo(original);
        if (filledCount * filledCount < 4 * k && !ForceWalkDensification)
        {
            // Few filled bins (short documents): lane-wise minimum over the filled bins' packed rows, O(filled x k / lanes).
            Span<uint> best = stackalloc uint[k];
            best.Fill(uint.MaxValue);
            foreach (var j in filled)
            {
                MinInto(best, _densifyPacked.AsSpan(j * k, k), ForceScalar);
            }

            for (var i = 0; i < k; i++)
            {
                if (original[i] == ulong.MaxValue)
                {
                    signature[i] = original[(int)(best[i] & 0xFFFF)];
                }
            }

            return;
        }

        // Many filled bins: walk each empty bin's order until a filled bin, expected k / filled steps.
        var order = _densifyOrder.AsSpan();
        for (var i = 0; i < k; i++)
        {
            if (original[i] != ulong.MaxValue)
            {
                continue;
            }

            var row = order.Slice(i * k, k);
            var t = 0;
            while (original[row[t]] == ulong.MaxValue)
            {
                t++;
            }

            signature[i] = original[row[t]];
        }
    }

    /// <summary>For tests: always use the order-walking densification, the reference for the vectorised path.</summary>
    internal bool ForceWalkDensification { get; init; }

    /// <summary>For tests: never use the Vector256/Vector512 paths, so the scalar loops can be checked against them on any machine.</summary>
    internal bool ForceScalar { get; init; }

    /// <summary>For tests: use Vector256 where Vector512 would be chosen, so all three paths are checked on a Vector512 machine.</summary>
    internal bool ForceVector256 { get; init; }

    private static void MinInto(Span<uint> accumulator, ReadOnlySpan<uint> row, bool scalar)
    {
        var i = 0;
        ref var acc = ref MemoryMarshal.GetReference(accumulator);
        ref var src = ref MemoryMarshal.GetReference(row);
        if (Vector256.IsHardwareAccelerated && !scalar)
        {
            for (; i <= accumulator.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                Vector256.Min(Vector256.LoadUnsafe(ref acc, (nuint)i), Vector256.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref acc, (nuint)i);
            }
        }

        for (; i < accumulator.Length; i++)
        {
            Unsafe.Add(ref acc, i) = Math.Min(Unsafe.Add(ref acc, i), Unsafe.Add(ref src, i));
        }
    }

    /// <summary>Collects every shingle hash.</summary>
    private readonly struct CollectingSink(List<ulong> values) : IShingleSink
    {
        public List<ulong> Values { get; } = values;

        public void Add(ulong shingleHash) => Values.Add(shingleHash);
    }

    /// <summary>OPH: the top 32 bits pick the bin (Lemire's multiply-shift range reduction), the whole hash is the value.</summary>
    private ref struct OnePermutationSink(Span<ulong> bins) : IShingleSink
    {
        private readonly Span<ulong> _bins = bins;
        private readonly ulong _count = (ulong)bins.Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Add(ulong shingleHash)
        {
            var bin = (int)(((shingleHash >> 32) * _count) >> 32);
            ref var slot = ref _bins[bin];
            if (shingleHash < slot)
            {
                slot = shingleHash;
            }
        }
    }

    /// <summary>Classic MinHash: k hash functions h_k(x) = (x xor b_k) * a_k (a_k odd, so each is a bijection), vectorised.</summary>
    private ref struct ClassicSink(Span<ulong> signature, ulong[] multipliers, ulong[] offsets, bool scalar, bool no512) : IShingleSink
    {
        private readonly Span<ulong> _signature = signature;
        private readonly ReadOnlySpan<ulong> _multipliers = multipliers;
        private readonly ReadOnlySpan<ulong> _offsets = offsets;
        private readonly bool _scalar = scalar;
        private readonly bool _no512 = no512;

        public readonly void Add(ulong shingleHash)
        {
            var k = 0;
            var n = _signature.Length;
            ref var sig = ref MemoryMarshal.GetReference(_signature);
            ref var mul = ref MemoryMarshal.GetReference(_multipliers);
            ref var off = ref MemoryMarshal.GetReference(_offsets);
            if (Vector512.IsHardwareAccelerated && !_scalar && !_no512)
            {
                var x = Vector512.Create(shingleHash);
                for (; k <= n - Vector512<ulong>.Count; k += Vector512<ulong>.Count)
                {
                    var v = (x ^ Vector512.LoadUnsafe(ref off, (nuint)k)) * Vector512.LoadUnsafe(ref mul, (nuint)k);
                    Vector512.Min(v, Vector512.LoadUnsafe(ref sig, (nuint)k)).StoreUnsafe(ref sig, (nuint)k);
                }
            }
            else if (Vector256.IsHardwareAccelerated && !_scalar)
            {
                var x = Vector256.Create(shingleHash);
                for (; k <= n - Vector256<ulong>.Count; k += Vector256<ulong>.Count)
                {
                    var v = (x ^ Vector256.LoadUnsafe(ref off, (nuint)k)) * Vector256.LoadUnsafe(ref mul, (nuint)k);
                    Vector256.Min(v, Vector256.LoadUnsafe(ref sig, (nuint)k)).StoreUnsafe(ref sig, (nuint)k);
                }
            }

            for (; k < n; k++)
            {
                var v = (shingleHash ^ Unsafe.Add(ref off, k)) * Unsafe.Add(ref mul, k);
                ref var slot = ref Unsafe.Add(ref sig, k);
                if (v < slot)
                {
                    slot = v;
                }
            }
        }
    }

    /// <summary>C-MinHash: value k is pi(sigma(x) + k) with sigma the shingle hash and pi one fixed bijective mixer, vectorised.</summary>
    private ref struct CirculantSink(Span<ulong> signature, ulong m1, ulong m2, bool scalar, bool no512) : IShingleSink
    {
        private readonly Span<ulong> _signature = signature;
        private readonly ulong _m1 = m1;
        private readonly ulong _m2 = m2;
        private readonly bool _scalar = scalar;
        private readonly bool _no512 = no512;

        public readonly void Add(ulong shingleHash)
        {
            var k = 0;
            var n = _signature.Length;
            ref var sig = ref MemoryMarshal.GetReference(_signature);
            if (Vector512.IsHardwareAccelerated && !_scalar && !_no512)
            {
                var step = Vector512.Create((ulong)Vector512<ulong>.Count);
                var y = Vector512.Create(shingleHash) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
                var m1 = Vector512.Create(_m1);
                var m2 = Vector512.Create(_m2);
                for (; k <= n - Vector512<ulong>.Count; k += Vector512<ulong>.Count)
                {
                    var v = y * m1;
                    v ^= Vector512.ShiftRightLogical(v, 32);
                    v *= m2;
                    v ^= Vector512.ShiftRightLogical(v, 29);
                    Vector512.Min(v, Vector512.LoadUnsafe(ref sig, (nuint)k)).StoreUnsafe(ref sig, (nuint)k);
                    y += step;
                }
            }

            for (; k < n; k++)
            {
                var v = (shingleHash + (ulong)k) * _m1;
                v ^= v >> 32;
                v *= _m2;
                v ^= v >> 29;
                ref var slot = ref Unsafe.Add(ref sig, k);
                if (v < slot)
                {
                    slot = v;
                }
            }
        }
    }
}
