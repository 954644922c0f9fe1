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

    [Fact]
    public void Fit_ConditionOn_KeepsTheCategoryRelationThePlainCopulaLoses()
    {
        var real = TestTables.Dependent(20_000, 8);
        var plain = SynthModel.Fit(real, SynthSpec.Parse("seed: 3")).Sample(20_000);
        var model = SynthModel.Fit(real, SynthSpec.Parse("seed: 3\ncondition_on: a"));
        var conditioned = model.Sample(20_000);
        var before = Fidelity.Pairs(real, plain).Single(p => p.A == "a" && p.B == "b").Score;
        var after = Fidelity.Pairs(real, conditioned).Single(p => p.A == "a" && p.B == "b").Score;
        after.ShouldBeGreaterThanOrEqualTo(0.97);
        after.ShouldBeGreaterThan(before);
        Fidelity.Columns(real, conditioned).ShouldAllBe(c => c.Score >= 0.97);
        model.CopulaGroups!.Count.ShouldBe(4);
        var path = Path.Combine(TestPaths.NewTempDir(), "conditioned.json");
        model.Save(path);
        SynthModel.Load(path).Sample(500)["b"].Values!.ShouldBe(model.Sample(500)["b"].Values!);
    }

    [Theory]
    [InlineData("synthesizer: mst\ncondition_on: a", "condition_on applies to the copula only")]
    [InlineData("condition_on: d", "condition_on: column 'd' is numeric")]
    [InlineData("condition_on: zz", "column 'zz' is not in the table")]
    public void Fit_ConditionOn_BadColumn_NamesIt(string yaml, string expected) =>
        Should.Throw<MoaException>(() => SynthModel.Fit(TestTables.Dependent(500, 1), SynthSpec.Parse(yaml))).Message.ShouldContain(expected);
}
