using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Moa.Curation.Dedup;
using Moa.Curation.Output;
using Moa.Text.Hashing;

namespace Moa.Curation.Pipeline;

/// <summary>
/// Global dedup spread over tasks so that no process holds every signature, with the same result as the
/// single-process <see cref="DedupPhase"/> (same kept documents, same clusters, same counts):
/// <list type="number">
/// <item><b>exact</b> (task r of R): the documents whose exact hash falls in hash range r; first copy in canonical
/// order wins; writes the duplicates as (document, first copy) sorted by document to <c>dedup/exact-r.bin</c>.</item>
/// <item><b>buckets</b> (task r of R, after every exact task): the (band, band key) pairs that hash to partition r,
/// of every document that is kept and not an exact copy; sorts them and writes, for every band bucket holding two or
/// more documents, a membership (document, bucket id) sorted by document to <c>dedup/buckets-r.bin</c>.
/// Singleton buckets are dropped: no other document can ever be proposed through them.</item>
/// <item><b>merge</b> (one task): streams the tasks' membership files merged by document and decides documents in
/// canonical order exactly as <see cref="VerifiedNearDeduplicator"/> does (kept documents per bucket, at most
/// <see cref="VerifiedNearDeduplicator.MaxPerKey"/>, shared-band counts, verification by exact shingle Jaccard),
/// but only for documents with a membership: a document without one has no candidate and is kept.</item>
/// </list>
/// </summary>
/// <remarks>
/// Memory per task (n documents, b bands, R tasks): exact task about 40 x n / R bytes (hash table of 16-byte
/// hashes); bucket task 12 x n x b / R bytes for its (key, document) pairs, split into passes over the signatures
/// when that exceeds the task's budget (<c>maxBytes</c>), plus n / 8 bytes for the exact-copy bit set; merge
/// 21 bytes per document for the result the write phase reads, plus about 50 bytes per membership and a bounded
/// shingle cache.
/// </remarks>
internal static class ScaledDedup
{
    private const uint ExactMagic = 0x31584D4D; // "MMX1"
    private const uint BucketMagic = 0x31424D4D; // "MMB1"

    public static string ExactPath(string workDir, int rank) => Path.Combine(workDir, "dedup", $"exact-{rank:D5}.bin");

    public static string BucketPath(string workDir, int rank) => Path.Combine(workDir, "dedup", $"buckets-{rank:D5}.bin");

    /// <summary>The exact task <paramref name="rank"/> of <paramref name="world"/>: exact copies within its hash range.</summary>
    public static void ExactTask(OutputLayout layout, int shards, int bands, int rank, int world, bool enabled = true)
    {
        Check(rank, world);
        var first = new Dictionary<UInt128, int>();
        var duplicates = new List<(int Doc, int First)>();
        Scan(layout.WorkDir, shards, bands, (g, entry, _) =>
        {
            if (enabled && entry.Status == ProcessedBatch.Kept && ExactOwner(entry.Exact, world) == rank)
            {
                if (first.TryGetValue(entry.Exact, out var f))
                {
                    duplicates.Add((g, f));
                }
                else
                {
                    first.Add(entry.Exact, g);
                }
            }
        });

        // Scanned in canonical order, so the list is sorted by document already.
        Directory.CreateDirectory(Path.GetDirectoryName(ExactPath(layout.WorkDir, rank))!);
        layout.WriteAtomically(ExactPath(layout.WorkDir, rank), stream =>
        {
            WriteHeader(stream, ExactMagic, world, duplicates.Count);
            Span<byte> pair = stackalloc byte[8];
            foreach (var (doc, f) in duplicates)
            {
                BinaryPrimitives.WriteInt32LittleEndian(pair, doc);
                BinaryPrimitives.WriteInt32LittleEndian(pair[4..], f);
                stream.Write(pair);
            }
        });
    }

    /// <summary>The exact copies found by all exact tasks: document -> its first copy.</summary>
    public static Dictionary<int, int> ReadExact(string workDir, int world)
    {
        var result = new Dictionary<int, int>();
        Span<byte> pair = stackalloc byte[8];
        for (var r = 0; r < world; r++)
        {
            var path = ExactPath(workDir, r);
            using var stream = Open(path, ExactMagic, world, out var count);
            for (long i = 0; i < count; i++)
            {
                stream.ReadExactly(pair);
                result.Add(BinaryPrimitives.ReadInt32LittleEndian(pair), BinaryPrimitives.ReadInt32LittleEndian(pair[4..]));
            }
        }

        return result;
    }

