using System.Numerics;
using System.Runtime.CompilerServices;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Contamination;

/// <summary>
/// The n-grams of a benchmark's items in an open-addressing hash table (with a one-bit-per-slot prefilter that rejects
/// most corpus n-grams from cache), each n-gram pointing to the items that contain it.
/// </summary>
public sealed class ContaminationIndex
{
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly ulong[] _filter;
    private readonly int _mask;
    private readonly int _filterMask;
    private readonly int[] _postingHead;
    private readonly int[] _postingItem;
    private readonly int[] _postingNext;

    private ContaminationIndex(NGramUnit unit, int n, IReadOnlyList<BenchmarkItem> items, Dictionary<ulong, List<int>> grams, int[] gramsPerItem)
    {
        Unit = unit;
        N = n;
        Items = items;
        GramsPerItem = gramsPerItem;
        GramCount = grams.Count;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, grams.Count * 2));
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        var filterBits = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1024, grams.Count * 16));
        _filter = new ulong[filterBits / 64];
        _filterMask = filterBits - 1;
        _postingHead = new int[grams.Count];
        var postings = grams.Values.Sum(l => l.Count);
        _postingItem = new int[postings];
        _postingNext = new int[postings];
        var slot = 0;
        var posting = 0;
        foreach (var (hash, itemList) in grams.OrderBy(g => g.Key))
        {
            var key = hash == 0 ? 1 : hash;
            var at = (int)key & _mask;
            while (_keys[at] != 0)
            {
                at = (at + 1) & _mask;
            }

            _keys[at] = key;
            _values[at] = slot;
            var bit = (int)(key >> 40) & _filterMask;
            _filter[bit >> 6] |= 1UL << bit;
            _postingHead[slot] = -1;
            for (var k = itemList.Count - 1; k >= 0; k--)
            {
                _postingItem[posting] = itemList[k];
                _postingNext[posting] = _postingHead[slot];
                _postingHead[slot] = posting++;
            }

            slot++;
        }
    }

    /// <summary>Words or characters.</summary>
    public NGramUnit Unit { get; }

    /// <summary>The n of the n-grams.</summary>
    public int N { get; }

    /// <summary>The items indexed, in benchmark order.</summary>
    public IReadOnlyList<BenchmarkItem> Items { get; }

    /// <summary>Distinct n-grams per item (0 for items shorter than n units in every field).</summary>
    public IReadOnlyList<int> GramsPerItem { get; }

    /// <summary>Distinct n-grams over all items.</summary>
    public int GramCount { get; }

    /// <summary>
    /// Indexes the items' n-grams. Each field is hashed on its own (context followed by question, each choice, a text answer),
    /// so n-grams never span two choices.
    /// </summary>
    public static ContaminationIndex Build(IReadOnlyList<BenchmarkItem> items, NGramUnit unit, int n)
    {
        if (n < 1 || n > 256)
        {
            throw new MoaException($"the n-gram size must be between 1 and 256, got {n}.");
        }

        var grams = new Dictionary<ulong, List<int>>();
        var perItem = new int[items.Count];
        var collector = new Collector { Hashes = [] };
        for (var i = 0; i < items.Count; i++)
        {
            collector.Hashes.Clear();
            foreach (var field in Fields(items[i]))
            {
                NGramHasher.Hash(field, unit, n, ref collector);
            }

            foreach (var hash in collector.Hashes)
            {
                if (!grams.TryGetValue(hash, out var list))
                {
                    grams[hash] = list = [];
                }

                list.Add(i);
            }

            perItem[i] = collector.Hashes.Count;
        }

        return new ContaminationIndex(unit, n, items, grams, perItem);
    }

    /// <summary>The text fields n-grams are taken from.</summary>
    public static IEnumerable<string> Fields(BenchmarkItem item)
    {
        yield return item.Context is null ? item.Question : item.Context + "\n" + item.Question;
        foreach (var choice in item.Choices)
        {
            yield return choice;
        }

        if (!item.IsMultipleChoice && item.Answer.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            yield return item.AnswerText;
        }
    }

    /// <summary>The n-gram slot of <paramref name="hash"/>, or -1 when no item has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong hash)
    {
        var key = hash == 0 ? 1 : hash;
        var bit = (int)(key >> 40) & _filterMask;
        if ((_filter[bit >> 6] & (1UL << bit)) == 0)
        {
            return -1;
        }

        var at = (int)key & _mask;
        while (true)
        {
            var k = _keys[at];
            if (k == key)
            {
                return _values[at];
            }

            if (k == 0)
            {
                return -1;
            }

            at = (at + 1) & _mask;
        }
    }

    /// <summary>First posting of a slot (-1 when none); follow with <see cref="NextPosting"/>.</summary>
    public int FirstPosting(int slot) => _postingHead[slot];

    /// <summary>The posting after <paramref name="posting"/>, or -1.</summary>
    public int NextPosting(int posting) => _postingNext[posting];

    /// <summary>The item index a posting refers to.</summary>
    public int PostingItem(int posting) => _postingItem[posting];

    /// <summary>Slots of the distinct n-grams of item <paramref name="item"/>.</summary>
    public IEnumerable<int> SlotsOf(int item)
    {
        var collector = new Collector { Hashes = [] };
        foreach (var field in Fields(Items[item]))
        {
            NGramHasher.Hash(field, Unit, N, ref collector);
        }

        return collector.Hashes.Select(Find);
    }

    private struct Collector : IGramSink
    {
        public HashSet<ulong> Hashes;

        public readonly void OnGram(ulong hash) => Hashes.Add(hash);
    }
}
