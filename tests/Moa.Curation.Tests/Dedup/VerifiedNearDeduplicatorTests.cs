using Moa.Curation.Configuration;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;

namespace Moa.Curation.Tests.Dedup;

public class VerifiedNearDeduplicatorTests
{
    private static ulong[] Range(int from, int to) => [.. Enumerable.Range(from, to - from).Select(v => (ulong)v)];

    [Fact]
    public void Add_ChainOfSimilarPairs_DoesNotChainThroughDissimilarDocuments()
    {
        // A ~ B (J 0.8), B ~ C (J 0.8), A vs C J 0.6: unverified LSH would put all three in one cluster.
        ulong[][] sets = [Range(0, 90), Range(10, 100), Range(20, 110)];
        var dedup = new VerifiedNearDeduplicator(2, new NearDuplicateRule(0.7), 16, i => sets[i]);

        dedup.Add(0, [11, 12]).IsDuplicate.ShouldBeFalse();
        var b = dedup.Add(1, [11, 12]);
        var c = dedup.Add(2, [11, 12]);

        b.DuplicateOf.ShouldBe(0);
        b.Similarity.ShouldBe(80.0 / 100, 1e-12);
        c.IsDuplicate.ShouldBeFalse("C is compared with the kept A only, not with the removed B");
        dedup.Verified.ShouldBe(2);
        dedup.Rejected.ShouldBe(1);
    }

    [Fact]
    public void Add_SeveralKeptCandidates_PointsToTheMostSimilar()
    {
        ulong[][] sets = [Range(0, 100), Range(200, 300), Range(205, 300)];
        var dedup = new VerifiedNearDeduplicator(1, new NearDuplicateRule(0.5), 16, i => sets[i]);
        dedup.Add(0, [7]);
        dedup.Add(1, [7]).IsDuplicate.ShouldBeFalse();

        var decision = dedup.Add(2, [7]);

        decision.DuplicateOf.ShouldBe(1);
        decision.Similarity.ShouldBe(0.95, 1e-12);
    }

