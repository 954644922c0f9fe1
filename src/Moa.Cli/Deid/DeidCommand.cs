using System.CommandLine;
using System.Globalization;
using Moa.Tabular.Deid;
using Moa.Tabular.Reporting;
using Moa.Tabular.Risk;
using Moa.Tabular.Tables;

namespace Moa.Cli.Deid;

/// <summary><c>moa deid init|run|risk</c>: pseudonymise tables and measure re-identification risk (over Moa.Tabular).</summary>
internal static class DeidCommand
{
    internal static Command Create()
    {
        var deid = new Command("deid", "Pseudonymise tables (CSV/TSV, XLSX, Parquet) as the PIPC guideline asks, and measure re-identification risk.");
        deid.Subcommands.Add(Init());
        deid.Subcommands.Add(Run());
        deid.Subcommands.Add(Risk());
        return deid;
    }

    private static Command Init()
    {
        var data = new Argument<string>("data") { Description = "The table (CSV/TSV, XLSX or Parquet)." };
        var output = new Option<string?>("--out") { Description = "Spec file to write (default: DATA's name with .deid.yaml beside it). Never overwritten." };
        var cmd = new Command("init", "Profile the columns and write a starter spec with suggested roles and techniques.");
        cmd.Arguments.Add(data);
        cmd.Options.Add(output);
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(data)!;
            var table = TableReader.Read(path);
            var profiles = SpecInit.Profile(table);
            var specPath = r.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".deid.yaml");
            if (File.Exists(specPath))
            {
                throw new MoaException($"{specPath}: exists; refusing to overwrite a spec. Give another --out.");
            }

            AtomicFile.WriteText(specPath, SpecInit.ToYaml(SpecInit.Starter(path, profiles), profiles));
            foreach (var p in profiles)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Name,-24} {p.Kind,-6} {p.Distinct,8:N0} distinct  -> {p.Role}/{p.Technique}{(p.Hierarchy is null ? "" : " " + p.Hierarchy)}  ({p.Reason})"));
            }

            Console.WriteLine($"spec written to {specPath}; review the roles, fill in purpose and legal_basis, then run `moa deid run {specPath}`.");
            return 0;
        }));
        return cmd;
    }

    private static Command Run()
    {
        var spec = new Argument<string>("spec") { Description = "The spec (deid.yaml)." };
        var reportDir = new Option<string?>("--report-dir") { Description = "Folder for the adequacy-review report (JSON + HTML); default the output's folder." };
        var cmd = new Command("run", "Apply the spec: techniques per column, optimal generalisation under the privacy models, risk before/after, the report.");
        cmd.Arguments.Add(spec);
        cmd.Options.Add(reportDir);
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(spec)!;
            var loaded = DeidSpecLoader.Load(path);
            var outcome = DeidRunner.Run(loaded, Path.GetDirectoryName(Path.GetFullPath(path))!);
            var written = DeidRunner.Write(outcome, r.GetValue(reportDir));
            var report = AdequacyReport.Build(outcome);
            if (outcome.Search?.Best is { } best)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{outcome.Search.Method} search: levels [{string.Join(",", best.Levels)}] over {string.Join(", ", outcome.QuasiIdentifiers)}; {outcome.Utility.Metric} {best.Utility:0.######}; suppressed {best.Suppressed:N0}; {outcome.Search.NodesEvaluated:N0}/{outcome.Search.NodesTotal:N0} nodes, {outcome.Search.Elapsed.TotalSeconds:0.###} s"));
            }

            if (outcome.RiskBefore is { } before && outcome.RiskAfter is { } after)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"risk (prosecutor max/avg): before {before.Prosecutor.Max:0.####}/{before.Prosecutor.Average:0.####}, after {after.Prosecutor.Max:0.####}/{after.Prosecutor.Average:0.####}; sample uniques {before.SampleUniques:N0} -> {after.SampleUniques:N0}"));
            }

            foreach (var item in report.Checklist.Where(c => !c.Passed))
            {
                Console.WriteLine($"checklist: FAIL {item.Id}: {item.English} ({item.Evidence})");
            }

            Console.WriteLine($"review: {(report.Passed ? "adequate (every checklist item passed)" : "needs work")}");
            foreach (var file in written)
            {
                Console.WriteLine($"wrote {file}");
            }

            return 0;
        }));
        return cmd;
    }

    private static Command Risk()
    {
        var data = new Argument<string>("data") { Description = "The table (CSV/TSV, XLSX or Parquet)." };
        var qis = new Option<string>("--qi") { Description = "Comma-separated quasi-identifier columns.", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "Record risk above this counts as at risk.", DefaultValueFactory = _ => 0.2 };
        var fraction = new Option<double?>("--sampling-fraction") { Description = "n/N when the table is a sample (journalist risk, population uniques)." };
        var population = new Option<string?>("--population") { Description = "The population table (same quasi-identifier columns)." };
        var cmd = new Command("risk", "Re-identification risk of a table: prosecutor/journalist/marketer, uniques, SUDA special uniques, columns driving risk.");
        cmd.Arguments.Add(data);
        foreach (var o in new Option[] { qis, threshold, fraction, population })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var table = TableReader.Read(r.GetValue(data)!);
            var names = r.GetValue(qis)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new RiskOptions
            {
                Threshold = r.GetValue(threshold),
                SamplingFraction = r.GetValue(fraction),
                Population = r.GetValue(population) is { } p ? TableReader.Read(p) : null,
            };
            var report = RiskAnalyzer.Analyze(table, names, options);
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"records {report.Records:N0} (suppressed {report.Suppressed:N0}), classes {report.Classes:N0}, k = {report.MinClassSize}"));
            Console.WriteLine(string.Create(c, $"prosecutor: max {report.Prosecutor.Max:0.####}, average {report.Prosecutor.Average:0.####}, above {report.Threshold:0.##}: {report.Prosecutor.RecordsAboveThreshold:N0} ({report.Prosecutor.FractionAboveThreshold:P2})"));
            Console.WriteLine(string.Create(c, $"journalist ({report.JournalistBasis}): max {report.Journalist.Max:0.####}, average {report.Journalist.Average:0.####}; marketer {report.Marketer:0.####}"));
            Console.WriteLine(string.Create(c, $"sample uniques {report.SampleUniques:N0}; population uniques {(report.PopulationUniques is { } pu ? pu.ToString("0.#", c) : "n/a")} ({report.PopulationUniquesBasis}); SUDA special uniques {report.SpecialUniques:N0}"));
            foreach (var contribution in report.Contributions)
            {
                Console.WriteLine(string.Create(c, $"  {contribution.Column,-24} uniques without it {contribution.UniquesWithout,8:N0}   SUDA share {contribution.SudaShare:0.###}"));
            }

            return 0;
        }));
        return cmd;
    }
}
