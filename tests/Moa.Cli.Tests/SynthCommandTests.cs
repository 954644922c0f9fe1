namespace Moa.Cli.Tests;

public sealed class SynthCommandTests
{
    /// <summary>A small seeded table: age (integers), income (numbers), region and grade (dependent categories).</summary>
    private static string People(string dir, int rows = 1_200)
    {
        var lines = new List<string> { "id,age,income,region,grade" };
        var random = new Random(11);
        string[] regions = ["서울", "경기", "부산", "제주"];
        for (var i = 0; i < rows; i++)
        {
            var region = regions[random.Next(regions.Length)];
            var grade = random.NextDouble() < 0.8 ? (region == "서울" ? "A" : "B") : "C";
            lines.Add($"p{i},{20 + random.Next(50)},{Math.Round(30_000 + (random.NextDouble() * 50_000), 2).ToString(System.Globalization.CultureInfo.InvariantCulture)},{region},{grade}");
        }

        var path = Path.Combine(dir, "people.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("copula")]
    [InlineData("mst")]
    [InlineData("privbayes")]
    public void SplitFitSampleEvaluate_EndToEnd_WritesReportAndGateDecidesExitCode(string synthesizer)
    {
        var dir = TestPaths.NewTempDir();
        var data = People(dir);
        string P(string name) => Path.Combine(dir, name);
        var (code, stdout, err) = MoaProcess.Run("synth", "split", "--input", data, "--train", P("train.csv"), "--holdout", P("holdout.csv"), "--fraction", "0.25", "--id-column", "id");
        code.ShouldBe(0, err);
        stdout.ShouldContain("training rows");

        File.WriteAllText(P("spec.yaml"), "seed: 3\nconstraints:\n  unique: [id]\n");
        (code, stdout, err) = MoaProcess.Run("synth", "fit", "--input", P("train.csv"), "--spec", P("spec.yaml"), "--synthesizer", synthesizer, "--model", P("model.json"));
        code.ShouldBe(0, err);
        stdout.ShouldContain("fitted");
        stdout.ShouldContain(synthesizer);
        if (synthesizer != "copula")
        {
            stdout.ShouldContain("privacy:");
        }

        (code, stdout, err) = MoaProcess.Run("synth", "sample", "--model", P("model.json"), "--rows", "500", "--out", P("synthetic.csv"));
        code.ShouldBe(0, err);
        File.ReadAllLines(P("synthetic.csv")).Length.ShouldBe(501);
        File.ReadAllLines(P("synthetic.csv"))[0].ShouldBe("id,age,income,region,grade");

        File.WriteAllText(P("gate.yaml"), "min_column_fidelity: 0.5\nmax_exact_match_excess: 0.5\n");
        (code, stdout, err) = MoaProcess.Run("synth", "evaluate", "--real", P("train.csv"), "--holdout", P("holdout.csv"), "--synthetic", P("synthetic.csv"),
            "--model", P("model.json"), "--target", "grade", "--queries", "200", "--gate", P("gate.yaml"), "--out", P("report"));
        code.ShouldBe(0, err);
        stdout.ShouldContain("release gate passed (2 rules)");
        File.ReadAllText(P("report/report.html")).ShouldContain("합성 데이터 평가");
        File.ReadAllText(P("report/report.json")).ShouldContain("\"membership_auc\"");
    }

    [Fact]
    public void Evaluate_CopiedRows_FailTheGateWithExitCode3AndReasons()
    {
        var dir = TestPaths.NewTempDir();
        var data = People(dir);
        string P(string name) => Path.Combine(dir, name);
        MoaProcess.Run("synth", "split", "--input", data, "--train", P("train.csv"), "--holdout", P("holdout.csv"), "--fraction", "0.25").Code.ShouldBe(0);
        File.WriteAllText(P("gate.yaml"), "max_exact_match_excess: 0.05\nmax_dcr_memorisation: 0.2\n");
        var (code, _, err) = MoaProcess.Run("synth", "evaluate", "--real", P("train.csv"), "--holdout", P("holdout.csv"), "--synthetic", P("train.csv"),
            "--queries", "100", "--gate", P("gate.yaml"), "--out", P("report"));
        code.ShouldBe(3);
        err.ShouldContain("release gate: exact-match rate above the holdout baseline");
        err.ShouldContain("release gate FAILED (2 of 2 rules)");
        File.Exists(P("report/report.json")).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_SyntheticMissesAColumn_NamesItWithExitCode2()
    {
        var dir = TestPaths.NewTempDir();
        var data = People(dir, 200);
        var partial = Path.Combine(dir, "partial.csv");
        File.WriteAllLines(partial, File.ReadAllLines(data).Select(l => string.Join(',', l.Split(',')[..4])));
        var (code, _, err) = MoaProcess.Run("synth", "evaluate", "--real", data, "--holdout", data, "--synthetic", partial, "--out", Path.Combine(dir, "r"));
        code.ShouldBe(2);
        err.ShouldContain("column 'grade'");
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Fit_EmptyTable_IsAClearErrorWithExitCode2()
    {
        var dir = TestPaths.NewTempDir();
        var empty = Path.Combine(dir, "empty.csv");
        File.WriteAllText(empty, "age,region\n");
        var (code, _, err) = MoaProcess.Run("synth", "fit", "--input", empty, "--model", Path.Combine(dir, "m.json"));
        code.ShouldBe(2);
        err.ShouldContain("input table is empty");
        err.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("synthesizer: gan\n", "synthesizer 'gan' is unknown")]
    [InlineData("seed: 1\nepsilonn: 1\n", "spec.yaml:2:1: unknown key 'epsilonn'")]
    [InlineData("synthesizer: privbayes\ndegree: 0\n", "degree must lie between 1 and 4")]
    [InlineData("columns:\n  salary: { type: numeric }\n", "column 'salary' is not in the table")]
    public void Fit_BadSpec_IsOneLineNamingTheProblem(string yaml, string expected)
    {
        var dir = TestPaths.NewTempDir();
        var data = People(dir, 100);
        var spec = Path.Combine(dir, "spec.yaml");
        File.WriteAllText(spec, yaml);
        var (code, _, err) = MoaProcess.Run("synth", "fit", "--input", data, "--spec", spec, "--model", Path.Combine(dir, "m.json"));
        code.ShouldBe(2);
        err.ShouldContain(expected);
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Sample_NotAModel_IsAClearErrorWithExitCode2()
    {
        var dir = TestPaths.NewTempDir();
        var bogus = Path.Combine(dir, "model.json");
        File.WriteAllText(bogus, "{\"format\": \"something-else\"}");
        var (code, _, err) = MoaProcess.Run("synth", "sample", "--model", bogus, "--rows", "10", "--out", Path.Combine(dir, "s.csv"));
        code.ShouldBe(2);
        err.ShouldContain("not a Moa synthesis model");
    }
}
