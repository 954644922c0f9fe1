using System.Text;
using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Benchmarks.Validation;
using static Moa.Evaluation.Tests.Benchmarks.BenchmarkFixtures;

namespace Moa.Evaluation.Tests.Benchmarks;

public class ValidatorTests
{
    private static readonly ValidationOptions s_nia = new() { Profile = ValidationProfile.Nia2024 };

    private static ValidationReport Validate(IEnumerable<BenchmarkItem> items, ValidationOptions? options = null, BenchmarkCard? card = null)
    {
        var list = items.ToList();
        card ??= Card("t", [.. list.Select(i => i.Subset).Distinct()]);
        return BenchmarkValidator.Validate(new LoadedBenchmark(card, list, "mem", "hash"), options ?? new ValidationOptions());
    }

    private static List<BenchmarkItem> Clean(int count = 60) =>
        [.. Enumerable.Range(0, count).Select(i => Item($"i{i}", "s", Reviews[i], [Reviews[1000 + i], Reviews[2000 + i], Reviews[3000 + i], Reviews[4000 + i]], i % 4))];

    [Fact]
    public void RealKobest_FailsNia2024_WithTheSubItemRules()
    {
        var imported = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"));

        var report = Validate(imported.Items, s_nia, imported.Card);

        report.Passed.ShouldBeFalse();
        var subsets = report.Findings.Single(f => f.Rule == "profile.subsets");
        subsets.Severity.ShouldBe(FindingSeverity.Error);
        subsets.Message.ShouldContain("5 sub-items (BoolQ, COPA, HellaSwag, SentiNeg, WiC); profile nia-2024 needs at least 10");
        subsets.Fix.ShouldContain("Add 5 more sub-items");
        var perSubset = report.Findings.Single(f => f.Rule == "profile.items-per-subset");
        perSubset.Message.ShouldContain("2 of 5 sub-items have fewer than 1,000 items");
        perSubset.Message.ShouldContain("HellaSwag (500), SentiNeg (397)");
        report.Subsets.Single(s => s.Subset == "BoolQ").ShouldBe(new SubsetCount("BoolQ", 1404, true));
    }

    [Fact]
    public void RealClick_FailsNia2024_OnItemsPerSubItemOnly_AndFindsItsRepeatedChoice()
    {
        var imported = ClickImporter.Import(TestPaths.Data("benchmarks", "click"));

        var report = Validate(imported.Items, s_nia, imported.Card);

        report.Findings.ShouldNotContain(f => f.Rule == "profile.subsets");
        report.Findings.Single(f => f.Rule == "profile.items-per-subset").Message.ShouldContain("11 of 11 sub-items have fewer than 1,000 items");
        report.Findings.Single(f => f.Rule == "choices.distinct").ItemIds.ShouldBe(["Society_KIIP-KIIP_society_84"]);
        report.Findings.ShouldNotContain(f => f.Rule == "answers.valid" || f.Rule == "ids.unique");
    }

    [Fact]
    public void RealKobbq_ControlCharactersInSource_AreReportedAsEncodingDamage()
    {
        var imported = KobbqImporter.Import(TestPaths.Data("benchmarks", "kobbq", "KoBBQ_test_samples.tsv"));

        var report = Validate(imported.Items, new ValidationOptions(), imported.Card);

        var damage = report.Findings.Single(f => f.Rule == "encoding.damage");
        damage.Message.ShouldContain("control character U+0008");
        damage.ItemIds.ShouldContain("age-006b-001-dis-bsd");
    }

    [Fact]
    public void Synthetic10x1000_PassesNia2024()
    {
        var report = Validate(Synthetic(), s_nia, SyntheticCard());

        report.Findings.Where(f => f.Severity == FindingSeverity.Error).ShouldBeEmpty();
        report.Passed.ShouldBeTrue();
        report.Subsets.Count.ShouldBe(10);
        report.Subsets.ShouldAllBe(s => s.Items == 1000 && s.MeetsProfile);
    }

