using Moa.Text.Hashing;
using Moa.Text.Languages;
using Moa.Text.Normalization;
using Moa.Text.Tokens;

namespace Moa.Text.Tests;

/// <summary>Every "allocates nothing" promise of Moa.Text, checked after warm-up with the thread's allocation counter.</summary>
public class AllocationTests
{
    private static readonly string s_text = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"국가 인공지능 말뭉치{i % 31} corpus{i % 7} 2026년"));

    /// <summary>Bytes allocated by the third call of <paramref name="action"/> on this thread (the first two warm up).</summary>
    internal static long Allocated(Action action)
    {
        action();
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData("oph")]
    [InlineData("classic")]
    [InlineData("cminhash")]
    public void MinHasher_ComputeBandHashes_AllocatesNothing(string method)
    {
        var hasher = new MinHasher(new MinHashOptions { Method = method });
        var bands = new ulong[hasher.BandCount];

        Allocated(() => hasher.ComputeBandHashes(s_text, bands)).ShouldBe(0);
    }

    [Fact]
    public void LanguageIdentifier_Identify_AllocatesNothing() =>
        Allocated(() => LanguageIdentifier.Default.Identify(s_text)).ShouldBe(0);

    [Fact]
    public void PreTokenCounter_Count_AllocatesNothing() =>
        Allocated(() => PreTokenCounter.Default.Count(s_text)).ShouldBe(0);

    [Fact]
    public void TextNormalizer_CleanText_ReturnedWithoutAllocating()
    {
        var normalizer = new TextNormalizer(new NormalizerOptions());
        var clean = normalizer.Normalize(s_text);

        normalizer.Normalize(clean).ShouldBeSameAs(clean);
        Allocated(() => normalizer.Normalize(clean)).ShouldBe(0);
    }
}
