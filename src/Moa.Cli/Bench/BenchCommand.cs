using System.CommandLine;
using System.Globalization;
using Moa.Evaluation.Analysis;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Benchmarks.Sealing;
using Moa.Evaluation.Benchmarks.Splitting;
using Moa.Evaluation.Benchmarks.Validation;
using Moa.Evaluation.Contamination;
using Spectre.Console;

namespace Moa.Cli.Bench;

/// <summary><c>moa bench</c>: import, validate, split, seal and unseal benchmarks; check contamination; analyse items across models.</summary>
internal static class BenchCommand
{
    /// <summary>Exit code when validation finds errors.</summary>
    public const int ValidationFailed = 1;

    // Plain text when the output goes to a file or a pipe, so reports stay readable there.
    private static readonly IAnsiConsole Out = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    });

    internal static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: import, validate against the programme's rules, split and seal the held-out part, check contamination, analyse items.");
        bench.Subcommands.Add(Import());
        bench.Subcommands.Add(Validate());
        bench.Subcommands.Add(Split());
        bench.Subcommands.Add(Keygen());
        bench.Subcommands.Add(Seal());
        bench.Subcommands.Add(Unseal());
        bench.Subcommands.Add(Contamination());
        bench.Subcommands.Add(Analyze());
        return bench;
    }

    private static Command Import()
    {
        var import = new Command("import", "Convert a published benchmark into a Moa benchmark folder (benchmark.yaml + items.jsonl).");
        import.Subcommands.Add(ImportVerb("kobest", "KoBEST TSVs (BoolQ, COPA, HellaSwag, SentiNeg, WiC): the folder holding the task folders, or one task folder.", withSplit: true,
            (source, split, _) => KobestImporter.Import(source, split!)));
        import.Subcommands.Add(ImportVerb("click", "CLIcK JSON files (answer is the text of a choice); sub-items from the category folders.", withSplit: false,
            (source, _, _) => ClickImporter.Import(source)));
        import.Subcommands.Add(ImportVerb("kobbq", "KoBBQ TSV (choices as a Python list, answer as text); sub-items from the sample_id prefix.", withSplit: false,
            (source, _, _) => KobbqImporter.Import(source)));
        import.Subcommands.Add(ImportVerb("kmmlu", "KMMLU-style CSV (question, A, B, C, D, answer 1-based, Category): a file or a folder of them.", withSplit: false,
            (source, _, name) => KmmluImporter.Import(source, name ?? "kmmlu")));
        return import;
    }

    private static Command ImportVerb(string name, string description, bool withSplit, Func<string, string?, string?, ImportedBenchmark> run)
    {
        var command = new Command(name, description);
        var source = new Argument<string>("SRC") { Description = "Source file or folder." };
        var output = new Option<string>("--output", "-o") { Description = "Benchmark folder to write.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a benchmark already in the output folder." };
        var split = new Option<string>("--split") { Description = "Which split to import: train, dev or test.", DefaultValueFactory = _ => "test" };
        var benchmarkName = new Option<string?>("--name") { Description = "Benchmark name written to the card." };
        command.Arguments.Add(source);
        command.Options.Add(output);
        command.Options.Add(force);
        if (withSplit)
        {
            command.Options.Add(split);
        }
        else
        {
            command.Options.Add(benchmarkName);
        }

        command.SetAction(parse =>
        {
            var imported = run(parse.GetValue(source)!, withSplit ? parse.GetValue(split) : null, withSplit ? null : parse.GetValue(benchmarkName));
            var dir = parse.GetValue(output)!;
            imported.Write(dir, parse.GetValue(force));
            var table = new Table().AddColumns("Sub-item", "Items");
            foreach (var group in imported.Items.GroupBy(i => i.Subset, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(group.Key), group.Count().ToString("N0", CultureInfo.InvariantCulture));
            }

            Out.Write(table);
            Out.MarkupLine($"Wrote [bold]{imported.Items.Count:N0}[/] items of '{Markup.Escape(imported.Card.Name)}' to {Markup.Escape(dir)}.");
            return 0;
        });
        return command;
    }

    private static Command Validate()
    {
        var command = new Command("validate", "Check a benchmark: the programme's size rules (profile), unique ids, valid answers, empty fields, duplicates, answer-position balance, length outliers, encoding damage. Exit code 1 on errors.");
        var dir = new Argument<string>("DIR") { Description = "Benchmark folder." };
        var profile = new Option<string>("--profile") { Description = "Size rules: nia-2024 (>= 10 sub-items with >= 1,000 items each) or none.", DefaultValueFactory = _ => "none" };
        var minSubsets = new Option<int?>("--min-subsets") { Description = "Override the profile's minimum number of sub-items." };
        var minItems = new Option<int?>("--min-items") { Description = "Override the profile's minimum number of items per sub-item." };
        var near = new Option<double>("--near-duplicate") { Description = "Character 5-gram Jaccard at which two items are near duplicates.", DefaultValueFactory = _ => 0.9 };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file." };
        command.Arguments.Add(dir);
        command.Options.Add(profile);
        command.Options.Add(minSubsets);
        command.Options.Add(minItems);
        command.Options.Add(near);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var options = new ValidationOptions
            {
                Profile = ValidationProfile.Parse(parse.GetValue(profile)!).With(parse.GetValue(minSubsets), parse.GetValue(minItems)),
                NearDuplicateThreshold = parse.GetValue(near),
            };
            var report = BenchmarkValidator.Validate(BenchmarkDataset.Load(parse.GetValue(dir)!), options);
            PrintValidation(report);
            if (parse.GetValue(json) is { } path)
            {
                File.WriteAllText(path, report.ToJson());
            }

            return report.Passed ? 0 : ValidationFailed;
        });
        return command;
    }

    private static void PrintValidation(ValidationReport report)
    {
        var subsets = new Table().AddColumns("Sub-item", "Items", "Profile");
        foreach (var s in report.Subsets)
        {
            subsets.AddRow(Markup.Escape(s.Subset), s.Items.ToString("N0", CultureInfo.InvariantCulture), s.MeetsProfile ? "[green]ok[/]" : "[red]too few[/]");
        }

        Out.Write(subsets);
        if (report.Findings.Count > 0)
        {
            var findings = new Table().AddColumns("Severity", "Rule", "Finding");
            foreach (var f in report.Findings)
            {
                var text = $"{f.Message}\nFix: {f.Fix}";
                if (f.ItemIds.Count > 0)
                {
                    text += $"\nItems: {string.Join(", ", f.ItemIds.Take(8))}{(f.ItemCount > 8 ? $" (+{f.ItemCount - 8:N0} more; all in --json)" : string.Empty)}";
                }

                findings.AddRow(f.Severity == FindingSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]", Markup.Escape(f.Rule), Markup.Escape(text));
            }

            Out.Write(findings);
        }

        Out.MarkupLine(report.Passed
            ? $"[green]PASSED[/] {Markup.Escape(report.Benchmark)} ({report.ItemCount:N0} items, profile {Markup.Escape(report.Profile)}): {report.WarningCount} warnings."
            : $"[red]FAILED[/] {Markup.Escape(report.Benchmark)} ({report.ItemCount:N0} items, profile {Markup.Escape(report.Profile)}): {report.ErrorCount} errors, {report.WarningCount} warnings.");
    }

    private static Command Split()
    {
        var command = new Command("split", "Choose the held-out part (e.g. 10% for the leaderboard): stratified per sub-item and answer, deterministic for a seed. Writes split.json.");
        var dir = new Argument<string>("DIR") { Description = "Benchmark folder." };
        var holdout = new Option<double>("--holdout") { Description = "Fraction to hold out, between 0 and 1.", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<long>("--seed") { Description = "Seed of the selection.", Required = true };
        var profile = new Option<string>("--profile") { Description = "Profile the benchmark must pass first.", DefaultValueFactory = _ => "nia-2024" };
        var force = new Option<bool>("--force") { Description = "Split even if validation fails, or replace an existing split." };
        command.Arguments.Add(dir);
        command.Options.Add(holdout);
        command.Options.Add(seed);
        command.Options.Add(profile);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var result = BenchmarkSplitter.Run(parse.GetValue(dir)!, new SplitOptions(parse.GetValue(holdout), parse.GetValue(seed))
            {
                Profile = ValidationProfile.Parse(parse.GetValue(profile)!),
                Force = parse.GetValue(force),
            });
            var table = new Table().AddColumns("Sub-item", "Items", "Held out");
            foreach (var (subset, count) in result.Manifest.Subsets)
            {
                table.AddRow(Markup.Escape(subset), count.Total.ToString("N0", CultureInfo.InvariantCulture), count.Holdout.ToString("N0", CultureInfo.InvariantCulture));
            }

            Out.Write(table);
            if (!result.Validation.Passed)
            {
                Out.MarkupLine($"[yellow]Forced:[/] the benchmark fails validation ({result.Validation.ErrorCount} errors).");
            }

            Out.MarkupLine($"Held out {result.Manifest.HoldoutIdList.Count:N0} items; wrote {Markup.Escape(result.ManifestPath)}. Seal them with 'moa bench seal'.");
            return 0;
        });
        return command;
    }

    private static Command Keygen()
    {
        var command = new Command("keygen", "Create a sealing key file (32 random bytes, base64, mode 600).");
        var path = new Argument<string>("KEY_FILE") { Description = "Key file to create." };
        command.Arguments.Add(path);
        command.SetAction(parse =>
        {
            SealKey.Generate(parse.GetValue(path)!);
            Out.MarkupLine($"Wrote {Markup.Escape(parse.GetValue(path)!)}. Keep it away from the benchmark; without it the sealed part cannot be opened.");
            return 0;
        });
        return command;
    }

    private static Command Seal()
    {
        var command = new Command("seal", "Encrypt the held-out part (AES-256-GCM): items.jsonl keeps the public items, sealed.bin the held-out ones.");
        var dir = new Argument<string>("DIR") { Description = "Split benchmark folder." };
        var key = new Option<string>("--key-file") { Description = "Key file from 'moa bench keygen'.", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Write the sealed copy here instead of sealing DIR in place." };
        command.Arguments.Add(dir);
        command.Options.Add(key);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var count = BenchmarkSealer.Seal(parse.GetValue(dir)!, parse.GetValue(key)!, parse.GetValue(output));
            Out.MarkupLine($"Sealed {count:N0} held-out items into {Markup.Escape(Path.Combine(parse.GetValue(output) ?? parse.GetValue(dir)!, BenchmarkFiles.Sealed))}.");
            return 0;
        });
        return command;
    }

    private static Command Unseal()
    {
        var command = new Command("unseal", "Decrypt a sealed benchmark into another folder (for the evaluator).");
        var dir = new Argument<string>("DIR") { Description = "Sealed benchmark folder." };
        var key = new Option<string>("--key-file") { Description = "Key file used to seal.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the full benchmark.", Required = true };
        command.Arguments.Add(dir);
        command.Options.Add(key);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var count = BenchmarkSealer.Unseal(parse.GetValue(dir)!, parse.GetValue(key)!, parse.GetValue(output)!);
            Out.MarkupLine($"Restored {count:N0} held-out items into {Markup.Escape(parse.GetValue(output)!)}.");
            return 0;
        });
        return command;
    }

    private static Command Contamination()
    {
        var command = new Command("contamination", "Find items whose n-grams occur in curated corpora (moa curate output folders).");
        var dir = new Argument<string>("DIR") { Description = "Benchmark folder." };
        var corpus = new Option<string[]>("--corpus") { Description = "Curate output folders (data/part-NNNNN.jsonl.gz).", Required = true, AllowMultipleArgumentsPerToken = true };
        var ngram = new Option<int>("--ngram") { Description = "Word n-gram length.", DefaultValueFactory = _ => 13 };
        var chars = new Option<int?>("--char-ngrams") { Description = "Use character n-grams of this length instead of words (suits Korean; letters and digits only, spacing ignored)." };
        var minOverlap = new Option<double>("--min-overlap") { Description = "Share of an item's n-grams that must be found (0: any).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Corpus files scanned in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<string?>("--json") { Description = "Write the full report as JSON to this file." };
        command.Arguments.Add(dir);
        command.Options.Add(corpus);
        command.Options.Add(ngram);
        command.Options.Add(chars);
        command.Options.Add(minOverlap);
        command.Options.Add(threads);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var characterN = parse.GetValue(chars);
            var options = new ContaminationOptions
            {
                Unit = characterN is null ? NGramUnit.Word : NGramUnit.Character,
                N = characterN ?? parse.GetValue(ngram),
                MinOverlap = parse.GetValue(minOverlap),
                Threads = parse.GetValue(threads),
            };
            var report = ContaminationChecker.Run(BenchmarkDataset.Load(parse.GetValue(dir)!), parse.GetValue(corpus)!, options);
            var subsets = new Table().AddColumns("Sub-item", "Items", "Checked", "Contaminated");
            foreach (var s in report.Subsets)
            {
                subsets.AddRow(Markup.Escape(s.Subset), s.Items.ToString("N0", CultureInfo.InvariantCulture), s.Checked.ToString("N0", CultureInfo.InvariantCulture), s.Contaminated > 0 ? $"[red]{s.Contaminated:N0}[/]" : "0");
            }

            Out.Write(subsets);
            if (report.Contaminated.Count > 0)
            {
                var items = new Table().AddColumns("Item", "Sub-item", "Overlap", "Documents", "Examples");
                foreach (var c in report.Contaminated.Take(50))
                {
                    items.AddRow(Markup.Escape(c.Id), Markup.Escape(c.Subset), $"{c.HitGrams}/{c.Grams} ({c.Overlap:P0})", c.Documents.ToString("N0", CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join(", ", c.Examples.Take(3).Select(d => $"{d.Corpus}:{d.Id}"))));
                }

                Out.Write(items);
            }

            Out.MarkupLine($"{report.Contaminated.Count:N0} of {report.Items:N0} items contaminated ({report.Unit} {report.N}-grams; {report.ItemsTooShort:N0} items shorter than n). Scanned {report.Documents:N0} documents, {report.Bytes / 1e6:N1} MB in {report.Seconds:N1} s ({report.MegabytesPerSecond:N0} MB/s).");
            if (parse.GetValue(json) is { } path)
            {
                File.WriteAllText(path, report.ToJson());
            }

            return 0;
        });
        return command;
    }

    private static Command Analyze()
    {
        var command = new Command("analyze", "Item analysis across evaluation runs of several models: difficulty, discrimination, items every model fails, answer-position bias; HTML report.");
        var dir = new Argument<string>("DIR") { Description = "Benchmark folder." };
        var runs = new Option<string[]>("--runs") { Description = "Run folders written by 'moa eval' (run.json + items.jsonl).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "HTML report to write.", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file." };
        command.Arguments.Add(dir);
        command.Options.Add(runs);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var benchmark = BenchmarkDataset.Load(parse.GetValue(dir)!);
            var report = ItemAnalyzer.Analyze(benchmark, [.. parse.GetValue(runs)!.Select(EvaluationRun.Load)]);
            ItemAnalysisHtml.Write(report, parse.GetValue(output)!);
            if (parse.GetValue(json) is { } path)
            {
                File.WriteAllText(path, report.ToJson());
            }

            var table = new Table().AddColumns("Sub-item", "Items", "Mean p", "Mean r_pb", "All fail");
            foreach (var s in report.Subsets)
            {
                table.AddRow(Markup.Escape(s.Subset), s.Items.ToString("N0", CultureInfo.InvariantCulture), s.MeanDifficulty.ToString("0.000", CultureInfo.InvariantCulture),
                    s.MeanDiscrimination?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-", s.AllFail.ToString("N0", CultureInfo.InvariantCulture));
            }

            Out.Write(table);
            foreach (var note in report.Notes)
            {
                Out.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            }

            Out.MarkupLine($"{report.AllFail.Count():N0} items failed by every model. Wrote {Markup.Escape(parse.GetValue(output)!)}.");
            return 0;
        });
        return command;
    }
}
