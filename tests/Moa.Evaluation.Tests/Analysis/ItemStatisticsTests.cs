using Moa.Evaluation.Analysis;

namespace Moa.Evaluation.Tests.Analysis;

public class ItemStatisticsTests
{
    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(6.634896601021214, 1, 0.01)]
    [InlineData(11.070497693516351, 5, 0.05)]
    [InlineData(0.10258658877510107, 2, 0.95)]
    [InlineData(124.34211340400407, 100, 0.05)]
    public void ChiSquareSurvival_MatchesTables(double statistic, int df, double p) =>
        ItemStatistics.ChiSquareSurvival(statistic, df).ShouldBe(p, 1e-9);

    [Fact]
    public void LogGamma_MatchesFactorials()
    {
        ItemStatistics.LogGamma(5).ShouldBe(Math.Log(24), 1e-12);
        ItemStatistics.LogGamma(0.5).ShouldBe(Math.Log(Math.Sqrt(Math.PI)), 1e-12);
        ItemStatistics.LogGamma(101).ShouldBe(363.73937555556347, 1e-9);
    }

    [Fact]
    public void ChiSquareUniform_BalancedIsOne_SkewedIsTiny()
    {
        ItemStatistics.ChiSquareUniformPValue([25, 25, 25, 25]).ShouldBe(1.0, 1e-12);
        ItemStatistics.ChiSquareUniformPValue([70, 10, 10, 10]).ShouldBeLessThan(1e-20);
    }

    [Fact]
    public void PointBiserial_EqualsPearson_AndIsNaNWhenConstant()
    {
        bool[] x = [true, false, true, true, false];
        double[] y = [0.9, 0.2, 0.7, 0.6, 0.4];
        var xd = x.Select(b => b ? 1.0 : 0.0).ToArray();
        double mx = xd.Average(), my = y.Average();
        var pearson = xd.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / Math.Sqrt(xd.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));

        ItemStatistics.PointBiserial(x, y).ShouldBe(pearson, 1e-12);
        double.IsNaN(ItemStatistics.PointBiserial([true, true], [0.1, 0.2])).ShouldBeTrue();
        double.IsNaN(ItemStatistics.PointBiserial([true, false], [0.3, 0.3])).ShouldBeTrue();
    }

    [Fact]
    public void Quantile_InterpolatesLikeNumpy()
    {
        double[] sorted = [1, 2, 3, 4, 10];
        ItemStatistics.Quantile(sorted, 0.25).ShouldBe(2);
        ItemStatistics.Quantile(sorted, 0.9).ShouldBe(7.6, 1e-12);
    }
}
