namespace Moa.Cli.Tests;

/// <summary>The root command builds only the verb a run names; help and errors still see every verb.</summary>
public sealed class MoaCommandTests
{
    [Fact]
    public void EveryVerb_IsBuiltUnderItsOwnName()
    {
        MoaCommand.Verbs.Select(v => v.Name).ShouldBeUnique();
        foreach (var (name, create) in MoaCommand.Verbs)
        {
            create().Name.ShouldBe(name);
        }
    }

    [Fact]
    public void RootHelp_ListsEveryVerb()
    {
        var (code, output, err) = MoaProcess.Run("--help");
        code.ShouldBe(0, err);
        foreach (var (name, _) in MoaCommand.Verbs)
        {
            output.ShouldContain(name);
        }
    }

    [Fact]
    public void UnknownVerb_IsAnErrorNamingIt()
    {
        var (code, output, err) = MoaProcess.Run("scna", "x.jsonl");
        code.ShouldNotBe(0);
        (output + err).ShouldContain("scna");
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public void NamedVerb_HasItsSubcommands()
    {
        var (code, output, err) = MoaProcess.Run("pii", "--help");
        code.ShouldBe(0, err);
        output.ShouldContain("scan");
        output.ShouldContain("redact");
    }
}
