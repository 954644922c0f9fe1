using Moa.Privacy;
using Moa.Text.Hashing;

namespace Moa.Curation.Reporting;

/// <summary>
/// A few removed documents per removal reason, shown in <c>report.html</c> so an operator can judge a rule at a
/// glance. The examples of a reason are the <see cref="PerReason"/> documents with the smallest xxHash64 of their id
/// (ties broken by id), so any worker count, part size or resume gives the same examples. Texts are cut to
/// <see cref="MaxChars"/> characters after PII was masked.
/// </summary>
public static class RemovalExamples
{
    /// <summary>Examples kept per reason.</summary>
    public const int PerReason = 3;

    /// <summary>Characters of text shown per example.</summary>
    public const int MaxChars = 300;

    /// <summary>The rank key of a document id: smaller comes first.</summary>
    public static ulong HashOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TextHash.XxHash64(id.AsSpan());
    }

    /// <summary>Whether a document with this id would be among the examples of <paramref name="reason"/> now; cheap, to skip building most examples.</summary>
    public static bool Wants(SortedDictionary<string, List<RemovalExample>> examples, string reason, string id, ulong hash)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (!examples.TryGetValue(reason, out var list) || list.Count < PerReason)
        {
            return true;
        }

        var last = list[^1];
        return Compare(hash, id, last.Hash, last.Id) < 0;
    }

    /// <summary>Inserts <paramref name="example"/> if it ranks among the first <see cref="PerReason"/> of its reason.</summary>
    public static void Offer(SortedDictionary<string, List<RemovalExample>> examples, string reason, RemovalExample example)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(example);
        if (!examples.TryGetValue(reason, out var list))
        {
            list = [];
            examples[reason] = list;
        }

        var at = 0;
        while (at < list.Count && Compare(list[at].Hash, list[at].Id, example.Hash, example.Id) < 0)
        {
            at++;
        }

        if (at < list.Count && list[at].Hash == example.Hash && list[at].Id == example.Id)
        {
            return;
        }

        list.Insert(at, example);
        if (list.Count > PerReason)
        {
            list.RemoveAt(list.Count - 1);
        }
    }

    /// <summary>Merges the examples of <paramref name="from"/> into <paramref name="into"/>.</summary>
    public static void Merge(SortedDictionary<string, List<RemovalExample>> into, SortedDictionary<string, List<RemovalExample>> from)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(from);
        foreach (var (reason, list) in from)
        {
            foreach (var example in list)
            {
                Offer(into, reason, example);
            }
        }
    }

    /// <summary>The text shown for an example: PII masked by <paramref name="scrubber"/>, then cut to <see cref="MaxChars"/> characters.</summary>
    public static (string Text, bool Truncated) Snippet(string text, PiiScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scrubber);

        // Mask a generous head first, so a finding that straddles the cut is masked, not half shown.
        var head = text.Length > MaxChars * 2 ? text[..Cut(text, MaxChars * 2)] : text;
        var masked = scrubber.Scrub(head).Text;
        if (masked.Length <= MaxChars && head.Length == text.Length)
        {
            return (masked, false);
        }

        return (masked.Length <= MaxChars ? masked : masked[..Cut(masked, MaxChars)], true);
    }

    private static int Cut(string text, int length) =>
        length < text.Length && char.IsLowSurrogate(text[length]) ? length - 1 : length;

    private static int Compare(ulong hashA, string idA, ulong hashB, string idB) =>
        hashA != hashB ? hashA.CompareTo(hashB) : string.CompareOrdinal(idA, idB);
}

/// <summary>One removed document shown in the report.</summary>
public sealed class RemovalExample
{
    public string Id { get; set; } = string.Empty;

    /// <summary>xxHash64 of the id: the rank among the removed documents of its reason.</summary>
    public ulong Hash { get; set; }

    /// <summary>The start of the text, PII masked; empty when the run did not keep removed texts.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Whether <see cref="Text"/> is cut.</summary>
    public bool Truncated { get; set; }

    /// <summary>Filter profile that removed it (from <c>meta.filter</c>), when known.</summary>
    public string? Profile { get; set; }

    /// <summary>The rule's measured value (from <c>meta.filter</c>), when known.</summary>
    public double? Value { get; set; }

    /// <summary>The rule's threshold (from <c>meta.filter</c>), when known.</summary>
    public double? Threshold { get; set; }

    /// <summary>For duplicates: the id of the kept copy.</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>For duplicates: shingle Jaccard similarity with the kept copy.</summary>
    public double? Similarity { get; set; }
}
