using Moa.Text.Hashing;

namespace Moa.Text.Tests.Hashing;

public class HashMixTests
{
    [Fact]
    public void Fnv1a_MatchesPublishedValues()
    {
        // FNV-1a test vectors (Fowler/Noll/Vo): "" is the offset basis, "a" is 0xaf63dc4c8601ec8c (64-bit) and 0xe40c292c (32-bit);
        // a UTF-16 code unit below 0x100 hashes like the byte.
        HashMix.Fnv1a("").ShouldBe(0xCBF29CE484222325UL);
        HashMix.Fnv1a("a").ShouldBe(0xAF63DC4C8601EC8CUL);
        HashMix.Fnv1a32("a").ShouldBe(0xE40C292Cu);
        HashMix.FnvStep(HashMix.FnvOffset, 'a').ShouldBe(HashMix.Fnv1a("a"));
    }

    [Fact]
    public void SplitMix_FromZero_GivesTheReferenceSequence()
    {
        // SplitMix64 (Steele, Lea and Flood 2014) seeded with 0: first outputs as in the reference C code.
        ulong state = 0;
        HashMix.SplitMix(ref state).ShouldBe(0xE220A8397B1DCDAFUL);
        HashMix.SplitMix(ref state).ShouldBe(0x6E789E6AA1B965F4UL);
    }

    [Fact]
    public void Finalisers_AreBijectiveOnASample()
    {
        var seenFmix = new HashSet<ulong>();
        var seenXsm = new HashSet<ulong>();
        for (ulong x = 0; x < 100_000; x++)
        {
            seenFmix.Add(HashMix.Fmix64(x)).ShouldBeTrue();
            seenXsm.Add(HashMix.XorShiftMultiply(x)).ShouldBeTrue();
        }

        HashMix.Fmix64(0).ShouldBe(0UL);
    }
}
