namespace Moa.Cli.Tests;

/// <summary>The person policy on the command line: a private person is replaced, a public one kept, a bad name is a one-line error.</summary>
public sealed class PiiCommandTests
{
    private static string Input(string dir)
    {
        var path = Path.Combine(dir, "docs.jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "a", "text": "민원인 김민준 (010-2345-6789) 씨가 소음 피해를 호소했다."}""",
            """{"id": "b", "text": "과학기술정보통신부 유영민 장관은 이날 발사체 이름을 발표했다."}""",
        ]);
        return path;
    }

    [Theory]
    [InlineData("scan", "--out")]
    [InlineData("redact", "--output")]
    public void BadPersonPolicy_IsOneLineErrorNamingTheOption(string verb, string outputOption)
    {
        var dir = TestPaths.NewTempDir();
        var (code, _, err) = MoaProcess.Run("pii", verb, Input(dir), outputOption, Path.Combine(dir, "out"), "--person-policy", "public");
        code.ShouldBe(2, err);
        err.ShouldContain("--person-policy");
        err.ShouldContain("'public'");
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Redact_PrivatePolicy_ReplacesThePrivatePersonOnly()
    {
        var dir = TestPaths.NewTempDir();
        var output = Path.Combine(dir, "out");
        var (code, _, err) = MoaProcess.Run("pii", "redact", Input(dir), "--output", output);
        code.ShouldBe(0, err);
        var text = File.ReadAllText(Path.Combine(output, "docs.jsonl"));
        text.ShouldNotContain("김민준");
        text.ShouldNotContain("010-2345-6789");
        text.ShouldContain("유영민");
    }

    [Fact]
    public void PersonReranker_BadPenaltyOrDefaultPoint_IsOneLineError()
    {
        var dir = TestPaths.NewTempDir();
        var (code, _, err) = MoaProcess.Run("pii", "eval-person-reranker", "--l2", "0.01,abc");
        code.ShouldNotBe(0);
        err.ShouldContain("--l2");
        err.ShouldContain("'abc'");
        err.ShouldNotContain("   at ");

        (code, _, err) = MoaProcess.Run("pii", "train-person-reranker", "--out", Path.Combine(dir, "r.bin"), "--default-point", "1.5");
        code.ShouldNotBe(0);
        err.ShouldContain("default point");
        err.ShouldNotContain("   at ");
        File.Exists(Path.Combine(dir, "r.bin")).ShouldBeFalse();
    }
}
