namespace Moa.Cli.Tests;

/// <summary>What a user sees when a command fails: one line for their error, two lines and no stack trace for a bug.</summary>
public sealed class CliErrorsTests
{
    [Fact]
    public void UserErrors_AreOneLine_WithExitCode2()
    {
        var error = new StringWriter();
        CliErrors.Guard(() => throw new MoaException("in.jsonl:3: not JSON; fix the line or drop it"), error).ShouldBe(CliErrors.UserError);
        error.ToString().ShouldBe("moa: error: in.jsonl:3: not JSON; fix the line or drop it" + Environment.NewLine);

        error = new StringWriter();
        CliErrors.Guard(() => throw new IOException("No space left on device : '/out/part-0001.jsonl.zst'"), error).ShouldBe(CliErrors.UserError);
        error.ToString().ShouldStartWith("moa: error: input/output error: No space left on device");
    }

    [Fact]
    public void Bugs_SayTheyAreBugs_AndKeepTheTraceOutOfTheTerminal()
    {
        var error = new StringWriter();
        CliErrors.Guard(() => throw new ArgumentOutOfRangeException("startIndex", "Index was out of range."), error).ShouldBe(CliErrors.InternalError);
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("moa: internal error: ArgumentOutOfRangeException: Index was out of range.");
        lines[1].ShouldContain("this is a bug in moa, not in your input");
        error.ToString().ShouldNotContain("   at ");

        // The trace went to the file the second line names.
        var path = lines[1][(lines[1].IndexOf("details are in ", StringComparison.Ordinal) + "details are in ".Length)..lines[1].IndexOf(". Please", StringComparison.Ordinal)];
        try
        {
            File.ReadAllText(path).ShouldContain("ArgumentOutOfRangeException");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Success_PassesTheExitCodeThrough()
    {
        var error = new StringWriter();
        CliErrors.Guard(() => 0, error).ShouldBe(0);
        CliErrors.Guard(() => 1, error).ShouldBe(1);
        error.ToString().ShouldBeEmpty();
    }
}
