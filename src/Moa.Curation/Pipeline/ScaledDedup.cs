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
/// <item><b>buckets</b> (task r of R, after every exact task): its units of (band, key slice) — bands r, r + R, ...
/// when R is at most the band count, otherwise one band split into key slices — read from the shards' band-major
/// <c>.bands</c> files only (not the whole signatures), one unit at a time; for every band bucket holding two or more
/// documents that are kept and not exact copies it writes a membership (document, bucket id), sorted by document
/// (an external merge of one sorted run per unit), to <c>dedup/buckets-r.bin</c>, and the bucket's edges (document,
/// first document of the bucket) to <c>dedup/edges-r.bin</c>. Singleton buckets are dropped: no other document can
/// ever be proposed through them.</item>
/// <item><b>near</b> (task r of R, after every bucket task): the connected components of the edges (a union-find
/// whose roots are the components' first documents); the task decides the components whose root hashes to r, in
/// canonical order, exactly as <see cref="VerifiedNearDeduplicator"/> does (kept documents per bucket, at most
/// <see cref="VerifiedNearDeduplicator.MaxPerKey"/>, shared-band counts, verification by exact shingle Jaccard):
/// a document's candidates all lie in its component, so components are independent. Writes its near duplicates
/// to <c>dedup/near-r.bin</c>.</item>
/// <item><b>dedup</b> (one task, <see cref="DedupPhase.MergeScaled"/>): gathers the exact and near files into the
/// per-document result the write phase reads.</item>
/// </list>
/// </summary>
/// <remarks>
/// Memory per task (n documents, b bands, R tasks): exact about 100 x n / R bytes (hash table of its range);
/// buckets 24 x (pairs of one unit pass) — at most <c>maxBytes</c>, the unit split into passes over its band when
/// needed — plus n / 8 bytes for the exact-copy bits; near 4 x n bytes (union-find) plus about 80 bytes per bucket
/// of its components plus a bounded shingle cache; dedup 21 x n bytes for the result the write phase reads.
/// </remarks>
internal static class ScaledDedup
{
    private const uint ExactMagic = 0x31584D4D; // "MMX1"
    private const uint BucketMagic = 0x32424D4D; // "MMB2"
    private const uint EdgeMagic = 0x31454D4D; // "MME1"
    private const uint NearMagic = 0x314E4D4D; // "MMN1"

    /// <summary>Bytes held per (band key, document) pair of a bucket task: the pair and, at most, its membership.</summary>
    private const int BytesPerPair = 24;

    public static string ExactPath(string workDir, int rank) => Path.Combine(workDir, "dedup", $"exact-{rank:D5}.bin");

    public static string BucketPath(string workDir, int rank) => Path.Combine(workDir, "dedup", $"buckets-{rank:D5}.bin");

    public static string EdgePath(string workDir, int rank) => Path.Combine(workDir, "dedup", $"edges-{rank:D5}.bin");

    public static string NearPath(string workDir, int rank) => Path.Combine(workDir, "dedup", $"near-{rank:D5}.bin");

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

    /// <summary>The exact copies found by all exact tasks, streamed task by task: (document, its first copy).</summary>
    public static IEnumerable<(int Doc, int First)> ReadExact(string workDir, int world)
    {
        var pair = new byte[8];
        for (var r = 0; r < world; r++)
        {
            var path = ExactPath(workDir, r);
            using var stream = Open(path, ExactMagic, world, out var count, out _);
            for (long i = 0; i < count; i++)
            {
                stream.ReadExactly(pair);
                yield return (BinaryPrimitives.ReadInt32LittleEndian(pair), BinaryPrimitives.ReadInt32LittleEndian(pair.AsSpan(4)));
            }
        }
    }

