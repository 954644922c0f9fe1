using System.Text;
using Moa.Text.Hashing;

namespace Moa.Text.Tests.Hashing;

public class TextHashTests
{
    private const ulong Prime32 = 2654435761UL;

    // The xxHash "sanity buffer" (cli/xsum_sanity_check.c): byte i is the top byte of PRIME32 * PRIME64^i.
    private static byte[] SanityBuffer(int length)
    {
        var buffer = new byte[length];
        var generator = Prime32;
        for (var i = 0; i < length; i++)
        {
            buffer[i] = (byte)(generator >> 56);
            generator *= 11400714785074694797UL;
        }

        return buffer;
    }

    [Theory]
    // Official vectors from the xxHash sanity check (XSUM_XXH64_testdata).
    [InlineData(0, 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData(0, Prime32, 0xAC75FDA2929B17EFUL)]
    [InlineData(1, 0UL, 0xE934A84ADB052768UL)]
    [InlineData(1, Prime32, 0x5014607643A9B4C3UL)]
    [InlineData(4, 0UL, 0x9136A0DCA57457EEUL)]
    [InlineData(14, 0UL, 0x8282DCC4994E35C8UL)]
    [InlineData(14, Prime32, 0xC3BD6BF63DEB6DF0UL)]
    [InlineData(222, 0UL, 0xB641AE8CB691C174UL)]
    [InlineData(222, Prime32, 0x20CB8AB7AE10C14AUL)]
    // Further lengths around the 32-byte stripe boundary, from the reference `xxhsum -H1` (Debian xxhash 0.8.1).
    [InlineData(31, 0UL, 0x299B39A290E6D783UL)]
    [InlineData(32, 0UL, 0x18B216492BB44B70UL)]
    [InlineData(33, 0UL, 0x55C8DC3E578F5B59UL)]
    [InlineData(63, 0UL, 0xA9EFBE0FA0F3F4E7UL)]
    [InlineData(64, 0UL, 0xEF558F8ACAC2B5CDUL)]
    [InlineData(100, 0UL, 0x4BFE019CD91D9EA4UL)]
    [InlineData(1000, 0UL, 0x52BD1358F22E9EF7UL)]
    [InlineData(2367, 0UL, 0xA82418DDEC0EA581UL)]
    public void Hash_SanityBuffer_MatchesReference(int length, ulong seed, ulong expected)
    {
        TextHash.XxHash64(SanityBuffer(length), seed).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void Hash_AsciiBytes_MatchesReference(string text, ulong expected)
    {
        TextHash.XxHash64(Encoding.ASCII.GetBytes(text)).ShouldBe(expected);
    }

    [Fact]
    public void Hash_Chars_HashesUtf16LittleEndianBytes()
    {
        // `xxhsum -H1` over the UTF-16LE encoding of "모아 말뭉치".
        TextHash.XxHash64("모아 말뭉치".AsSpan()).ShouldBe(0x80B61666B0183443UL);
        TextHash.XxHash64("모아 말뭉치".AsSpan(), 7).ShouldBe(TextHash.XxHash64(Encoding.Unicode.GetBytes("모아 말뭉치"), 7));
    }

    [Fact]
    public void Hash_DifferentSeeds_GiveDifferentHashes()
    {
        var data = SanityBuffer(100);
        TextHash.XxHash64(data, 1).ShouldNotBe(TextHash.XxHash64(data, 2));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(Prime32)]
    [InlineData(ulong.MaxValue)]
    [InlineData(0x8000000000000001UL)]
    public void Hash_SeedsAboveLongMaxValue_KeepAllSixtyFourBits(ulong seed)
    {
        // The library takes a signed seed; the unchecked cast must keep the bits, so seeds with the top bit set
        // (such as near dedup's band seeds) hash exactly as the reference XXH64 with the unsigned seed.
        var data = SanityBuffer(100);
        var reference = new System.IO.Hashing.XxHash64(unchecked((long)seed));
        reference.Append(data);
        TextHash.XxHash64(data, seed).ShouldBe(reference.GetCurrentHashAsUInt64());
        TextHash.XxHash64(data, seed).ShouldNotBe(TextHash.XxHash64(data, seed ^ 1));
    }
}