    [Fact]
    public void ProfileOverrides_ChangeTheMinimums()
    {
        var profile = ValidationProfile.Nia2024.With(minSubsets: 1, minItemsPerSubset: 50);

        Validate(Clean(), new ValidationOptions { Profile = profile }).Passed.ShouldBeTrue();
        Validate(Clean(40), new ValidationOptions { Profile = profile }).Findings.ShouldContain(f => f.Rule == "profile.items-per-subset");
        Should.Throw<MoaException>(() => ValidationProfile.Parse("nia-2025")).Message.ShouldContain("known profiles: nia-2024, none");
        Should.Throw<MoaException>(() => ValidationProfile.None.With(-1, null));
    }

    [Fact]
    public void CleanItems_HaveNoFindings() => Validate(Clean()).Findings.ShouldBeEmpty();

    [Fact]
    public void DuplicateIds_AreErrors()
    {
        var items = Clean();
        items[5] = items[5] with { Id = "i4" };

        var finding = Validate(items).Findings.Single(f => f.Rule == "ids.unique");

        finding.Severity.ShouldBe(FindingSeverity.Error);
        finding.ItemIds.ShouldBe(["i4"]);
    }

    [Fact]
    public void InvalidAnswers_AreErrorsWithTheReason()
    {
        var items = Clean();
        items[0] = items[0] with { Answer = BenchmarkItemJson.Index(4) };
        items[1] = items[1] with { Answer = BenchmarkItemJson.Text(items[1].Choices[2]) };
        items[2] = items[2] with { Choices = [] };

        var finding = Validate(items, card: Card("t", "s")).Findings.Single(f => f.Rule == "answers.valid");

        finding.ItemIds.ShouldBe(["i0", "i1", "i2"]);
        finding.Message.ShouldContain("answer 4 is not a choice index 0..3");
        finding.Message.ShouldContain("write its 0-based index (2)");
        finding.Message.ShouldContain("multiple-choice items need at least 2 choices");
    }

    [Fact]
    public void EmptyFieldsAndRepeatedChoices_AreErrors()
    {
        var items = Clean();
        items[3] = items[3] with { Question = "  " };
        items[4] = items[4] with { Choices = ["a", "", "c", "d"] };
        items[5] = items[5] with { Choices = ["a", "b", "a ", "d"] };

        var findings = Validate(items).Findings;

        var empty = findings.Single(f => f.Rule == "fields.empty");
        empty.ItemIds.ShouldBe(["i3", "i4"]);
        empty.Message.ShouldContain("(choices, question)");
        findings.Single(f => f.Rule == "choices.distinct").ItemIds.ShouldBe(["i5"]);
    }

    [Fact]
    public void ExactDuplicates_IgnoringCaseAndPunctuation_AreErrors()
    {
        var items = Clean();
        items[7] = items[3] with { Id = "copy", Question = items[3].Question.ToUpperInvariant() + " !!" };

        var finding = Validate(items).Findings.Single(f => f.Rule == "duplicates.exact");

        finding.Severity.ShouldBe(FindingSeverity.Error);
        finding.ItemIds.ShouldBe(["i3", "copy"]);
    }

    [Fact]
    public void NearDuplicates_AreWarningsNamingThePair()
    {
        var items = Clean();
        var longQuestion = string.Concat(Enumerable.Range(0, 6).Select(k => Reviews[5000 + k]));
        items[10] = items[10] with { Question = longQuestion };
        items[11] = items[11] with { Question = longQuestion + " 한 글자", Choices = items[10].Choices };

        var finding = Validate(items).Findings.Single(f => f.Rule == "duplicates.near");

        finding.Severity.ShouldBe(FindingSeverity.Warning);
        finding.ItemIds.ShouldBe(["i10", "i11"]);
        finding.Message.ShouldContain("i10 ~ i11");
    }

    [Fact]
    public void UnbalancedAnswerPositions_AreWarnings()
    {
        var items = Clean(200).Select((item, i) => item with { Answer = BenchmarkItemJson.Index(i % 10 < 7 ? 0 : 1 + (i % 3)) }).ToList();

        var finding = Validate(items).Findings.Single(f => f.Rule == "answers.position-balance");

        finding.Message.ShouldContain("A 70.0%");
        finding.Fix.ShouldContain("A is over-used");
    }

    [Fact]
    public void LengthOutliers_AreWarnings()
    {
        var items = Clean(100);
        items[50] = items[50] with { Question = string.Concat(Enumerable.Repeat(items[50].Question, 40)) };

        Validate(items).Findings.Single(f => f.Rule == "length.outliers").ItemIds.ShouldBe(["i50"]);
    }

