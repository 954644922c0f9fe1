using System.CommandLine;

namespace Moa.Cli;

/// <summary>The root <c>moa</c> command. Each verb lives in its own folder and is added here with one line.</summary>
internal static class MoaCommand
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Moa (모아): curation, privacy, benchmarks and evaluation for a sovereign-AI data programme.");
        root.Subcommands.Add(Curate.CurateCommand.Create());
        root.Subcommands.Add(Quickstart.QuickstartCommand.Create());
        root.Subcommands.Add(Pii.PiiCommand.Create());
        root.Subcommands.Add(Deid.DeidCommand.Create());
        root.Subcommands.Add(Serve.ServeCommand.Create());
        root.Subcommands.Add(Audit.AuditCommand.Create());
        root.Subcommands.Add(Eval.EvalCommand.Create());
        root.Subcommands.Add(ServeModel.ServeModelCommand.Create());
        root.Subcommands.Add(Bench.BenchCommand.Create());
        root.Subcommands.Add(Synth.SynthCommand.Create());

        // System.CommandLine's own handler would print stack traces; CliErrors turns user errors into one line.
        return CliErrors.Guard(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }
}
