using Moa.Evaluation.Statistics;

namespace Moa.Evaluation.Tests.Statistics;

public class StatisticsTests
{
    [Fact]
    public void Estimate_MeanAndStderrUseSampleStandardDeviation()
    {
        double[] v = [1, 0, 1, 1, 0, 1, 1, 1]; // mean 0.75, sample var = 0.2142857.., stderr = sqrt(var/8)
        var e = SampleStatistics.Estimate(v, resamples: 2000, seed: 7);
        e.Mean.ShouldBe(0.75);
        e.StdErr.ShouldBe(Math.Sqrt(0.75 * 0.25 * 8 / 7 / 8), 1e-12);
        e.CiLow.ShouldBeLessThan(e.Mean);
        e.CiHigh.ShouldBeGreaterThan(e.Mean);
        e.CiHigh.ShouldBeLessThanOrEqualTo(1.0);
    }

    [Fact]
    public void Estimate_SameSeed_SameInterval_DifferentSeed_Differs()
    {
        var v = Enumerable.Range(0, 200).Select(i => (i * 7919 % 13) / 13.0).ToArray();
        var a = SampleStatistics.Estimate(v, 500, seed: 1);
        var b = SampleStatistics.Estimate(v, 500, seed: 1);
        var c = SampleStatistics.Estimate(v, 500, seed: 2);
        (a.CiLow, a.CiHigh).ShouldBe((b.CiLow, b.CiHigh));
        (a.CiLow == c.CiLow && a.CiHigh == c.CiHigh).ShouldBeFalse();
    }

    [Fact]
    public void Estimate_Empty_IsNaNNotZero()
    {
        var e = SampleStatistics.Estimate([], 100);
        double.IsNaN(e.Mean).ShouldBeTrue();
        e.Count.ShouldBe(0);
    }

    [Fact]
    public void Percentile_InterpolatesLikeNumpyLinear()
    {
        double[] sorted = [1, 2, 3, 4];
        SampleStatistics.Percentile(sorted, 0.5).ShouldBe(2.5);
        SampleStatistics.Percentile(sorted, 0.025).ShouldBe(1.075, 1e-12);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.5, 0.0004069520174449590)]
    [InlineData(4.0, 1.541725790028002e-08)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_MatchesReferenceValues(double x, double expected)
    {
        PairedTests.Erfc(x).ShouldBe(expected, Math.Abs(expected) * 1e-10 + 1e-16);
    }

    [Fact]
    public void ChiSquare1Survival_CriticalValue_IsFivePercent()
    {
        PairedTests.ChiSquare1Survival(3.841458820694124).ShouldBe(0.05, 1e-9);
    }

    [Fact]
    public void McNemar_ExactAndCorrected_MatchHandComputation()
    {
        // b = 10, c = 2: exact two-sided p = 2 * P(X <= 2 | n=12, 0.5) = 2 * (1 + 12 + 66) / 4096 = 0.03857421875
        var r = PairedTests.McNemar(10, 2);
        r.ExactP.ShouldBe(0.03857421875, 1e-12);
        r.ChiSquare.ShouldBe(49.0 / 12.0, 1e-12); // (|10-2|-1)^2 / 12
        r.CorrectedP.ShouldBe(PairedTests.Erfc(Math.Sqrt(49.0 / 24.0)), 1e-15);
        r.CorrectedP.ShouldBe(0.0433, 0.0001);
    }

    [Fact]
    public void McNemar_NoDiscordantPairs_IsOne()
    {
        var r = PairedTests.McNemar([true, false, true], [true, false, true]);
        (r.OnlyA, r.OnlyB, r.ExactP, r.CorrectedP).ShouldBe((0, 0, 1.0, 1.0));
    }

    [Fact]
    public void McNemar_LargeCounts_DoNotUnderflow()
    {
        var r = PairedTests.McNemar(1500, 1400);
        r.ExactP.ShouldBeInRange(0.05, 0.1);
        r.CorrectedP.ShouldBeInRange(0.05, 0.1);
    }

    [Fact]
    public void PairedBootstrap_ClearImprovement_IsSignificant_NoChange_IsNot()
    {
        var a = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? 1.0 : 0.0).ToArray();
        var better = a.Select((v, i) => i % 4 == 1 ? 1.0 : v).ToArray(); // +25 points
        var r = PairedTests.PairedBootstrap(a, better, 2000, 3);
        r.Delta.ShouldBe(0.25, 1e-12);
        r.PValue.ShouldBeLessThan(0.01);
        r.CiLow.ShouldBeGreaterThan(0);

        var same = PairedTests.PairedBootstrap(a, a, 2000, 3);
        same.Delta.ShouldBe(0);
        same.PValue.ShouldBe(1.0);
    }
}
