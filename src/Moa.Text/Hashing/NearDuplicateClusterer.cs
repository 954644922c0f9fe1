namespace Moa.Text.Hashing;

/// <summary>
/// Unverified LSH clustering: buckets per band (band key -> lowest document seen) and a union-find over
/// documents, so every document sharing any band key with another ends in one cluster whose kept representative
/// is its lowest index. Clusters can chain through dissimilar documents, so <c>moa curate</c> uses
/// <c>VerifiedNearDeduplicator</c>; this stays for callers that confirm pairs themselves and as the baseline
/// of bench/dedup-precision.sh. Single-threaded; the result does not depend on the order of
/// <see cref="Add"/> calls.
/// </summary>
/// <remarks>
/// Memory: per band an open-addressing table of 12-byte slots (8-byte key, 4-byte document) kept at most 80%
/// full, plus 4 bytes per document for the union-find: about 15 x bands + 4 bytes per document when
/// <c>expectedDocuments</c> is right (304 bytes with 20 bands), up to twice the table part when it grows.
/// Band keys equal to <see cref="MinHasher.EmptyBandHash"/> (texts without words) are ignored.
/// </remarks>
public sealed class NearDuplicateClusterer
{
    private readonly BandTable[] _tables;
    private int[] _parent;
    private int _documentCount;

    /// <summary>Creates an empty clusterer for band keys of <paramref name="bands"/> values; <paramref name="expectedDocuments"/> pre-sizes the tables.</summary>
    public NearDuplicateClusterer(int bands, int expectedDocuments = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedDocuments);
        _tables = new BandTable[bands];
        for (var b = 0; b < bands; b++)
        {
            _tables[b] = new BandTable(expectedDocuments);
        }

        _parent = new int[Math.Max(expectedDocuments, 16)];
    }

    /// <summary>Number of document indexes covered (highest index added + 1).</summary>
    public int DocumentCount => _documentCount;

    /// <summary>Adds document <paramref name="document"/> (0-based canonical index) with its band keys; adding the same document again is harmless.</summary>
    public void Add(int document, ReadOnlySpan<ulong> bandHashes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(document);
        if (bandHashes.Length != _tables.Length)
        {
            ThrowHelper.SpanLength(nameof(bandHashes), _tables.Length, bandHashes.Length);
        }

        EnsureDocument(document);
        for (var b = 0; b < bandHashes.Length; b++)
        {
            var key = bandHashes[b];
            if (key == MinHasher.EmptyBandHash)
            {
                continue;
            }

            var other = _tables[b].GetOrAdd(key, document);
            if (other != document)
            {
                Union(document, other);
            }
        }
    }

    /// <summary>For each document index, the index kept for its cluster: the lowest index in the cluster (itself when unique).</summary>
    public int[] Representatives()
    {
        var result = new int[_documentCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Find(i);
        }

        return result;
    }

    /// <summary>Cluster size -> number of clusters of that size, for clusters of two or more documents.</summary>
    public IReadOnlyDictionary<int, int> ClusterSizeHistogram()
    {
        var sizes = new int[_documentCount];
        for (var i = 0; i < _documentCount; i++)
        {
            sizes[Find(i)]++;
        }

        var histogram = new SortedDictionary<int, int>();
        foreach (var size in sizes)
        {
            if (size >= 2)
            {
                histogram[size] = histogram.GetValueOrDefault(size) + 1;
            }
        }

        return histogram;
    }

    /// <summary>Approximate bytes held, for reports.</summary>
    public long MemoryBytes
    {
        get
        {
            long total = (long)_parent.Length * sizeof(int);
            foreach (var table in _tables)
            {
                total += table.MemoryBytes;
            }

            return total;
        }
    }

    private void EnsureDocument(int document)
    {
        if (document >= _parent.Length)
        {
            var size = (int)Math.Min(Math.Max((long)_parent.Length * 2, (long)document + 1), Array.MaxLength);
            Array.Resize(ref _parent, size);
        }

        for (var i = _documentCount; i <= document; i++)
        {
            _parent[i] = i;
        }

        _documentCount = Math.Max(_documentCount, document + 1);
    }

    private int Find(int x)
    {
        var root = x;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        while (_parent[x] != root)
        {
            var next = _parent[x];
            _parent[x] = root;
            x = next;
        }

        return root;
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        // The lower index becomes the root, so every root is its cluster's minimum.
        if (ra < rb)
        {
            _parent[rb] = ra;
        }
        else
        {
            _parent[ra] = rb;
        }
    }

    /// <summary>Open addressing with linear probing: band key -> lowest document index seen with it.</summary>
    private sealed class BandTable(int expected) : BandProbeTable(expected)
    {
        /// <summary>Inserts <paramref name="key"/> for <paramref name="document"/>, or returns the document already there (keeping the lower one).</summary>
        public int GetOrAdd(ulong key, int document)
        {
            EnsureRoom();
            var slot = HomeSlot(key);
            while (true)
            {
                var value = Values[slot];
                if (value == 0)
                {
                    Fill(slot, key, document);
                    return document;
                }

                if (Keys[slot] == key)
                {
                    var existing = value - 1;
                    if (document < existing)
                    {
                        Values[slot] = document + 1;
                    }

                    return existing;
                }

                slot = NextSlot(slot);
            }
        }
    }
}
