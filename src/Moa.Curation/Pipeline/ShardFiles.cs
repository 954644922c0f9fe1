using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Moa.Curation.Pipeline;

/// <summary>
/// The intermediate files of one input file ("shard") in <c>.work/shards</c>: <c>NNNNN.docs</c> holds one JSONL record per
/// document read (kept candidates and removed ones, in input order); <c>NNNNN.sig</c> holds one fixed-size entry per record
/// (status, place in <c>.docs</c>, exact hash, MinHash band hashes); <c>NNNNN.bands</c> holds the same band hashes band-major
/// (band 0 of every record, then band 1, ...; the empty key for removed records), so a task of the scaled-out dedup reads only
/// its bands; <c>NNNNN.done</c> (written last) marks the shard complete.
/// </summary>
internal static class ShardFiles
{
    /// <summary>Size of one <c>.sig</c> entry without its band hashes.</summary>
    public const int FixedEntryBytes = 40;

    public static int EntryBytes(int bands) => FixedEntryBytes + (8 * bands);

    public static string Docs(string workDir, int shard) => Path.Combine(workDir, "shards", $"{shard:D5}.docs");

    public static string Signatures(string workDir, int shard) => Path.Combine(workDir, "shards", $"{shard:D5}.sig");

    public static string Bands(string workDir, int shard) => Path.Combine(workDir, "shards", $"{shard:D5}.bands");

    public static string Done(string workDir, int shard) => Path.Combine(workDir, "shards", $"{shard:D5}.done");

    /// <summary>Encodes an entry: status, pad, record length, record offset, exact hash, text bytes, text chars, bands.</summary>
    public static void WriteEntry(Span<byte> destination, in ProcessedBatch.Entry entry, long offset, ReadOnlySpan<ulong> bands)
    {
        destination.Clear();
        destination[0] = entry.Status;
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], entry.Length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (ulong)(entry.Exact >> 64));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (ulong)entry.Exact);
        BinaryPrimitives.WriteInt32LittleEndian(destination[32..], entry.TextBytes);
        BinaryPrimitives.WriteInt32LittleEndian(destination[36..], entry.TextChars);
        for (var i = 0; i < bands.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(FixedEntryBytes + (8 * i))..], bands[i]);
        }
    }

    /// <summary>Decodes the fixed part of an entry.</summary>
    public static SignatureEntry ReadEntry(ReadOnlySpan<byte> source) => new(
        source[0],
        BinaryPrimitives.ReadInt32LittleEndian(source[4..]),
        BinaryPrimitives.ReadInt64LittleEndian(source[8..]),
        new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(source[16..]), BinaryPrimitives.ReadUInt64LittleEndian(source[24..])),
        BinaryPrimitives.ReadInt32LittleEndian(source[32..]),
        BinaryPrimitives.ReadInt32LittleEndian(source[36..]));

    /// <summary>Decodes the band hashes of an entry.</summary>
    public static void ReadBands(ReadOnlySpan<byte> source, Span<ulong> bands)
    {
        for (var i = 0; i < bands.Length; i++)
        {
            bands[i] = BinaryPrimitives.ReadUInt64LittleEndian(source[(FixedEntryBytes + (8 * i))..]);
        }
    }

    /// <summary>
    /// Writes <paramref name="bandsPath"/>: the band hashes of every entry of the finished <c>.sig</c> file at
    /// <paramref name="sigPath"/>, band-major, the empty key for entries that were not kept. Reads the signatures once,
    /// 64 Ki entries at a time; written under a temporary name and renamed.
    /// </summary>
    public static void WriteBandMajor(string sigPath, string bandsPath, int bands)
    {
        var entryBytes = EntryBytes(bands);
        var count = new FileInfo(sigPath).Length / entryBytes;
        const int Chunk = 1 << 16;
        var input = new byte[entryBytes * Chunk];
        var column = new byte[8 * Chunk];
        var tmp = bandsPath + ".tmp";
        using (var sig = new FileStream(sigPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        using (var output = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            output.SetLength(count * 8 * bands);
            for (long first = 0; first < count; first += Chunk)
            {
                var n = (int)Math.Min(Chunk, count - first);
                sig.ReadExactly(input, 0, n * entryBytes);
                for (var b = 0; b < bands; b++)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var entry = input.AsSpan(i * entryBytes, entryBytes);
                        var key = entry[0] == ProcessedBatch.Kept ? BinaryPrimitives.ReadUInt64LittleEndian(entry[(FixedEntryBytes + (8 * b))..]) : 0UL;
                        BinaryPrimitives.WriteUInt64LittleEndian(column.AsSpan(8 * i), key);
                    }

                    output.Position = ((b * count) + first) * 8;
                    output.Write(column, 0, 8 * n);
                }
            }

            output.Flush(flushToDisk: true);
        }

        File.Move(tmp, bandsPath, overwrite: true);
    }

    /// <summary>Reads the <c>id</c> of the record at <paramref name="offset"/> in a shard's <c>.docs</c> file.</summary>
    public static string ReadId(SafeFileHandle docs, long offset, int length)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = RandomAccess.Read(docs, buffer.AsSpan(0, length), offset);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, read));
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    return reader.GetString() ?? string.Empty;
                }

                reader.Skip();
            }

            throw new InvalidDataException($"record at offset {offset} has no id");
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>The fixed part of one <c>.sig</c> entry.</summary>
internal readonly record struct SignatureEntry(byte Status, int Length, long Offset, UInt128 Exact, int TextBytes, int TextChars);
