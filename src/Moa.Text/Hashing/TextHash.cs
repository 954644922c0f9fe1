using System.Runtime.InteropServices;
using System.Text;
using LibXxHash64 = System.IO.Hashing.XxHash64;

namespace Moa.Text.Hashing;

/// <summary>
/// The project's seeded 64-bit content hash: xxHash64 (XXH64) from System.IO.Hashing, over bytes or over the
/// UTF-16LE code units of a text. Used for content keys, held-out splits, example ranks and LSH band keys, so its
/// values are persisted: they equal the reference <c>xxhsum -H1</c> on every platform (see the tests' vectors).
/// </summary>
public static class TextHash
{
    /// <summary>xxHash64 of <paramref name="data"/> with <paramref name="seed"/>.</summary>
    public static ulong XxHash64(ReadOnlySpan<byte> data, ulong seed = 0) =>
        LibXxHash64.HashToUInt64(data, unchecked((long)seed));

    /// <summary>xxHash64 of the UTF-16LE code units of <paramref name="text"/> (no transcoding) with <paramref name="seed"/>.</summary>
    public static ulong XxHash64(ReadOnlySpan<char> text, ulong seed = 0) =>
        BitConverter.IsLittleEndian
            ? LibXxHash64.HashToUInt64(MemoryMarshal.AsBytes(text), unchecked((long)seed))
            : LibXxHash64.HashToUInt64(Encoding.Unicode.GetBytes(text.ToArray()), unchecked((long)seed));
}