    /// <summary>
    /// The bucket task <paramref name="rank"/> of <paramref name="world"/>: the non-singleton band buckets of its
    /// (band, key slice) units, read from the band-major <c>.bands</c> files, one unit (and, beyond
    /// <paramref name="maxBytes"/>, one pass of a unit) at a time.
    /// </summary>
    public static void BucketTask(OutputLayout layout, int shards, int bands, int rank, int world, long maxBytes)
    {
        Check(rank, world);
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        var workDir = layout.WorkDir;
        var shardStart = ShardStarts(workDir, shards, bands);
        var total = shardStart[shards];
        for (var s = 0; s < shards; s++)
        {
            var path = ShardFiles.Bands(workDir, s);
            var expectedBytes = (long)(shardStart[s + 1] - shardStart[s]) * 8 * bands;
            if (!File.Exists(path) || new FileInfo(path).Length != expectedBytes)
            {
                throw new MoaException($"{path}: the shard's band-major signatures are missing or have the wrong size (expected {expectedBytes} bytes); delete {ShardFiles.Done(workDir, s)} and rerun the map task of that input file (shards mapped before moa wrote .bands need this once).");
            }
        }

        var exactCopies = new ulong[(total + 63) / 64];
        foreach (var (doc, _) in ReadExact(workDir, world))
        {
            exactCopies[doc >> 6] |= 1UL << (doc & 63);
        }

        // Units: band u / slices, key slice u % slices; this task owns the units u with u mod world = rank.
        var slices = (world + bands - 1) / bands;
        var expected = (long)Math.Ceiling((total / (double)slices * 1.02) + 1024);
        var passes = (int)Math.Max(1, Math.Ceiling(expected * (double)BytesPerPair / Math.Max(1, maxBytes)));
        var capacity = (int)Math.Min(Array.MaxLength, (expected / passes) + 1024);
        var pairs = new List<KeyDoc>(capacity);
        var memberships = new List<Membership>(capacity);
        var runs = new List<string>();
        var dedupDir = Path.GetDirectoryName(BucketPath(workDir, rank))!;
        Directory.CreateDirectory(dedupDir);
        var edgesTmp = $"{EdgePath(workDir, rank)}.{Environment.ProcessId}.tmp";
        long bucketOrdinal = 0;
        long edges = 0;
        try
        {
            using (var edgeStream = new FileStream(edgesTmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                WriteHeader(edgeStream, EdgeMagic, world, 0);
                Span<byte> edge = stackalloc byte[8];
                var column = new byte[8 * 65536];
                for (var unit = rank; unit < bands * slices; unit += world)
                {
                    var band = unit / slices;
                    var slice = unit % slices;
                    for (var pass = 0; pass < passes; pass++)
                    {
                        pairs.Clear();
                        for (var s = 0; s < shards; s++)
                        {
                            var count = shardStart[s + 1] - shardStart[s];
                            using var file = new FileStream(ShardFiles.Bands(workDir, s), FileMode.Open, FileAccess.Read, FileShare.Read, 1);
                            file.Position = (long)band * count * 8;
                            for (var i = 0; i < count;)
                            {
                                var n = Math.Min(count - i, column.Length / 8);
                                file.ReadExactly(column, 0, n * 8);
                                for (var k = 0; k < n; k++)
                                {
                                    var g = shardStart[s] + i + k;
                                    var key = BinaryPrimitives.ReadUInt64LittleEndian(column.AsSpan(8 * k));
                                    if (key != MinHasher.EmptyBandHash && (exactCopies[g >> 6] & (1UL << (g & 63))) == 0
                                        && (slices * passes == 1 || Partition(band, key, slices * passes) == (slice * passes) + pass))
                                    {
                                        pairs.Add(new KeyDoc(key, g));
                                    }
                                }

                                i += n;
                            }
                        }

                        var span = CollectionsMarshal.AsSpan(pairs);
                        span.Sort();
                        memberships.Clear();
                        for (var start = 0; start < span.Length;)
                        {
                            var end = start + 1;
                            while (end < span.Length && span[end].Key == span[start].Key)
                            {
                                end++;
                            }

                            if (end - start >= 2)
                            {
                                var bucket = (bucketOrdinal++ * world) + rank;
                                for (var i = start; i < end; i++)
                                {
                                    memberships.Add(new Membership(span[i].Doc, bucket));
                                    if (i > start)
                                    {
                                        BinaryPrimitives.WriteInt32LittleEndian(edge, span[i].Doc);
                                        BinaryPrimitives.WriteInt32LittleEndian(edge[4..], span[start].Doc);
                                        edgeStream.Write(edge);
                                        edges++;
                                    }
                                }
                            }

                            start = end;
                        }

                        if (memberships.Count > 0)
                        {
                            CollectionsMarshal.AsSpan(memberships).Sort();
                            var run = Path.Combine(dedupDir, $"buckets-{rank:D5}.run{runs.Count}.{Environment.ProcessId}.tmp");
                            runs.Add(run);
                            using var runStream = new FileStream(run, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
                            runStream.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(memberships)));
                        }
                    }
                }

                edgeStream.Position = 0;
                WriteHeader(edgeStream, EdgeMagic, world, edges);
                edgeStream.Flush(flushToDisk: true);
            }

            pairs = [];
            memberships = [];
            File.Move(edgesTmp, EdgePath(workDir, rank), overwrite: true);
            layout.WriteAtomically(BucketPath(workDir, rank), stream => MergeRuns(runs, world, stream));
        }
        finally
        {
            File.Delete(edgesTmp);
            foreach (var run in runs)
            {
                File.Delete(run);
            }
        }
    }

