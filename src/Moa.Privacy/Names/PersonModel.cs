using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
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
    private const string Magic = "MOAPERS3";
    private const string ResourceName = "Moa.Privacy.Names.person-model.bin";
    private static readonly Lazy<PersonModel> s_default = new(LoadDefault);

    internal PersonModel(float[] weights, float[] transitions, StemFrequency? frequency = null, float noEvidenceMargin = 0)
    {
        if (weights.Length != (1 << PersonFeatures.Bits) * Tags || transitions.Length != (Tags + 1) * Tags)
        {
            throw new MoaException($"person model: expected {(1 << PersonFeatures.Bits) * Tags} weights and {(Tags + 1) * Tags} transitions.");
        }

        Weights = weights;
        Transitions = transitions;
        Frequency = frequency ?? StemFrequency.Empty;
        NoEvidenceMargin = noEvidenceMargin;
    }

    /// <summary>The model shipped with Moa (embedded resource), trained by <c>moa pii train-person</c>.</summary>
    public static PersonModel Default => s_default.Value;

    /// <summary>Emission weights: bucket * 3 + tag.</summary>
    internal float[] Weights { get; }

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
    public long MemoryBytes => (((long)Weights.Length + Transitions.Length) * sizeof(float)) + (Frequency.Stored * 24L);

    /// <summary>Adds every name the tagger finds in <paramref name="text"/> to <paramref name="sink"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Find(string text, List<TaggedName> sink)
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

                Featurize(span, s, e, feats, Frequency);
                Decode(span.Slice(s, n), feats, Weights, Transitions, emissions!, tags!);
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
            ArrayPool<float>.Shared.Return(emissions!);
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

    /// <summary>Features of every position of segment <c>[s, e)</c> into <paramref name="feats"/> (Count per position).</summary>
    internal static void Featurize(ReadOnlySpan<char> t, int s, int e, Span<int> feats, StemFrequency frequency)
    {
        ulong previous = 0;
        var previousLength = 0;
        for (var a = s; a < e;)
        {
            var b = a;
            while (b < e && t[b] != ' ')
            {
                b++;
            }

            var word = PersonFeatures.WordHash(t[a..b]);
            if (a > s)
            {
                // The space before this word, between the previous word and this one.
                PersonFeatures.AtSpace(t, a - 1, previous, previousLength, word, b - a, feats.Slice((a - 1 - s) * PersonFeatures.Count, PersonFeatures.Count));
            }

            var stemEnd = PersonFeatures.StemEnd(t, a, b);
            var stem = stemEnd == b ? word : PersonFeatures.WordHash(t[a..stemEnd]);
            var stemBin = frequency.Bin(stem);
            var wordBin = stemEnd == b ? stemBin : frequency.Bin(word);
            for (var i = a; i < b; i++)
            {
                PersonFeatures.At(t, i, a, b, word, stemEnd, stem, stemBin, wordBin, feats.Slice((i - s) * PersonFeatures.Count, PersonFeatures.Count));
            }

            (previous, previousLength) = (word, b - a);
            a = b + 1;
        }
    }

    /// <summary>
    /// Viterbi over one segment: <paramref name="tags"/>[0..n) receives the best tag sequence (spaces are never B; I
    /// never follows O), <paramref name="emissions"/> the per-position scores of each tag.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Decode(ReadOnlySpan<char> seg, ReadOnlySpan<int> feats, float[] w, float[] trans, Span<float> emissions, Span<byte> tags)
    {
        var n = seg.Length;
        var back = tags[n..];
        float s0 = 0, s1 = 0, s2 = 0;
        for (var j = 0; j < n; j++)
        {
            float e0 = 0, e1 = 0, e2 = 0;
            foreach (var f in feats.Slice(j * PersonFeatures.Count, PersonFeatures.Count))
            {
                var k = f * Tags;
                e0 += w[k];
                e1 += w[k + 1];
                e2 += w[k + 2];
            }

            emissions[j * Tags] = e0;
            emissions[(j * Tags) + 1] = e1;
            emissions[(j * Tags) + 2] = e2;
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

            var weights = new float[(1 << bits) * Tags];
            var buf = rd.ReadBytes(weights.Length * 2);
            if (buf.Length != weights.Length * 2)
            {
                throw new MoaException($"{origin}: person model is truncated.");
            }

            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = BinaryPrimitives.ReadInt16LittleEndian(buf.AsSpan(i * 2)) / scale;
            }

            return new PersonModel(weights, trans, frequency, noEvidenceMargin);
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
