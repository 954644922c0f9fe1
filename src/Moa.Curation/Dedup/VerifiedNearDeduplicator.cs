using Moa.Text.Hashing;

namespace Moa.Curation.Dedup;

/// <summary>
/// The global merge step of near dedup with verification. Documents arrive in canonical order; LSH band keys
/// propose the <em>kept</em> documents that share a band with the new one, and the new document is removed only
/// when its exact shingle Jaccard similarity with one of them reaches <c>min_similarity</c>. It then points to
/// the most similar one, or when the two shingle sets differ by no more than the allowed word edits would cause
/// (see <see cref="NearDuplicateRule"/>: short documents, where one edited word changes most shingles).
/// Otherwise it is kept and its band keys are indexed. Clusters therefore have one kept
/// document and members that are each similar to it: they cannot chain through dissimilar documents.
/// </summary>
/// <remarks>
/// <para>Deterministic: the result depends only on the sequence of documents, so documents must be added in
/// increasing index order (canonical order), whatever the thread count that computed their band keys.</para>
/// <para>Memory: per band an open-addressing multimap of 12-byte slots (8-byte key, 4-byte document) holding the
/// kept documents only, at most 80% full: about 15 x bands bytes per kept document (300 with 20 bands), plus a
/// bounded cache of shingle sets (<see cref="CacheShingles"/> values of 8 bytes). Nothing is held per removed
/// document. Band keys equal to <see cref="MinHasher.EmptyBandHash"/> are ignored.</para>
/// </remarks>
public sealed class VerifiedNearDeduplicator
{
    /// <summary>At most this many kept documents are indexed under one band key; later ones sharing it are found through their other bands.</summary>
    public const int MaxPerKey = 8;

    /// <summary>Shingle values kept in the cache of kept documents' shingle sets (8 bytes each: 64 MB).</summary>
    public const int CacheShingles = 8 << 20;

    private readonly BandMultimap[] _tables;
    private readonly NearDuplicateRule _rule;
    private readonly int _maxCandidates;
    private readonly Func<int, ulong[]> _shinglesOf;
    private readonly Dictionary<int, ulong[]> _cache = [];
    private readonly Dictionary<int, int> _shared = [];
    private readonly List<KeyValuePair<int, int>> _ranked = [];
    private long _cached;
    private int _next;

    /// <summary>Creates an empty deduplicator.</summary>
    /// <param name="bands">Band keys per document.</param>
    /// <param name="rule">When a verified pair is a near duplicate.</param>
    /// <param name="maxCandidates">Kept documents verified per new document at most, those sharing the most bands first.</param>
    /// <param name="shinglesOf">The sorted distinct shingle hashes of a document (see <see cref="MinHasher.ShingleSet"/>).</param>
    /// <param name="expectedDocuments">Pre-sizes the tables.</param>
    public VerifiedNearDeduplicator(int bands, NearDuplicateRule rule, int maxCandidates, Func<int, ulong[]> shinglesOf, int expectedDocuments = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCandidates, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedDocuments);
        ArgumentNullException.ThrowIfNull(shinglesOf);
        if (!(rule.MinSimilarity is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.MinSimilarity, "expected a minimum similarity in (0, 1].");
        }

