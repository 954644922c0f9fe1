using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Moa.Privacy;
using Moa.Privacy.Jsonl;
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
        return pii;
    }

    private static Argument<string[]> Inputs() => new("inputs") { Description = "JSONL files, one JSON object per line.", Arity = ArgumentArity.OneOrMore };

    private static Option<string> TextField() => new("--text-field") { Description = "Field holding the text.", DefaultValueFactory = _ => "text" };

    private static Option<string> IdField() => new("--id-field") { Description = "Field holding the document id.", DefaultValueFactory = _ => "id" };

    private static Option<string?> Types() => new("--types") { Description = "Comma-separated types to look for (default: all): " + string.Join(",", PiiTypes.All) };

    private static Option<double> MinScore() => new("--min-score") { Description = "Ignore findings scoring below this (0..1).", DefaultValueFactory = _ => 0.5 };

    private static Option<int> Threads() => new("--threads") { Description = "Worker threads (default: one per core). Output does not depend on it.", DefaultValueFactory = _ => 0 };

    private static List<string> SplitTypes(string? types) =>
        types is null ? [] : [.. types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Command Scan()
    {
        var inputs = Inputs();
        var output = new Option<string>("--out") { Description = "Findings file (JSONL: doc, start, end, type, score; UTF-16 offsets).", Required = true };
        var (text, id, types, minScore, threads) = (TextField(), IdField(), Types(), MinScore(), Threads());
        var cmd = new Command("scan", "Write one JSON line per finding and print counts per type.");
        cmd.Arguments.Add(inputs);
        foreach (var o in new Option[] { output, text, id, types, minScore, threads })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var analyzer = new PiiAnalyzer(SplitTypes(r.GetValue(types)), r.GetValue(minScore));
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
        var cmd = new Command("redact", "Rewrite JSONL files with personal information replaced by the chosen operator.");
        cmd.Arguments.Add(inputs);
        foreach (var o in new Option[] { output, op, keyFile, text, id, types, minScore, threads })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var scrubber = PiiScrubber.Create(new PiiStageOptions
            {
                Operator = r.GetValue(op)!,
                KeyFile = r.GetValue(keyFile),
                Types = SplitTypes(r.GetValue(types)),
                MinScore = r.GetValue(minScore),
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
