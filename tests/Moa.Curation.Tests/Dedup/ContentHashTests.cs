using Moa.Curation.Dedup;
using Moa.Text.Hashing;

namespace Moa.Curation.Tests.Dedup;

public class ContentHashTests
{
    [Fact]
    public void Of_EqualTexts_EqualKeysAndOneCharacterChangesTheKey()
    {
        ContentHash.Of("모아 말뭉치").ShouldBe(ContentHash.Of(new string("모아 말뭉치".ToCharArray())));
        ContentHash.Of("모아 말뭉치").ShouldNotBe(ContentHash.Of("모아 말뭉지"));
        ContentHash.Of("").ShouldNotBe(ContentHash.Of(" "));
    }

    [Fact]
    public void Of_HalvesAreIndependentXxHash64Values()
    {
        var key = ContentHash.Of("exact dedup");
        var upper = (ulong)(key >> 64);
        var lower = (ulong)key;
        upper.ShouldNotBe(lower);
        upper.ShouldNotBe(TextHash.XxHash64("exact dedup".AsSpan()));
    }

    [Fact]
    public void Of_RealDocuments_NoCollisionsAmongDistinctTexts()
    {
        var docs = DedupTestCorpus.Originals;
        docs.Select(d => ContentHash.Of(d)).Distinct().Count().ShouldBe(docs.Length);
    }
}
