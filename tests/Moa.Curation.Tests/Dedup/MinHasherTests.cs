using System.Text;
using Moa.Curation.Dedup;
using Moa.Text.Hashing;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization;

namespace Moa.Curation.Tests.Dedup;

public class MinHasherTests
{
    public static TheoryData<string> Methods => new() { "oph", "classic", "cminhash" };

    private static ulong[] Bands(MinHasher hasher, string text)
    {
        var bands = new ulong[hasher.BandCount];
        hasher.ComputeBandHashes(text, bands);
        return bands;
    }

    private static ulong[] Signature(MinHasher hasher, string text)
    {
        var signature = new ulong[hasher.SignatureLength];
        hasher.ComputeSignature(text, signature);
        return signature;
    }

    [Theory]
    [InlineData("bands", 0, 5, 5, 64, "oph")]
    [InlineData("rows", 20, 0, 5, 64, "oph")]
    [InlineData("shingle_words", 20, 5, 0, 64, "oph")]
    [InlineData("shingle_words", 20, 5, 33, 64, "oph")]
    [InlineData("hash_bits", 20, 5, 5, 48, "oph")]
    [InlineData("method", 20, 5, 5, 64, "simhash")]
    [InlineData("bands x near_dedup.rows", 100, 11, 5, 64, "oph")]
    public void Constructor_InvalidOptions_ThrowsMoaExceptionNamingTheField(string field, int bands, int rows, int words, int bits, string method)
    {
        var options = new NearDedupOptions { Bands = bands, Rows = rows, ShingleWords = words, HashBits = bits, Method = method };
        var error = Should.Throw<MoaException>(() => new MinHasher(options));
        error.Message.ShouldContain("near_dedup." + field);
    }

    [Fact]
    public void Options_FromYamlWithUnderscoredNames_BindEveryField()
    {
        var yaml = "enabled: false\nshingle_words: 4\nbands: 16\nrows: 6\nhash_bits: 32\nseed: 99\nmethod: classic\n";
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var options = deserializer.Deserialize<NearDedupOptions>(yaml);
        options.Enabled.ShouldBeFalse();
        options.ShingleWords.ShouldBe(4);
        options.Bands.ShouldBe(16);
        options.Rows.ShouldBe(6);
        options.HashBits.ShouldBe(32);
        options.Seed.ShouldBe(99UL);
        options.Method.ShouldBe("classic");
        new MinHasher(options).BandCount.ShouldBe(16);
    }

