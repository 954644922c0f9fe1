using System.IO.Compression;
using Moa.Text.Hashing;

namespace Moa.Privacy.Names;

/// <summary>
/// The second stage of <c>PERSON</c>: an L2-regularised logistic regression over span-level features that scores each
/// person candidate (the tagger's spans and the context rules' spans) with what the character tagger cannot see: the
/// tagger's margin and whether a rule produced the span, the span's length and shape (surname rank, compound surname,
/// given-name syllables, foreign names), what follows it inside its word (particle, honorific, glued syllables), the
/// words before and after it, the characters around it (quotes, brackets), how often the same string occurs in the text
/// and whether another occurrence is a confident name, and how often the string is a word stem in unlabelled text (a
/// common word). Its probability becomes the finding's score on the same side of the default minimum score 0.5 as the
/// tagger's or the rule's (<see cref="KeepScore"/>), so the default point is unchanged and higher <c>min_score</c> values
/// sweep the re-ranker's ranking. Trained on out-of-fold candidates (<see cref="PersonRerankerTrainer"/>).
/// Immutable and thread-safe once loaded.
/// </summary>
internal sealed class PersonReranker
{
    /// <summary>Hashed feature space: 2^<see cref="Bits"/> weights.</summary>
    internal const int Bits = 14;
    internal const int Size = 1 << Bits;

    /// <summary>At most this many features per candidate.</summary>
    internal const int MaxFeatures = 48;

    private const string Magic = "MOAPRRK1";
    private const string ResourceName = "Moa.Privacy.Names.person-reranker.bin";
    private static readonly Lazy<PersonReranker> s_default = new(LoadDefault);

    // Honorifics and bound nouns glued to a name inside its word (김씨는, 민준님, 철수군).
    private const string Honorifics = "씨님군양모";

    internal PersonReranker(float[] weights, float bias, float shift, StemFrequency frequency)
    {
        if (weights.Length != Size)
        {
            throw new MoaException($"person re-ranker: expected {Size} weights, got {weights.Length}.");
        }

        Weights = weights;
        Bias = bias;
        Shift = shift;
        Frequency = frequency;
    }

    /// <summary>The shipped re-ranker (embedded <c>Names/person-reranker.bin</c>), trained for the shipped tagger.</summary>
    public static PersonReranker Default => s_default.Value;

    internal float[] Weights { get; }

    internal float Bias { get; }

    /// <summary>Added to the logit before the sigmoid: moves the best-F1 threshold of cross-validation to 0.5.</summary>
    internal float Shift { get; }

    /// <summary>Word-stem counts in unlabelled text (the NSMC reviews): frequent stems are common words.</summary>
    internal StemFrequency Frequency { get; }

    /// <summary>Bytes the loaded re-ranker holds (weights and the stem table, 24 bytes per stem as estimated for the tagger).</summary>
    public long MemoryBytes => (Weights.Length * (long)sizeof(float)) + (Frequency.Stored * 24L);

    /// <summary>A copy with another logit shift (the operating point chosen by cross-validation).</summary>
    internal PersonReranker WithShift(float shift) => new(Weights, Bias, shift, Frequency);

