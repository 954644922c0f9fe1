using System.Runtime.CompilerServices;
using Moa.Privacy.Analysis;
using Moa.Text.Hashing;

namespace Moa.Privacy.Names;

/// <summary>Receives the bucket of each feature of one position, in feature order (<see cref="PersonFeatures"/>).</summary>
internal interface IFeatureSink
{
    void Add(int bucket);
}

/// <summary>Writes the buckets of one position to consecutive slots (training and the reference tagging path).</summary>
internal ref struct BucketWriter : IFeatureSink
{
    private readonly Span<int> _slots;
    private int _next;

    public BucketWriter(Span<int> slots) => _slots = slots;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int bucket) => _slots[_next++] = bucket;
}

/// <summary>
/// The features of one character for the person tagger, hashed into <c>2^Bits</c> buckets: surrounding characters
/// (unigrams to trigrams), the position of the syllable in its Hangul word and the word's length, what follows the
/// name inside the word (particles, 씨/님) and around it (the next word: titles such as 감독, 대표), the surname and
/// given-name gazetteers, and the whole word. Shared by training and tagging so that both see the same features.
/// </summary>
internal static class PersonFeatures
{
    public const int Bits = 20;
    public const int Count = 33;
    private const int Shift = 64 - Bits;

    /// <summary>Whether the tagger looks at this character at all (Hangul syllables; spaces between them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTagged(char c) => Context.IsHangulSyllable(c);

    /// <summary>
    /// Gives <paramref name="f"/> the <see cref="Count"/> bucket indices, in order, for position <paramref name="i"/> of a Hangul word <c>[a, b)</c>
    /// whose whole-word hash is <paramref name="word"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void At<TSink>(ReadOnlySpan<char> t, int i, int a, int b, ulong word, int stemEnd, ulong stem, int stemBin, int wordBin, int foreign, ref TSink f)
        where TSink : IFeatureSink, allows ref struct
    {
        var c0 = At(t, i);
        var m1 = At(t, i - 1);
        var m2 = At(t, i - 2);
        var p1 = At(t, i + 1);
        var p2 = At(t, i + 2);
        var p = i - a;
        var len = b - a;
        var rest = b - i - 1;
        var pc = (char)Math.Min(p, 5);
        var lc = (char)Math.Min(len, 7);
        f.Add(H(0, 0, 0, 0));
        CharacterContext(t, i, m2, m1, c0, p1, p2, At(t, i + 3), ref f);
        f.Add(H(13, pc, lc, 0));
        f.Add(H(14, pc, c0, 0));
        f.Add(H(15, (char)Math.Min(rest, 5), c0, 0));
        f.Add(rest <= 3 ? H(16, rest >= 1 ? p1 : '\0', rest >= 2 ? p2 : '\0', rest >= 3 ? At(t, i + 3) : '\0') : H(16, (char)1, (char)rest, 0));
        f.Add(p <= 2 ? H(17, p >= 1 ? m1 : '\0', p >= 2 ? m2 : '\0', c0) : H(17, (char)1, (char)p, c0));
        f.Add(H(18, At(t, b), At(t, b + 1), At(t, b + 2), Math.Min(rest, 3)));
        f.Add(H(19, At(t, a - 3), At(t, a - 2), At(t, a - 1), Math.Min(p, 3)));
        f.Add(H(20, (char)NameGazetteer.SurnameRank(c0), pc, lc));
        f.Add(H(21, (char)NameGazetteer.SurnameRank(m1), (char)((NameGazetteer.IsGivenSyllable(c0) ? 1 : 0) | (NameGazetteer.IsGivenSyllable(p1) ? 2 : 0)), pc));
        f.Add(H(22, Shape(m1), Shape(p1), Shape(m2), Shape(p2)));
        f.Add(len <= 6 ? Bucket(word ^ 0xA5A5_0000_0000_0017UL) : H(23, (char)1, 0, 0));
        f.Add(len <= 6 ? Bucket((word * 31) ^ (ulong)p ^ 0x5A5A_0000_0000_0018UL) : H(24, pc, 0, 0));
        f.Add(H(25, At(t, b), (char)Math.Min(rest, 3), c0));

        // The word without its trailing particles (송혜교가, 김씨는 → 송혜교, 김): its length, surname, the
        // syllable's place in it, the stem itself and the particles after it.
        var stemLength = stemEnd - a;
        var inStem = i < stemEnd ? p : 7;
        f.Add(H(26, (char)Math.Min(stemLength, 6), (char)inStem, (char)NameGazetteer.SurnameRank(t[a])));
        f.Add(stemLength <= 5 ? Bucket((stem * 131) ^ (ulong)inStem ^ 0x3C3C_0000_0000_001BUL) : H(27, (char)inStem, 0, 0));
        f.Add(H(28, (char)inStem, (char)Math.Min(stemLength, 6), At(t, stemEnd), stemEnd < b ? b - stemEnd : 0));
        f.Add(H(29, (char)inStem, (char)Math.Min(stemLength, 6), (char)((NameGazetteer.IsGivenSyllable(At(t, a + 1)) ? 1 : 0) | (NameGazetteer.IsGivenSyllable(At(t, a + 2)) ? 2 : 0))));

        // How common the stem and the whole word are in unlabelled text (StemFrequency; 0 when the model has no table).
        f.Add(H(30, (char)stemBin, (char)inStem, (char)Math.Min(stemLength, 6)));
        f.Add(H(31, (char)stemBin, (char)wordBin, (char)NameGazetteer.SurnameRank(t[a]), Math.Min(b - stemEnd, 3)));

        // The name gazetteer: whether the stem, the word before and the word after are foreign name words or known names
        // (GazetteerFlags), with the syllable's place in the stem.
        f.Add(H(32, foreign, inStem, 0));
    }