    /// <summary>
    /// The bucket task <paramref name="rank"/> of <paramref name="world"/>: the non-singleton band buckets among its
    /// partition of (band, key) pairs, in as many passes over the signatures as <paramref name="maxBytes"/> requires.
    /// </summary>
    public static void BucketTask(OutputLayout layout, int shards, int bands, int rank, int world, long maxBytes)
    {
        Check(rank, world);
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        var total = CountEntries(layout.WorkDir, shards, bands);
        var exactCopies = new bool[total];
        foreach (var doc in ReadExact(layout.WorkDir, world).Keys)
        {
            exactCopies[doc] = true;
        }

        // Expected pairs of this task: at most total x bands / world, plus slack for an uneven hash.
        var expected = (long)Math.Ceiling((total * (double)bands / world * 1.02) + 1024);
        var passes = (int)Math.Max(1, Math.Ceiling(expected * (double)Marshal.SizeOf<KeyDoc>() / Math.Max(1, maxBytes)));
        var memberships = new List<Membership>();
        long bucketOrdinal = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            var perBand = new List<KeyDoc>[bands];
            for (var b = 0; b < bands; b++)
            {
                perBand[b] = new List<KeyDoc>((int)Math.Min(Array.MaxLength, (expected / passes / bands) + 16));
            }

            Scan(layout.WorkDir, shards, bands, (g, entry, bandHashes) =>
            {
                if (entry.Status != ProcessedBatch.Kept || exactCopies[g])
                {
                    return;
                }

                for (var b = 0; b < bandHashes.Length; b++)
                {
                    var key = bandHashes[b];
                    if (key != MinHasher.EmptyBandHash && Partition(b, key, world * passes) == (pass * world) + rank)
                    {
                        perBand[b].Add(new KeyDoc(key, g));
                    }
                }
            });

            for (var b = 0; b < bands; b++)
            {
                var pairs = CollectionsMarshal.AsSpan(perBand[b]);
                pairs.Sort();
                for (var start = 0; start < pairs.Length;)
                {
                    var end = start + 1;
                    while (end < pairs.Length && pairs[end].Key == pairs[start].Key)
                    {
                        end++;
                    }

                    if (end - start >= 2)
                    {
                        var bucket = (bucketOrdinal++ * world) + rank;
                        for (var i = start; i < end; i++)
                        {
                            memberships.Add(new Membership(pairs[i].Doc, bucket));
                        }
                    }

                    start = end;
                }

                perBand[b] = [];
            }
        }

