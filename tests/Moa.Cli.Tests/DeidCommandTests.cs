namespace Moa.Cli.Tests;

public sealed class DeidCommandTests
{
    private static string Adult(string dir)
    {
        var rows = new List<string> { "age,sex,race,occupation" };
        var random = new Random(5);
        string[] sexes = ["Male", "Female"];
        string[] races = ["White", "Black", "Asian"];
        for (var i = 0; i < 300; i++)
        {
            rows.Add($"{18 + random.Next(60)},{sexes[random.Next(2)]},{races[random.Next(3)]},job{random.Next(5)}");
        }

        var data = Path.Combine(dir, "adult.csv");
        File.WriteAllLines(data, rows);
        return data;
    }

    [Fact]
    public void InitThenRun_WritesOutputAndReportAndPrintsRisk()
    {
        var dir = TestPaths.NewTempDir();
        var data = Adult(dir);
        var (code, stdout, err) = MoaProcess.Run("deid", "init", data);
        code.ShouldBe(0, err);
        stdout.ShouldContain("spec written");
        var spec = Path.Combine(dir, "adult.deid.yaml");
        var yaml = File.ReadAllText(spec)
            .Replace("purpose: ''", "purpose: 통계작성")
            .Replace("role: insensitive", "role: quasi");
        File.WriteAllText(spec, yaml);

        (code, stdout, err) = MoaProcess.Run("deid", "run", spec);
        code.ShouldBe(0, err);
        stdout.ShouldContain("optimal search");
        stdout.ShouldContain("risk (prosecutor max/avg)");
        File.Exists(Path.Combine(dir, "adult.deid.csv")).ShouldBeTrue();
        File.Exists(Path.Combine(dir, "adult.deid.deid-report.html")).ShouldBeTrue();

        (code, stdout, err) = MoaProcess.Run("deid", "risk", Path.Combine(dir, "adult.deid.csv"), "--qi", "age,sex,race,occupation");
        code.ShouldBe(0, err);
        stdout.ShouldContain("prosecutor: max");
    }

    [Fact]
    public void Risk_MissingColumn_IsOneLineErrorWithoutStackTrace()
    {
        var dir = TestPaths.NewTempDir();
        var data = Adult(dir);
        var (code, _, err) = MoaProcess.Run("deid", "risk", data, "--qi", "age,zip");
        code.ShouldBe(2);
        err.ShouldContain("column 'zip'");
        err.ShouldNotContain("   at ");
    }
}
