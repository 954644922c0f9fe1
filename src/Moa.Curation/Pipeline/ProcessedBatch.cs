using System.Buffers;
using Moa.Curation.Statistics;

namespace Moa.Curation.Pipeline;

/// <summary>
/// What the per-document stages produced for one batch, in input order: the JSONL records,
/// one entry per record (status, place in the buffer, dedup keys) and the batch's counts.
/// </summary>
internal sealed class ProcessedBatch
{
    public const byte Kept = 0;
    public const byte Removed = 1;

    private readonly int _bands;
    private ulong[] _bandHashes;

    public ProcessedBatch(int bands, int capacity)
    {
        _bands = bands;
        _bandHashes = new ulong[Math.Max(1, bands * capacity)];
        Entries = new List<Entry>(capacity);
    }

    public ArrayBufferWriter<byte> Records { get; } = new(64 * 1024);

    public List<Entry> Entries { get; }

    public CurationStats Stats { get; } = new();

    /// <summary>Band hashes of entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<ulong> BandsOf(int index) => _bandHashes.AsSpan(index * _bands, _bands);

    public void Add(byte status, int offset, int length, UInt128 exact, ReadOnlySpan<ulong> bands, int textBytes, int textChars)
    {
        var index = Entries.Count;
        if (_bands > 0 && status == Kept)
        {
            var needed = (index + 1) * _bands;
            if (needed > _bandHashes.Length)
            {
                Array.Resize(ref _bandHashes, Math.Max(needed, _bandHashes.Length * 2));
            }

            bands.CopyTo(_bandHashes.AsSpan(index * _bands, _bands));
        }

        Entries.Add(new Entry(status, offset, length, exact, textBytes, textChars));
    }

    /// <summary>One processed document.</summary>
    public readonly record struct Entry(byte Status, int Offset, int Length, UInt128 Exact, int TextBytes, int TextChars);
}
