using System.Globalization;
using Moa.Curation.Pipeline;
using Spectre.Console;

namespace Moa.Cli.Curate;

/// <summary>The table printed after a run: the funnel, the main removal reasons, languages, problems and where things are.</summary>
internal static class CurationSummary
{
    public static void Print(CurationResult result)
    {
        var stats = result.Stats;
        var console = CliConsole.Out;
        var funnel = new Table().Title("Curation funnel").AddColumns("stage", "docs in", "docs out", "removed", "MB in", "MB out");
        foreach (var s in stats.Stages.Where(s => s.DocumentsIn > 0))
        {
            funnel.AddRow(
                s.Name,
                N(s.DocumentsIn),
                N(s.DocumentsOut),
                N(s.DocumentsIn - s.DocumentsOut),
                Mb(s.BytesIn),
                Mb(s.BytesOut));
        }

        console.Write(funnel);

        if (stats.Reasons.Count > 0)
        {
            var reasons = new Table().Title("Removed, by reason").AddColumns("reason", "documents");
            foreach (var (reason, count) in stats.Reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(12))
            {
                reasons.AddRow(Markup.Escape(reason), N(count));
            }

            console.Write(reasons);
        }

        var outcome = new Table().Title("Result").AddColumns("", "");
        outcome.AddRow("documents", $"{N(stats.DocumentsIn)} in → {N(stats.DocumentsOut)} out ({Pct(stats.DocumentsOut, stats.DocumentsIn)} kept)");
        outcome.AddRow("text", $"{Mb(stats.BytesIn)} MB in → {Mb(stats.BytesOut)} MB out");
        outcome.AddRow("tokens", $"{N(stats.TokensOut)} ({Markup.Escape(stats.TokenCounter)})");
        outcome.AddRow("languages kept", Markup.Escape(string.Join(", ", stats.LanguagesOut.OrderByDescending(l => l.Value).Take(6).Select(l => $"{l.Key} {N(l.Value)}"))));
        if (stats.Pii.Count > 0)
        {
            outcome.AddRow("PII replaced", Markup.Escape(string.Join(", ", stats.Pii.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {N(p.Value)}"))));
        }

        outcome.AddRow("input problems", stats.Issues.Count == 0 ? "none" : Markup.Escape($"{N(stats.Issues.Count)} ({string.Join(", ", stats.Issues.ByCode.Select(c => $"{c.Key} {N(c.Value)}"))}) — see stats.json"));
        outcome.AddRow("time", string.Create(CultureInfo.InvariantCulture, $"{stats.Timings.GetValueOrDefault("total"):0.0} s"));
        if (stats.CpuHours.Count > 0)
        {
            outcome.AddRow("CPU hours", Markup.Escape(string.Join(", ", stats.CpuHours.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:0.####}")))
                + string.Create(CultureInfo.InvariantCulture, $" ({stats.Tasks.Count} task(s); per MB in: {stats.CpuHours.Values.Sum() * 3600 / Math.Max(1e-9, stats.BytesIn / 1e6):0.###} CPU s)")));
        }

        var remote = Moa.Curation.Storage.S3Url.IsS3(result.OutputDir);
        outcome.AddRow("corpus", Markup.Escape(remote ? $"{result.OutputDir}/data" : Path.Combine(result.OutputDir, "data")));
        outcome.AddRow("report", Markup.Escape(remote ? $"{result.OutputDir}/report.html" : Path.GetFullPath(Path.Combine(result.OutputDir, "report.html"))));
        console.Write(outcome);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(long part, long whole) => whole == 0 ? "0%" : (part / (double)whole).ToString("P1", CultureInfo.InvariantCulture);
}