    /// <summary>Features 1–12: the character and its neighbours, unigrams to trigrams (shared by <see cref="At"/> and <see cref="AtWord"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CharacterContext<TSink>(ReadOnlySpan<char> t, int i, char m2, char m1, char c0, char p1, char p2, char p3, ref TSink f)
        where TSink : IFeatureSink, allows ref struct
    {
        f.Add(H(1, c0, 0, 0));
        f.Add(H(2, m1, 0, 0));
        f.Add(H(3, p1, 0, 0));
        f.Add(H(4, m2, 0, 0));
        f.Add(H(5, p2, 0, 0));
        f.Add(H(6, m1, c0, 0));
        f.Add(H(7, c0, p1, 0));
        f.Add(H(8, m2, m1, 0));
        f.Add(H(9, p1, p2, 0));
        f.Add(H(10, m1, c0, p1));
        f.Add(H(11, p1, p2, p3));
        f.Add(H(12, At(t, i - 3), m2, m1));
    }

    /// <summary>
    /// The next Hangul word (a run of tagged characters) at or after <paramref name="a"/>: false when there is none;
    /// otherwise <paramref name="a"/> is its start and <paramref name="b"/> its end.
    /// </summary>
    public static bool NextWord(ReadOnlySpan<char> t, ref int a, out int b)
    {
        while (a < t.Length && !IsTagged(t[a]))
        {
            a++;
        }

        b = a;
        while (b < t.Length && IsTagged(t[b]))
        {
            b++;
        }

        return a < t.Length;
    }