    [Fact]
    public void Add_ShortDocumentOneWordEdited_IsDuplicateUnderMaxWordEditsOnly()
    {
        // 10 shingles each, 5 changed by one substituted word: J = 5/15 but the sets differ by 10 = 2 x 5 shingles.
        ulong[][] sets = [Range(0, 10), [.. Range(0, 5), .. Range(50, 55)]];
        var strict = new VerifiedNearDeduplicator(1, new NearDuplicateRule(0.7), 16, i => sets[i]);
        strict.Add(0, [3]);
        strict.Add(1, [3]).IsDuplicate.ShouldBeFalse();

        var lenient = new VerifiedNearDeduplicator(1, new NearDuplicateRule(0.7, MaxWordEdits: 1), 16, i => sets[i]);
        lenient.Add(0, [3]);
        var decision = lenient.Add(1, [3]);
        decision.DuplicateOf.ShouldBe(0);
        decision.Similarity.ShouldBe(5.0 / 15, 1e-12);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.03, true)]
    public void Rule_FiftyWordCopyWithTwoEditedWords_IsDuplicateUnderMaxEditRate(double rate, bool duplicate)
    {
        // 50 words = 46 shingles; two substituted words change 10 shingles each: J = 36 / 56 ~ 0.64.
        var rule = new NearDuplicateRule(0.7, MaxWordEdits: 1, MaxEditRate: rate);
        rule.IsDuplicate(46, 46, 36).ShouldBe(duplicate);
        rule.IsDuplicate(46, 46, 35).ShouldBeFalse("three edits' worth of changed shingles is more than 3% of 50 words");
        rule.IsDuplicate(0, 0, 0).ShouldBeFalse();
        new NearDuplicateRule(0.7).IsDuplicate(100, 100, 83).ShouldBeTrue("J = 83 / 117 >= 0.7");

        // 150 shingles: 3% of the words is 5 edits, and a copy with 5 substituted words keeps J >= 125 / 175 = 0.714,
        // so the edit rule does not apply: a paragraph of 50 shingles added (J 0.67, 50 differing) is not a duplicate.
        rule.IsDuplicate(100, 150, 100).ShouldBeFalse();
        rule.IsDuplicate(140, 150, 130).ShouldBeTrue("J = 130 / 160 >= 0.7");
    }

    [Fact]
    public void Add_EmptyBandKeys_AreNeverCandidates()
    {
        var calls = 0;
        var dedup = new VerifiedNearDeduplicator(2, new NearDuplicateRule(0.5), 16, _ =>
        {
            calls++;
            return [1UL];
        });
        dedup.Add(0, [MinHasher.EmptyBandHash, MinHasher.EmptyBandHash]);
        dedup.Add(1, [MinHasher.EmptyBandHash, MinHasher.EmptyBandHash]).IsDuplicate.ShouldBeFalse();
        calls.ShouldBe(0);
    }

    [Fact]
    public void Add_ManyKeptDocumentsUnderOneKey_VerifiesAtMostMaxCandidates()
    {
        var sets = Enumerable.Range(0, 40).Select(i => Range(i * 1000, (i * 1000) + 50)).ToArray();
        var dedup = new VerifiedNearDeduplicator(1, new NearDuplicateRule(0.7), 4, i => sets[i], expectedDocuments: 2);
        for (var i = 0; i < 40; i++)
        {
            dedup.Add(i, [99]).IsDuplicate.ShouldBeFalse();
        }

        // Document i finds min(i, MaxPerKey) kept documents under the key and verifies at most 4 of them.
        dedup.Verified.ShouldBe(1 + 2 + 3 + (4L * (40 - 4)));
    }

    [Fact]
    public void Add_OutOfOrder_Throws()
    {
        var dedup = new VerifiedNearDeduplicator(1, new NearDuplicateRule(0.7), 16, _ => [1UL]);
        dedup.Add(5, [1]);
        Should.Throw<ArgumentOutOfRangeException>(() => dedup.Add(3, [1]));
        Should.Throw<ArgumentException>(() => dedup.Add(6, [1, 2]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_SimilarityOutOfRange_Throws(double similarity) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new VerifiedNearDeduplicator(1, new NearDuplicateRule(similarity), 16, _ => []));

    [Fact]
    public void ShingleSet_AndExactJaccard_MatchTheSetDefinition()
    {
        var hasher = new MinHasher(new NearDedupOptions());
        var a = hasher.ShingleSet("하나 둘 셋 넷 다섯 여섯 일곱 하나 둘 셋 넷 다섯");
        a.ShouldBe(a.Order().Distinct().ToArray());
        a.Length.ShouldBe(7); // 8 windows, the first and the last are equal
        MinHasher.ExactJaccard(a, a).ShouldBe(1.0);
        MinHasher.ExactJaccard(a, hasher.ShingleSet("다른 문서 전혀 다른 단어들 입니다")).ShouldBe(0.0);
        MinHasher.ExactJaccard(a, []).ShouldBe(0.0);
        hasher.ShingleSet("   ").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("dedup:\n  near:\n    min_similarity: 0\n", "dedup.near.min_similarity")]
    [InlineData("dedup:\n  near:\n    min_similarity: 1.2\n", "dedup.near.min_similarity")]
    [InlineData("dedup:\n  near:\n    max_word_edits: 9\n", "dedup.near.max_word_edits")]
    [InlineData("dedup:\n  near:\n    max_candidates: 0\n", "dedup.near.max_candidates")]
    [InlineData("dedup:\n  near:\n    max_edit_rate: 0.5\n", "dedup.near.max_edit_rate")]
    public void Config_InvalidVerificationSetting_IsAnErrorNamingTheField(string yaml, string field)
    {
        var ex = Should.Throw<MoaException>(() => CurationConfigLoader.Parse(yaml, "p.yaml"));
        ex.Message.ShouldContain(field);
    }

    [Fact]
    public void Options_InvalidVerificationSetting_IsAnErrorNamingTheField()
    {
        Should.Throw<MoaException>(() => new MinHasher(new NearDedupOptions { MinSimilarity = -1 })).Message.ShouldContain("min_similarity");
        Should.Throw<MoaException>(() => new MinHasher(new NearDedupOptions { MaxCandidates = 0 })).Message.ShouldContain("max_candidates");
        Should.Throw<MoaException>(() => new MinHasher(new NearDedupOptions { MaxWordEdits = -1 })).Message.ShouldContain("max_word_edits");
        Should.Throw<MoaException>(() => new MinHasher(new NearDedupOptions { MaxEditRate = double.NaN })).Message.ShouldContain("max_edit_rate");
    }
}
