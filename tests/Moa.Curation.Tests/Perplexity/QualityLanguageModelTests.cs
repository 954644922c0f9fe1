using System.IO.Compression;
using Moa.Curation.Perplexity;

namespace Moa.Curation.Tests.Perplexity;

public sealed class QualityLanguageModelTests
{
    private const string Prose = "대한민국의 수도는 서울특별시이며, 국토의 중부에 위치한 한강 유역에 자리 잡고 있다. 서울은 조선 시대부터 나라의 중심지였다.";

    [Fact]
    public void Embedded_IsExactlyWhatTheTrainingScriptBuilds()
    {
        var rebuilt = QualityLanguageModelTrainer.BuildPayload(
            QualityLanguageModelSources.Training(TestPaths.SharedData),
            QualityLanguageModelSources.CutoffReference(TestPaths.SharedData),
            new QualityLanguageModelTrainingOptions());

        var committed = Decompress(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "src", "Moa.Curation", "Perplexity", QualityLanguageModel.EmbeddedName)));
        committed.SequenceEqual(rebuilt).ShouldBeTrue("src/Moa.Curation/Perplexity/ko-char-lm.bin.gz is not what scripts/train-quality-lm.sh builds: rerun the script and commit the model");
        QualityLanguageModel.Embedded.Info.TableSha256.ShouldBe(QualityLanguageModel.FromPayload(rebuilt, "rebuilt").Info.TableSha256);
    }

    [Fact]
    public void Embedded_HeaderRecordsSourcesLicencesSplitAndStaysSmall()
    {
        var model = QualityLanguageModel.Embedded;
        var info = model.Info;

        info.Order.ShouldBe(3);
        info.Training.Select(s => s.File).ShouldBe([QualityLanguageModelSources.BoolQ + "/{train,dev,test}.tsv (Text)", QualityLanguageModelSources.News]);
        info.Training.ShouldAllBe(s => s.Licence.Contains("CC BY-SA") && s.FileSha256.Length == 64 && s.Documents > 0);
        info.Training.ShouldNotContain(s => s.File.Contains("korquad"));
        info.CutoffReference.Single().File.ShouldBe(QualityLanguageModelSources.Wiki);
        info.Split.ShouldContain("SHA-256");
        info.HeadCutoff.ShouldBeLessThan(info.TailCutoff);
        model.MemoryBytes.ShouldBeLessThanOrEqualTo(4L << 20);
        new FileInfo(Path.Combine(TestPaths.RepoRoot, "src", "Moa.Curation", "Perplexity", QualityLanguageModel.EmbeddedName)).Length.ShouldBeLessThan(2_000_000);
    }

    [Fact]
    public void Training_UsesOnlyTheTuningHalves()
    {
        var sets = QualityLanguageModelSources.Training(TestPaths.SharedData);
        var info = QualityLanguageModel.Embedded.Info;
        for (var i = 0; i < sets.Count; i++)
        {
            info.Training[i].Documents.ShouldBe(sets[i].Documents.Count(d => d.Tuning));
            info.Training[i].Documents.ShouldBeLessThan(sets[i].Documents.Count);
        }
    }

    [Fact]
    public void TuningSplit_IsFixedAndAboutHalf()
    {
        TuningSplit.IsTuning("news-00000").ShouldBe(TuningSplit.IsTuning("news-00000"));
        var share = Enumerable.Range(0, 10_000).Count(i => TuningSplit.IsTuning($"doc-{i}")) / 10_000.0;
        share.ShouldBeInRange(0.47, 0.53);
    }

    [Fact]
    public void Perplexity_KoreanProseScoresFarBelowScrambledProse()
    {
        var model = QualityLanguageModel.Embedded;
        var scrambled = new string(Prose.OrderBy(c => (c * 7919) % 104729).ToArray());

        var prose = model.Perplexity(Prose)!.Value;
        prose.ShouldBeLessThan(model.Info.TailCutoff);
        model.Perplexity(scrambled)!.Value.ShouldBeGreaterThan(prose * 5);
    }

    [Fact]
    public void Perplexity_IsPerParagraphAndLengthWeighted()
    {
        var model = QualityLanguageModel.Embedded;
        var (lpA, nA) = model.Log10Probability(Prose);
        var other = "ㅋㅋㅋ 진짜 웃기다 ㅎㅎ";
        var (lpB, nB) = model.Log10Probability(other);

        var (lp, n) = model.Log10Probability(Prose + "\n\n" + other);

        n.ShouldBe(nA + nB);
        lp.ShouldBe(lpA + lpB, 1e-9);
        model.Perplexity(Prose + "\n" + other)!.Value.ShouldBe(Math.Pow(10, -(lpA + lpB) / (nA + nB)), 1e-9);
    }

    [Fact]
    public void Perplexity_MaxUnits_ScoresOnlyTheStart()
    {
        var model = QualityLanguageModel.Embedded;
        var (_, units) = model.Log10Probability(Prose);
        model.Perplexity(Prose, (int)units + 10)!.Value.ShouldBe(model.Perplexity(Prose)!.Value, 1e-9);
        model.Log10Probability(Prose + "\n" + Prose, 40).Units.ShouldBe(40);
        model.Perplexity(Prose + "\nㅋㅋㅋㅋㅋㅋㅋㅋ ㅎㅎㅎㅎ ㅠㅠㅠㅠ", (int)units)!.Value.ShouldBe(model.Perplexity(Prose)!.Value, 1e-9);
    }

    [Fact]
    public void Perplexity_NormalisesSpacesDigitsAndCase()
    {
        var model = QualityLanguageModel.Embedded;
        model.Perplexity("서울의 인구는 2024년  기준 약 900만 명이다. Seoul")!.Value
            .ShouldBe(model.Perplexity("  서울의 인구는 1111년 기준 약 555만 명이다.\tseoul  ")!.Value, 1e-9);
        model.Perplexity("").ShouldBeNull();
        model.Perplexity(" \n\t\n").ShouldBeNull();
    }

    [Fact]
    public void Bucket_FollowsTheCutoffs()
    {
        var model = QualityLanguageModel.Embedded;
        model.Bucket(model.Info.HeadCutoff).ShouldBe("head");
        model.Bucket(model.Info.HeadCutoff + 0.01).ShouldBe("middle");
        model.Bucket(model.Info.TailCutoff).ShouldBe("middle");
        model.Bucket(model.Info.TailCutoff + 0.01).ShouldBe("tail");
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "absent.lm.gz");
        Should.Throw<MoaException>(() => QualityLanguageModel.Load(path)).Message.ShouldContain("absent.lm.gz");
    }

    [Theory]
    [InlineData("not-gzip")]
    [InlineData("wrong-header")]
    [InlineData("truncated")]
    [InlineData("table-changed")]
    public void Load_DamagedFile_NamesTheFileAndWhatIsWrong(string damage)
    {
        var payload = Decompress(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "src", "Moa.Curation", "Perplexity", QualityLanguageModel.EmbeddedName)));
        byte[] file = damage switch
        {
            "not-gzip" => "{\"order\": 3}"u8.ToArray(),
            "wrong-header" => Compress([.. "KENLM"u8, .. payload.AsSpan(5)]),
            "truncated" => Compress(payload.AsSpan(0, payload.Length / 2).ToArray()),
            _ => Compress(Flip(payload, payload.Length - 3)),
        };
        var path = Path.Combine(TestPaths.NewTempDir(), damage + ".lm.gz");
        File.WriteAllBytes(path, file);

        var message = Should.Throw<MoaException>(() => QualityLanguageModel.Load(path)).Message;
        message.ShouldContain(path);
        message.ShouldContain("not a usable perplexity model");
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x5A;
        return copy;
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }
}
