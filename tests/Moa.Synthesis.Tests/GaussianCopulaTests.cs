using Moa.Synthesis.Data;
using Moa.Synthesis.Evaluation;

namespace Moa.Synthesis.Tests;

public class GaussianCopulaTests
{
    private static readonly ColumnTable s_real = TestTables.Mixed(20_000, 1);

    private static SynthModel FitCopula(string yaml = "synthesizer: copula\nseed: 5") => SynthModel.Fit(s_real, SynthSpec.Parse(yaml));

    // The tolerances promised in docs/privacy/synthetic.md: KS and TV distance at most 0.02, missing rate within 0.01.
    [Fact]
    public void Sample_Marginals_MatchInputWithinStatedTolerances()
    {
        var synthetic = FitCopula().Sample(20_000);
        foreach (var real in s_real.Columns)
        {
            var syn = synthetic[real.Name];
            var distance = real.Kind == ColumnKind.Categorical ? Fidelity.TotalVariation(real.Values!, syn.Values!) : Fidelity.Ks(real.Numbers!, syn.Numbers!);
            distance.ShouldBeLessThanOrEqualTo(0.02, real.Name);
            var missingReal = Enumerable.Range(0, real.Length).Count(real.IsMissing) / (double)real.Length;
            var missingSyn = Enumerable.Range(0, syn.Length).Count(syn.IsMissing) / (double)syn.Length;
            Math.Abs(missingReal - missingSyn).ShouldBeLessThanOrEqualTo(0.01, real.Name);
        }
    }

    [Fact]
    public void Sample_IntegerAndDateColumns_StayWholeAndInRange()
    {
        var synthetic = FitCopula().Sample(5_000);
        synthetic["age"].Numbers!.ShouldAllBe(v => v == Math.Round(v) && v >= 18 && v <= 80);
        synthetic["joined"].Numbers!.ShouldAllBe(v => v >= 14_000 && v < 17_650);
        synthetic["joined"].Format(0).Length.ShouldBe(10);
    }

    [Fact]
    public void Sample_Correlation_IsKept()
    {
        var synthetic = FitCopula().Sample(20_000);
        var pairs = Fidelity.Pairs(s_real, synthetic).Single(p => p.A == "income" && p.B == "spend");
        pairs.Metric.ShouldBe("correlation similarity");
        pairs.Score.ShouldBeGreaterThanOrEqualTo(0.975);
    }

    [Fact]
    public void Sample_SameSeed_GivesSameRows_OtherSeedDiffers()
    {
        var model = FitCopula();
        var a = model.Sample(3_000, 11);
        var b = FitCopula().Sample(3_000, 11);
        var c = model.Sample(3_000, 12);
        a["income"].Numbers!.ShouldBe(b["income"].Numbers!);
        a["region"].Values!.ShouldBe(b["region"].Values!);
        a["income"].Numbers!.SequenceEqual(c["income"].Numbers!).ShouldBeFalse();
    }

    [Fact]
    public void SaveLoad_RoundTrip_SamplesTheSameRows()
    {
        var model = FitCopula();
        var path = Path.Combine(TestPaths.NewTempDir(), "model.json");
        model.Save(path);
        var loaded = SynthModel.Load(path);
        var a = model.Sample(2_000, 3);
        var b = loaded.Sample(2_000, 3);
        foreach (var col in a.Columns)
        {
            Enumerable.Range(0, a.RowCount).Select(col.Format).ShouldBe(Enumerable.Range(0, b.RowCount).Select(b[col.Name].Format), col.Name);
        }
    }

    [Fact]
    public void Load_NotAModel_IsAClearError()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "model.json");
        File.WriteAllText(path, "{\"format\":\"something-else\"}");
        Should.Throw<MoaException>(() => SynthModel.Load(path)).Message.ShouldContain("not a Moa synthesis model");
    }
}
