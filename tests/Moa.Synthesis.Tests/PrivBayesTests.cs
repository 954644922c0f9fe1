using Moa.Synthesis.Evaluation;
using Moa.Synthesis.PrivBayes;

namespace Moa.Synthesis.Tests;

public class PrivBayesTests
{
    [Theory]
    [InlineData(1.0, 9, 30_000, 2)]
    [InlineData(0.3, 20, 5_000, 2)]
    [InlineData(4.0, 3, 1_000, 1)]
    public void Plan_SpendsExactlyEpsilon_HalfOnTheNetworkHalfOnTheConditionals(double epsilon, int columns, int rows, int degree)
    {
        var b = PrivBayesModel.Plan(epsilon, columns, rows, degree);
        (b.SelectionRounds * b.EpsilonPerRound).ShouldBe(epsilon / 2, 1e-12);
        // Laplace mechanism with L1 sensitivity 1 per count vector costs 1 / b per measurement.
        (b.Measurements / b.LaplaceScale).ShouldBe(epsilon / 2, 1e-12);
        b.Measurements.ShouldBe(columns - degree);
        b.Sensitivity.ShouldBeGreaterThan(0);
        b.SensitivityBinary.ShouldBeGreaterThan(0);
    }

    // Simulation: the noise actually added to every cell is Laplace with the scale the accounting states (E|X| = b, Var = 2b²).
    [Fact]
    public void Fit_ConditionalNoise_HasTheLaplaceScaleTheAccountingClaims()
    {
        var table = TestTables.Dependent(2_000, 3);
        var noise = new List<double>();
        PrivBayesBudget? budget = null;
        for (var seed = 0; seed < 100; seed++)
        {
            var model = SynthModel.Fit(table, SynthSpec.Parse($"synthesizer: privbayes\nepsilon: 1\nseed: {seed}")).PrivBayes!;
            noise.AddRange(model.Noise);
            budget = model.Accounting.PrivBayes;
        }

        var b = budget!.LaplaceScale;
        Math.Abs(noise.Average()).ShouldBeLessThan(0.05 * b);
        noise.Average(Math.Abs).ShouldBe(b, 0.03 * b);
        Math.Sqrt(noise.Average(x => x * x)).ShouldBe(Math.Sqrt(2) * b, 0.05 * b);
    }

    [Fact]
    public void Fit_StrongPair_IsInTheNetworkAndReproduced()
    {
        var real = TestTables.Dependent(20_000, 4);
        var model = SynthModel.Fit(real, SynthSpec.Parse("synthesizer: privbayes\nepsilon: 1\nseed: 2"));
        var network = model.Privacy!.PrivBayes!.Network;
        network.ShouldContain(n => (n.StartsWith("b <-") && n.Contains('a')) || (n.StartsWith("a <-") && n.Contains('b')));
        var synthetic = model.Sample(20_000);
        Fidelity.Pairs(real, synthetic).Single(p => p.A == "a" && p.B == "b").Score.ShouldBeGreaterThanOrEqualTo(0.9);
        Fidelity.Columns(real, synthetic).ShouldAllBe(c => c.Score >= 0.9);
    }

    [Fact]
    public void Sample_SameSeed_SameRows_AndAccountingSurvivesSaveLoad()
    {
        var real = TestTables.Dependent(5_000, 5);
        var model = SynthModel.Fit(real, SynthSpec.Parse("synthesizer: privbayes\nepsilon: 0.5\nseed: 9"));
        var path = Path.Combine(TestPaths.NewTempDir(), "privbayes.json");
        model.Save(path);
        var loaded = SynthModel.Load(path);
        loaded.Privacy!.Epsilon.ShouldBe(0.5);
        loaded.Privacy.PrivBayes!.Network.ShouldBe(model.Privacy!.PrivBayes!.Network);
        loaded.Sample(1_000)["a"].Values!.ShouldBe(model.Sample(1_000)["a"].Values!);
        File.ReadAllText(path).ShouldContain("\"laplace_scale\"");
    }

    [Fact]
    public void Parse_BadDegree_NamesIt() =>
        Should.Throw<MoaException>(() => SynthSpec.Parse("synthesizer: privbayes\ndegree: 9")).Message.ShouldContain("degree must lie between 1 and 4");
}