    [Fact]
    public void WrongSpanLengths_ThrowArgumentException()
    {
        var hasher = new MinHasher(new NearDedupOptions());
        Should.Throw<ArgumentException>(() => hasher.ComputeBandHashes("텍스트", new ulong[hasher.BandCount + 1]));
        Should.Throw<ArgumentException>(() => hasher.ComputeSignature("텍스트", new ulong[3]));
        Should.Throw<ArgumentException>(() => MinHasher.EstimateJaccard(new ulong[4], new ulong[5]));
        Should.Throw<ArgumentException>(() => MinHasher.EstimateJaccard([], []));
        Should.Throw<ArgumentNullException>(() => new MinHasher(null!));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void EmptyOrWhitespaceText_GivesSentinel(string method)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        foreach (var text in new[] { "", "   ", "\n\t\r\u3000\u00A0" })
        {
            Bands(hasher, text).ShouldAllBe(b => b == MinHasher.EmptyBandHash);
            Signature(hasher, text).ShouldAllBe(v => v == ulong.MaxValue);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void RealDocuments_NeverGetTheSentinelBandKey(string method)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        foreach (var doc in DedupTestCorpus.Originals.Take(2000))
        {
            Bands(hasher, doc).ShouldNotContain(MinHasher.EmptyBandHash);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void WhitespaceAndLatinCaseVariants_GiveIdenticalBandKeys(string method)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        var baseline = Bands(hasher, "모아 플랫폼은 the sovereign AI 말뭉치를 정제한다 café ＡＢＣ");
        Bands(hasher, "  모아\t플랫폼은\nThe  SOVEREIGN\u3000ai 말뭉치를\u00A0정제한다 CAFÉ ａｂｃ ").ShouldBe(baseline);
        Bands(hasher, "모아 플랫폼은 the sovereign AI 말뭉치를 정제했다 café ＡＢＣ").ShouldNotBe(baseline);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ShortTexts_ExactCopiesMatchAndOthersDoNot(string method)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        Bands(hasher, "정말 재밌어요").ShouldBe(Bands(hasher, "정말  재밌어요"));
        var a = Bands(hasher, "정말 재밌어요");
        var b = Bands(hasher, "정말 재미없어요");
        a.Intersect(b).ShouldBeEmpty();
        var single = Bands(hasher, "최고");
        single.Intersect(a).ShouldBeEmpty();
    }

    [Fact]
    public void Shingler_CountsWindowsAndShortTexts()
    {
        DedupTestCorpus.ShingleSet("a b c d e f g h").Count.ShouldBe(4);
        DedupTestCorpus.ShingleSet("a b c").Count.ShouldBe(1);
        DedupTestCorpus.ShingleSet(" \n ").Count.ShouldBe(0);
        DedupTestCorpus.ShingleSet("a b c d e a b c d e").Count.ShouldBe(5);
        DedupTestCorpus.TrueJaccard("a b c d e f", "f e d c b a").ShouldBe(0);
    }

    [Fact]
    public void Shingler_MatchesNaiveStringShinglesOnRealPairs()
    {
        var random = new Random(5);
        var originals = DedupTestCorpus.Originals;
        for (var n = 0; n < 300; n++)
        {
            var a = originals[random.Next(originals.Length)];
            var b = DedupTestCorpus.Edit(a, 0.05, random);
            DedupTestCorpus.TrueJaccard(a, b).ShouldBe(NaiveJaccard(a, b), 1e-12);
        }
    }

    private static double NaiveJaccard(string a, string b)
    {
        static HashSet<string> Shingles(string text)
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (words.Length is > 0 and < 5)
            {
                set.Add(string.Join('\u0001', words));
            }

            for (var i = 0; i + 5 <= words.Length; i++)
            {
                set.Add(string.Join('\u0001', words, i, 5));
            }

            return set;
        }

        var sa = Shingles(a);
        var sb = Shingles(b);
        var intersection = sa.Count(sb.Contains);
        return (double)intersection / (sa.Count + sb.Count - intersection);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void EstimateJaccard_IdenticalIsOneAndUnrelatedNearZero(string method)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        var docs = DedupTestCorpus.Originals;
        MinHasher.EstimateJaccard(Signature(hasher, docs[0]), Signature(hasher, docs[0])).ShouldBe(1.0);
        MinHasher.EstimateJaccard(Signature(hasher, docs[0]), Signature(hasher, docs[^1])).ShouldBeLessThan(0.05);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ComputeBandHashes_SameResultsAcrossThreadsAndInstances(string method)
    {
        var options = new NearDedupOptions { Method = method };
        var docs = DedupTestCorpus.Originals.Take(1500).ToArray();
        var separate = new MinHasher(options);
        var sequential = docs.Select(d => Bands(separate, d)).ToArray();
        var shared = new MinHasher(options);
        var parallel = new ulong[docs.Length][];
        Parallel.For(0, docs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[docs.Length - 1 - i] = Bands(shared, docs[docs.Length - 1 - i]));
        for (var i = 0; i < docs.Length; i++)
        {
            parallel[i].ShouldBe(sequential[i]);
        }

        var reseeded = new MinHasher(new NearDedupOptions { Method = method, Seed = 1 });
        Bands(reseeded, docs[0]).ShouldNotBe(sequential[0]);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ComputeBandHashes_DoesNotAllocate(string method)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        var docs = DedupTestCorpus.Originals.Take(200).ToArray();
        var bands = new ulong[hasher.BandCount];
        Allocations.Least(() =>
        {
            foreach (var doc in docs)
            {
                hasher.ComputeBandHashes(doc, bands);
            }
        }).ShouldBe(0);
    }

    private const string GoldenText = "구한말, 통영 안뒤산 기슭 간창골에 김봉제 형제가 살았다. 김봉제는 관약국을 경영하며 부를 누렸는데, The Quick Brown fox jumps over the lazy dog.";

    // Pinned values: a change of shingling, hashing or densification changes which documents a run keeps,
    // so it must be deliberate. Identical on every CPU path (checked with DOTNET_EnableHWIntrinsic=0 and AVX2-only).
    [Theory]
    [InlineData("oph", 0x61E0D0DE207BCD95UL, 0xDD7DFA1E849F2BECUL, 0xAF7E8CB84B266536UL, 0x8C6790837344BD6BUL)]
    [InlineData("classic", 0xF90C9954EA142100UL, 0x98E07CD1573D50B7UL, 0x670204F126DA1D62UL, 0x9A8745393D30F1B9UL)]
    [InlineData("cminhash", 0x1435830992078FEFUL, 0xDF4D9E207B8DD6CCUL, 0x00DD5622FADA190EUL, 0x8CC48796D1B915C2UL)]
    public void BandHashes_FixedText_AreStableAcrossVersionsAndCpus(string method, ulong band0, ulong band1, ulong band2, ulong shortBand0)
    {
        var hasher = new MinHasher(new NearDedupOptions { Method = method });
        Bands(hasher, GoldenText).Take(3).ShouldBe([band0, band1, band2]);
        Bands(hasher, "짧은 글")[0].ShouldBe(shortBand0);
    }

    [Fact]
    public void OphDensification_VectorPathEqualsOrderWalk()
    {
        var options = new NearDedupOptions();
        var fast = new MinHasher(options);
        var reference = new MinHasher(options) { ForceWalkDensification = true };
        var texts = DedupTestCorpus.Originals.Take(300)
            .Concat(File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(300)
                .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!))
            .Append("한 단어").Append("x");
        foreach (var text in texts)
        {
            Signature(fast, text).ShouldBe(Signature(reference, text), text);
        }
    }

    [Fact]
    public void HashBits32_KeepsValuesBelow2To32AndStillFindsCopies()
    {
        var hasher = new MinHasher(new NearDedupOptions { HashBits = 32 });
        var doc = DedupTestCorpus.Originals[10];
        Signature(hasher, doc).ShouldAllBe(v => v <= uint.MaxValue);
        var edited = DedupTestCorpus.Edit(doc, 0.01, new Random(1));
        Bands(hasher, doc).Intersect(Bands(hasher, edited)).ShouldNotBeEmpty();
    }

    [Fact]
    public void DecomposedHangul_IsADifferentTextUnlessNormalised()
    {
        // The hasher expects NFC input (the pipeline normalises first); NFD jamo are different characters.
        var hasher = new MinHasher(new NearDedupOptions());
        const string text = "한국어 말뭉치 중복 제거 시험 문장";
        Bands(hasher, text.Normalize(NormalizationForm.FormD)).ShouldNotBe(Bands(hasher, text));
        Bands(hasher, text.Normalize(NormalizationForm.FormD).Normalize(NormalizationForm.FormC)).ShouldBe(Bands(hasher, text));
    }
}
