using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Moa.Synthesis;
using Moa.Synthesis.Data;
using Moa.Synthesis.Evaluation;
using Moa.Tabular.Tables;
using Spectre.Console;

namespace Moa.Cli.Synth;

/// <summary><c>moa synth split|fit|sample|evaluate</c>: synthetic tables with their fidelity and privacy measured (docs/privacy/synthetic.md).</summary>
internal static class SynthCommand
{
    /// <summary>Exit code of <c>evaluate</c> when the release gate fails.</summary>
    public const int GateFailed = 3;

    internal static Command Create()
    {
        var synth = new Command("synth", "Synthetic tables: fit a Gaussian copula or a differentially private MST model, sample, and evaluate fidelity and privacy against a release gate.");
        synth.Subcommands.Add(Split());
        synth.Subcommands.Add(Fit());
        synth.Subcommands.Add(Sample());
        synth.Subcommands.Add(Evaluate());
        return synth;
    }

    private static Command Split()
    {
        var input = new Option<string>("--input") { Description = "Table to split (CSV/TSV, XLSX or Parquet).", Required = true };
        var train = new Option<string>("--train") { Description = "Where to write the training rows.", Required = true };
        var holdout = new Option<string>("--holdout") { Description = "Where to write the holdout rows (never shown to the synthesizer).", Required = true };
        var fraction = new Option<double>("--fraction") { Description = "Share of rows held out.", DefaultValueFactory = _ => 0.2 };
        var idColumn = new Option<string?>("--id-column") { Description = "Column whose value decides the split (default: the row number)." };
        var cmd = new Command("split", "Split a table into training and holdout rows by a fixed hash of each row's id, so the split never changes.");
        foreach (var o in new Option[] { input, train, holdout, fraction, idColumn })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var f = r.GetValue(fraction);
            if (!(f > 0 && f < 1))
            {
                throw new MoaException($"--fraction must lie strictly between 0 and 1 (got {f.ToString(CultureInfo.InvariantCulture)}).");
            }

            var table = TableReader.Read(r.GetValue(input)!);
            var id = r.GetValue(idColumn);
            var column = id is null ? null : table[id];
            var held = new bool[table.RowCount];
            var keep = new bool[table.RowCount];
            for (var i = 0; i < table.RowCount; i++)
            {
                var key = column is null ? i.ToString(CultureInfo.InvariantCulture) : column[i];
                held[i] = HoldsOut(key, f);
                keep[i] = !held[i];
            }

            TableWriter.Write(table.Where(keep), r.GetValue(train)!);
            TableWriter.Write(table.Where(held), r.GetValue(holdout)!);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0:N0} training rows, {1:N0} holdout rows", keep.Count(k => k), held.Count(h => h));
            return 0;
        }));
        return cmd;
    }

    /// <summary>True when the row with this id belongs to the holdout: XxHash64 of the id, below the fraction.</summary>
    internal static bool HoldsOut(string id, double fraction) =>
        XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(id)) / (double)ulong.MaxValue < fraction;

    private static Command Fit()
    {
        var input = new Option<string>("--input") { Description = "Training table (CSV/TSV, XLSX or Parquet).", Required = true };
        var spec = new Option<string?>("--spec") { Description = "synth.yaml: synthesizer, epsilon, delta, seed, columns, constraints (default: a copula with seed 42)." };
        var model = new Option<string>("--model") { Description = "Where to write the fitted model (JSON).", Required = true };
        var synthesizer = new Option<string?>("--synthesizer") { Description = "copula | mst | privbayes (overrides the spec)." };
        var epsilon = new Option<double?>("--epsilon") { Description = "ε of the MST or PrivBayes synthesizer (overrides the spec)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (overrides the spec)." };
        var cmd = new Command("fit", "Fit a synthesizer to a table and save the model; MST models carry their privacy accounting.");
        foreach (var o in new Option[] { input, spec, model, synthesizer, epsilon, seed })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var s = LoadSpec(r.GetValue(spec), r.GetValue(synthesizer), r.GetValue(epsilon), r.GetValue(seed));
            var watch = Stopwatch.StartNew();
            var table = TableBridge.ToColumns(TableReader.Read(r.GetValue(input)!), s.FixedKinds());
            var fitted = SynthModel.Fit(table, s);
            fitted.Save(r.GetValue(model)!);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "fitted [bold]{0}[/] on {1:N0} rows x {2} columns in {3:0.0} s; model in {4}",
                fitted.Synthesizer, table.RowCount, table.Columns.Count, watch.Elapsed.TotalSeconds, Markup.Escape(r.GetValue(model)!));
            if (fitted.Privacy is { PrivBayes: { } pb } b)
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "privacy: {0}-DP (pure); network {1} rounds x epsilon {2:0.####}, {3} noisy joints with Laplace scale {4:0.###}; {5}",
                    b.Epsilon, pb.SelectionRounds, pb.EpsilonPerRound, pb.Measurements, pb.LaplaceScale, Markup.Escape(string.Join("; ", pb.Network)));
            }
            else if (fitted.Privacy is { } a)
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "privacy: ({0}, {1})-DP, rho = {2:0.######} (spent {3:0.######}); sigma 1-way {4:0.###}, 2-way {5:0.###}; {6} pairs",
                    a.Epsilon, a.Delta, a.Rho, a.RhoSpent, a.SigmaOneWay, a.SigmaTwoWay, a.SelectedPairs.Count);
            }

            return 0;
        }));
        return cmd;
    }

    private static SynthSpec LoadSpec(string? path, string? synthesizer, double? epsilon, int? seed)
    {
        var spec = path is null ? SynthSpec.Parse("") : SynthSpec.Load(path);
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"synthesizer: {synthesizer ?? spec.Synthesizer}\nepsilon: {epsilon ?? spec.Epsilon}\n");
        if (synthesizer is null && epsilon is null)
        {
            spec.Seed = seed ?? spec.Seed;
            return spec;
        }

        // Re-validate the overridden values through the same checks as the file.
        var check = SynthSpec.Parse(yaml.ToString(), "command line");
        spec.Synthesizer = check.Synthesizer;
        spec.Epsilon = check.Epsilon;
        spec.Seed = seed ?? spec.Seed;
        return spec;
    }

    private static Command Sample()
    {
        var model = new Option<string>("--model") { Description = "A model written by `moa synth fit`.", Required = true };
        var rows = new Option<int>("--rows") { Description = "Rows to sample.", Required = true };
        var output = new Option<string>("--out") { Description = "Synthetic table (.csv, .tsv, .xlsx or .parquet).", Required = true };
        var seed = new Option<int?>("--seed") { Description = "Seed (default: the model's); same model and seed, same rows." };
        var cmd = new Command("sample", "Sample a synthetic table from a saved model; every constraint of the spec holds.");
        foreach (var o in new Option[] { model, rows, output, seed })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var watch = Stopwatch.StartNew();
            var fitted = SynthModel.Load(r.GetValue(model)!);
            var table = fitted.Sample(r.GetValue(rows), r.GetValue(seed));
            TableWriter.Write(TableBridge.ToTable(table), r.GetValue(output)!);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "sampled {0:N0} rows in {1:0.0} s into {2}", table.RowCount, watch.Elapsed.TotalSeconds, Markup.Escape(r.GetValue(output)!));
            return 0;
        }));
        return cmd;
    }

    private static Command Evaluate()
    {
        var real = new Option<string>("--real") { Description = "The real rows the model was fitted on.", Required = true };
        var holdout = new Option<string>("--holdout") { Description = "Real rows the model never saw (from `moa synth split`).", Required = true };
        var synthetic = new Option<string>("--synthetic") { Description = "The synthetic table.", Required = true };
        var model = new Option<string?>("--model") { Description = "The model (adds its privacy accounting and key columns)." };
        var output = new Option<string>("--out") { Description = "Folder for report.html and report.json.", Required = true };
        var target = new Option<string?>("--target") { Description = "Column a classifier predicts for TSTR vs TRTR." };
        var qis = new Option<string?>("--quasi-identifiers") { Description = "Comma-separated quasi-identifiers for the moa deid risk figures." };
        var gate = new Option<string?>("--gate") { Description = "gate.yaml: minimum fidelity and maximum risk; a failure exits with code 3 and the reasons." };
        var queries = new Option<int>("--queries") { Description = "Sampled query rows for distance and membership figures.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the samples and attacks.", DefaultValueFactory = _ => 7 };
        var cmd = new Command("evaluate", "Measure fidelity, utility and privacy of a synthetic table; write an HTML (Korean/English) and JSON report; apply a release gate.");
        foreach (var o in new Option[] { real, holdout, synthetic, model, output, target, qis, gate, queries, seed })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var releaseGate = r.GetValue(gate) is { } g ? ReleaseGate.Load(g) : null;
            var fitted = r.GetValue(model) is { } m ? SynthModel.Load(m) : null;
            var kinds = fitted?.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
            var train = TableBridge.ToColumns(TableReader.Read(r.GetValue(real)!), kinds);
            kinds ??= train.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
            var hold = TableBridge.ToColumns(TableReader.Read(r.GetValue(holdout)!), kinds);
            var syn = TableBridge.ToColumns(TableReader.Read(r.GetValue(synthetic)!), kinds);
            var options = new EvaluationOptions
            {
                Seed = r.GetValue(seed),
                Queries = Math.Max(10, r.GetValue(queries)),
                Target = r.GetValue(target),
                QuasiIdentifiers = r.GetValue(qis) is { } q ? [.. q.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [],
            };
            var report = SynthEvaluator.Evaluate(train, hold, syn, options, fitted);
            if (releaseGate is not null)
            {
                report.Gate = releaseGate.Check(report);
            }

            var dir = r.GetValue(output)!;
            try
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "report.json"), report.ToJson());
                File.WriteAllText(Path.Combine(dir, "report.html"), ReportHtml.Render(report));
            }
            catch (IOException ex)
            {
                throw new MoaException($"{dir}: cannot write the report ({ex.Message}).", ex);
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "column fidelity {0:0.000}, pair fidelity {1:0.000}{2}; membership AUC {3:0.000}; exact matches {4:P1} (holdout {5:P1}); report in {6}",
                report.ColumnFidelity, report.PairFidelity, report.Utility is { } u ? string.Create(CultureInfo.InvariantCulture, $", TSTR/TRTR {u.Ratio:0.000}") : "",
                report.Privacy.MembershipAuc, report.Privacy.ExactMatchRate, report.Privacy.ExactMatchBaseline, Markup.Escape(dir));
            if (report.Gate is { Passed: false } failed)
            {
                foreach (var reason in failed.Reasons)
                {
                    Console.Error.WriteLine($"moa: release gate: {reason}");
                }

                Console.Error.WriteLine($"moa: release gate FAILED ({failed.Reasons.Count} of {failed.Checked} rules).");
                return GateFailed;
            }

            if (report.Gate is { } passed)
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "release gate passed ({0} rules).", passed.Checked);
            }

            return 0;
        }));
        return cmd;
    }
}
