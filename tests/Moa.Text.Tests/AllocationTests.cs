using Moa.Text.Hashing;
using Moa.Text.Languages;
using Moa.Text.Normalization;
using Moa.Text.Tokens;

namespace Moa.Text.Tests;

/// <summary>The hot paths promise not to allocate; checked with the thread's allocation counter.</summary>
public sealed class AllocationTests
{
    /// <summary>Bytes allocated by 100 calls (the least of five rounds).</summary>
    private static long AllocatedBy(Action action) => Allocations.Least(action, calls: 100);

    private const string Korean = "실버영화관에 가서 잘 보고 왔습니다.\n그시대의 향수가 물씬 풍기는 작품에 다시한번 옛날을 회상하였네요. 재밌게 잘 감상하였습니다.";
    private const string English = "The Ministry of Science and ICT announced that it will begin collecting large-scale training data.";

    private static object? s_kept;

    [Fact]
    public void Measure_SeesACallThatAllocates()
    {
        // The least of five rounds must still see an allocation that every call makes.
        AllocatedBy(() => s_kept = new byte[8]).ShouldBeGreaterThanOrEqualTo(100 * 32);
        s_kept.ShouldNotBeNull();
    }

    [Fact]
    public void Normalize_CleanText_DoesNotAllocate()
    {
        var normalizer = new TextNormalizer(new NormalizerOptions());
        AllocatedBy(() => normalizer.Normalize(Korean)).ShouldBe(0);
    }

    [Fact]
    public void Identify_AndProfile_DoNotAllocate()
    {
        AllocatedBy(() => LanguageIdentifier.Default.Identify(Korean)).ShouldBe(0);
        AllocatedBy(() => LanguageIdentifier.Default.Identify(English)).ShouldBe(0);
        AllocatedBy(() => LanguageIdentifier.Profile(English)).ShouldBe(0);
    }

    [Fact]
    public void PreTokenCount_DoesNotAllocate()
    {
        var text = Korean + English;
        AllocatedBy(() => PreTokenCounter.Default.Count(text)).ShouldBe(0);
    }

    [Theory]
    [InlineData("oph")]
    [InlineData("classic")]
    [InlineData("cminhash")]
    public void MinHasher_ComputeBandHashes_DoesNotAllocate(string method)
    {
        var hasher = new MinHasher(new MinHashOptions { Method = method });
        var bands = new ulong[hasher.BandCount];
        var text = Korean + English;
        AllocatedBy(() => hasher.ComputeBandHashes(text, bands)).ShouldBe(0);
    }
}