    /// <summary>
    /// What <see cref="At"/> gives, for the tagging path: the same buckets in the same order, with the parts that do not
    /// change along the word (<paramref name="w"/>: features 0, 13, 18–20 and 23–31 in part or whole) computed once per
    /// word instead of once per character. <c>PersonTaggerEquivalenceTests</c> holds the two to the same findings.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AtWord<TSink>(ReadOnlySpan<char> t, int i, in WordFeatures w, ref TSink f)
        where TSink : IFeatureSink, allows ref struct
    {
        var c0 = At(t, i);
        var m1 = At(t, i - 1);
        var m2 = At(t, i - 2);
        var p1 = At(t, i + 1);
        var p2 = At(t, i + 2);
        var p3 = At(t, i + 3);
        var p = i - w.A;
        var rest = w.B - i - 1;
        var pc = (char)Math.Min(p, 5);
        var rest3 = (uint)Math.Min(rest, 3);
        f.Add(w.Bucket0);
        CharacterContext(t, i, m2, m1, c0, p1, p2, p3, ref f);
        f.Add(Bucket(w.Key13 ^ ((ulong)pc << 40)));
        f.Add(H(14, pc, c0, 0));
        f.Add(H(15, (char)Math.Min(rest, 5), c0, 0));
        f.Add(rest <= 3 ? H(16, rest >= 1 ? p1 : '\0', rest >= 2 ? p2 : '\0', rest >= 3 ? p3 : '\0') : H(16, (char)1, (char)rest, 0));
        f.Add(p <= 2 ? H(17, p >= 1 ? m1 : '\0', p >= 2 ? m2 : '\0', c0) : H(17, (char)1, (char)p, c0));
        f.Add(Bucket(w.Key18 ^ ((ulong)rest3 << 36)));
        f.Add(Bucket(w.Key19 ^ ((ulong)(uint)Math.Min(p, 3) << 36)));
        f.Add(Bucket(w.Key20 ^ ((ulong)(uint)NameGazetteer.SurnameRank(c0) << 40) ^ ((ulong)pc << 20)));
        f.Add(H(21, (char)NameGazetteer.SurnameRank(m1), (char)((NameGazetteer.IsGivenSyllable(c0) ? 1 : 0) | (NameGazetteer.IsGivenSyllable(p1) ? 2 : 0)), pc));
        f.Add(H(22, Shape(m1), Shape(p1), Shape(m2), Shape(p2)));
        f.Add(w.Bucket23);
        f.Add(w.ShortWord ? Bucket(w.Word24 ^ (ulong)p) : H(24, pc, 0, 0));
        f.Add(Bucket(w.Key25 ^ ((ulong)rest3 << 20) ^ c0));
        if (i < w.StemEnd)
        {
            f.Add(Bucket(w.Key26 ^ ((ulong)(uint)p << 20)));
            f.Add(w.ShortStem ? Bucket(w.Stem27 ^ (ulong)p) : H(27, (char)p, 0, 0));
            f.Add(Bucket(w.Key28 ^ ((ulong)(uint)p << 40)));
            f.Add(Bucket(w.Key29 ^ ((ulong)(uint)p << 40)));
            f.Add(Bucket(w.Key30 ^ ((ulong)(uint)p << 20)));
        }
        else
        {
            // Past the stem the syllable's place in it is 7 for every position: the five buckets are the word's.
            f.Add(w.Bucket26);
            f.Add(w.Bucket27);
            f.Add(w.Bucket28);
            f.Add(w.Bucket29);
            f.Add(w.Bucket30);
        }

        f.Add(w.Bucket31);
        f.Add(i < w.StemEnd ? Bucket(w.Key32 ^ ((ulong)(uint)p << 20)) : w.Bucket32);
    }

    /// <summary>
    /// Features (<see cref="Count"/>, in order, to <paramref name="f"/>) of a space between two Hangul words (which may be inside a name: 조니 뎁): the words on both sides
    /// (whole, their lengths, the last syllable of the left one and the first of the right one) and the nearby characters.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="padding"/> only the first <see cref="SpaceOwn"/> are given: a caller that scores the fixed
    /// <see cref="SpacePadding"/> buckets once (their sum is the same at every space) leaves them out.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AtSpace<TSink>(ReadOnlySpan<char> t, int i, ulong left, int leftLength, ulong right, int rightLength, int foreignPair, ref TSink f, bool padding = true)
        where TSink : IFeatureSink, allows ref struct
    {
        var m1 = At(t, i - 1);
        var p1 = At(t, i + 1);
        f.Add(H(40, 0, 0, 0));
        f.Add(H(41, m1, p1, 0));
        f.Add(H(42, At(t, i - 2), m1, 0));
        f.Add(H(43, p1, At(t, i + 2), 0));
        f.Add(H(44, m1, 0, 0));
        f.Add(H(45, p1, 0, 0));
        f.Add(H(46, NameGazetteer.SurnameRank(m1), NameGazetteer.SurnameRank(p1), 0));
        f.Add(H(47, Math.Min(leftLength, 6), Math.Min(rightLength, 6), 0));
        f.Add(leftLength <= 6 ? Bucket(left ^ 0x1234_0000_0000_0031UL) : H(48, 1, 0, 0));
        f.Add(rightLength <= 6 ? Bucket(right ^ 0x1234_0000_0000_0032UL) : H(49, 1, 0, 0));
        f.Add(H(50, At(t, i + rightLength), Math.Min(rightLength, 6), 0));
        f.Add(H(51, At(t, i - leftLength), Math.Min(leftLength, 6), 0));
        f.Add(H(52, m1, At(t, i + rightLength), 0));
        f.Add(H(53, At(t, i - leftLength), p1, 0));
        f.Add(H(55, foreignPair, 0, 0));
        if (padding)
        {
            foreach (var bucket in s_spacePadding)
            {
                f.Add(bucket);
            }
        }
    }

