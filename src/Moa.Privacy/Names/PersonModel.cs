using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Names;

/// <summary>A person span the tagger found, with its mean per-character margin over "not a name" (higher is surer).</summary>
internal readonly record struct TaggedName(int Start, int End, float Margin);

/// <summary>
/// A first-order sequence tagger (B/I/O over characters, Viterbi decoding) with averaged-perceptron weights over hashed
/// <see cref="PersonFeatures"/>. Only Hangul is tagged: runs of Hangul words separated by single spaces form a segment,
/// everything else is outside every name. Immutable and thread-safe once loaded.
/// </summary>
internal sealed class PersonModel
{
    internal const int Tags = 3;
    internal const int O = 0;
    internal const int B = 1;
    internal const int I = 2;
    private const string Magic = "MOAPERS4";
    private const string ResourceName = "Moa.Privacy.Names.person-model.bin";
    private static readonly Lazy<PersonModel> s_default = new(LoadDefault);

    internal PersonModel(float[] weights, float[] transitions, StemFrequency? frequency = null, float noEvidenceMargin = 0)
        : this(transitions, frequency, noEvidenceMargin)
    {
        if (weights.Length != WeightCount)
        {
            throw new MoaException($"person model: expected {WeightCount} weights and {(Tags + 1) * Tags} transitions.");
        }

        _weights = weights;
    }

    // A loaded model: the 16-bit weights of the file and their scale; Weights[k] is quantised[k] * (1 / scale).
    private PersonModel(short[] quantised, float scale, float[] transitions, StemFrequency frequency, float noEvidenceMargin)
        : this(transitions, frequency, noEvidenceMargin)
    {
        _quantised = quantised;
        _step = 1f / scale;
        foreach (var bucket in PersonFeatures.SpacePadding)
        {
            _spacePadding += Vector128.WidenLower(Vector128.Create(quantised[bucket * Tags], quantised[(bucket * Tags) + 1], quantised[(bucket * Tags) + 2], 0, 0, 0, 0, 0));
        }
    }

    private PersonModel(float[] transitions, StemFrequency? frequency, float noEvidenceMargin)
    {
        if (transitions.Length != (Tags + 1) * Tags)
        {
            throw new MoaException($"person model: expected {WeightCount} weights and {(Tags + 1) * Tags} transitions.");
        }

        Transitions = transitions;
        Frequency = frequency ?? StemFrequency.Empty;
        NoEvidenceMargin = noEvidenceMargin;
    }

    private const int WeightCount = (1 << PersonFeatures.Bits) * Tags;

    // Loaded models keep the file's 16-bit weights (bucket * 3 + tag, padded so that one bucket's three are read as one
    // 16-byte vector): 6 MB where floats take 12.6. A position's score of a tag is the integer sum of its features'
    // 16-bit weights times the step (1 / scale): integer additions are exact in any order and each waits one cycle on
    // the one before, where a chain of float additions waits four, and one multiplication per position replaces one
    // division per feature. Both tagging paths (Find, FindReference) score this way, bit for bit.
    private const int QuantisedPadding = 5;
    private readonly short[]? _quantised;
    private readonly float _step;

    // The sum of the weights of a space's fixed slots (PersonFeatures.SpacePadding), the same at every space.
    private readonly Vector128<int> _spacePadding;

    // Float weights (bucket * 3 + tag): those of a model trained in this process, or built from the 16-bit ones when
    // asked for (saving, the reference path, training code).
    private float[]? _weights;

    /// <summary>The model shipped with Moa (embedded resource), trained by <c>moa pii train-person</c>.</summary>
    public static PersonModel Default => s_default.Value;

    /// <summary>Emission weights: bucket * 3 + tag (of a loaded model: its 16-bit weights times the step, for saving and training code).</summary>
    internal float[] Weights => _weights ??= Dequantise();

    /// <summary>Transition weights: (previous tag, or 3 at the start) * 3 + tag.</summary>
    internal float[] Transitions { get; }

    /// <summary>How common each word stem is in unlabelled text (features 30 and 31).</summary>
    internal StemFrequency Frequency { get; }

