using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Moa.Text.Hashing;

/// <summary>
/// xxHash64 (XXH64) as published in the xxHash specification by Yann Collet: a fast, well-distributed,
/// seeded 64-bit non-cryptographic hash. Used for content keys, shingles and LSH band keys.
/// </summary>
/// <remarks>Output is identical to the reference implementation (<c>xxhsum -H64</c>) on every platform.</remarks>
public static class XxHash64
{
    internal const ulong Prime1 = 0x9E3779B185EBCA87UL;
    internal const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    internal const ulong Prime3 = 0x165667B19E3779F9UL;
    internal const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    internal const ulong Prime5 = 0x27D4EB2F165667C5UL;

    /// <summary>Hashes bytes with the given seed.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        var length = data.Length;
        ulong acc;
        var offset = 0;
        if (length >= 32)
        {
            var v1 = seed + Prime1 + Prime2;
            var v2 = seed + Prime2;
            var v3 = seed;
            var v4 = seed - Prime1;
            var limit = length - 32;
            do
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset)));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 8)));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 16)));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 24)));
                offset += 32;
            }
            while (offset <= limit);

            acc = MergeLanes(v1, v2, v3, v4);
        }
        else
        {
            acc = seed + Prime5;
        }

        acc += (ulong)length;
        return Finish(acc, data.Slice(offset));
    }

    /// <summary>Hashes text as its UTF-16LE bytes (no transcoding), with the given seed.</summary>
    public static ulong Hash(ReadOnlySpan<char> text, ulong seed = 0)
    {
        if (BitConverter.IsLittleEndian)
        {
            return Hash(MemoryMarshal.AsBytes(text), seed);
        }

        return HashBigEndianChars(text, seed);
    }

    private static ulong HashBigEndianChars(ReadOnlySpan<char> text, ulong seed)
    {
        var state = new XxHash64State(seed);
        Span<byte> buffer = stackalloc byte[256];
        while (!text.IsEmpty)
        {
            var take = Math.Min(text.Length, buffer.Length / 2);
            for (var i = 0; i < take; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(buffer.Slice(i * 2), text[i]);
            }

            state.Append(buffer.Slice(0, take * 2));
            text = text.Slice(take);
        }

        return state.Digest();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Round(ulong acc, ulong lane) => BitOperations.RotateLeft(acc + (lane * Prime2), 31) * Prime1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MergeRound(ulong acc, ulong lane) => ((acc ^ Round(0, lane)) * Prime1) + Prime4;

    internal static ulong MergeLanes(ulong v1, ulong v2, ulong v3, ulong v4)
    {
        var acc = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
            + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        acc = MergeRound(acc, v1);
        acc = MergeRound(acc, v2);
        acc = MergeRound(acc, v3);
        return MergeRound(acc, v4);
    }

    /// <summary>Consumes the last 0..31 bytes and applies the final avalanche.</summary>
    internal static ulong Finish(ulong acc, ReadOnlySpan<byte> tail)
    {
        var offset = 0;
        while (tail.Length - offset >= 8)
        {
            acc ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(tail.Slice(offset)));
            acc = (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
            offset += 8;
        }

        if (tail.Length - offset >= 4)
        {
            acc ^= BinaryPrimitives.ReadUInt32LittleEndian(tail.Slice(offset)) * Prime1;
            acc = (BitOperations.RotateLeft(acc, 23) * Prime2) + Prime3;
            offset += 4;
        }

        while (offset < tail.Length)
        {
            acc ^= tail[offset] * Prime5;
            acc = BitOperations.RotateLeft(acc, 11) * Prime1;
            offset++;
        }

        return Avalanche(acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Avalanche(ulong acc)
    {
        acc ^= acc >> 33;
        acc *= Prime2;
        acc ^= acc >> 29;
        acc *= Prime3;
        acc ^= acc >> 32;
        return acc;
    }
}
