using System.CommandLine;

namespace Moa.Cli;

/// <summary>The root <c>moa</c> command. Each verb lives in its own folder and is added here with one line.</summary>
internal static class MoaCommand
{
    /// <summary>
    /// Every verb, by name, with the function that builds it. A run that names a verb builds only that one: the others'
    /// option trees, and the assemblies they load, are start-up cost a <c>moa pii scan</c> does not need. No verb, an
    /// unknown one, an option or a directive builds them all, so help, errors and suggestions see every verb.
    /// </summary>
    internal static readonly (string Name, Func<Command> Create)[] Verbs =
    [
        ("curate", Curate.CurateCommand.Create),
        ("quickstart", Quickstart.QuickstartCommand.Create),
        ("pii", Pii.PiiCommand.Create),
        ("deid", Deid.DeidCommand.Create),
        ("serve", Serve.ServeCommand.Create),
        ("audit", Audit.AuditCommand.Create),
        ("eval", Eval.EvalCommand.Create),
        ("serve-model", ServeModel.ServeModelCommand.Create),
        ("bench", Bench.BenchCommand.Create),
        ("synth", Synth.SynthCommand.Create),
    ];

    public static int Run(string[] args)
    {
        var root = new RootCommand("Moa (모아): curation, privacy, benchmarks and evaluation for a sovereign-AI data programme.");
        var named = args.Length > 0 ? Array.FindIndex(Verbs, v => v.Name == args[0]) : -1;
        for (var i = 0; i < Verbs.Length; i++)
        {
            if (named < 0 || i == named)
            {
                root.Subcommands.Add(Verbs[i].Create());
            }
        }

        // System.CommandLine's own handler would print stack traces; CliErrors turns user errors into one line.
        return CliErrors.Guard(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }
}
