using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Moa.Curation.Configuration;
using Moa.Curation.Dedup;
using Moa.Curation.Output;
using Moa.Curation.Statistics;
using Moa.Text.Hashing;

namespace Moa.Curation.Pipeline;

/// <summary>
/// Phase 2: global deduplication over every shard in canonical order. Exact duplicates (same normalised text) go
/// first; the remaining documents go through verified near dedup in canonical order: MinHash LSH proposes kept
/// documents, and a document is removed only when its exact shingle Jaccard similarity with one of them reaches
/// <c>dedup.near.min_similarity</c> (see <see cref="VerifiedNearDeduplicator"/>). The first copy in canonical order is
/// kept, so the winner never depends on thread count or on how the inputs were sliced.
/// </summary>
internal static class DedupPhase
{
    public const int KeptFate = -1;
    public const int FilteredFate = -2;

    public static DedupResult Run(string workDir, int shards, CurationConfig config, IProgress<CurationProgress>? progress)
    {
        var bands = config.Dedup.Near.Enabled ? new MinHasher(config.Dedup.Near).BandCount : 0;
        var entryBytes = ShardFiles.EntryBytes(bands);
        var shardStart = new int[shards + 1];
        long total = 0;
        for (var s = 0; s < shards; s++)
        {
            shardStart[s] = checked((int)total);
            total += new FileInfo(ShardFiles.Signatures(workDir, s)).Length / entryBytes;
        }

        shardStart[shards] = checked((int)total);
        var n = (int)total;
        var fate = new int[n];
        var kind = new byte[n];
        var textBytes = new int[n];
        var recordOffset = new long[n];
        var recordLength = new int[n];
        var stats = new CurationStats();
        var exactStage = stats.Stage("dedup_exact");
        var nearStage = stats.Stage("dedup_near");
        var clock = Stopwatch.StartNew();

        var exactFirst = new Dictionary<UInt128, int>();
        var nearIndex = new List<int>(); // compact near-dedup index -> global index
        var similarity = new float[n];
        using var texts = new ShardTexts(workDir, shardStart, recordOffset, recordLength, bands);
        var hasher = bands > 0 ? new MinHasher(config.Dedup.Near) : null;
        var near = hasher is null
            ? null
            : new VerifiedNearDeduplicator(bands, config.Dedup.Near.Rule, config.Dedup.Near.MaxCandidates, i => hasher.ShingleSet(texts.Text(nearIndex[i])), n);
        Span<ulong> bandHashes = stackalloc ulong[Math.Max(1, bands)];
        var buffer = new byte[entryBytes * 4096];
        var nearTicks = 0L;
        var g = 0;
        for (var s = 0; s < shards; s++)
        {
            using var sig = new FileStream(ShardFiles.Signatures(workDir, s), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int read;
            while ((read = sig.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
            {
                for (var off = 0; off + entryBytes <= read; off += entryBytes, g++)
                {
                    var entryBuffer = buffer.AsSpan(off, entryBytes);
                    var entry = ShardFiles.ReadEntry(entryBuffer);
                    textBytes[g] = entry.TextBytes;
                    recordOffset[g] = entry.Offset;
                    recordLength[g] = entry.Length;
                    if (entry.Status != ProcessedBatch.Kept)
                    {
                        fate[g] = FilteredFate;
                        continue;
                    }

                    fate[g] = KeptFate;
                    if (config.Dedup.Exact.Enabled)
                    {
                        if (exactFirst.TryGetValue(entry.Exact, out var first))
                        {
                            fate[g] = first;
                            kind[g] = 1;
                            similarity[g] = 1;
                            continue;
                        }

                        exactFirst.Add(entry.Exact, g);
                    }

                    if (near is not null)
                    {
                        var t0 = Stopwatch.GetTimestamp();
                        ShardFiles.ReadBands(entryBuffer, bandHashes[..bands]);
                        nearIndex.Add(g);
                        var decision = near.Add(nearIndex.Count - 1, bandHashes[..bands]);
                        if (decision.IsDuplicate)
                        {
                            fate[g] = nearIndex[decision.DuplicateOf];
                            kind[g] = 2;
                            similarity[g] = (float)decision.Similarity;
                        }

                        nearTicks += Stopwatch.GetTimestamp() - t0;
                    }
                }

                progress?.Report(new CurationProgress("dedup", g, g, n));
            }
        }

        exactStage.Seconds = clock.Elapsed.TotalSeconds - (nearTicks / (double)Stopwatch.Frequency);
        clock.Restart();

        nearStage.Seconds += nearTicks / (double)Stopwatch.Frequency;
        return Finish(new DedupResult(shardStart, fate, kind, similarity, recordOffset, recordLength, stats), textBytes, near is null ? null : (near.Verified, near.Rejected));
    }

    /// <summary>
    /// The same result computed by tasks that each hold a slice of the signatures (<see cref="ScaledDedup"/>):
    /// <paramref name="tasks"/> exact tasks, as many bucket tasks (each within <paramref name="maxBytesPerTask"/>),
    /// as many near tasks (connected components), then the merge. Here they run one after the other in this process;
    /// under a scheduler each is its own job.
    /// </summary>
    public static DedupResult RunScaled(OutputLayout layout, int shards, CurationConfig config, int tasks, long maxBytesPerTask)
    {
        var bands = config.Dedup.Near.Enabled ? new MinHasher(config.Dedup.Near).BandCount : 0;
        for (var r = 0; r < tasks; r++)
        {
            ScaledDedup.ExactTask(layout, shards, Math.Max(bands, 0), r, tasks, config.Dedup.Exact.Enabled);
        }

        if (bands > 0)
        {
            for (var r = 0; r < tasks; r++)
            {
                ScaledDedup.BucketTask(layout, shards, bands, r, tasks, maxBytesPerTask);
            }

            for (var r = 0; r < tasks; r++)
            {
                NearTask(layout, shards, config, r, tasks);
            }
        }

        return MergeScaled(layout.WorkDir, shards, config, tasks);
    }

    /// <summary>
    /// Near task <paramref name="rank"/> of <paramref name="tasks"/> of the scaled-out dedup: decides the connected
    /// components of the bucket tasks' edges that it owns (<see cref="ScaledDedup.NearTask"/>).
    /// </summary>
    public static void NearTask(OutputLayout layout, int shards, CurationConfig config, int rank, int tasks)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var hasher = new MinHasher(config.Dedup.Near);
        var shardStart = ScaledDedup.ShardStarts(layout.WorkDir, shards, hasher.BandCount);
        using var texts = new ShardTexts(layout.WorkDir, shardStart, null, null, hasher.BandCount);
        var verifier = new VerifiedNearDeduplicator(hasher.BandCount, config.Dedup.Near.Rule, config.Dedup.Near.MaxCandidates, i => hasher.ShingleSet(texts.Text(i)));
        ScaledDedup.NearTask(layout, shardStart[shards], rank, tasks, verifier);
    }

    /// <summary>The merge step of <see cref="RunScaled"/>: reads the exact and near tasks' files into the result of every document.</summary>
    public static DedupResult MergeScaled(string workDir, int shards, CurationConfig config, int tasks)
    {
        var bands = config.Dedup.Near.Enabled ? new MinHasher(config.Dedup.Near).BandCount : 0;
        var entryBytes = ShardFiles.EntryBytes(bands);
        var shardStart = ScaledDedup.ShardStarts(workDir, shards, bands);
        var n = shardStart[shards];
        var fate = new int[n];
        var kind = new byte[n];
        var textBytes = new int[n];
        var recordOffset = new long[n];
        var recordLength = new int[n];
        var similarity = new float[n];
        var stats = new CurationStats();
        var clock = Stopwatch.StartNew();
        var buffer = new byte[entryBytes * 4096];
        var g = 0;
        for (var s = 0; s < shards; s++)
        {
            using var sig = new FileStream(ShardFiles.Signatures(workDir, s), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int read;
            while ((read = sig.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
            {
                for (var off = 0; off + entryBytes <= read; off += entryBytes, g++)
                {
                    var entry = ShardFiles.ReadEntry(buffer.AsSpan(off, entryBytes));
                    textBytes[g] = entry.TextBytes;
                    recordOffset[g] = entry.Offset;
                    recordLength[g] = entry.Length;
                    fate[g] = entry.Status == ProcessedBatch.Kept ? KeptFate : FilteredFate;
                }
            }
        }

        foreach (var (doc, first) in ScaledDedup.ReadExact(workDir, tasks))
        {
            fate[doc] = first;
            kind[doc] = 1;
            similarity[doc] = 1;
        }

        stats.Stage("dedup_exact").Seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        (long Verified, long Rejected)? counts = null;
        if (bands > 0)
        {
            counts = ScaledDedup.ReadNear(workDir, tasks, (doc, of, sim) =>
            {
                fate[doc] = of;
                kind[doc] = 2;
                similarity[doc] = sim;
            });
        }

        stats.Stage("dedup_near").Seconds = clock.Elapsed.TotalSeconds;
        return Finish(new DedupResult(shardStart, fate, kind, similarity, recordOffset, recordLength, stats), textBytes, counts);
    }

    /// <summary>Exact copies of near duplicates point at the kept copy; stage counts, cluster sizes, verification counts.</summary>
    private static DedupResult Finish(DedupResult result, int[] textBytes, (long Verified, long Rejected)? near)
    {
        var (fate, kind, similarity, stats) = (result.Fate, result.Kind, result.Similarity, result.Stats);
        var n = fate.Length;
        var exactStage = stats.Stage("dedup_exact");
        var nearStage = stats.Stage("dedup_near");

        // An exact copy of a document that is itself a near duplicate points at that document's kept copy.
        for (var i = 0; i < n; i++)
        {
            if (kind[i] == 1 && fate[fate[i]] >= 0)
            {
                similarity[i] = similarity[fate[i]];
                fate[i] = fate[fate[i]];
            }
        }

        if (near is { } counts)
        {
            stats.NearDedup.CandidatesVerified = counts.Verified;
            stats.NearDedup.CandidatesRejected = counts.Rejected;
        }


        // Stage counts and cluster sizes.
        var clusterSize = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (fate[i] == FilteredFate)
            {
                continue;
            }

            exactStage.Count(textBytes[i], kind[i] != 1, textBytes[i]);
            if (kind[i] != 1)
            {
                nearStage.Count(textBytes[i], kind[i] != 2, textBytes[i]);
            }

            if (fate[i] >= 0)
            {
                CurationStats.Increment(stats.Reasons, kind[i] == 1 ? "dedup_exact:duplicate" : "dedup_near:duplicate");
                if (kind[i] == 2)
                {
                    stats.NearDedup.Count(similarity[i]);
                }

                clusterSize[fate[i]] = clusterSize.GetValueOrDefault(fate[i], 1) + 1;
            }
        }

        foreach (var size in clusterSize.Values)
        {
            stats.DuplicateClusters[size] = stats.DuplicateClusters.GetValueOrDefault(size) + 1;
        }

        return result;
    }

    /// <summary>
    /// Reads the text of kept records from the shards' <c>.docs</c> files by global index (random access). Without
    /// record places in memory (<paramref name="recordOffset"/> null), each record's place is read from its <c>.sig</c> entry.
    /// </summary>
    private sealed class ShardTexts(string workDir, int[] shardStart, long[]? recordOffset, int[]? recordLength, int bands) : IDisposable
    {
        private const int MaxOpen = 64;
        private readonly Dictionary<int, (SafeFileHandle Docs, SafeFileHandle? Sig)> _handles = [];
        private readonly byte[] _entry = new byte[ShardFiles.EntryBytes(bands)];

        public string Text(int index)
        {
            var shard = DedupResult.ShardOf(shardStart, index);
            if (!_handles.TryGetValue(shard, out var handle))
            {
                // Runs may have thousands of shards: keep the number of open files bounded.
                if (_handles.Count >= MaxOpen)
                {
                    Dispose();
                    _handles.Clear();
                }

                handle = (File.OpenHandle(ShardFiles.Docs(workDir, shard)), recordOffset is null ? File.OpenHandle(ShardFiles.Signatures(workDir, shard)) : null);
                _handles[shard] = handle;
            }

            long offset;
            int length;
            if (recordOffset is not null && recordLength is not null)
            {
                (offset, length) = (recordOffset[index], recordLength[index]);
            }
            else
            {
                RandomAccess.Read(handle.Sig!, _entry, (long)(index - shardStart[shard]) * _entry.Length);
                var entry = ShardFiles.ReadEntry(_entry);
                (offset, length) = (entry.Offset, entry.Length);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                RandomAccess.Read(handle.Docs, buffer.AsSpan(0, length), offset);
                return KeptRecord.Read(buffer.AsSpan(0, length)).Text;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public void Dispose()
        {
            foreach (var (docs, sig) in _handles.Values)
            {
                docs.Dispose();
                sig?.Dispose();
            }
        }
    }
}

/// <summary>The fate of every document: kept, removed by a per-document stage, or a duplicate of a kept one.</summary>
/// <param name="ShardStart">Global index of each shard's first document; the last element is the total.</param>
/// <param name="Fate">-1 kept, -2 removed earlier, otherwise the global index of the kept copy.</param>
/// <param name="Kind">For duplicates: 1 exact, 2 near.</param>
/// <param name="Similarity">For duplicates: exact shingle Jaccard similarity with the kept copy (1 for exact copies).</param>
/// <param name="RecordOffset">Offset of each document's record in its shard's <c>.docs</c> file.</param>
/// <param name="RecordLength">Length of each document's record.</param>
/// <param name="Stats">Dedup stage counts and cluster sizes.</param>
internal sealed record DedupResult(int[] ShardStart, int[] Fate, byte[] Kind, float[] Similarity, long[] RecordOffset, int[] RecordLength, CurationStats Stats)
{
    private const uint Magic = 0x3144444D; // "MDD1", little-endian

    /// <summary>Where the dedup stage leaves its result for the write stage (a separate job under a scheduler).</summary>
    public static string PathIn(string workDir) => Path.Combine(workDir, "dedup.bin");

    /// <summary>The shard holding global index <paramref name="index"/>.</summary>
    public int ShardOf(int index) => ShardOf(ShardStart, index);

    /// <summary>Writes the result atomically (temporary file, then rename), little-endian arrays then the stats as JSON.</summary>
    public void Save(OutputLayout layout, string path)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.WriteAtomically(path, stream =>
        {
            Span<byte> header = stackalloc byte[12];
            BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], ShardStart.Length);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], Fate.Length);
            stream.Write(header);
            stream.Write(MemoryMarshal.AsBytes(ShardStart.AsSpan()));
            stream.Write(MemoryMarshal.AsBytes(Fate.AsSpan()));
            stream.Write(Kind);
            stream.Write(MemoryMarshal.AsBytes(Similarity.AsSpan()));
            stream.Write(MemoryMarshal.AsBytes(RecordOffset.AsSpan()));
            stream.Write(MemoryMarshal.AsBytes(RecordLength.AsSpan()));
            JsonSerializer.Serialize(stream, Stats, OutputJson.Options);
        });
    }

    /// <summary>Reads a result written by <see cref="Save"/>; a damaged file is a user error naming it.</summary>
    public static DedupResult Load(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            Span<byte> header = stackalloc byte[12];
            stream.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
            {
                throw new InvalidDataException("not a dedup result");
            }

            var shards = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            var n = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            if (shards < 1 || n < 0)
            {
                throw new InvalidDataException($"bad sizes ({shards} shards, {n} documents)");
            }

            var shardStart = new int[shards];
            var fate = new int[n];
            var kind = new byte[n];
            var similarity = new float[n];
            var offset = new long[n];
            var length = new int[n];
            stream.ReadExactly(MemoryMarshal.AsBytes(shardStart.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(fate.AsSpan()));
            stream.ReadExactly(kind);
            stream.ReadExactly(MemoryMarshal.AsBytes(similarity.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(offset.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(length.AsSpan()));
            var stats = JsonSerializer.Deserialize<CurationStats>(stream, OutputJson.Options) ?? throw new InvalidDataException("no statistics");
            if (shardStart[^1] != n)
            {
                throw new InvalidDataException($"shard starts end at {shardStart[^1]}, expected {n}");
            }

            return new DedupResult(shardStart, fate, kind, similarity, offset, length, stats);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException)
        {
            throw new MoaException($"{path}: the dedup stage's result is missing or damaged ({ex.Message}); run the dedup stage again (moa curate --stage dedup).", ex);
        }
    }

    /// <summary>The shard holding global index <paramref name="index"/>, given each shard's first index.</summary>
    public static int ShardOf(int[] shardStart, int index)
    {
        var s = Array.BinarySearch(shardStart, index);
        if (s < 0)
        {
            return ~s - 1;
        }

        // Skip empty shards that share a start index.
        while (s + 1 < shardStart.Length && shardStart[s + 1] == index)
        {
            s++;
        }

        return s;
    }
}
