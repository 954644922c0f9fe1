using System.CommandLine;
using System.Globalization;
using Moa.Evaluation.Independence;
using Spectre.Console;

namespace Moa.Cli.Eval;

/// <summary>
/// <c>moa eval audit</c>: the independence (독자성) audit. <c>fingerprint</c> reduces a checkpoint (safetensors, tokenizer)
/// to a small fingerprint file for the registry; <c>check</c> compares a released checkpoint with the registry.
/// </summary>
internal static class IndependenceCommand
{
    internal static Command Create()
    {
        var command = new Command("audit", "Independence audit: compare released weights and tokenizer with registered open checkpoints.");
        command.Subcommands.Add(CreateFingerprint());
        command.Subcommands.Add(CreateCheck());
        return command;
    }

    private static (Option<string[]> Weights, Option<string?> Tokenizer) Inputs(Command command)
    {
        var weights = new Option<string[]>("--weights") { Description = "The checkpoint's .safetensors file(s) (all shards).", AllowMultipleArgumentsPerToken = true };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "tokenizer.json (Hugging Face) or a SentencePiece .model." };
        command.Options.Add(weights);
        command.Options.Add(tokenizer);
        return (weights, tokenizer);
    }

    private static Command CreateFingerprint()
    {
        var name = new Argument<string>("name") { Description = "Name of the checkpoint, e.g. an open model's id and revision." };
        var output = new Option<string>("--out") { Description = "Fingerprint file to write (JSON).", Required = true };
        var command = new Command("fingerprint", "Fingerprint a checkpoint (streamed: tensor names, shapes, norms and fixed random projections; tokenizer vocabulary and merges).");
        command.Arguments.Add(name);
        var (weights, tokenizer) = Inputs(command);
        command.Options.Add(output);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var f = Fingerprinter.Compute(parse.GetValue(name)!, parse.GetValue(weights) ?? [], parse.GetValue(tokenizer));
            File.WriteAllText(parse.GetValue(output)!, f.ToJson());
            Console.WriteLine($"{f.Name}: {f.Tensors.Count} tensors{(f.Tokenizer is { } t ? $", tokenizer of {t.Vocabulary.Count} tokens" : "")} -> {parse.GetValue(output)}");
            return 0;
        }));
        return command;
    }

    private static Command CreateCheck()
    {
        var registry = new Option<string[]>("--registry") { Description = "Fingerprint files of known open checkpoints, or folders of them (*.json).", Required = true, AllowMultipleArgumentsPerToken = true };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "The candidate as a fingerprint file (instead of --weights/--tokenizer)." };
        var json = new Option<string?>("--json") { Description = "Write the full report (every tensor pair) as JSON." };
        var command = new Command("check", "Compare a released checkpoint with the registry and give the verdict: derived, tokenizer-shared or independent (exit 3 unless independent).");
        var (weights, tokenizer) = Inputs(command);
        command.Options.Add(registry);
        command.Options.Add(fingerprint);
        command.Options.Add(json);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var w = parse.GetValue(weights) ?? [];
            var candidate = parse.GetValue(fingerprint) is { } fp
                ? CheckpointFingerprint.Load(fp)
                : w.Length > 0 ? Fingerprinter.Compute(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(w[0]))) ?? "candidate", w, parse.GetValue(tokenizer))
                : throw new MoaException("give the candidate with --weights (and --tokenizer) or --fingerprint.");
            var references = RegistryFiles(parse.GetValue(registry) ?? []).Select(CheckpointFingerprint.Load).ToList();
            var report = IndependenceAudit.Run(candidate, references);
            if (parse.GetValue(json) is { } path)
            {
                File.WriteAllText(path, report.ToJson());
            }

            if (Console.IsOutputRedirected)
            {
                AnsiConsole.Profile.Width = 200;
            }

            var table = new Table().AddColumns("reference", "shared names", "paired", "similar matrices", "median cos", "max cos", "vocab Jaccard", "same ids", "merge Jaccard", "weights", "tokenizer");
            foreach (var c in report.Comparisons)
            {
                table.AddRow(Markup.Escape(c.Reference), $"{c.SharedNames}/{c.TensorsCandidate}", c.Paired.ToString(CultureInfo.InvariantCulture), $"{c.MatricesSimilar}/{c.MatricesCompared}",
                    F(c.MedianCosine), F(c.MaxCosine), F(c.Tokenizer?.Jaccard), F(c.Tokenizer?.SameIdShare), F(c.Tokenizer?.MergeJaccard),
                    c.WeightsDerived ? "[red]derived[/]" : "independent", c.TokenizerShared ? "[yellow]shared[/]" : "-");
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"verdict: {report.Verdict} ({report.Reason}).");
            return report.Verdict == "independent" ? 0 : 3;
        }));
        return command;
    }

    private static string F(double? x) => x is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static List<string> RegistryFiles(IEnumerable<string> entries)
    {
        var files = new List<string>();
        foreach (var e in entries)
        {
            if (Directory.Exists(e))
            {
                files.AddRange(Directory.EnumerateFiles(e, "*.json").Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(e);
            }
        }

        return files.Count > 0 ? files : throw new MoaException("--registry: no fingerprint files given; write them with 'moa eval audit fingerprint'.");
    }
}