    /// <summary>
    /// A near task: the components of the bucket edges whose root (first document) this task owns, decided in
    /// canonical order. Every document a decision reads — the kept documents of the document's buckets — lies in its
    /// component, so the decisions equal those of one process deciding every document.
    /// </summary>
    /// <param name="layout">The run's output layout.</param>
    /// <param name="total">Number of documents.</param>
    /// <param name="rank">This task.</param>
    /// <param name="world">Number of bucket tasks and of near tasks.</param>
    /// <param name="verifier">Verification only (its band tables stay empty); documents are global indexes.</param>
    public static void NearTask(OutputLayout layout, int total, int rank, int world, VerifiedNearDeduplicator verifier)
    {
        Check(rank, world);
        var workDir = layout.WorkDir;

        // Union-find over documents; the root of a component is its first document, whatever the edge order.
        var parent = new int[total];
        for (var i = 0; i < total; i++)
        {
            parent[i] = i;
        }

        var pair = new byte[8 * 8192];
        for (var r = 0; r < world; r++)
        {
            using var stream = Open(EdgePath(workDir, r), EdgeMagic, world, out var count, out _);
            while (count > 0)
            {
                var n = (int)Math.Min(count, pair.Length / 8);
                stream.ReadExactly(pair, 0, n * 8);
                for (var k = 0; k < n; k++)
                {
                    var a = Find(parent, BinaryPrimitives.ReadInt32LittleEndian(pair.AsSpan(8 * k)));
                    var b = Find(parent, BinaryPrimitives.ReadInt32LittleEndian(pair.AsSpan((8 * k) + 4)));
                    if (a < b)
                    {
                        parent[b] = a;
                    }
                    else if (b < a)
                    {
                        parent[a] = b;
                    }
                }

                count -= n;
            }
        }

        var duplicates = new List<(int Doc, int Of, float Similarity)>();
        MergeNear(workDir, world, verifier, doc => NearOwner(Find(parent, doc), world) == rank, (doc, decision) =>
        {
            if (decision.IsDuplicate)
            {
                duplicates.Add((doc, decision.DuplicateOf, (float)decision.Similarity));
            }
        });

        layout.WriteAtomically(NearPath(workDir, rank), stream =>
        {
            WriteHeader(stream, NearMagic, world, duplicates.Count, verifier.Verified, verifier.Rejected);
            Span<byte> entry = stackalloc byte[12];
            foreach (var (doc, of, similarity) in duplicates)
            {
                BinaryPrimitives.WriteInt32LittleEndian(entry, doc);
                BinaryPrimitives.WriteInt32LittleEndian(entry[4..], of);
                BinaryPrimitives.WriteSingleLittleEndian(entry[8..], similarity);
                stream.Write(entry);
            }
        });
    }

    /// <summary>Reads every near task's file: its counts of verified and rejected candidates, and its near duplicates.</summary>
    public static (long Verified, long Rejected) ReadNear(string workDir, int world, Action<int, int, float> onDuplicate)
    {
        long verified = 0, rejected = 0;
        var entry = new byte[12];
        for (var r = 0; r < world; r++)
        {
            using var stream = Open(NearPath(workDir, r), NearMagic, world, out var count, out var counts);
            verified += counts.Verified;
            rejected += counts.Rejected;
            for (long i = 0; i < count; i++)
            {
                stream.ReadExactly(entry);
                onDuplicate(BinaryPrimitives.ReadInt32LittleEndian(entry), BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(4)), BinaryPrimitives.ReadSingleLittleEndian(entry.AsSpan(8)));
            }
        }

