using System.Collections.Frozen;
using Moa.Documents.Jsonl;

namespace Moa.Privacy.Names;

/// <summary>
/// How often each Hangul word stem (the word without trailing particles, <see cref="PersonFeatures.StemEnd"/>) occurs in
/// unlabelled Korean text, in logarithmic bins: a feature of the person tagger (common words such as 리뷰 or 또다시 are
/// frequent, most names are rare) and the basis of its hard negatives. Built by <c>moa pii train-person --unlabelled</c>
/// from the NSMC reviews (CC0) and stored in the model file.
/// </summary>
internal sealed class StemFrequency
{
    /// <summary>Stems seen fewer times than this are not stored (bin 0, like unseen stems).</summary>
    private const int MinStored = 3;

    private readonly FrozenDictionary<ulong, byte> _bins;

    internal StemFrequency(IReadOnlyDictionary<ulong, int> counts)
    {
        Counts = counts;
        _bins = counts.Where(kv => kv.Value >= MinStored).ToFrozenDictionary(kv => kv.Key, kv => BinOf(kv.Value));
    }

    /// <summary>An empty table: every stem is in bin 0 (the tagger without the frequency features).</summary>
    public static StemFrequency Empty { get; } = new(new Dictionary<ulong, int>());

    /// <summary>Occurrences per stem hash (only those of at least <see cref="MinStored"/> after loading from a model file).</summary>
    internal IReadOnlyDictionary<ulong, int> Counts { get; }

    /// <summary>Number of stems stored.</summary>
    public int Stored => _bins.Count;

    /// <summary>0 unseen or rare (fewer than 3), 1: 3-9, 2: 10-29, 3: 30-99, 4: 100-299, 5: 300 or more.</summary>
    public int Bin(ulong stemHash) => _bins.TryGetValue(stemHash, out var b) ? b : 0;

    private static byte BinOf(int count) => count switch
    {
        < MinStored => 0,
        < 10 => 1,
        < 30 => 2,
        < 100 => 3,
        < 300 => 4,
        _ => 5,
    };

    /// <summary>Counts the stems of every Hangul word of <paramref name="texts"/>.</summary>
    public static StemFrequency Count(IEnumerable<string> texts)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var text in texts)
        {
            ForEachStem(text, (_, _, _, stem) => counts[stem] = counts.GetValueOrDefault(stem) + 1);
        }

        return new StemFrequency(counts);
    }

    /// <summary>Calls <paramref name="visit"/>(word start, stem end, word end, stem hash) for each Hangul word of <paramref name="text"/>.</summary>
    public static void ForEachStem(string text, Action<int, int, int, ulong> visit)
    {
        var t = text.AsSpan();
        for (var a = 0; PersonFeatures.NextWord(t, ref a, out var b);)
        {
            var stemEnd = PersonFeatures.StemEnd(t, a, b);
            visit(a, stemEnd, b, PersonFeatures.WordHash(t[a..stemEnd]));
            a = b;
        }
    }

    /// <summary>Writes the stored stems (hash, count), sorted by hash so that the file is deterministic.</summary>
    public void Write(BinaryWriter w)
    {
        var stored = Counts.Where(kv => kv.Value >= MinStored).OrderBy(kv => kv.Key).ToList();
        w.Write(stored.Count);
        foreach (var (hash, count) in stored)
        {
            w.Write(hash);
            w.Write(count);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static StemFrequency Read(BinaryReader r, string origin)
    {
        var n = r.ReadInt32();
        if (n is < 0 or > 10_000_000)
        {
            throw new MoaException($"{origin}: person model has a corrupt stem-frequency table ({n} entries).");
        }

        var counts = new Dictionary<ulong, int>(n);
        for (var i = 0; i < n; i++)
        {
            counts[r.ReadUInt64()] = r.ReadInt32();
        }

        return new StemFrequency(counts);
    }

    /// <summary>
    /// The <c>text</c> field of every line of a JSONL file of unlabelled text, except texts in <paramref name="exclude"/>
    /// (compared without spaces: labelled sentences that also occur in the unlabelled file must not leak into training).
    /// Lines are split and checked by the shared JSONL reader (<see cref="JsonlRecordReader"/>); a bad line is an error naming
    /// the file, the line and the field.
    /// </summary>
    public static List<string> ReadTexts(string path, IEnumerable<string> exclude)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found (expected JSONL with a 'text' field).");
        }

        var skip = exclude.Select(Squeeze).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>();
        var records = new JsonlRecordReader();
        using var lines = new JsonlLines(path);
        while (lines.TryReadLine(out var line))
        {
            if (JsonlRecordReader.IsBlank(line))
            {
                continue;
            }

            if (records.Validate(line, out var fields, out var error) != JsonlProblem.None)
            {
                throw records.Error(path, lines.LineNumber, error, line);
            }

            var text = JsonlRecordReader.Text(line, fields);
            if (!skip.Contains(Squeeze(text)))
            {
                result.Add(text);
            }
        }

        return result;
    }

    internal static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