        CollectionsMarshal.AsSpan(memberships).Sort();
        Directory.CreateDirectory(Path.GetDirectoryName(BucketPath(layout.WorkDir, rank))!);
        layout.WriteAtomically(BucketPath(layout.WorkDir, rank), stream =>
        {
            WriteHeader(stream, BucketMagic, world, memberships.Count);
            stream.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(memberships)));
        });
    }

    /// <summary>
    /// The merge: exact copies from the exact tasks, near duplicates decided in canonical order over the bucket
    /// memberships, exactly as the single-process <see cref="VerifiedNearDeduplicator"/> decides them.
    /// </summary>
    /// <param name="workDir">The run's <c>.work</c> folder.</param>
    /// <param name="world">Number of bucket tasks.</param>
    /// <param name="verifier">Verification only (its band tables stay empty); documents are global indexes.</param>
    /// <param name="onDecided">Receives every near decision (document, decision) in canonical order.</param>
    /// <returns>Number of documents with at least one membership (the union-find's domain).</returns>
    public static int MergeNear(string workDir, int world, VerifiedNearDeduplicator verifier, Action<int, NearDecision> onDecided)
    {
        var readers = new BucketReader[world];
        try
        {
            for (var r = 0; r < world; r++)
            {
                readers[r] = new BucketReader(BucketPath(workDir, r), world);
            }

            var kept = new Dictionary<long, int[]>();
            var shared = new Dictionary<int, int>();
            var buckets = new List<long>();
            var documents = 0;
            while (true)
            {
                // The next document in canonical order with a membership in any task's file.
                var doc = int.MaxValue;
                foreach (var reader in readers)
                {
                    if (reader.HasCurrent && reader.Current.Doc < doc)
                    {
                        doc = reader.Current.Doc;
                    }
                }

                if (doc == int.MaxValue)
                {
                    break;
                }

                documents++;
                buckets.Clear();
                foreach (var reader in readers)
                {
                    while (reader.HasCurrent && reader.Current.Doc == doc)
                    {
                        buckets.Add(reader.Current.Bucket);
                        reader.MoveNext();
                    }
                }

                shared.Clear();
                foreach (var bucket in buckets)
                {
                    if (kept.TryGetValue(bucket, out var list))
                    {
                        foreach (var k in list)
                        {
                            if (k >= 0)
                            {
                                shared[k] = shared.GetValueOrDefault(k) + 1;
                            }
                        }
                    }
                }

                var decision = verifier.Decide(doc, shared);
                if (!decision.IsDuplicate)
                {
                    foreach (var bucket in buckets)
                    {
                        if (!kept.TryGetValue(bucket, out var list))
                        {
                            list = new int[VerifiedNearDeduplicator.MaxPerKey];
                            Array.Fill(list, -1);
                            kept[bucket] = list;
                        }

                        var free = Array.IndexOf(list, -1);
                        if (free >= 0)
                        {
                            list[free] = doc;
                        }
                    }
                }

                onDecided(doc, decision);
            }

            return documents;
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader?.Dispose();
            }
        }
    }

    /// <summary>Which exact task owns a hash: multiply-shift of its high half onto 0..world-1.</summary>
    public static int ExactOwner(UInt128 exact, int world) => (int)(((ulong)(exact >> 64) >> 32) * (ulong)world >> 32);

    /// <summary>Which partition owns band key <paramref name="key"/> of band <paramref name="band"/>.</summary>
    public static int Partition(int band, ulong key, int partitions)
    {
        var h = (key ^ ((ulong)(band + 1) * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL;
        h ^= h >> 31;
        return (int)((h >> 32) * (ulong)partitions >> 32);
    }

    private static void Check(int rank, int world)
    {
        if (world < 1 || rank < 0 || rank >= world)
        {
            throw new MoaException($"dedup task rank must be in 0..{Math.Max(0, world - 1)} and the task count at least 1 (got rank {rank} of {world}).");
        }
    }

    private static long CountEntries(string workDir, int shards, int bands)
    {
        long total = 0;
        for (var s = 0; s < shards; s++)
        {
            total += new FileInfo(ShardFiles.Signatures(workDir, s)).Length / ShardFiles.EntryBytes(bands);
        }

        return total;
    }

    private delegate void EntryAction(int global, SignatureEntry entry, ReadOnlySpan<ulong> bandHashes);

    /// <summary>Streams every signature entry of every shard in canonical order.</summary>
    private static void Scan(string workDir, int shards, int bands, EntryAction action)
    {
        var entryBytes = ShardFiles.EntryBytes(bands);
        var buffer = new byte[entryBytes * 4096];
        var bandHashes = new ulong[bands];
        var g = 0;
        for (var s = 0; s < shards; s++)
        {
            using var sig = new FileStream(ShardFiles.Signatures(workDir, s), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int read;
            while ((read = sig.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
            {
                for (var off = 0; off + entryBytes <= read; off += entryBytes, g++)
                {
                    var span = buffer.AsSpan(off, entryBytes);
                    ShardFiles.ReadBands(span, bandHashes);
                    action(g, ShardFiles.ReadEntry(span), bandHashes);
                }
            }
        }
    }

    private static void WriteHeader(Stream stream, uint magic, int world, long count)
    {
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], world);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], count);
        stream.Write(header);
    }

    private static FileStream Open(string path, uint magic, int world, out long count)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            Span<byte> header = stackalloc byte[16];
            stream.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != magic)
            {
                throw new InvalidDataException("not a dedup task file");
            }

            if (BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != world)
            {
                throw new InvalidDataException($"written for {BinaryPrimitives.ReadInt32LittleEndian(header[4..])} tasks, now {world}");
            }

            count = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
            return stream;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            stream?.Dispose();
            throw new MoaException($"{path}: a dedup task's output is missing or damaged ({ex.Message}); rerun that dedup task.", ex);
        }
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct KeyDoc(ulong Key, int Doc) : IComparable<KeyDoc>
    {
        public int CompareTo(KeyDoc other) => Key != other.Key ? Key.CompareTo(other.Key) : Doc.CompareTo(other.Doc);
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Membership(int Doc, long Bucket) : IComparable<Membership>
    {
        public int CompareTo(Membership other) => Doc != other.Doc ? Doc.CompareTo(other.Doc) : Bucket.CompareTo(other.Bucket);
    }

    /// <summary>Streams one bucket task's memberships in document order.</summary>
    private sealed class BucketReader : IDisposable
    {
        private readonly FileStream _stream;
        private readonly byte[] _buffer = new byte[12 * 8192];
        private long _left;
        private int _at;
        private int _filled;

        public BucketReader(string path, int world)
        {
            _stream = Open(path, BucketMagic, world, out _left);
            MoveNext();
        }

        public bool HasCurrent { get; private set; }

        public Membership Current { get; private set; }

        public void MoveNext()
        {
            if (_left == 0)
            {
                HasCurrent = false;
                return;
            }

            if (_at + 12 > _filled)
            {
                var want = (int)Math.Min(_buffer.Length, _left * 12);
                _stream.ReadExactly(_buffer, 0, want);
                _filled = want;
                _at = 0;
            }

            Current = new Membership(BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_at)), BinaryPrimitives.ReadInt64LittleEndian(_buffer.AsSpan(_at + 4)));
            _at += 12;
            _left--;
            HasCurrent = true;
        }

        public void Dispose() => _stream.Dispose();
    }
}