        return (verified, rejected);
    }

    /// <summary>
    /// Streams the tasks' membership files merged by document and decides, in canonical order, the documents
    /// <paramref name="mine"/> accepts, exactly as the single-process <see cref="VerifiedNearDeduplicator"/> decides them.
    /// </summary>
    /// <returns>Number of documents decided.</returns>
    public static int MergeNear(string workDir, int world, VerifiedNearDeduplicator verifier, Func<int, bool> mine, Action<int, NearDecision> onDecided)
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

                var decide = mine(doc);
                buckets.Clear();
                foreach (var reader in readers)
                {
                    while (reader.HasCurrent && reader.Current.Doc == doc)
                    {
                        if (decide)
                        {
                            buckets.Add(reader.Current.Bucket);
                        }

                        reader.MoveNext();
                    }
                }

                if (!decide)
                {
                    continue;
                }

                documents++;
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

    /// <summary>Global index of each shard's first document; the last element is the total.</summary>
    public static int[] ShardStarts(string workDir, int shards, int bands)
    {
        var start = new int[shards + 1];
        long total = 0;
        for (var s = 0; s < shards; s++)
        {
            start[s] = checked((int)total);
            total += new FileInfo(ShardFiles.Signatures(workDir, s)).Length / ShardFiles.EntryBytes(bands);
        }

        start[shards] = checked((int)total);
        return start;
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

    /// <summary>Which near task owns the component whose first document is <paramref name="root"/>.</summary>
    public static int NearOwner(int root, int world) => Partition(0, (ulong)root + 1, world);

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>K-way merge of sorted membership runs into one file sorted by (document, bucket).</summary>
    private static void MergeRuns(List<string> runs, int world, Stream output)
    {
        var readers = new List<BucketReader>();
        try
        {
            long count = 0;
            foreach (var run in runs)
            {
                readers.Add(new BucketReader(run));
                count += new FileInfo(run).Length / 12;
            }

            WriteHeader(output, BucketMagic, world, count);
            var queue = new PriorityQueue<int, Membership>(readers.Count);
            for (var i = 0; i < readers.Count; i++)
            {
                if (readers[i].HasCurrent)
                {
                    queue.Enqueue(i, readers[i].Current);
                }
            }

            var buffer = new byte[12 * 8192];
            var filled = 0;
            while (queue.TryDequeue(out var i, out var m))
            {
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(filled), m.Doc);
                BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(filled + 4), m.Bucket);
                filled += 12;
                if (filled == buffer.Length)
                {
                    output.Write(buffer, 0, filled);
                    filled = 0;
                }

                readers[i].MoveNext();
                if (readers[i].HasCurrent)
                {
                    queue.Enqueue(i, readers[i].Current);
                }
            }

            output.Write(buffer, 0, filled);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static void Check(int rank, int world)
    {
        if (world < 1 || rank < 0 || rank >= world)
        {
            throw new MoaException($"dedup task rank must be in 0..{Math.Max(0, world - 1)} and the task count at least 1 (got rank {rank} of {world}).");
        }
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

    private static void WriteHeader(Stream stream, uint magic, int world, long count, long verified = 0, long rejected = 0)
    {
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], world);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], count);
        stream.Write(header);
        if (magic == NearMagic)
        {
            BinaryPrimitives.WriteInt64LittleEndian(header, verified);
            BinaryPrimitives.WriteInt64LittleEndian(header[8..], rejected);
            stream.Write(header);
        }
    }

    private static FileStream Open(string path, uint magic, int world, out long count, out (long Verified, long Rejected) counts)
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
            counts = default;
            if (magic == NearMagic)
            {
                stream.ReadExactly(header);
                counts = (BinaryPrimitives.ReadInt64LittleEndian(header), BinaryPrimitives.ReadInt64LittleEndian(header[8..]));
            }

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
            _stream = Open(path, BucketMagic, world, out _left, out _);
            MoveNext();
        }

        /// <summary>A run of a bucket task: memberships without a header.</summary>
        public BucketReader(string run)
        {
            _stream = new FileStream(run, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            _left = _stream.Length / 12;
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