    /// <summary>
    /// Subtracted from the mean margin of a tagged span that has no evidence of being a name besides the weights
    /// (<see cref="PersonFeatures.HasEvidence"/>): such spans need a surer tagger. Chosen by cross-validation.
    /// </summary>
    internal float NoEvidenceMargin { get; }

    /// <summary>Bytes the loaded weights occupy, plus about 24 bytes per stored stem frequency.</summary>
    public long MemoryBytes => ((_quantised?.Length ?? 0) * (long)sizeof(short)) + (((long)(_weights?.Length ?? 0) + Transitions.Length) * sizeof(float)) + (Frequency.Stored * 24L);

    private float[] Dequantise()
    {
        var weights = new float[WeightCount];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = _quantised![i] * _step;
        }

        return weights;
    }

    /// <summary>Adds every name the tagger finds in <paramref name="text"/> to <paramref name="sink"/>.</summary>
    /// <remarks>
    /// Each position's buckets (a word's constant parts computed once per word, <see cref="WordFeatures"/>) go straight
    /// into its three tag scores (<see cref="AddQuantised"/>, or <see cref="Emission"/> for a model trained in the
    /// process): no segment-wide feature array, one 16-byte row per feature, and no stem-frequency look-up when the model
    /// has no frequency table. Same spans and margins as <see cref="FindReference"/>, bit for bit (the additions happen
    /// in the same order).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Find(string text, List<TaggedName> sink)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\uAC00', '\uD7A3');
        if (first < 0)
        {
            return;
        }

        float[]? emissions = null;
        byte[]? tags = null;
        var capacity = 0;
        try
        {
            for (var s = first; s < text.Length;)
            {
                var e = SegmentEnd(span, s);
                var n = e - s;
                if (n > capacity)
                {
                    Return(null, emissions, tags);
                    var cap = capacity = Math.Max(n, 256);
                    emissions = ArrayPool<float>.Shared.Rent(cap * Tags);
                    tags = ArrayPool<byte>.Shared.Rent(cap * (Tags + 1));
                }

                Emit(span, s, e, emissions!);
                Viterbi(span.Slice(s, n), Transitions, emissions!, tags!);
                Spans(span, s, n, tags!, emissions!, NoEvidenceMargin, sink);
                var next = span[e..].IndexOfAnyInRange('\uAC00', '\uD7A3');
                if (next < 0)
                {
                    break;
                }

                s = e + next;
            }
        }
        finally
        {
            Return(null, emissions, tags);
        }
    }

    /// <summary>The three tag scores of every position of segment <c>[s, e)</c> (what <see cref="Featurize"/> and <see cref="Decode"/> compute).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(ReadOnlySpan<char> t, int s, int e, Span<float> emissions)
    {
        var frequency = Frequency.Stored == 0 ? null : Frequency;
        Span<int> buckets = stackalloc int[PersonFeatures.Count];
        ulong previous = 0;
        var previousLength = 0;
        var previousForeign = 0;
        var foreign = PersonFeatures.WordAt(t, s, e, false, out var b, out var stemEnd);
        for (var a = s; a < e;)
        {
            // The next word is looked at once, for its foreign-name kind, and carried to the next round.
            var nextB = b;
            var nextStemEnd = b;
            var nextForeign = b + 1 < e ? PersonFeatures.WordAt(t, b + 1, e, false, out nextB, out nextStemEnd) : 0;
            var word = PersonFeatures.WordHash(t[a..b]);
            if (a > s)
            {
                var pair = PersonFeatures.GazetteerPair(previousForeign, foreign);
                if (_quantised is not null)
                {
                    var writer = new BucketWriter(buckets);
                    PersonFeatures.AtSpace(t, a - 1, previous, previousLength, word, b - a, pair, ref writer, padding: false);
                    AddQuantised(buckets[..PersonFeatures.SpaceOwn], _spacePadding, emissions, a - 1 - s);
                }
                else
                {
                    var space = new Emission(Weights);
                    PersonFeatures.AtSpace(t, a - 1, previous, previousLength, word, b - a, pair, ref space);
                    space.Store(emissions, a - 1 - s);
                }
            }

            var stem = stemEnd == b ? word : PersonFeatures.WordHash(t[a..stemEnd]);
            var stemBin = frequency?.Bin(stem) ?? 0;
            var wordBin = stemEnd == b ? stemBin : frequency?.Bin(word) ?? 0;
            var parts = new WordFeatures(t, a, b, word, stemEnd, stem, stemBin, wordBin, PersonFeatures.GazetteerFlags(foreign, previousForeign, nextForeign));
            for (var i = a; i < b; i++)
            {
                if (_quantised is not null)
                {
                    var writer = new BucketWriter(buckets);
                    PersonFeatures.AtWord(t, i, parts, ref writer);
                    AddQuantised(buckets, Vector128<int>.Zero, emissions, i - s);
                }
                else
                {
                    var at = new Emission(Weights);
                    PersonFeatures.AtWord(t, i, parts, ref at);
                    at.Store(emissions, i - s);
                }
            }

            (previous, previousLength) = (word, b - a);
            (previousForeign, foreign) = (foreign, nextForeign);
            a = b + 1;
            (b, stemEnd) = (nextB, nextStemEnd);
        }
    }

    /// <summary>
    /// The three tag scores of one position of a loaded (16-bit) model from its buckets: each bucket's row is one 16-byte
    /// load, widened and added as integers to <paramref name="sum"/> (zero, or a space's fixed slots scored once), and the
    /// sum scaled once (<see cref="DecodeQuantised"/> computes the same). The
    /// buckets are all computed first, so the 33 loads do not wait on the hashing and overlap one another (the table does
    /// not stay in L2 while other work runs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddQuantised(ReadOnlySpan<int> buckets, Vector128<int> sum, Span<float> emissions, int j)
    {
        // Buckets are below 2^Bits by construction (PersonFeatures.Bucket) and the array is padded, so the 8 shorts
        // read from bucket * 3 stay inside it; lanes 0-2 are the bucket's weights, lane 3 is ignored.
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_quantised!);
        foreach (var bucket in buckets)
        {
            sum += Vector128.WidenLower(Vector128.LoadUnsafe(ref weights, (nuint)(uint)(bucket * Tags)));
        }

        var scores = Vector128.ConvertToSingle(sum) * Vector128.Create(_step);
        var at = emissions.Slice(j * Tags, Tags);
        at[0] = scores.GetElement(0);
        at[1] = scores.GetElement(1);
        at[2] = scores.GetElement(2);
    }

    /// <summary>Adds each feature's weights (a model trained in the process: floats) to the three tag scores of one position, in feature order.</summary>
    private ref struct Emission(float[] weights) : IFeatureSink
    {
        private float _e0;
        private float _e1;
        private float _e2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int bucket)
        {
            var k = bucket * Tags;
            _e0 += weights[k];
            _e1 += weights[k + 1];
            _e2 += weights[k + 2];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Store(Span<float> emissions, int j)
        {
            var at = emissions.Slice(j * Tags, Tags);
            at[0] = _e0;
            at[1] = _e1;
            at[2] = _e2;
        }
    }

    /// <summary>
    /// What <see cref="Find"/> does, the way training sees it: every feature written to an array (<see cref="Featurize"/>)
    /// and decoded with the training layout of the weights (<see cref="Decode"/>). Slower; the reference that the fast
    /// path must match bit for bit (tests, <c>Moa.Bench person-speed</c>).
    /// </summary>
    internal void FindReference(string text, List<TaggedName> sink)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\uAC00', '\uD7A3');
        if (first < 0)
        {
            return;
        }

        int[]? feats = null;
        float[]? emissions = null;
        byte[]? tags = null;
        var capacity = 0;
        try
        {
            for (var s = first; s < text.Length;)
            {
                var e = SegmentEnd(span, s);
                var n = e - s;
                if (n > capacity)
                {
                    Return(feats, emissions, tags);
                    var cap = capacity = Math.Max(n, 256);
                    feats = ArrayPool<int>.Shared.Rent(cap * PersonFeatures.Count);
                    emissions = ArrayPool<float>.Shared.Rent(cap * Tags);
                    tags = ArrayPool<byte>.Shared.Rent(cap * (Tags + 1));
                }

                Featurize(span, s, e, feats, Frequency, reference: true);
                if (_quantised is not null)
                {
                    DecodeQuantised(span.Slice(s, n), feats, emissions!, tags!);
                }
                else
                {
                    Decode(span.Slice(s, n), feats, Weights, Transitions, emissions!, tags!);
                }
                Spans(span, s, n, tags!, emissions!, NoEvidenceMargin, sink);
                var next = span[e..].IndexOfAnyInRange('\uAC00', '\uD7A3');
                if (next < 0)
                {
                    break;
                }

                s = e + next;
            }
        }
        finally
        {
            Return(feats, emissions, tags);
        }
    }

    private static void Return(int[]? feats, float[]? emissions, byte[]? tags)
    {
        if (feats is not null)
        {
            ArrayPool<int>.Shared.Return(feats);
        }

        if (emissions is not null)
        {
            ArrayPool<float>.Shared.Return(emissions);
            ArrayPool<byte>.Shared.Return(tags!);
        }
    }

    /// <summary>Longest segment decoded at once; longer runs are cut at a space (names are never this long).</summary>
    internal const int MaxSegment = 2048;

    /// <summary>
    /// The end of the segment starting at Hangul syllable <paramref name="s"/>: Hangul words joined by single spaces, at
    /// most <see cref="MaxSegment"/> characters (cut after the last space before that, if any).
    /// </summary>
    internal static int SegmentEnd(ReadOnlySpan<char> t, int s)
    {
        var e = Join(t, s);
        if (e - s <= MaxSegment)
        {
            return e;
        }

        var space = t.Slice(s, MaxSegment).LastIndexOf(' ');
        return space > 0 ? s + space : s + MaxSegment;
    }

    private static int Join(ReadOnlySpan<char> t, int s)
    {
        var e = s;
        while (true)
        {
            while (e < t.Length && Context.IsHangulSyllable(t[e]))
            {
                e++;
            }

            if (e + 1 < t.Length && t[e] == ' ' && Context.IsHangulSyllable(t[e + 1]))
            {
                e++;
                continue;
            }

            return e;
        }
    }

    /// <summary>
    /// Features of every position of segment <c>[s, e)</c> into <paramref name="feats"/> (Count per position);
    /// <paramref name="reference"/>: find stem ends as first written (<see cref="PersonFeatures.StemEndReference"/>).
    /// </summary>
    internal static void Featurize(ReadOnlySpan<char> t, int s, int e, Span<int> feats, StemFrequency frequency, bool reference = false)
    {
        ulong previous = 0;
        var previousLength = 0;
        var previousForeign = 0;
        var foreign = PersonFeatures.WordAt(t, s, e, reference, out var b, out var stemEnd);
        for (var a = s; a < e;)
        {
            var nextB = b;
            var nextStemEnd = b;
            var nextForeign = b + 1 < e ? PersonFeatures.WordAt(t, b + 1, e, reference, out nextB, out nextStemEnd) : 0;
            var word = PersonFeatures.WordHash(t[a..b]);
            if (a > s)
            {
                // The space before this word, between the previous word and this one.
                var space = new BucketWriter(feats.Slice((a - 1 - s) * PersonFeatures.Count, PersonFeatures.Count));
                PersonFeatures.AtSpace(t, a - 1, previous, previousLength, word, b - a, PersonFeatures.GazetteerPair(previousForeign, foreign), ref space);
            }

            var stem = stemEnd == b ? word : PersonFeatures.WordHash(t[a..stemEnd]);
            var stemBin = frequency.Bin(stem);
            var wordBin = stemEnd == b ? stemBin : frequency.Bin(word);
            for (var i = a; i < b; i++)
            {
                var at = new BucketWriter(feats.Slice((i - s) * PersonFeatures.Count, PersonFeatures.Count));
                PersonFeatures.At(t, i, a, b, word, stemEnd, stem, stemBin, wordBin, PersonFeatures.GazetteerFlags(foreign, previousForeign, nextForeign), ref at);
            }

            (previous, previousLength) = (word, b - a);
            (previousForeign, foreign) = (foreign, nextForeign);
            a = b + 1;
            (b, stemEnd) = (nextB, nextStemEnd);
        }
    }

    /// <summary>
    /// Viterbi over one segment: <paramref name="tags"/>[0..n) receives the best tag sequence (spaces are never B; I
    /// never follows O), <paramref name="emissions"/> the per-position scores of each tag.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Decode(ReadOnlySpan<char> seg, ReadOnlySpan<int> feats, float[] w, float[] trans, Span<float> emissions, Span<byte> tags)
    {
        Emissions<float, float>(seg.Length, feats, w, 1f, emissions);
        Viterbi(seg, trans, emissions, tags);
    }

    /// <summary>
    /// <see cref="Decode"/> for a loaded model: each position's 16-bit weights summed as integers (exact in any order),
    /// then scaled once, as <see cref="AddQuantised"/> does.
    /// </summary>
    private void DecodeQuantised(ReadOnlySpan<char> seg, ReadOnlySpan<int> feats, Span<float> emissions, Span<byte> tags)
    {
        Emissions<short, int>(seg.Length, feats, _quantised!, _step, emissions);
        Viterbi(seg, Transitions, emissions, tags);
    }

    /// <summary>
    /// The three tag scores of each of <paramref name="n"/> positions from their features' weights (bucket * 3 + tag),
    /// summed in feature order as <typeparamref name="TSum"/> and multiplied by <paramref name="step"/> (1 for float
    /// weights, which leaves every sum as it is).
    /// </summary>
    private static void Emissions<TWeight, TSum>(int n, ReadOnlySpan<int> feats, TWeight[] w, float step, Span<float> emissions)
        where TWeight : INumberBase<TWeight>
        where TSum : INumberBase<TSum>
    {
        for (var j = 0; j < n; j++)
        {
            TSum e0 = TSum.Zero, e1 = TSum.Zero, e2 = TSum.Zero;
            foreach (var f in feats.Slice(j * PersonFeatures.Count, PersonFeatures.Count))
            {
                var k = f * Tags;
                e0 += TSum.CreateTruncating(w[k]);
                e1 += TSum.CreateTruncating(w[k + 1]);
                e2 += TSum.CreateTruncating(w[k + 2]);
            }

            emissions[j * Tags] = float.CreateTruncating(e0) * step;
            emissions[(j * Tags) + 1] = float.CreateTruncating(e1) * step;
            emissions[(j * Tags) + 2] = float.CreateTruncating(e2) * step;
        }
    }

    /// <summary>The best tag sequence of one segment into <paramref name="tags"/>[0..n) given its <paramref name="emissions"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Viterbi(ReadOnlySpan<char> seg, float[] trans, ReadOnlySpan<float> emissions, Span<byte> tags)
    {
        var n = seg.Length;
        var back = tags[n..];
        float s0 = 0, s1 = 0, s2 = 0;
        for (var j = 0; j < n; j++)
        {
            var e0 = emissions[j * Tags];
            var e1 = emissions[(j * Tags) + 1];
            var e2 = emissions[(j * Tags) + 2];
            var space = seg[j] == ' ';
            float n0, n1, n2;
            if (j == 0)
            {
                n0 = trans[9] + e0;
                n1 = trans[10] + e1;
                n2 = float.NegativeInfinity;
            }
            else
            {
                // To O: from any tag.
                var b0 = Best(s0 + trans[0], s1 + trans[3], s2 + trans[6], out var k0);
                n0 = b0 + e0;
                back[(j * Tags) - Tags] = k0;

                // To B: from any tag (a name right after a name), never on a space.
                var b1 = Best(s0 + trans[1], s1 + trans[4], s2 + trans[7], out var k1);
                n1 = space ? float.NegativeInfinity : b1 + e1;
                back[(j * Tags) - Tags + 1] = k1;

                // To I: from B or I only.
                var b2 = Best(float.NegativeInfinity, s1 + trans[5], s2 + trans[8], out var k2);
                n2 = b2 + e2;
                back[(j * Tags) - Tags + 2] = k2;
            }

            (s0, s1, s2) = (n0, n1, n2);
        }

        // Backtrack; back[(j-1)*3 + tag] holds the best predecessor of tag at j. A segment never ends on a space.
        _ = Best(s0, s1, s2, out var t);
        for (var j = n - 1; j >= 0; j--)
        {
            tags[j] = t;
            if (j > 0)
            {
                t = back[((j - 1) * Tags) + t];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Best(float a, float b, float c, out byte arg)
    {
        if (a >= b && a >= c)
        {
            arg = 0;
            return a;
        }

        if (b >= c)
        {
            arg = 1;
            return b;
        }

        arg = 2;
        return c;
    }

    private static void Spans(ReadOnlySpan<char> t, int s, int n, ReadOnlySpan<byte> tags, ReadOnlySpan<float> emissions, float noEvidenceMargin, List<TaggedName> sink)
    {
        for (var j = 0; j < n; j++)
        {
            if (tags[j] != B)
            {
                continue;
            }

            var end = j + 1;
            while (end < n && tags[end] == I)
            {
                end++;
            }

            var margin = 0f;
            for (var k = j; k < end; k++)
            {
                margin += emissions[(k * Tags) + tags[k]] - emissions[k * Tags];
            }

            margin /= end - j;
            if (noEvidenceMargin != 0 && !PersonFeatures.HasEvidence(t, s + j, s + end))
            {
                margin -= noEvidenceMargin;
            }

            sink.Add(new TaggedName(s + j, s + end, margin));
            j = end - 1;
        }
    }

    /// <summary>Writes the model: a header, the transitions, then the weights quantised to 16 bits, deflate-compressed.</summary>
    public void Save(string path)
    {
        var max = Math.Max(Weights.Max(MathF.Abs), 1e-6f);
        var scale = 32767f / max;
        using var file = File.Create(path);
        using var z = new ZLibStream(file, CompressionLevel.SmallestSize);
        using var wr = new BinaryWriter(z);
        wr.Write(Magic.ToCharArray());
        wr.Write(PersonFeatures.Bits);
        wr.Write(PersonFeatures.Count);
        wr.Write(scale);
        wr.Write(NoEvidenceMargin);
        Frequency.Write(wr);
        foreach (var x in Transitions)
        {
            wr.Write(x);
        }

        var buf = new byte[Weights.Length * 2];
        for (var i = 0; i < Weights.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(buf.AsSpan(i * 2), (short)MathF.Round(Weights[i] * scale));
        }

        wr.Write(buf);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a file of another version or feature layout is a clear error.</summary>
    public static PersonModel Load(Stream stream, string origin)
    {
        try
        {
            using var z = new ZLibStream(stream, CompressionMode.Decompress);
            using var rd = new BinaryReader(z);
            var magic = new string(rd.ReadChars(Magic.Length));
            var bits = rd.ReadInt32();
            var count = rd.ReadInt32();
            if (magic != Magic || bits != PersonFeatures.Bits || count != PersonFeatures.Count)
            {
                throw new MoaException($"{origin}: not a person model of this version (expected {Magic}, {PersonFeatures.Bits} bits, {PersonFeatures.Count} features); retrain it with `moa pii train-person`.");
            }

            var scale = rd.ReadSingle();
            var noEvidenceMargin = rd.ReadSingle();
            var frequency = StemFrequency.Read(rd, origin);
            var trans = new float[(Tags + 1) * Tags];
            for (var i = 0; i < trans.Length; i++)
            {
                trans[i] = rd.ReadSingle();
            }

            var buf = rd.ReadBytes(WeightCount * 2);
            if (buf.Length != WeightCount * 2)
            {
                throw new MoaException($"{origin}: person model is truncated.");
            }

            var quantised = new short[WeightCount + QuantisedPadding];
            for (var i = 0; i < WeightCount; i++)
            {
                quantised[i] = BinaryPrimitives.ReadInt16LittleEndian(buf.AsSpan(i * 2));
            }

            return new PersonModel(quantised, scale, trans, frequency, noEvidenceMargin);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new MoaException($"{origin}: not a readable person model ({ex.Message}).");
        }
    }

    private static PersonModel LoadDefault()
    {
        using var stream = typeof(PersonModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new MoaException($"person model resource {ResourceName} is missing from Moa.Privacy.");
        return Load(stream, ResourceName);
    }
}
