using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Moa.Privacy;
using Moa.Privacy.Jsonl;
using Moa.Privacy.Names;
using Spectre.Console;

namespace Moa.Cli.Pii;

/// <summary><c>moa pii scan|redact|reveal|keygen</c>: personal information in JSONL text, over <see cref="PiiJsonl"/>.</summary>
internal static class PiiCommand
{
    internal static Command Create()
    {
        var pii = new Command("pii", "Find, pseudonymise, redact or reveal personal information (Korean IDs, phones, cards, accounts, addresses, names...).");
        pii.Subcommands.Add(Scan());
        pii.Subcommands.Add(Redact());
        pii.Subcommands.Add(Reveal());
        pii.Subcommands.Add(Keygen());
        pii.Subcommands.Add(TrainPerson());
        pii.Subcommands.Add(EvalPerson());
        pii.Subcommands.Add(TrainPersonReranker());
        pii.Subcommands.Add(EvalPersonReranker());
        return pii;
    }

    private static Argument<string[]> Inputs() => new("inputs") { Description = "JSONL files, one JSON object per line.", Arity = ArgumentArity.OneOrMore };

    private static Option<string> TextField() => new("--text-field") { Description = "Field holding the text.", DefaultValueFactory = _ => "text" };

    private static Option<string> IdField() => new("--id-field") { Description = "Field holding the document id.", DefaultValueFactory = _ => "id" };

    private static Option<string?> Types() => new("--types") { Description = "Comma-separated types to look for (default: all): " + string.Join(",", PiiTypes.All) };

    private static Option<double> MinScore() => new("--min-score") { Description = "Ignore findings scoring below this (0..1).", DefaultValueFactory = _ => 0.5 };

    private static Option<string> Policy(string fallback) => new("--person-policy")
    {
        Description = "Which persons are reported/replaced: all | private (persons in a private context: next to other identifiers, roles such as 환자 or 신청인, contact lines) | none.",
        DefaultValueFactory = _ => fallback,
    };

    private static Option<bool> Sensitive() => new("--sensitive") { Description = "The dataset is marked sensitive: under --person-policy private every person is private." };

    private static Option<int> Threads() => new("--threads") { Description = "Worker threads (default: one per core). Output does not depend on it.", DefaultValueFactory = _ => 0 };