    /// <summary>
    /// Replaces the score of every <c>PERSON</c> candidate at index <paramref name="from"/> or later with the re-ranker's
    /// probability p (shifted), mapped to 0.5 + 0.5 p when the original score is at least <see cref="KeepScore"/> and to
    /// 0.5 p otherwise; the features of all of them are read from the original scores first.
    /// </summary>
    public void Rescore(string text, List<PiiFinding> candidates, int from)
    {
        var count = candidates.Count - from;
        if (count <= 0)
        {
            return;
        }

        Span<double> logits = count <= 64 ? stackalloc double[count] : new double[count];
        Span<int> ids = stackalloc int[MaxFeatures];
        Span<float> values = stackalloc float[MaxFeatures];
        for (var i = from; i < candidates.Count; i++)
        {
            if (candidates[i].Type != PiiTypes.Person)
            {
                continue;
            }

            var n = Features(text, candidates, from, i, Frequency, ids, values);
            double z = Bias;
            for (var k = 0; k < n; k++)
            {
                z += Weights[ids[k]] * values[k];
            }

            logits[i - from] = z;
        }

        for (var i = from; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Type == PiiTypes.Person)
            {
                var p = Sigmoid(logits[i - from] + Shift);
                candidates[i] = c with { Score = c.Score >= KeepScore ? KeepScore + ((1 - KeepScore) * p) : KeepScore * p };
            }
        }
    }

    /// <summary>
    /// The score that marks a proposed candidate until <see cref="Rescore"/> replaces it (no rule gives it, and the tagger
    /// only at a margin of -69, which <see cref="IsTaggerScore"/> would not recover to the bit).
    /// </summary>
    internal const double ProposalScore = 0.01;

    /// <summary>
    /// Adds person candidates that neither the tagger nor the rules produced, for the re-ranker to judge: a word stem of a
    /// Korean name's shape (a surname and two syllables, a compound surname and two) that no candidate overlaps, a lone
    /// surname before a title (조 중사, 한 위원장), and a candidate widened by the Hangul word before it or the stem of the
    /// word after it (foreign names of two or three words: 필립 셰이모어).
    /// </summary>
    public static void Propose(string text, List<PiiFinding> candidates, int from)
    {
        var t = text.AsSpan();
        var existing = candidates.Count;
        for (var i = from; i < existing; i++)
        {
            var c = candidates[i];
            if (c.Type != PiiTypes.Person)
            {
                continue;
            }

            if (c.Start >= 2 && t[c.Start - 1] == ' ' && PersonFeatures.IsTagged(t[c.Start - 2]) && PersonFeatures.IsTagged(t[c.Start]))
            {
                var b = c.Start - 1;
                var a = b;
                while (a > 0 && PersonFeatures.IsTagged(t[a - 1]))
                {
                    a--;
                }

                if (b - a is >= 1 and <= 5 && (a == 0 || !char.IsLetterOrDigit(t[a - 1])) && PersonFeatures.StemEnd(t, a, b) == b)
                {
                    Add(candidates, from, a, c.End);
                }
            }

            if (c.End + 1 < t.Length && t[c.End] == ' ' && PersonFeatures.IsTagged(t[c.End + 1]) && PersonFeatures.IsTagged(t[c.End - 1]))
            {
                var a = c.End + 1;
                var b = a;
                while (b < t.Length && PersonFeatures.IsTagged(t[b]))
                {
                    b++;
                }

                var stemEnd = PersonFeatures.StemEnd(t, a, b);
                if (stemEnd - a is >= 1 and <= 6)
                {
                    Add(candidates, from, c.Start, stemEnd);
                }
            }
        }

        for (var a = 0; PersonFeatures.NextWord(t, ref a, out var b);)
        {
            var before = a == 0 ? ' ' : t[a - 1];
            if (!char.IsLetterOrDigit(before) && NameGazetteer.SurnameRank(t[a]) > 0)
            {
                var stemEnd = PersonFeatures.StemEnd(t, a, b);
                var shaped = stemEnd - a == 3 || (stemEnd - a == 4 && IsCompound(t[a..]));
                if (shaped && !Overlaps(candidates, 0, a, stemEnd))
                {
                    Add(candidates, from, a, stemEnd);
                }
                else if (b - a == 1 && b + 2 < t.Length && t[b] == ' ' && StartsWithTitle(t[(b + 1)..]) && !Overlaps(candidates, 0, a, b))
                {
                    Add(candidates, from, a, b);
                }
            }

            a = b;
        }
    }

    private static bool IsCompound(ReadOnlySpan<char> t)
    {
        foreach (var s in NameGazetteer.CompoundSurnames)
        {
            if (t.StartsWith(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithTitle(ReadOnlySpan<char> t)
    {
        foreach (var title in Recognizers.Person.Titles)
        {
            if (title.Length > 1 && t.StartsWith(title, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(List<PiiFinding> candidates, int from, int start, int end)
    {
        for (var i = from; i < candidates.Count; i++)
        {
            if (candidates[i].Start < end && start < candidates[i].End)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<PiiFinding> candidates, int from, int start, int end)
    {
        for (var i = from; i < candidates.Count; i++)
        {
            if (candidates[i].Start == start && candidates[i].End == end && candidates[i].Type == PiiTypes.Person)
            {
                return;
            }
        }

        candidates.Add(new PiiFinding(start, end, PiiTypes.Person, ProposalScore));
    }

    /// <summary>
    /// The default minimum score. The re-ranker orders candidates on either side of it and never moves one across it: a
    /// candidate the tagger and the rules score at least this keeps a score in [0.5, 1] (0.5 + 0.5 p), any other gets
    /// 0.5 p. So the default point finds exactly what the tagger and the rules find, and a higher minimum score keeps
    /// the candidates the re-ranker is surest of instead of those with the largest tagger margin.
    /// </summary>
    internal const double KeepScore = 0.5;

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>
    /// Whether a candidate's score is the tagger's (<see cref="Recognizers.Person.ModelScore"/> of a float margin) rather
    /// than a rule's fixed score: the margin recovered from the score maps back to the same score, to the bit.
    /// </summary>
    internal static bool IsTaggerScore(double score, out float margin)
    {
        margin = 0;
        if (score is <= 0 or >= 1)
        {
            return false;
        }

        var m = (float)(-Recognizers.Person.MarginScale * Math.Log((1 / score) - 1));
        foreach (var c in (ReadOnlySpan<float>)[m, MathF.BitDecrement(m), MathF.BitIncrement(m)])
        {
            if (Recognizers.Person.ModelScore(c) == score)
            {
                margin = c;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The hashed features of candidate <paramref name="i"/> (ids into the weights, values) of the person candidates of
    /// <paramref name="text"/> at <paramref name="from"/> or later; returns how many were written.
    /// </summary>
    internal static int Features(string text, IReadOnlyList<PiiFinding> candidates, int from, int i, StemFrequency frequency, Span<int> ids, Span<float> values)
    {
        var f = new Sink(ids, values);
        var c = candidates[i];
        var t = text.AsSpan();
        var span = t[c.Start..c.End];
        var proposed = c.Score == ProposalScore;
        var margin = 0f;
        var tagger = !proposed && IsTaggerScore(c.Score, out margin);
        var source = proposed ? 3 : tagger ? 1 : 2;
        var length = Math.Min(span.Length, 7);
        f.Add(1, source);
        if (tagger)
        {
            f.Add(2, 100 + Math.Clamp((int)MathF.Floor(margin / 5), -10, 10));
            f.Add(3, 0, Math.Clamp(margin / 15, -5, 5));
        }
        else
        {
            f.Add(2, (int)Math.Round(c.Score * 100));
        }

        f.Add(4, source * 8 + length);
        var spaces = span.Count(' ');
        f.Add(5, Math.Min(spaces, 3));
        var hangul = true;
        foreach (var ch in span)
        {
            hangul &= ch == ' ' || PersonFeatures.IsTagged(ch);
        }

        f.Add(6, hangul ? 1 : 0);
        var rank = span.Length > 0 ? NameGazetteer.SurnameRank(span[0]) : 0;
        f.Add(7, rank * 8 + length);
        var compound = false;
        foreach (var s in NameGazetteer.CompoundSurnames)
        {
            compound |= span.StartsWith(s, StringComparison.Ordinal);
        }

        f.Add(8, compound ? length : 0);
        var given = 0;
        for (var k = 1; k < span.Length; k++)
        {
            given += NameGazetteer.IsGivenSyllable(span[k]) ? 1 : 0;
        }

        f.Add(9, (Math.Min(given, 3) * 8) + length);
        var foreign = 0;
        foreach (var part in span.Split(' '))
        {
            foreign |= NameGazetteer.GazetteerKind(span[part]);
        }

        f.Add(10, foreign);
        f.Add(11, PersonFeatures.HasEvidence(t, c.Start, c.End) ? 1 : 0);

        // Inside the word: what is glued before and after the span.
        var wordStart = c.Start;
        while (wordStart > 0 && PersonFeatures.IsTagged(t[wordStart - 1]))
        {
            wordStart--;
        }

        var wordEnd = c.End;
        while (wordEnd < t.Length && PersonFeatures.IsTagged(t[wordEnd]))
        {
            wordEnd++;
        }

        var suffix = t[c.End..wordEnd];
        int suffixClass;
        if (suffix.IsEmpty)
        {
            suffixClass = 0;
        }
        else if (Honorifics.Contains(suffix[0], StringComparison.Ordinal))
        {
            suffixClass = 1;
        }
        else if (PersonFeatures.StemEnd(t, c.Start, wordEnd) <= c.End)
        {
            suffixClass = 2;
        }
        else
        {
            suffixClass = 3;
        }

        f.Add(12, (suffixClass * 4) + source);
        if (!suffix.IsEmpty)
        {
            f.Add(13, suffix.Length <= 3 ? HashMix.Fnv1a(suffix) : HashMix.Fnv1a(suffix[..1]));
        }

        var prefix = t[wordStart..c.Start];
        f.Add(14, prefix.IsEmpty ? 0 : 1);
        if (!prefix.IsEmpty)
        {
            f.Add(15, HashMix.Fnv1a(prefix[^1..]));
        }

        // The characters around the word: quotes, brackets, punctuation, start or end of the text.
        f.Add(16, Shape(wordStart > 0 ? t[wordStart - 1] : '\0'));
        f.Add(17, Shape(wordEnd < t.Length ? t[wordEnd] : '\0'));

        // The next and the previous word (a title, a verb, a noun), by its first and last syllables.
        if (wordEnd + 1 < t.Length && t[wordEnd] == ' ' && PersonFeatures.IsTagged(t[wordEnd + 1]))
        {
            var a = wordEnd + 1;
            var b = a;
            while (b < t.Length && PersonFeatures.IsTagged(t[b]))
            {
                b++;
            }

            var next = t[a..b];
            var title = 0;
            foreach (var ti in Recognizers.Person.Titles)
            {
                if (next.StartsWith(ti, StringComparison.Ordinal))
                {
                    title = ti.Length;
                }
            }

            f.Add(18, title > 0 ? HashMix.Fnv1a(next[..title]) : 0);
            f.Add(19, HashMix.Fnv1a(next[..Math.Min(2, next.Length)]));
            f.Add(20, HashMix.Fnv1a(next[^1..]));
        }
        else
        {
            f.Add(18, 1);
        }

        if (wordStart >= 2 && t[wordStart - 1] == ' ' && PersonFeatures.IsTagged(t[wordStart - 2]))
        {
            var b = wordStart - 1;
            var a = b;
            while (a > 0 && PersonFeatures.IsTagged(t[a - 1]))
            {
                a--;
            }

            var previous = t[a..b];
            f.Add(21, previous.Length <= 3 ? HashMix.Fnv1a(previous) : HashMix.Fnv1a(previous[^2..]));
            f.Add(22, HashMix.Fnv1a(previous[^1..]));
        }
        else
        {
            f.Add(21, 1);
        }

        // The span's own first and last syllables (given names end in other syllables than common nouns).
        if (span.Length >= 2)
        {
            f.Add(23, HashMix.Fnv1a(span[^1..]));
            f.Add(24, HashMix.Fnv1a(span[..1]) + (ulong)length);
        }

        // Common words: how often the span (and its whole word's stem) is a word stem in unlabelled text.
        var bin = frequency.Bin(PersonFeatures.WordHash(span));
        f.Add(25, (bin * 4) + source);
        f.Add(26, (bin * 8) + length);
        var stemEnd = PersonFeatures.StemEnd(t, wordStart, wordEnd);
        if (wordStart != c.Start || stemEnd != c.End)
        {
            f.Add(27, frequency.Bin(PersonFeatures.WordHash(t[wordStart..stemEnd])));
        }

        // The same string elsewhere in the text, and whether another candidate with it is a confident name.
        var occurrences = 0;
        for (var at = t.IndexOf(span, StringComparison.Ordinal); at >= 0 && occurrences < 3;)
        {
            occurrences++;
            var next = t[(at + 1)..].IndexOf(span, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        f.Add(28, occurrences);
        var other = -1.0;
        for (var k = from; k < candidates.Count; k++)
        {
            var o = candidates[k];
            if (k != i && o.Type == PiiTypes.Person && t[o.Start..o.End].SequenceEqual(span))
            {
                other = Math.Max(other, o.Score);
            }
        }

        f.Add(29, other < 0 ? 0 : other < 0.5 ? 1 : other < 0.9 ? 2 : 3);
        f.Add(30, (c.Start == 0 ? 1 : 0) + (c.End == t.Length ? 2 : 0));

        // Conjunctions a linear model cannot form: the tagger's confidence with what follows, the shape with the source.
        var marginBin = tagger ? Math.Clamp((int)MathF.Floor(margin / 10), -5, 5) + 6 : 0;
        f.Add(31, (((marginBin * 4) + suffixClass) * 4) + source);
        f.Add(32, (((source * 8) + length) * 4) + suffixClass);
        f.Add(33, (source * 4) + Math.Min(spaces, 3));
        f.Add(34, (((bin * 4) + Math.Min(rank, 1)) * 8) + length);
        return f.Count;
    }

    /// <summary>0 none, 1 Hangul, 2 space, 3 Latin, 4 digit, 5 opening bracket or quote, 6 closing, 7 comma or full stop, 8 colon, 9 other.</summary>
    private static int Shape(char c) => c switch
    {
        '\0' => 0,
        >= '\uAC00' and <= '\uD7A3' => 1,
        ' ' or '\t' or '\n' or '\r' => 2,
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' => 3,
        >= '0' and <= '9' => 4,
        '(' or '[' or '"' or '\'' or '“' or '‘' or '<' or '《' or '「' or '『' => 5,
        ')' or ']' or '”' or '’' or '>' or '》' or '」' or '』' => 6,
        ',' or '.' or '·' => 7,
        ':' => 8,
        _ => 9,
    };

    /// <summary>Collects (bucket, value) pairs; a feature is its group and a value, hashed together.</summary>
    private ref struct Sink(Span<int> ids, Span<float> values)
    {
        private readonly Span<int> _ids = ids;
        private readonly Span<float> _values = values;

        public int Count { get; private set; }

        public void Add(int group, long value, float x = 1) => Add(group, (ulong)value, x);

        public void Add(int group, ulong value, float x = 1)
        {
            if (Count == _ids.Length)
            {
                return;
            }

            var h = HashMix.Fmix64((value * 0x9E3779B97F4A7C15UL) ^ ((ulong)group << 56) ^ (ulong)group);
            _ids[Count] = (int)(h >> (64 - Bits));
            _values[Count] = x;
            Count++;
        }
    }

    /// <summary>Writes the re-ranker: a header, bias and shift, the stem table, then the weights, deflate-compressed.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        using var z = new ZLibStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(z);
        w.Write(Magic.ToCharArray());
        w.Write(Bits);
        w.Write(Bias);
        w.Write(Shift);
        Frequency.Write(w);
        foreach (var x in Weights)
        {
            w.Write(x);
        }
    }

    /// <summary>Reads a re-ranker written by <see cref="Save"/>; another version or a damaged file is a clear error.</summary>
    public static PersonReranker Load(Stream stream, string origin)
    {
        try
        {
            using var z = new ZLibStream(stream, CompressionMode.Decompress);
            using var r = new BinaryReader(z);
            var magic = new string(r.ReadChars(Magic.Length));
            var bits = r.ReadInt32();
            if (magic != Magic || bits != Bits)
            {
                throw new MoaException($"{origin}: not a person re-ranker of this version (expected {Magic}, {Bits} bits); retrain it with `moa pii train-person-reranker`.");
            }

            var bias = r.ReadSingle();
            var shift = r.ReadSingle();
            var frequency = StemFrequency.Read(r, origin);
            var weights = new float[Size];
            for (var i = 0; i < Size; i++)
            {
                weights[i] = r.ReadSingle();
            }

            if (!float.IsFinite(bias) || !float.IsFinite(shift) || weights.Any(x => !float.IsFinite(x)))
            {
                throw new MoaException($"{origin}: person re-ranker has a weight that is not a finite number.");
            }

            return new PersonReranker(weights, bias, shift, frequency);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new MoaException($"{origin}: not a readable person re-ranker ({ex.Message}).");
        }
    }

    private static PersonReranker LoadDefault()
    {
        using var stream = typeof(PersonReranker).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new MoaException($"person re-ranker resource {ResourceName} is missing from Moa.Privacy.");
        return Load(stream, ResourceName);
    }
}
