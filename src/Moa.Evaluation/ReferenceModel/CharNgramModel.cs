using System.Runtime.InteropServices;
using System.Text;

namespace Moa.Evaluation.ReferenceModel;

/// <summary>
/// A character n-gram language model with interpolated Kneser-Ney smoothing (Chen and Goodman, 1998): the highest order
/// uses raw counts, lower orders use continuation counts N1+(• h w), each order has one absolute discount
/// D = n1 / (n1 + 2 n2) from its count-of-counts, and the unigram level is interpolated with a uniform distribution over the
/// vocabulary plus an unknown-character symbol, so every character gets a probability and each distribution sums to one.
/// Tokens are Unicode characters (code points). It is small and honest: a real baseline for tests, the quickstart and the leaderboard.
/// </summary>
public sealed class CharNgramModel
{
    /// <summary>Id of the padding symbol that starts every document.</summary>
    public const int BeginId = 1;

    /// <summary>Id of any character not seen in training.</summary>
    public const int UnknownId = 2;

    private readonly Dictionary<int, int> _idOf;
    private readonly string[] _textOf;
    private readonly int _bits;
    private readonly Level[] _levels; // index k-1 holds order k
    private readonly double[] _unigram; // P1 by id

    private CharNgramModel(int order, Dictionary<int, int> idOf, string[] textOf, int bits, Level[] levels, long trainingChars, int documents, string digest)
    {
        Order = order;
        Digest = digest;
        _idOf = idOf;
        _textOf = textOf;
        _bits = bits;
        _levels = levels;
        TrainingCharacters = trainingChars;
        Documents = documents;
        _unigram = new double[textOf.Length];
        for (var id = UnknownId; id < textOf.Length; id++)
        {
            _unigram[id] = UnigramProbability(id);
        }
    }

    /// <summary>SHA-256 of the order and the training text: two models with equal digests give equal probabilities.</summary>
    public string Digest { get; }

    /// <summary>The n of the n-gram model.</summary>
    public int Order { get; }

    /// <summary>Distinct characters seen in training, plus the unknown symbol.</summary>
    public int VocabularySize => _textOf.Length - UnknownId;

    public long TrainingCharacters { get; }

    public int Documents { get; }

    /// <summary>Trains on documents (each one starts from a fresh begin-of-text context).</summary>
    public static CharNgramModel Train(IEnumerable<string> documents, int order = 5)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (order is < 1 or > 8)
        {
            throw new MoaException($"n-gram order {order} is out of range: use 1 to 8 (5 is a good default for Korean characters).");
        }