    /// <summary>How many of a space's features depend on the text; the other slots are <see cref="SpacePadding"/>.</summary>
    public const int SpaceOwn = 15;

    /// <summary>The fixed buckets of a space's slots past <see cref="SpaceOwn"/>, in order.</summary>
    public static ReadOnlySpan<int> SpacePadding => s_spacePadding;

    // A space has 15 features; the other slots get fixed buckets (one per slot), computed once.
    private static readonly int[] s_spacePadding = [.. Enumerable.Range(SpaceOwn, Count - SpaceOwn).Select(k => H(54, k, 0, 0))];

    /// <summary>
    /// Feature 32's value for a word: the gazetteer kinds of its stem (<see cref="NameGazetteer.GazetteerKind"/>, bits
    /// 0-3), and whether the word before (bit 4) and the word after (bit 5) in the segment are name words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GazetteerFlags(int own, int before, int after) =>
        own | (before != 0 ? 1 << NameGazetteer.KindBits : 0) | (after != 0 ? 2 << NameGazetteer.KindBits : 0);

    /// <summary>The space feature's value: the gazetteer kinds of the words on its left and right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GazetteerPair(int left, int right) => left | (right << NameGazetteer.KindBits);

    /// <summary>
    /// The word that starts at <paramref name="a"/> in segment <c>[.., e)</c>: its end <paramref name="b"/>, its stem's
    /// end (<see cref="StemEnd"/>, or <see cref="StemEndReference"/> for the reference path) and the gazetteer kinds
    /// of its stem (<see cref="NameGazetteer.GazetteerKind"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WordAt(ReadOnlySpan<char> t, int a, int e, bool reference, out int b, out int stemEnd)
    {
        b = a;
        while (b < e && t[b] != ' ')
        {
            b++;
        }

        if (b == a)
        {
            stemEnd = a;
            return 0;
        }

        stemEnd = reference ? StemEndReference(t, a, b) : StemEnd(t, a, b);
        return NameGazetteer.GazetteerKind(t[a..stemEnd]);
    }

    // Particles and honorifics that follow a name inside its word, longest first within each first syllable.
    private static readonly string[] s_particles =
    [
        "에게서", "에게는", "에게도", "에게", "께서는", "께서", "씨에게", "씨와", "씨의", "씨는", "씨가", "씨를", "씨도", "씨", "님의", "님은", "님이", "님께",
        "님", "이라는", "이랑", "이와", "이는", "이가", "이의", "이를", "이도", "이에게", "한테", "하고", "과", "와", "의", "은", "는", "이", "가", "을", "를",
        "도", "만", "랑", "처럼", "보다", "까지", "부터", "마저", "조차", "으로", "로", "에", "라는", "란", "군", "양",
    ];

    private static readonly System.Buffers.SearchValues<char> s_particleEnds = System.Buffers.SearchValues.Create([.. s_particles.Select(p => p[^1]).Distinct()]);

    // The particles by their last syllable: a word can only end with those that end with its own last syllable.
    private static readonly System.Collections.Frozen.FrozenDictionary<char, string[]> s_particlesByLast =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(s_particles.GroupBy(p => p[^1]), g => g.Key, g => g.ToArray());

    /// <summary>
    /// The end of the stem of word <c>[a, b)</c>: before the longest trailing particle or honorific, leaving at least one
    /// syllable.
    /// </summary>
    public static int StemEnd(ReadOnlySpan<char> t, int a, int b)
    {
        var best = b;
        if (!s_particlesByLast.TryGetValue(t[b - 1], out var candidates))
        {
            return best;
        }

        foreach (var p in candidates)
        {
            if (b - a > p.Length && b - p.Length < best && t[a..b].EndsWith(p, StringComparison.Ordinal))
            {
                best = b - p.Length;
            }
        }

        return best;
    }