    [Fact]
    public void EncodingDamage_IsFoundInEveryField()
    {
        var latin1 = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("한국어 문장"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var eucKrAsLatin1 = Encoding.Latin1.GetString(Encoding.GetEncoding(949).GetBytes("대한민국 헌법"));
        var items = Clean();
        items[0] = items[0] with { Question = "깨진 글자 \uFFFD 입니다" };
        items[1] = items[1] with { Context = latin1 };
        items[2] = items[2] with { Choices = ["a", eucKrAsLatin1, "c", "d"] };
        items[3] = items[3] with { Question = "제어 문자\u0007" };
        items[4] = items[4] with { Question = "짝 없는 \uD800 대리 문자" };
        items[5] = items[5] with { Question = "점선 ·········· 과 섭씨 30°C, café" };

        var finding = Validate(items).Findings.Single(f => f.Rule == "encoding.damage");

        finding.ItemIds.ShouldBe(["i0", "i1", "i2", "i3", "i4"]);
        EncodingDamage.Find(latin1)!.ShouldContain("UTF-8 text read as Latin-1");
        EncodingDamage.Find(eucKrAsLatin1)!.ShouldContain("EUC-KR text read as Latin-1");
        EncodingDamage.Find("한국어 😀 emoji").ShouldBeNull();
    }

    [Fact]
    public void CardSubsets_MustMatchTheItems()
    {
        var items = Clean();
        var findings = Validate(items, card: Card("t", "s", "missing")).Findings;
        findings.ShouldContain(f => f.Rule == "card.subsets" && f.Message.Contains("lists sub-items with no items: missing"));

        findings = Validate(items, card: Card("t", "other")).Findings;
        findings.ShouldContain(f => f.Rule == "card.subsets" && f.Message.Contains("60 items belong to sub-items not listed"));
    }

    [Fact]
    public void Report_Json_HasVerdictCountsAndFindings()
    {
        var items = Clean();
        items[1] = items[1] with { Id = "i0" };

        using var json = JsonDocument.Parse(Validate(items, s_nia).ToJson());

        json.RootElement.GetProperty("passed").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("profile").GetString().ShouldBe("nia-2024");
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ShouldContain("ids.unique");
        json.RootElement.GetProperty("findings")[0].GetProperty("severity").GetString().ShouldBe("Error");
    }

    [Fact]
    public void NearDuplicateFinder_FindsExactlyThePairsAboveThreshold()
    {
        var texts = Reviews.Take(300).ToList();
        texts.Add(texts[17] + "!");
        texts.Add(texts[42].Replace(texts[42][^3..], "다른끝"));

        var pairs = NearDuplicateFinder.Find(texts, 0.5);

        // Brute force over all pairs agrees with the bucketed search.
        var shingles = texts.Select(NearDuplicateFinder.Shingles).ToList();
        var brute = new List<(int, int)>();
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                if (NearDuplicateFinder.Jaccard(shingles[a], shingles[b]) >= 0.5)
                {
                    brute.Add((a, b));
                }
            }
        }

        pairs.Select(p => (p.First, p.Second)).ShouldBe(brute);
        brute.ShouldContain((17, 300));
        Should.Throw<MoaException>(() => NearDuplicateFinder.Find(texts, 0));
    }
}

public class NearDuplicateItemsTests
{
    [Fact]
    public void CurationMinHashClusters_FindTheSamePairsAsTheExactSearch_OnRealKobest()
    {
        var items = KobestImporter.Import(TestPaths.Data("benchmarks", "kobest")).Items;
        var texts = items.Select(ItemText.Normalized).ToList();
        var planted = texts[100] + " 추가";
        texts.Add(planted);

        var viaMinHash = NearDuplicateItems.Find(texts, 0.9);
        var exact = NearDuplicateFinder.Find(texts, 0.9);

        viaMinHash.ShouldBe(exact);
        viaMinHash.ShouldContain(p => p.First == 100 && p.Second == texts.Count - 1);
        var boolq = viaMinHash.Where(p => p.Second < items.Count).Select(p => (items[p.First].Id, items[p.Second].Id));
        boolq.ShouldContain(("boolq-test-59", "boolq-test-227"));
        Should.Throw<MoaException>(() => NearDuplicateItems.Find(texts, 1.5));
    }
}
