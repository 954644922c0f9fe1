namespace Moa.Cli.Tests;

public sealed class TrainLmCommandTests
{
    [Fact]
    public void TrainLm_MissingData_NamesTheFileWithoutStackTrace()
    {
        var dir = TestPaths.NewTempDir();
        var (code, _, err) = MoaProcess.Run("curate", "train-lm", "--data", Path.Combine(dir, "no-data"), "--output", Path.Combine(dir, "m.lm.gz"));

        code.ShouldNotBe(0);
        err.ShouldContain("no-data");
        err.ShouldNotContain("   at ");
        File.Exists(Path.Combine(dir, "m.lm.gz")).ShouldBeFalse();
    }

    [Fact]
    public void Curate_DamagedPerplexityModel_NamesTheModelFileBeforeAnyOutput()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "a.jsonl");
        File.WriteAllText(input, "{\"id\":\"1\",\"text\":\"대한민국의 수도는 서울이다.\"}\n");
        var model = Path.Combine(dir, "broken.lm.gz");
        File.WriteAllText(model, "not a model");
        var config = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(config, $"quality:\n  perplexity:\n    model: {model}\n");

        var (code, _, err) = MoaProcess.Run("curate", "--input", input, "--output", Path.Combine(dir, "out"), "--config", config);

        code.ShouldBe(2);
        err.ShouldContain("broken.lm.gz");
        err.ShouldContain("not a usable perplexity model");
        err.ShouldNotContain("   at ");
        Directory.Exists(Path.Combine(dir, "out")).ShouldBeFalse();
    }
}
