using Moa.Synthesis.Data;
using Moa.Synthesis.Evaluation;
using Moa.Synthesis.Mst;

namespace Moa.Synthesis.Tests;

public class MstTests
{
    [Theory]
    [InlineData(1.0, 1e-6, 9)]
    [InlineData(0.3, 1e-5, 20)]
    [InlineData(8.0, 1e-9, 2)]
    public void Plan_SpendsExactlyTheBudget_AndConvertsBackToEpsilon(double epsilon, double delta, int columns)
    {
        var a = PrivacyAccounting.Plan(epsilon, delta, columns);
        a.RhoSpent.ShouldBe(a.Rho, 1e-12);
        PrivacyAccounting.EpsilonFor(a.Rho, delta).ShouldBe(epsilon, 1e-9);
        a.SelectionRounds.ShouldBe(columns - 1);
        a.TwoWayMeasurements.ShouldBe(columns - 1);
    }

    // Simulation: fit many times; the noise actually added to every measured cell has the standard deviation the accounting states.
    [Fact]
    public void Fit_MeasurementNoise_HasTheSigmaTheAccountingClaims()
    {
        var table = TestTables.Dependent(2_000, 3);
        var oneWay = new List<double>();
        var twoWay = new List<double>();
        PrivacyAccounting? accounting = null;
        for (var seed = 0; seed < 150; seed++)
        {
            var model = SynthModel.Fit(table, SynthSpec.Parse($"synthesizer: mst\nepsilon: 1\ndelta: 1e-6\nseed: {seed}")).Mst!;
            oneWay.AddRange(model.Noise.OneWay);
            twoWay.AddRange(model.Noise.TwoWay);
            accounting = model.Accounting;
        }

        static double Sd(List<double> v) => Math.Sqrt(v.Sum(x => x * x) / v.Count);
        Math.Abs(oneWay.Average()).ShouldBeLessThan(0.1 * accounting!.SigmaOneWay);
        Sd(oneWay).ShouldBe(accounting.SigmaOneWay, 0.03 * accounting.SigmaOneWay);
        Sd(twoWay).ShouldBe(accounting.SigmaTwoWay, 0.03 * accounting.SigmaTwoWay);
    }

    [Fact]
    public void Fit_StrongPair_IsSelectedAndReproduced()
    {
        var real = TestTables.Dependent(20_000, 4);
        var model = SynthModel.Fit(real, SynthSpec.Parse("synthesizer: mst\nepsilon: 1\nseed: 2"));
        model.Privacy!.SelectedPairs.ShouldContain(p => p.Contains("a") && p.Contains("b"));
        var synthetic = model.Sample(20_000);
        var ab = Fidelity.Pairs(real, synthetic).Single(p => p.A == "a" && p.B == "b");
        ab.Score.ShouldBeGreaterThanOrEqualTo(0.95);
        Fidelity.Columns(real, synthetic).ShouldAllBe(c => c.Score >= 0.95);
    }

    [Fact]
    public void Sample_SameSeed_SameRows_AndAccountingSurvivesSaveLoad()
    {
        var real = TestTables.Dependent(5_000, 5);
        var model = SynthModel.Fit(real, SynthSpec.Parse("synthesizer: mst\nepsilon: 0.5\nseed: 9"));
        var path = Path.Combine(TestPaths.NewTempDir(), "mst.json");
        model.Save(path);
        var loaded = SynthModel.Load(path);
        loaded.Privacy!.Epsilon.ShouldBe(0.5);
        loaded.Privacy.RhoSpent.ShouldBe(model.Privacy!.Rho, 1e-12);
        loaded.Sample(1_000)["a"].Values!.ShouldBe(model.Sample(1_000)["a"].Values!);
        File.ReadAllText(path).ShouldContain("\"sigma_one_way\"");
    }

    [Fact]
    public void Fit_NumericBounds_FromTheSpecAreNotListedAsTakenFromData()
    {
        var real = TestTables.Dependent(2_000, 6);
        var model = SynthModel.Fit(real, SynthSpec.Parse("synthesizer: mst\ncolumns:\n  d: { min: 0, max: 100, bins: 10 }"));
        model.Privacy!.PublicDomain.ShouldNotContain(p => p.StartsWith("d:"));
        model.Privacy.PublicDomain.ShouldContain(p => p.StartsWith("a:"));
        model.Sample(2_000)["d"].Numbers!.ShouldAllBe(v => v >= 0 && v <= 100);
    }
}