        _rule = rule;
        _maxCandidates = maxCandidates;
        _shinglesOf = shinglesOf;
        _tables = new BandMultimap[bands];
        for (var b = 0; b < bands; b++)
        {
            _tables[b] = new BandMultimap(expectedDocuments);
        }
    }

    /// <summary>Candidate pairs whose similarity was computed.</summary>
    public long Verified { get; private set; }

    /// <summary>Candidate pairs computed and found below <c>min_similarity</c>.</summary>
    public long Rejected { get; private set; }

    /// <summary>Bytes of shingle values held in the cache of kept documents' shingle sets (at most 8 x <see cref="CacheShingles"/>).</summary>
    public long CacheBytes => _cached * sizeof(ulong);

    /// <summary>Approximate bytes held by the band tables and the cache.</summary>
    public long MemoryBytes
    {
        get
        {
            var total = _cached * sizeof(ulong);
            foreach (var table in _tables)
            {
                total += table.MemoryBytes;
            }

            return total;
        }
    }

    /// <summary>
    /// Decides document <paramref name="document"/> (greater than every document added before) from its band keys:
    /// a duplicate of a kept document at similarity >= min_similarity, or kept.
    /// </summary>
    public NearDecision Add(int document, ReadOnlySpan<ulong> bandHashes)
    {
        if (document < _next)
        {
            throw new ArgumentOutOfRangeException(nameof(document), document, $"documents must be added in increasing order (the last was {_next - 1}).");
        }

        if (bandHashes.Length != _tables.Length)
        {
            throw new ArgumentException($"Expected {_tables.Length} band hashes, got {bandHashes.Length}.", nameof(bandHashes));
        }

        _next = document + 1;
        _shared.Clear();
        for (var b = 0; b < bandHashes.Length; b++)
        {
            if (bandHashes[b] != MinHasher.EmptyBandHash)
            {
                _tables[b].Collect(bandHashes[b], _shared);
            }
        }

        var decision = Verify(document, _shared);
        if (decision.IsDuplicate)
        {
            return decision;
        }

        for (var b = 0; b < bandHashes.Length; b++)
        {
            if (bandHashes[b] != MinHasher.EmptyBandHash)
            {
                _tables[b].Add(bandHashes[b], document);
            }
        }

        return NearDecision.Kept;
    }

    /// <summary>
    /// Decides document <paramref name="document"/> (greater than every document decided before) from the kept
    /// documents that share band keys with it, found by the caller: kept document -> number of bands shared. This is
    /// the verification step of <see cref="Add"/> without the band tables, for callers that keep the buckets
    /// themselves (the scaled-out dedup, whose bucket-finding tasks each hold only a slice of the band keys).
    /// </summary>
    public NearDecision Decide(int document, IReadOnlyDictionary<int, int> shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (document < _next)
        {
            throw new ArgumentOutOfRangeException(nameof(document), document, $"documents must be decided in increasing order (the last was {_next - 1}).");
        }

        _next = document + 1;
        return Verify(document, shared);
    }

    private NearDecision Verify(int document, IEnumerable<KeyValuePair<int, int>> shared)
    {
        _ranked.Clear();
        _ranked.AddRange(shared);
        if (_ranked.Count == 0)
        {
            return NearDecision.Kept;
        }

        _ranked.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var best = -1;
        var bestSimilarity = 0.0;
        var mine = _shinglesOf(document);
        var count = Math.Min(_ranked.Count, _maxCandidates);
        for (var c = 0; c < count; c++)
        {
            var candidate = _ranked[c].Key;
            var theirs = CachedShingles(candidate);
            var common = MinHasher.CommonCount(mine, theirs);
            var similarity = mine.Length == 0 || theirs.Length == 0 ? 0 : (double)common / (mine.Length + theirs.Length - common);
            var duplicate = _rule.IsDuplicate(mine.Length, theirs.Length, common);
            Verified++;
            if (!duplicate)
            {
                Rejected++;
            }
            else if (best < 0 || similarity > bestSimilarity || (similarity == bestSimilarity && candidate < best))
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }

        if (best >= 0)
        {
            return new NearDecision(best, bestSimilarity);
        }

        // Kept after failed candidates: it may be a candidate for later documents, so cache its shingles now.
        Remember(document, mine);
        return NearDecision.Kept;
    }

    private ulong[] CachedShingles(int document)
    {
        if (_cache.TryGetValue(document, out var shingles))
        {
            return shingles;
        }

        shingles = _shinglesOf(document);
        Remember(document, shingles);
        return shingles;
    }

    private void Remember(int document, ulong[] shingles)
    {
        if (_cached + shingles.Length > CacheShingles)
        {
            _cache.Clear();
            _cached = 0;
        }

        if (_cache.TryAdd(document, shingles))
        {
            _cached += shingles.Length;
        }
    }

    /// <summary>Open addressing with linear probing: band key -> up to <see cref="MaxPerKey"/> kept documents.</summary>
    private sealed class BandMultimap(int expected) : BandProbeTable(expected)
    {
        /// <summary>Adds one to the shared-band count of every document stored under <paramref name="key"/>.</summary>
        public void Collect(ulong key, Dictionary<int, int> shared)
        {
            var slot = HomeSlot(key);
            while (Values[slot] != 0)
            {
                if (Keys[slot] == key)
                {
                    var document = Values[slot] - 1;
                    shared[document] = shared.GetValueOrDefault(document) + 1;
                }

                slot = NextSlot(slot);
            }
        }

        /// <summary>Stores <paramref name="document"/> under <paramref name="key"/> unless the key already holds <see cref="MaxPerKey"/> documents.</summary>
        public void Add(ulong key, int document)
        {
            EnsureRoom();
            var slot = HomeSlot(key);
            var same = 0;
            while (Values[slot] != 0)
            {
                if (Keys[slot] == key && ++same >= MaxPerKey)
                {
                    return;
                }

                slot = NextSlot(slot);
            }

            Fill(slot, key, document);
        }
    }
}

/// <summary>
/// When two verified documents are near duplicates: shingle Jaccard similarity at least <paramref name="MinSimilarity"/>,
/// or shingle sets differing by no more than the allowed word edits change: each edited word changes at most
/// 2 x <paramref name="ShingleWords"/> shingles, and max(<paramref name="MaxWordEdits"/>, round(<paramref name="MaxEditRate"/> x words))
/// edits are allowed, words estimated from the larger set (shingles + shingle_words - 1). The edit rule applies only
/// to documents short enough that a copy with that many substituted words can fall below the similarity threshold.
/// </summary>
public readonly record struct NearDuplicateRule(double MinSimilarity, int MaxWordEdits = 0, double MaxEditRate = 0, int ShingleWords = 5)
{
    /// <summary>Whether sets of <paramref name="sizeA"/> and <paramref name="sizeB"/> shingles sharing <paramref name="common"/> are near duplicates.</summary>
    public bool IsDuplicate(int sizeA, int sizeB, int common)
    {
        if (sizeA == 0 || sizeB == 0)
        {
            return false;
        }

        if ((double)common / (sizeA + sizeB - common) >= MinSimilarity)
        {
            return true;
        }

        var larger = Math.Max(sizeA, sizeB);
        var edits = Math.Max(MaxWordEdits, (int)Math.Round(MaxEditRate * (larger + ShingleWords - 1)));

        // Only where the threshold cannot tell: if a copy with that many substituted words would still reach
        // MinSimilarity, similarity alone decides (longer documents).
        var changed = ShingleWords * edits;
        if (larger > changed && (double)(larger - changed) / (larger + changed) >= MinSimilarity)
        {
            return false;
        }

        return sizeA + sizeB - (2 * common) <= 2 * changed;
    }
}

/// <summary>What near dedup decided for one document.</summary>
/// <param name="DuplicateOf">The kept document it duplicates, or -1 when it is kept.</param>
/// <param name="Similarity">Jaccard similarity of shingle sets with that document (0 when kept).</param>
public readonly record struct NearDecision(int DuplicateOf, double Similarity)
{
    /// <summary>The decision for a kept document.</summary>
    public static NearDecision Kept { get; } = new(-1, 0);

    /// <summary>Whether the document is a near duplicate.</summary>
    public bool IsDuplicate => DuplicateOf >= 0;
}
