using MathNet.Numerics.Distributions;
using Moa.Synthesis.Data;

namespace Moa.Synthesis.Tests;

/// <summary>Seeded tables with known distributions for the synthesizer tests.</summary>
internal static class TestTables
{
    /// <summary>
    /// Mixed columns: income (log-normal, continuous), age (integers 18..80), region (skewed categories), joined (dates
    /// over ten years), score (normal, 10% missing) and spend (0.8-correlated with income on the normal scale).
    /// </summary>
    public static ColumnTable Mixed(int rows, int seed)
    {
        var rng = new Random(seed);
        var income = new double[rows];
        var spend = new double[rows];
        var age = new double[rows];
        var region = new string?[rows];
        var joined = new double[rows];
        var score = new double[rows];
        string[] regions = ["서울", "경기", "부산", "대구", "제주"];
        double[] weights = [0.45, 0.3, 0.15, 0.07, 0.03];
        for (var i = 0; i < rows; i++)
        {
            var z1 = Normal.Sample(rng, 0, 1);
            var z2 = (0.8 * z1) + (0.6 * Normal.Sample(rng, 0, 1));
            income[i] = Math.Round(Math.Exp(10 + (0.5 * z1)), 2);
            spend[i] = Math.Round(Math.Exp(8 + (0.3 * z2)), 2);
            age[i] = 18 + rng.Next(63);
            var u = rng.NextDouble();
            var k = 0;
            for (var acc = weights[0]; u > acc && k < weights.Length - 1; acc += weights[++k])
            {
            }

            region[i] = regions[k];
            joined[i] = 14_000 + rng.Next(3650);
            score[i] = rng.NextDouble() < 0.1 ? double.NaN : Math.Round(Normal.Sample(rng, 50, 10), 1);
        }

        return new ColumnTable(
        [
            DataColumn.Numeric("income", income, false),
            DataColumn.Numeric("age", age),
            DataColumn.Categorical("region", region),
            DataColumn.DateTime("joined", joined),
            DataColumn.Numeric("score", score, false),
            DataColumn.Numeric("spend", spend, false),
        ]);
    }

    /// <summary>Four categorical columns where b copies a 90% of the time, c and d are independent.</summary>
    public static ColumnTable Dependent(int rows, int seed)
    {
        var rng = new Random(seed);
        string[] letters = ["p", "q", "r", "s"];
        var a = new string?[rows];
        var b = new string?[rows];
        var c = new string?[rows];
        var d = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            a[i] = letters[rng.Next(4)];
            b[i] = rng.NextDouble() < 0.9 ? a[i] : letters[rng.Next(4)];
            c[i] = rng.NextDouble() < 0.7 ? "x" : "y";
            d[i] = rng.Next(20, 60);
        }

        return new ColumnTable([DataColumn.Categorical("a", a), DataColumn.Categorical("b", b), DataColumn.Categorical("c", c), DataColumn.Numeric("d", d)]);
    }
}