        var idOf = new Dictionary<int, int>();
        var textOf = new List<string> { string.Empty, "<s>", "<unk>" };
        var docs = new List<int[]>();
        long chars = 0;
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"moa-char-ngram order={order}\n"));
        foreach (var doc in documents)
        {
            if (string.IsNullOrEmpty(doc))
            {
                continue;
            }

            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(doc));
            sha.AppendData("\n"u8);

            var ids = new List<int>(doc.Length);
            foreach (var rune in doc.EnumerateRunes())
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(idOf, rune.Value, out var exists);
                if (!exists)
                {
                    id = textOf.Count;
                    textOf.Add(rune.ToString());
                }

                ids.Add(id);
            }

            chars += ids.Count;
            docs.Add([.. ids]);
        }

        if (docs.Count == 0)
        {
            throw new MoaException("the training corpus holds no text: give a .txt file or a JSONL file with a \"text\" field.");
        }

        var bits = Math.Max(1, 32 - int.LeadingZeroCount(textOf.Count));
        if (bits * order > 128)
        {
            throw new MoaException($"order {order} with {textOf.Count} distinct characters does not fit the model's 128-bit n-gram keys: lower --order.");
        }

        // Raw counts of every order (contexts padded with <s>).
        var raw = new Dictionary<UInt128, int>[order];
        for (var k = 0; k < order; k++)
        {
            raw[k] = [];
        }

        foreach (var ids in docs)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                UInt128 key = (uint)ids[i];
                CollectionsMarshal.GetValueRefOrAddDefault(raw[0], key, out _)++;
                for (var k = 2; k <= order; k++)
                {
                    var j = i - k + 1;
                    var id = j >= 0 ? ids[j] : BeginId;
                    key |= (UInt128)(uint)id << (bits * (k - 1));
                    CollectionsMarshal.GetValueRefOrAddDefault(raw[k - 1], key, out _)++;
                }
            }
        }

        // Lower orders use continuation counts: the number of distinct left extensions of each k-gram.
        var counts = new Dictionary<UInt128, int>[order];
        counts[order - 1] = raw[order - 1];
        for (var k = order - 1; k >= 1; k--)
        {
            var cont = new Dictionary<UInt128, int>(raw[k - 1].Count);
            var shift = bits * k;
            var mask = (UInt128.One << shift) - 1;
            foreach (var key in raw[k].Keys)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(cont, key & mask, out _)++;
            }

            counts[k - 1] = cont;
        }

        var levels = new Level[order];
        for (var k = 1; k <= order; k++)
        {
            levels[k - 1] = Level.Build(counts[k - 1], bits, k);
        }

        return new CharNgramModel(order, idOf, [.. textOf], bits, levels, chars, docs.Count, "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Splits text into character tokens: ids, and each token's text.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            ids.Add(_idOf.TryGetValue(rune.Value, out var id) ? id : UnknownId);
        }

        return [.. ids];
    }

    /// <summary>The text of token <paramref name="id"/>.</summary>
    public string TokenText(int id) => _textOf[id];

    /// <summary>log P(next | history), natural log; only the last Order-1 ids of the history count (missing ones are &lt;s&gt;).</summary>
    public double LogProbability(ReadOnlySpan<int> history, int next) => Math.Log(Probability(history, next));

    /// <summary>P(next | history) under interpolated Kneser-Ney.</summary>
    public double Probability(ReadOnlySpan<int> history, int next)
    {
        var p = _unigram[next];

        for (var k = 2; k <= Order; k++)
        {
            var level = _levels[k - 1];
            if (!level.TryGetContext(ContextKey(history, k - 1), out var ctx))
            {
                break; // a longer context cannot exist when this one does not
            }

            var c = level.CountOf(ctx, next);
            p = (Math.Max(c - level.Discount, 0) + (level.Discount * ctx.Types * p)) / ctx.Total;
        }

        return p;
    }

    /// <summary>Lowest level: continuation-count unigram interpolated with uniform over the vocabulary (including &lt;unk&gt;).</summary>
    private double UnigramProbability(int id)
    {
        var uni = _levels[0];
        if (uni.Root.Total == 0)
        {
            return 1.0 / VocabularySize;
        }

        var c = uni.CountOf(uni.Root, id);
        return (Math.Max(c - uni.Discount, 0) + (uni.Discount * uni.Root.Types / VocabularySize)) / uni.Root.Total;
    }

    /// <summary>
    /// The <paramref name="k"/> most probable next tokens, exactly. With p_n = a_n(w) + g_n p_(n-1), where a_n is the discounted
    /// count term (non-zero only for followers of the level-n context) and g_n the backoff weight, the whole distribution is
    /// G * P1(w) plus a sparse sum over the followers of each existing context: one dense pass over the vocabulary per call.
    /// </summary>
    public IReadOnlyList<(int Id, double LogProb)> TopK(ReadOnlySpan<int> history, int k)
    {
        if (k <= 0)
        {
            return [];
        }

        Span<(Level Level, Context Ctx)> chain = new (Level, Context)[Order];
        var depth = 0;
        for (var n = 2; n <= Order; n++)
        {
            var level = _levels[n - 1];
            if (!level.TryGetContext(ContextKey(history, n - 1), out var ctx))
            {
                break;
            }

            chain[depth++] = (level, ctx);
        }

        var size = _textOf.Length;
        var scores = System.Buffers.ArrayPool<double>.Shared.Rent(size);
        try
        {
            // above[d]: product of the backoff weights of the levels above level d; g ends as the product of them all.
            var g = 1.0;
            Span<double> above = stackalloc double[Math.Max(depth, 1)];
            for (var d = depth - 1; d >= 0; d--)
            {
                above[d] = g;
                var (level, ctx) = chain[d];
                g *= level.Discount * ctx.Types / ctx.Total;
            }

            for (var id = UnknownId; id < size; id++)
            {
                scores[id] = g * _unigram[id];
            }

            for (var d = 0; d < depth; d++)
            {
                var (level, ctx) = chain[d];
                var ids = level.Followers(ctx);
                var counts = level.FollowerCounts(ctx);
                for (var i = 0; i < ids.Length; i++)
                {
                    scores[ids[i]] += above[d] * Math.Max(counts[i] - level.Discount, 0) / ctx.Total;
                }
            }

            var top = new List<(int Id, double P)>(k + 1);
            for (var id = UnknownId; id < size; id++)
            {
                var p = scores[id];
                if (top.Count == k && p <= top[^1].P)
                {
                    continue;
                }

                var at = top.Count;
                while (at > 0 && top[at - 1].P < p)
                {
                    at--;
                }

                top.Insert(at, (id, p));
                if (top.Count > k)
                {
                    top.RemoveAt(k);
                }
            }

            return [.. top.Select(t => (t.Id, Math.Log(t.P)))];
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>Key of the last <paramref name="length"/> ids of the history (padded with &lt;s&gt;), packed like the training keys.</summary>
    private UInt128 ContextKey(ReadOnlySpan<int> history, int length)
    {
        // Training packs an n-gram w(i-n+1..i) with w(i) in the low bits and older ids higher; the context of
        // w(i) is w(i-n+1..i-1), stored in the same positions shifted down by one slot.
        UInt128 key = 0;
        for (var j = 1; j <= length; j++)
        {
            var pos = history.Length - j;
            var id = pos >= 0 ? history[pos] : BeginId;
            key |= (UInt128)(uint)id << (_bits * (j - 1));
        }

        return key;
    }

    /// <summary>Counts of one order grouped by context: context totals, distinct followers and follower counts sorted by id.</summary>
    private sealed class Level
    {
        private readonly Dictionary<UInt128, Context> _contexts;
        private readonly int[] _followerIds;
        private readonly int[] _followerCounts;

        private Level(Dictionary<UInt128, Context> contexts, int[] ids, int[] counts, double discount)
        {
            _contexts = contexts;
            _followerIds = ids;
            _followerCounts = counts;
            Discount = discount;
            Root = contexts.TryGetValue(0, out var root) ? root : default;
        }

        public double Discount { get; }

        /// <summary>The empty context (unigram level only).</summary>
        public Context Root { get; }

        public static Level Build(Dictionary<UInt128, int> counts, int bits, int order)
        {
            var mask = ((UInt128)1 << bits) - 1;
            var grouped = counts
                .Select(kv => (Context: kv.Key >> bits, Id: (int)(uint)(kv.Key & mask), Count: kv.Value))
                .OrderBy(t => t.Context).ThenBy(t => t.Id)
                .ToArray();
            var ids = new int[grouped.Length];
            var cnts = new int[grouped.Length];
            var contexts = new Dictionary<UInt128, Context>();
            long n1 = 0, n2 = 0;
            var start = 0;
            for (var i = 0; i < grouped.Length; i++)
            {
                ids[i] = grouped[i].Id;
                cnts[i] = grouped[i].Count;
                if (cnts[i] == 1) n1++;
                else if (cnts[i] == 2) n2++;
                if (i + 1 == grouped.Length || grouped[i + 1].Context != grouped[i].Context)
                {
                    long total = 0;
                    for (var j = start; j <= i; j++)
                    {
                        total += cnts[j];
                    }

                    contexts[grouped[i].Context] = new Context(start, i - start + 1, total);
                    start = i + 1;
                }
            }

            var discount = n1 + n2 == 0 ? 0.5 : n1 / (double)(n1 + (2 * n2));
            discount = Math.Clamp(discount, 0.05, 0.95);
            _ = order;
            return new Level(contexts, ids, cnts, discount);
        }

        public bool TryGetContext(UInt128 key, out Context context) => _contexts.TryGetValue(key, out context);

        public int CountOf(Context ctx, int id)
        {
            var i = Array.BinarySearch(_followerIds, ctx.Start, ctx.Types, id);
            return i >= 0 ? _followerCounts[i] : 0;
        }

        public ReadOnlySpan<int> Followers(Context ctx) => _followerIds.AsSpan(ctx.Start, ctx.Types);

        public ReadOnlySpan<int> FollowerCounts(Context ctx) => _followerCounts.AsSpan(ctx.Start, ctx.Types);
    }

    private readonly record struct Context(int Start, int Types, long Total);

    /// <summary>Readable summary for logs and the server's /v1/models entry.</summary>
    public override string ToString() =>
        new StringBuilder().Append("char ").Append(Order).Append("-gram KN, ").Append(VocabularySize).Append(" chars, ")
            .Append(TrainingCharacters).Append(" training chars").ToString();
}
