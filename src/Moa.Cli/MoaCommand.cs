using System.CommandLine;

namespace Moa.Cli;

/// <summary>The root <c>moa</c> command: each verb lives in its own folder and registers here.</summary>
internal static class MoaCommand
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Moa (모아): curation, privacy, benchmarks and evaluation for a sovereign-AI data programme.");
        return root.Parse(args).Invoke();
    }
}
