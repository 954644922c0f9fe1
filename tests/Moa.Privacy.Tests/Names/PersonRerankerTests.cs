using Moa.Privacy.Names;
using Moa.Privacy.Recognizers;

namespace Moa.Privacy.Tests.Names;

/// <summary>The person re-ranker: how it tells the tagger's scores from the rules', its proposals, its file, its fit.</summary>
public class PersonRerankerTests
{
    [Fact]
    public void IsTaggerScore_RecoversEveryTaggerMargin_AndNoRuleScore()
    {
        for (var m = -80f; m <= 80f; m += 0.37f)
        {
            PersonReranker.IsTaggerScore(Person.ModelScore(m), out var back).ShouldBeTrue($"margin {m}");
            Person.ModelScore(back).ShouldBe(Person.ModelScore(m));
        }

        // Every fixed score of the context rules (Recognizers/Person.cs) and the proposal marker.
        foreach (var rule in new[] { 0.45, 0.7 - 0.2, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, PersonReranker.ProposalScore })
        {
            PersonReranker.IsTaggerScore(rule, out _).ShouldBeFalse($"rule score {rule}");
        }

        PersonReranker.IsTaggerScore(0, out _).ShouldBeFalse();
        PersonReranker.IsTaggerScore(1, out _).ShouldBeFalse();
    }

    [Fact]
    public void Propose_KoreanShapedStem_LoneSurnameBeforeTitle_AndWidenedSpans()
    {
        var text = "황우여 새누리당 대표와 한 위원장이 만났다";
        var candidates = new List<PiiFinding>();
        PersonReranker.Propose(text, candidates, 0);
        var spans = candidates.Select(c => text[c.Start..c.End]).ToList();
        spans.ShouldContain("황우여");
        spans.ShouldContain("한");
        candidates.ShouldAllBe(c => c.Score == PersonReranker.ProposalScore && c.Type == PiiTypes.Person);

        // A candidate is widened by the word before it and by the stem of the word after it.
        var foreign = "배우 필립 셰이모어의 연기";
        var start = foreign.IndexOf("셰이모어", StringComparison.Ordinal);
        var list = new List<PiiFinding> { new(start, start + 4, PiiTypes.Person, 0.7) };
        PersonReranker.Propose(foreign, list, 0);
        list.Select(c => foreign[c.Start..c.End]).ShouldContain("필립 셰이모어");

        // Nothing overlapping another candidate (an identifier found before) is proposed, and no span twice.
        var taken = new List<PiiFinding> { new(0, 3, PiiTypes.Address, 0.9) };
        PersonReranker.Propose("황우여 대표", taken, 0);
        taken.Count.ShouldBe(1);
    }

    [Fact]
    public void Default_IsLoaded_AndRanksANameAboveACommonWord()
    {
        var reranker = PersonReranker.Default;
        reranker.MemoryBytes.ShouldBeGreaterThan(0);
        var analyzer = new PiiAnalyzer([PiiTypes.Person]);
        var found = analyzer.Analyze("김민준 씨는 어제 회의에 참석했다.");
        found.ShouldContain(f => f.Start == 0 && f.End == 3);
        found.ShouldAllBe(f => f.Score >= 0 && f.Score <= 1);
        analyzer.Analyze("리뷰 123 연락 010-1234-5678").ShouldNotContain(f => f.Type == PiiTypes.Person);
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesTheSameScores()
    {
        var reranker = PersonReranker.Default;
        var path = Path.Combine(Path.GetTempPath(), $"moa-reranker-{Guid.NewGuid():N}.bin");
        try
        {
            reranker.Save(path);
            using var stream = File.OpenRead(path);
            var loaded = PersonReranker.Load(stream, path);
            var text = "송혜교라는 배우와 박지훈 교수가 리뷰를 남겼다";
            var a = new PiiAnalyzer([PiiTypes.Person], 0, null, reranker: reranker).Analyze(text);
            var b = new PiiAnalyzer([PiiTypes.Person], 0, null, reranker: loaded).Analyze(text);
            b.ShouldBe(a);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_GarbageOrOtherVersion_IsAClearError()
    {
        var ex = Should.Throw<MoaException>(() => PersonReranker.Load(new MemoryStream([1, 2, 3, 4, 5]), "bad.bin"));
        ex.Message.ShouldContain("bad.bin");

        var path = Path.Combine(Path.GetTempPath(), $"moa-reranker-{Guid.NewGuid():N}.bin");
        try
        {
            // A person tagger file is not a re-ranker.
            PersonModel.Default.Save(path);
            using var stream = File.OpenRead(path);
            Should.Throw<MoaException>(() => PersonReranker.Load(stream, path)).Message.ShouldContain("re-ranker");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fit_IsDeterministic_AndRejectsBadOptions()
    {
        var sentences = KlueNer.Read(TestPaths.Data("ner", "klue-ner-v1.1_dev_part1.tsv")).Take(300).ToList();
        var sets = PersonRerankerTrainer.Candidates(sentences, PersonModel.Default);
        var a = PersonRerankerTrainer.Fit(sets, StemFrequency.Empty, new PersonRerankerOptions { Epochs = 3 });
        var b = PersonRerankerTrainer.Fit(sets, StemFrequency.Empty, new PersonRerankerOptions { Epochs = 3 });
        b.Weights.ShouldBe(a.Weights);
        b.Bias.ShouldBe(a.Bias);
        Should.Throw<MoaException>(() => PersonRerankerTrainer.Fit(sets, StemFrequency.Empty, new PersonRerankerOptions { L2 = -1 }));
        Should.Throw<MoaException>(() => PersonRerankerTrainer.OutOfFold(sentences, 1, new PersonTrainingOptions()));
        Should.Throw<MoaException>(() => PersonRerankerTrainer.TrainFile("missing.tsv", "out.bin", new PersonTrainingOptions(), new PersonRerankerOptions(), null, 1.5));
    }
}