    /// <summary>
    /// <see cref="StemEnd"/> as first written (every particle tried): the reference path
    /// (<see cref="PersonModel.FindReference"/>) keeps it, so that the speed bench and the equivalence tests compare
    /// against the tagger as it was.
    /// </summary>
    internal static int StemEndReference(ReadOnlySpan<char> t, int a, int b)
    {
        var best = b;
        if (!s_particleEnds.Contains(t[b - 1]))
        {
            return best;
        }

        foreach (var p in s_particles)
        {
            if (b - a > p.Length && b - p.Length < best && t[a..b].EndsWith(p, StringComparison.Ordinal))
            {
                best = b - p.Length;
            }
        }

        return best;
    }

    /// <summary>
    /// Whether a tagged span <c>[start, end)</c> has evidence of being a name besides the tagger's weights: it spans
    /// words (a foreign name), has a Korean shape (a surname and two syllables, a compound surname and two), a particle or
    /// honorific follows it inside its word (김씨는, 탕웨이가), or the next word is a title (감독, 씨). Spans without it
    /// need a larger margin (<see cref="PersonModel.NoEvidenceMargin"/>).
    /// </summary>
    public static bool HasEvidence(ReadOnlySpan<char> t, int start, int end)
    {
        var name = t[start..end];
        if (name.Contains(' '))
        {
            return true;
        }

        if ((name.Length == 3 && NameGazetteer.SurnameRank(name[0]) > 0) || NameGazetteer.GazetteerKind(name) != 0)
        {
            return true;
        }

        foreach (var compound in NameGazetteer.CompoundSurnames)
        {
            if (name.Length == 4 && name.StartsWith(compound, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var wordEnd = end;
        while (wordEnd < t.Length && IsTagged(t[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd > end)
        {
            foreach (var p in s_particles)
            {
                if (t[end..wordEnd].SequenceEqual(p))
                {
                    return true;
                }
            }
        }

        if (wordEnd == end && wordEnd + 1 < t.Length && t[wordEnd] == ' ')
        {
            var next = wordEnd + 1;
            foreach (var title in Recognizers.Person.Titles)
            {
                if (t[next..].StartsWith(title, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A hash of the characters of a word, for the whole-word features.</summary>
    public static ulong WordHash(ReadOnlySpan<char> word) => HashMix.Fnv1a(word);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char At(ReadOnlySpan<char> t, int i) => (uint)i < (uint)t.Length ? t[i] : '\0';

    /// <summary>0 none, 1 Hangul, 2 space, 3 Latin, 4 digit, 5 opening bracket/quote, 6 closing, 7 other punctuation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Shape(char c) => c switch
    {
        '\0' => (char)0,
        >= '\uAC00' and <= '\uD7A3' => (char)1,
        ' ' or '\t' or '\n' or '\r' => (char)2,
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' => (char)3,
        >= '0' and <= '9' => (char)4,
        '(' or '[' or '"' or '\'' or '“' or '‘' or '<' or '《' or '「' => (char)5,
        ')' or ']' or '”' or '’' or '>' or '》' or '」' => (char)6,
        _ => (char)7,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int H(int template, int x, int y, int z, int extra = 0) => Bucket(Key(template, x, y, z, extra));

    /// <summary>The key <see cref="H"/> hashes: the fields in disjoint bit ranges, combined by exclusive or (so parts can be combined in any order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Key(int template, int x, int y, int z, int extra = 0) =>
        ((ulong)template << 58) ^ ((ulong)(uint)x << 40) ^ ((ulong)(uint)extra << 36) ^ ((ulong)(uint)y << 20) ^ (uint)z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Bucket(ulong key)
    {
        var h = key * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return (int)(h >> Shift);
    }
}

/// <summary>
/// The parts of a word's features (<see cref="PersonFeatures.At"/>) that are the same at every syllable of the word
/// <c>[A, B)</c>, for <see cref="PersonFeatures.AtWord"/>: whole buckets (0, 23, 31, and 26–30 past the stem) and keys
/// that a syllable completes with its place in the word (<see cref="PersonFeatures.Key"/>).
/// </summary>
internal readonly struct WordFeatures
{
    public WordFeatures(ReadOnlySpan<char> t, int a, int b, ulong word, int stemEnd, ulong stem, int stemBin, int wordBin, int foreign)
    {
        A = a;
        B = b;
        StemEnd = stemEnd;
        var len = b - a;
        var lc = (char)Math.Min(len, 7);
        var stemLength = stemEnd - a;
        var stemLength6 = (char)Math.Min(stemLength, 6);
        var surname = (char)NameGazetteer.SurnameRank(t[a]);
        var next = PersonFeatures.At(t, b);
        Bucket0 = PersonFeatures.Bucket(PersonFeatures.Key(0, 0, 0, 0));
        Key13 = PersonFeatures.Key(13, 0, lc, 0);
        Key18 = PersonFeatures.Key(18, next, PersonFeatures.At(t, b + 1), PersonFeatures.At(t, b + 2));
        Key19 = PersonFeatures.Key(19, PersonFeatures.At(t, a - 3), PersonFeatures.At(t, a - 2), PersonFeatures.At(t, a - 1));
        Key20 = PersonFeatures.Key(20, 0, 0, lc);
        Bucket23 = len <= 6 ? PersonFeatures.Bucket(word ^ 0xA5A5_0000_0000_0017UL) : PersonFeatures.Bucket(PersonFeatures.Key(23, (char)1, 0, 0));
        ShortWord = len <= 6;
        Word24 = (word * 31) ^ 0x5A5A_0000_0000_0018UL;
        Key25 = PersonFeatures.Key(25, next, 0, 0);
        Key26 = PersonFeatures.Key(26, stemLength6, 0, surname);
        ShortStem = stemLength <= 5;
        Stem27 = (stem * 131) ^ 0x3C3C_0000_0000_001BUL;
        Key28 = PersonFeatures.Key(28, 0, stemLength6, PersonFeatures.At(t, stemEnd), stemEnd < b ? b - stemEnd : 0);
        Key29 = PersonFeatures.Key(29, 0, stemLength6, (char)((NameGazetteer.IsGivenSyllable(PersonFeatures.At(t, a + 1)) ? 1 : 0) | (NameGazetteer.IsGivenSyllable(PersonFeatures.At(t, a + 2)) ? 2 : 0)));
        Key30 = PersonFeatures.Key(30, (char)stemBin, 0, stemLength6);
        Bucket31 = PersonFeatures.Bucket(PersonFeatures.Key(31, (char)stemBin, (char)wordBin, surname, Math.Min(b - stemEnd, 3)));

        // Past the stem (inStem = 7).
        const int Past = 7;
        Bucket26 = PersonFeatures.Bucket(Key26 ^ ((ulong)Past << 20));
        Bucket27 = ShortStem ? PersonFeatures.Bucket(Stem27 ^ Past) : PersonFeatures.Bucket(PersonFeatures.Key(27, (char)Past, 0, 0));
        Bucket28 = PersonFeatures.Bucket(Key28 ^ ((ulong)Past << 40));
        Bucket29 = PersonFeatures.Bucket(Key29 ^ ((ulong)Past << 40));
        Bucket30 = PersonFeatures.Bucket(Key30 ^ ((ulong)Past << 20));
        Key32 = PersonFeatures.Key(32, foreign, 0, 0);
        Bucket32 = PersonFeatures.Bucket(Key32 ^ ((ulong)Past << 20));
    }

    public int A { get; }

    public int B { get; }

    public int StemEnd { get; }

    public int Bucket0 { get; }

    public ulong Key13 { get; }

    public ulong Key18 { get; }

    public ulong Key19 { get; }

    public ulong Key20 { get; }

    public int Bucket23 { get; }

    public bool ShortWord { get; }

    public ulong Word24 { get; }

    public ulong Key25 { get; }

    public ulong Key26 { get; }

    public bool ShortStem { get; }

    public ulong Stem27 { get; }

    public ulong Key28 { get; }

    public ulong Key29 { get; }

    public ulong Key30 { get; }

    public int Bucket31 { get; }

    public int Bucket26 { get; }

    public int Bucket27 { get; }

    public int Bucket28 { get; }

    public int Bucket29 { get; }

    public int Bucket30 { get; }

    public ulong Key32 { get; }

    public int Bucket32 { get; }
}