    private static List<string> SplitTypes(string? types) =>
        types is null ? [] : [.. types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Command Scan()
    {
        var inputs = Inputs();
        var output = new Option<string>("--out") { Description = "Findings file (JSONL: doc, start, end, type, score; UTF-16 offsets).", Required = true };
        var (text, id, types, minScore, threads) = (TextField(), IdField(), Types(), MinScore(), Threads());
        var (policy, sensitive) = (Policy("all"), Sensitive());
        var cmd = new Command("scan", "Write one JSON line per finding (persons with the reason they are private or public) and print counts per type.");
        cmd.Arguments.Add(inputs);
        foreach (var o in new Option[] { output, text, id, types, minScore, policy, sensitive, threads })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var analyzer = new PiiAnalyzer(SplitTypes(r.GetValue(types)), r.GetValue(minScore), PersonPolicies.Parse(r.GetValue(policy)), r.GetValue(sensitive));
            var options = new PiiJsonlOptions { TextField = r.GetValue(text)!, IdField = r.GetValue(id)!, Threads = r.GetValue(threads) };
            var path = r.GetValue(output)!;
            var watch = CpuWatch.Start();
            PiiRunSummary summary;
            using (var stream = OpenOutput(path))
            {
                summary = PiiJsonl.Scan(r.GetValue(inputs)!, analyzer, options, stream);
            }

            Print(summary, watch, $"findings written to {path}");
            return 0;
        }));
        return cmd;
    }

    private static Command Redact()
    {
        var inputs = Inputs();
        var output = new Option<string>("--output") { Description = "Folder for the redacted files (same names as the inputs).", Required = true };
        var op = new Option<string>("--operator") { Description = "tag | mask | pseudonym | encrypt", DefaultValueFactory = _ => "tag" };
        var keyFile = new Option<string?>("--key-file") { Description = "Key from `moa pii keygen` (pseudonym, encrypt)." };
        var (text, id, types, minScore, threads) = (TextField(), IdField(), Types(), MinScore(), Threads());
        var (policy, sensitive) = (Policy("private"), Sensitive());
        var cmd = new Command("redact", "Rewrite JSONL files with personal information replaced by the chosen operator.");
        cmd.Arguments.Add(inputs);
        foreach (var o in new Option[] { output, op, keyFile, text, id, types, minScore, policy, sensitive, threads })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            PersonPolicies.Parse(r.GetValue(policy));
            var scrubber = PiiScrubber.Create(new PiiStageOptions
            {
                Operator = r.GetValue(op)!,
                KeyFile = r.GetValue(keyFile),
                Types = SplitTypes(r.GetValue(types)),
                MinScore = r.GetValue(minScore),
                PersonPolicy = r.GetValue(policy)!,
                Sensitive = r.GetValue(sensitive),
            });
            var options = new PiiJsonlOptions { TextField = r.GetValue(text)!, IdField = r.GetValue(id)!, Threads = r.GetValue(threads) };
            var watch = CpuWatch.Start();
            var summary = PiiJsonl.Redact(r.GetValue(inputs)!, scrubber, options, r.GetValue(output)!);
            var key = scrubber.Key is null ? "" : $" (key {scrubber.Key.Fingerprint})";
            Print(summary, watch, $"operator {scrubber.Operator.Name}{key}; output in {r.GetValue(output)}");
            return 0;
        }));
        return cmd;
    }

    private static Command Reveal()
    {
        var inputs = Inputs();
        var output = new Option<string>("--output") { Description = "Folder for the revealed files.", Required = true };
        var keyFile = new Option<string>("--key-file") { Description = "The key the files were encrypted with.", Required = true };
        var (text, threads) = (TextField(), Threads());
        var cmd = new Command("reveal", "Restore values replaced by `redact --operator encrypt` (key holder only).");
        cmd.Arguments.Add(inputs);
        foreach (var o in new Option[] { output, keyFile, text, threads })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var key = PiiKey.Load(r.GetValue(keyFile)!);
            var summary = PiiJsonl.Reveal(r.GetValue(inputs)!, key, new PiiJsonlOptions { TextField = r.GetValue(text)!, Threads = r.GetValue(threads) }, r.GetValue(output)!);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "revealed [bold]{0}[/] values in {1} of {2} documents; output in {3}",
                summary.Findings, summary.DocumentsWithPii, summary.Documents, Markup.Escape(r.GetValue(output)!));
            return 0;
        }));
        return cmd;
    }

    private static Command Keygen()
    {
        var output = new Option<string>("--out") { Description = "Where to write the new key (created with mode 0600; never overwritten).", Required = true };
        var cmd = new Command("keygen", "Create a key for the pseudonym and encrypt operators. Keep it apart from the data.");
        cmd.Options.Add(output);
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(output)!;
            var key = PiiKey.Generate(path);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "wrote key [bold]{0}[/] to {1} (mode 0600). Store it separately from the pseudonymised data.", key.Fingerprint, Markup.Escape(path));
            return 0;
        }));
        return cmd;
    }

    private static Option<string> KlueData() => new("--data")
    {
        Description = "Character-tagged NER sentences in the KLUE-NER format (PS = person).",
        DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "ner", "klue-ner-v1.1_dev_part1.tsv"),
    };

    private static Option<int> Epochs() => new("--epochs") { Description = "Passes over the training sentences.", DefaultValueFactory = _ => new PersonTrainingOptions().Epochs };

    private static Option<int> Copies() => new("--copies") { Description = "Copies of each sentence with names swapped for generated ones.", DefaultValueFactory = _ => new PersonTrainingOptions().AugmentedCopies };

    private static Option<string?> Unlabelled() => new("--unlabelled")
    {
        Description = "Unlabelled Korean text (JSONL, 'text' field) for the stem-frequency features, hard negatives and self-training; the shipped model uses ../shared/data/text/nsmc_reviews_sample.jsonl (CC0).",
    };

    private static Option<bool> FrequencyFeatures() => new("--frequency-features") { Description = "Add the stem-frequency features (off by default; for comparison)." };

    private static Option<int> HardNegatives() => new("--hard-negatives")
    {
        Description = "Teach as not a name the spans the first model tags in unlabelled text whose stem occurs at least this often there but is tagged in at most a fifth of its occurrences (0: off).",
        DefaultValueFactory = _ => new PersonTrainingOptions().HardNegativeMinCount,
    };

    private static Option<int> SelfTrain() => new("--self-train")
    {
        Description = "Add up to this many unlabelled sentences whose tagged names are all confident (0: off).",
        DefaultValueFactory = _ => new PersonTrainingOptions().SelfTrainSentences,
    };

    private static Option<float> NoEvidenceMargin() => new("--no-evidence-margin")
    {
        Description = "Margin a tagged name without evidence (surname shape, particle, title, several words) must exceed; stored in the model.",
        DefaultValueFactory = _ => new PersonTrainingOptions().NoEvidenceMargin,
    };

    private static Option<string?> LabelledExtra() => new("--labelled-extra")
    {
        Description = "Hand-labelled sentences (JSONL files, comma-separated: 'text' and 'persons' [[start, end], ...]) added to every training set and never scored; "
            + "their texts are left out of the --unlabelled pool. Default: the hand-labelled NSMC reviews (CC0), KoBEST sentences (CC BY-SA 4.0) and written documents the shipped model is trained with; 'none': no extra sentences.",
        DefaultValueFactory = _ => string.Join(',', PersonTrainer.ShippedLabelledExtra),
    };

    private static Option<int> LabelledExtraWeight() => new("--labelled-extra-weight")
    {
        Description = "Times each --labelled-extra sentence (with its copies) is added.",
        DefaultValueFactory = _ => new PersonTrainingOptions().LabelledExtraWeight,
    };

    private static Option<int?> LabelledExtraCopies() => new("--labelled-extra-copies") { Description = "Augmented copies of each --labelled-extra sentence with a person (default: --copies)." };

    private static Option<int> GivenFromTraining() => new("--given-from-training")
    {
        Description = "Percent of the generated Korean names in training copies whose given name is a training name's own given name (0..100).",
        DefaultValueFactory = _ => new PersonTrainingOptions().GivenFromTrainingShare,
    };

    private static Option<int> Seed() => new("--seed")
    {
        Description = "Seed of the shuffling and the generated names (another seed shows how much a figure moves by chance).",
        DefaultValueFactory = _ => new PersonTrainingOptions().Seed,
    };

    /// <summary>The person training options of the train-person and eval-person commands.</summary>
    private sealed record PersonOptionSet(Option<int> EpochCount, Option<int> CopyCount, Option<string?> UnlabelledPath, Option<bool> WithFrequency, Option<int> HardNegativeCount, Option<int> SelfTrainCount, Option<float> Margin,
        Option<string?> ExtraPath, Option<int> ExtraWeight, Option<int?> ExtraCopies, Option<int> GivenShare, Option<int> SeedValue)
    {
        public static PersonOptionSet Create() => new(Epochs(), Copies(), Unlabelled(), FrequencyFeatures(), HardNegatives(), SelfTrain(), NoEvidenceMargin(), LabelledExtra(), LabelledExtraWeight(), LabelledExtraCopies(), GivenFromTraining(), Seed());

        public IEnumerable<Option> All => [EpochCount, CopyCount, UnlabelledPath, WithFrequency, HardNegativeCount, SelfTrainCount, Margin, ExtraPath, ExtraWeight, ExtraCopies, GivenShare, SeedValue];

        public PersonTrainingOptions Read(ParseResult r) => new()
        {
            Epochs = r.GetValue(EpochCount),
            AugmentedCopies = r.GetValue(CopyCount),
            FrequencyFeatures = r.GetValue(WithFrequency),
            HardNegativeMinCount = r.GetValue(HardNegativeCount),
            SelfTrainSentences = r.GetValue(SelfTrainCount),
            NoEvidenceMargin = r.GetValue(Margin),
            LabelledExtra = r.GetValue(ExtraPath) is { } extra && extra != "none"
                ? PersonTrainer.ReadLabelledExtra(extra.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                : [],
            LabelledExtraWeight = r.GetValue(ExtraWeight),
            LabelledExtraCopies = r.GetValue(ExtraCopies),
            GivenFromTrainingShare = r.GetValue(GivenShare),
            Seed = r.GetValue(SeedValue),
        };
    }

    private static Command TrainPerson()
    {
        var data = KlueData();
        var set = PersonOptionSet.Create();
        var output = new Option<string>("--out") { Description = "Model file to write (the shipped one is src/Moa.Privacy/Names/person-model.bin).", Required = true };
        var cmd = new Command("train-person", "Train the person-name tagger (averaged structured perceptron) on character-tagged sentences.");
        foreach (var o in new Option[] { data, output }.Concat(set.All))
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var watch = Stopwatch.StartNew();
            var options = set.Read(r);
            var n = PersonTrainer.TrainFile(r.GetValue(data)!, r.GetValue(output)!, options, r.GetValue(set.UnlabelledPath));
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "trained on {0:N0} sentences ({1} epochs, {2} augmented copies) in {3:N1} s; model written to {4}",
                n, options.Epochs, options.AugmentedCopies, watch.Elapsed.TotalSeconds, Markup.Escape(r.GetValue(output)!));
            return 0;
        }));
        return cmd;
    }

    private static Command EvalPerson()
    {
        var data = KlueData();
        var set = PersonOptionSet.Create();
        var heldOut = new Option<bool>("--held-out") { Description = "Instead of cross-validation: train on the tuning half (hash(id) mod 2 = 0) and score the test half, at 0.5 and the high-precision minimum score (the figures the tests assert)." };
        var real = new Option<string?>("--real") { Description = "Also train on all of --data (as the shipped model) and score the tuning half of this hand-labelled JSONL set (tests/Moa.Privacy.Tests/EvalSet/person-real.jsonl)." };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (by hash of the sentence id).", DefaultValueFactory = _ => 5 };
        var tuning = new Option<bool>("--tuning-half") { Description = "Cross-validate inside the tuning half only (hash(id) mod 2 = 0); the test half is not read." };
        var errorsOut = new Option<string?>("--errors") { Description = "Write the missed and wrong spans (at the first minimum score) to this TSV file; with --real, the real set's tuning-half errors to FILE.real.tsv." };
        var curve = new Option<bool>("--curve") { Description = "Also print precision and recall at minimum scores 0.50 to 0.995 (choosing an operating point)." };
        var cmd = new Command("eval-person", "Person precision and recall by k-fold cross-validation (no sentence is scored by a model trained on it), per source.");
        foreach (var o in new Option[] { data, folds, tuning, curve, errorsOut, real, heldOut }.Concat(set.All))
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var watch = Stopwatch.StartNew();
            var all = KlueNer.Read(r.GetValue(data)!);
            var sentences = r.GetValue(tuning) ? PersonEvaluation.TuningHalf(all) : all;
            var options = PersonTrainer.WithUnlabelled(set.Read(r), r.GetValue(set.UnlabelledPath), all);
            if (r.GetValue(heldOut))
            {
                double[] points = [0.5, PersonEvaluation.HighPrecisionMinScore];
                var held = PersonEvaluation.HeldOutHalf(all, options, points);
                var ht = new Table().AddColumn("min score").AddColumn("source").AddColumn("gold").AddColumn("found").AddColumn("precision").AddColumn("recall").AddColumn("F1");
                for (var t = 0; t < points.Length; t++)
                {
                    foreach (var (source, s) in held[t])
                    {
                        ht.AddRow(points[t].ToString("0.00#", CultureInfo.InvariantCulture), source, s.Gold.ToString(CultureInfo.InvariantCulture), s.Found.ToString(CultureInfo.InvariantCulture),
                            s.Precision.ToString("F3", CultureInfo.InvariantCulture), s.Recall.ToString("F3", CultureInfo.InvariantCulture), s.F1.ToString("F3", CultureInfo.InvariantCulture));
                    }
                }

                AnsiConsole.Write(ht);
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "trained on the tuning half, scored the test half (hash(id) mod 2 = 1) in {0:N1} s", watch.Elapsed.TotalSeconds);
                return 0;
            }

            double[] thresholds = r.GetValue(curve) ? [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995] : [0.5];
            var errors = r.GetValue(errorsOut) is null ? null : new List<string>();
            var results = PersonEvaluation.CrossValidate(sentences, r.GetValue(folds), options, thresholds, errors);
            if (errors is not null)
            {
                using var writer = new StreamWriter(OpenOutput(r.GetValue(errorsOut)!));
                errors.ForEach(writer.WriteLine);
            }

            var scores = results[0];
            var table = new Table().AddColumn("source").AddColumn("gold").AddColumn("found").AddColumn("precision").AddColumn("recall").AddColumn("F1");
            foreach (var (source, s) in scores)
            {
                table.AddRow(source, s.Gold.ToString(CultureInfo.InvariantCulture), s.Found.ToString(CultureInfo.InvariantCulture),
                    s.Precision.ToString("F3", CultureInfo.InvariantCulture), s.Recall.ToString("F3", CultureInfo.InvariantCulture), s.F1.ToString("F3", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            if (thresholds.Length > 1)
            {
                var pr = new Table().AddColumn("min score").AddColumn("found").AddColumn("precision").AddColumn("recall").AddColumn("F1");
                for (var t = 0; t < thresholds.Length; t++)
                {
                    var s = results[t]["all"];
                    pr.AddRow(thresholds[t].ToString("0.00#", CultureInfo.InvariantCulture), s.Found.ToString(CultureInfo.InvariantCulture),
                        s.Precision.ToString("F3", CultureInfo.InvariantCulture), s.Recall.ToString("F3", CultureInfo.InvariantCulture), s.F1.ToString("F3", CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(pr);
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0}-fold cross-validation on {1:N0} sentences{2} (exact person spans; rules + tagger) in {3:N1} s",
                r.GetValue(folds), sentences.Count, r.GetValue(tuning) ? " of the tuning half" : "", watch.Elapsed.TotalSeconds);
            if (r.GetValue(real) is { } realPath)
            {
                var realErrors = errors is null ? null : new List<string>();
                var other = PersonEvaluation.OtherSetTuningHalf(all, PersonEvaluation.ReadLabelledJsonl(realPath), options, thresholds, realErrors);
                if (realErrors is not null)
                {
                    // (The real set's tuning-half errors go beside the cross-validation's, in a file named after it.)
                    using var writer = new StreamWriter(OpenOutput(r.GetValue(errorsOut)! + ".real.tsv"));
                    realErrors.ForEach(writer.WriteLine);
                }

                var rt = new Table().AddColumn("min score").AddColumn("source").AddColumn("gold").AddColumn("found").AddColumn("precision").AddColumn("recall").AddColumn("F1");
                for (var t = 0; t < thresholds.Length; t++)
                {
                    foreach (var (source, s) in other[t].Where(kv => t == 0 || kv.Key == "all"))
                    {
                        rt.AddRow(thresholds[t].ToString("0.00#", CultureInfo.InvariantCulture), source, s.Gold.ToString(CultureInfo.InvariantCulture), s.Found.ToString(CultureInfo.InvariantCulture),
                            s.Precision.ToString("F3", CultureInfo.InvariantCulture), s.Recall.ToString("F3", CultureInfo.InvariantCulture), s.F1.ToString("F3", CultureInfo.InvariantCulture));
                    }
                }

                AnsiConsole.Write(rt);
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0}: tuning half (hash(id) mod 2 = 0), model trained on all {1:N0} sentences of --data", Markup.Escape(realPath), all.Count);
            }
            return 0;
        }));
        return cmd;
    }

    private static Option<string> L2Penalties() => new("--l2")
    {
        Description = "L2 penalty of the re-ranker's logistic regression; eval-person-reranker takes a comma-separated list (the first is used for the later steps).",
        DefaultValueFactory = _ => new PersonRerankerOptions().L2.ToString("G", CultureInfo.InvariantCulture),
    };

    private static List<double> ParseL2(string text)
    {
        var result = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
            {
                throw new MoaException($"--l2: expected non-negative numbers separated by commas, got '{part}'.");
            }

            result.Add(v);
        }

        return result.Count > 0 ? result : throw new MoaException("--l2: no penalty given.");
    }

    private static Command TrainPersonReranker()
    {
        var data = KlueData();
        var set = PersonOptionSet.Create();
        var output = new Option<string>("--out") { Description = "Re-ranker file to write (the shipped one is src/Moa.Privacy/Names/person-reranker.bin).", Required = true };
        var folds = new Option<int>("--folds") { Description = "Folds of the out-of-fold candidates.", DefaultValueFactory = _ => new PersonRerankerOptions().Folds };
        var l2 = L2Penalties();
        var bestF1 = new Option<double>("--default-point") { Description = "Raw re-ranker probability chosen as the default operating point in eval-person-reranker --tuning-half; stored as the logit shift that makes it score 0.5 (the shipped one: 0.5, no shift).", DefaultValueFactory = _ => 0.5 };
        var cmd = new Command("train-person-reranker", "Train the person re-ranker (logistic regression over span features) on out-of-fold candidates of the tagger and the rules.");
        foreach (var o in new Option[] { data, output, folds, l2, bestF1 }.Concat(set.All))
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var watch = Stopwatch.StartNew();
            var options = new PersonRerankerOptions { Folds = r.GetValue(folds), L2 = ParseL2(r.GetValue(l2)!)[0] };
            PersonRerankerTrainer.CheckDefaultPoint(r.GetValue(bestF1));
            var n = PersonRerankerTrainer.TrainFile(r.GetValue(data)!, r.GetValue(output)!, set.Read(r), options, r.GetValue(set.UnlabelledPath), r.GetValue(bestF1));
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "fitted on {0:N0} out-of-fold candidates ({1} folds) in {2:N1} s; re-ranker written to {3}",
                n, options.Folds, watch.Elapsed.TotalSeconds, Markup.Escape(r.GetValue(output)!));
            return 0;
        }));
        return cmd;
    }

    private static Command EvalPersonReranker()
    {
        var data = KlueData();
        var set = PersonOptionSet.Create();
        var folds = new Option<int>("--folds") { Description = "Folds of the out-of-fold candidates and of the re-ranker's cross-fitting.", DefaultValueFactory = _ => 4 };
        var tuning = new Option<bool>("--tuning-half") { Description = "Only the KLUE tuning half (hash(id) mod 2 = 0)." };
        var l2 = L2Penalties();
        var real = new Option<string?>("--real") { Description = "Also score the tuning half of this hand-labelled JSONL set (shipped tagger)." };
        var heldOut = new Option<bool>("--held-out") { Description = "Also score the KLUE test half at the operating points chosen on the tuning half (once, at the end)." };
        var realTest = new Option<bool>("--real-test") { Description = "Also score the test half of --real with the shipped tagger and the shipped re-ranker (once, at the end)." };
        var noProposals = new Option<bool>("--proposals") { Description = "Also re-rank the re-ranker's own proposals (Korean-shaped stems, widened spans); they only score below 0.5, so the shipped path does not make them." };
        var errorsOut = new Option<string?>("--errors") { Description = "Write the gold names that are no candidate (MISS) and the wrong and missed spans at the precision-0.90 point of the first penalty (FP, FN) to this TSV file." };
        var cmd = new Command("eval-person-reranker", "Person precision and recall without and with the re-ranker (out-of-fold candidates, cross-fitted re-ranker), per source.");
        foreach (var o in new Option[] { data, folds, tuning, l2, real, heldOut, realTest, errorsOut, noProposals }.Concat(set.All))
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var watch = Stopwatch.StartNew();
            var l2s = ParseL2(r.GetValue(l2)!);
            var all = KlueNer.Read(r.GetValue(data)!);
            var tagger = PersonTrainer.WithUnlabelled(set.Read(r), r.GetValue(set.UnlabelledPath), all);
            var errors = r.GetValue(errorsOut) is null ? null : new List<string>();
            var rows = PersonRerankerTrainer.Evaluate(all, r.GetValue(tuning), r.GetValue(folds), tagger, new PersonRerankerOptions { Folds = r.GetValue(folds) }, l2s,
                r.GetValue(real), r.GetValue(heldOut), r.GetValue(realTest), errors, r.GetValue(noProposals));
            if (errors is not null)
            {
                using var writer = new StreamWriter(OpenOutput(r.GetValue(errorsOut)!));
                errors.ForEach(writer.WriteLine);
            }

            // One line per variant, threshold and source (the variant names are long for a table).
            foreach (var row in rows)
            {
                foreach (var (source, s) in row.Scores)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{row.Variant,-58} min {row.MinScore,5:0.00#} {source,-9} gold {s.Gold,5} found {s.Found,5} P {s.Precision:F3} R {s.Recall:F3} F1 {s.F1:F3}"));
                }
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "exact person spans; {0} folds; in {1:N1} s", r.GetValue(folds), watch.Elapsed.TotalSeconds);
            return 0;
        }));
        return cmd;
    }

    private static FileStream OpenOutput(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new MoaException($"--out {path}: folder {dir} does not exist.");
        }

        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>Wall-clock and process CPU time since start: MB per CPU-second is the per-core rate on a shared machine.</summary>
    private sealed class CpuWatch
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly TimeSpan _cpu0 = Process.GetCurrentProcess().TotalProcessorTime;

        public static CpuWatch Start() => new();

        public TimeSpan Elapsed => _wall.Elapsed;

        public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpu0;
    }

    private static void Print(PiiRunSummary summary, CpuWatch watch, string note)
    {
        var table = new Table().AddColumn("type").AddColumn(new TableColumn("findings").RightAligned());
        foreach (var (type, count) in summary.PerType)
        {
            table.AddRow(type, count.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]total[/]", $"[bold]{summary.Findings.ToString("N0", CultureInfo.InvariantCulture)}[/]");
        AnsiConsole.Write(table);
        var mb = summary.Bytes / 1e6;
        var (wall, cpu) = (watch.Elapsed.TotalSeconds, watch.Cpu.TotalSeconds);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0:N0} documents ({1:N0} with PII), {2:N1} MB in {3:N2} s wall, {4:N2} s CPU ({5:N1} MB/s wall, {6:N1} MB per CPU-second); {7}",
            summary.Documents, summary.DocumentsWithPii, mb, wall, cpu, mb / Math.Max(wall, 1e-9), mb / Math.Max(cpu, 1e-9), Markup.Escape(note));
    }
}
