using System.Diagnostics;
using System.Globalization;
using System.Text;
using Moa.Curation.Perplexity;
using Xunit.Abstractions;

namespace Moa.Curation.Tests.Perplexity;

/// <summary>
/// The measurement behind the model's settings (docs/curation/perplexity.md): for each order and pruning, the model is
/// trained in memory and every set's perplexity percentiles and the junk-vs-clean AUC are printed, on the tuning half
/// (what the settings were chosen on) and the test half (what is reported). Run with
/// <c>MOA_PPL_STUDY=4:1,5:2 dotnet test tests/Moa.Curation.Tests --filter PerplexityStudy --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class PerplexityStudyTests(ITestOutputHelper output)
{
    [Fact]
    public void PerplexityStudy_PrintsPercentilesAndAucPerSet()
    {
        var variants = (Environment.GetEnvironmentVariable("MOA_PPL_STUDY") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split(':'))
            .Select(v => new QualityLanguageModelTrainingOptions { Order = int.Parse(v[0], CultureInfo.InvariantCulture), PruneHighestOrderBelow = int.Parse(v[1], CultureInfo.InvariantCulture) })
            .ToList();
        var sb = new StringBuilder();
        var models = variants.Count == 0
            ? [("embedded", QualityLanguageModel.Embedded)]
            : variants.Select(o =>
            {
                var sw = Stopwatch.StartNew();
                var payload = QualityLanguageModelTrainer.BuildPayload(QualityLanguageModelSources.Training(TestPaths.SharedData), QualityLanguageModelSources.CutoffReference(TestPaths.SharedData), o);
                var m = QualityLanguageModel.FromPayload(payload, "study");
                sb.AppendLine(CultureInfo.InvariantCulture, $"order {o.Order} prune<{o.PruneHighestOrderBelow}: {m.Info.Entries:N0} entries, {m.MemoryBytes / 1e6:0.0} MB table, trained in {sw.Elapsed.TotalSeconds:0.0} s, cut-offs {m.Info.HeadCutoff:0.0}/{m.Info.TailCutoff:0.0}");
                return ($"order {o.Order} prune<{o.PruneHighestOrderBelow}", m);
            }).ToList();

        foreach (var (name, model) in models)
        {
            foreach (var tuning in new[] { true, false })
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"### {name}, {(tuning ? "tuning" : "test")} half");
                sb.AppendLine("| set | n | p5 | p25 | p50 | p75 | p95 | head | middle | tail | AUC vs clean |");
                sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                var scored = PerplexityCorpus.Sets.Select(s => (s.Name, s.Clean, Values: s.Documents.Where(d => d.Tuning == tuning).Select(d => model.Perplexity(d.Text, MaxChars)).OfType<double>().Order().ToArray())).ToList();
                var clean = scored.Where(s => s.Clean && s.Name != "clean.ko.kobest_boolq").SelectMany(s => s.Values).ToArray();
                var junk = scored.Where(s => !s.Clean).SelectMany(s => s.Values).ToArray();
                foreach (var (set, isClean, v) in scored.Append(("all junk", false, junk.Order().ToArray())))
                {
                    if (v.Length == 0)
                    {
                        continue;
                    }

                    var auc = isClean ? PerplexityCorpus.Auc(v, junk) : PerplexityCorpus.Auc(clean, v);
                    var head = v.Count(x => model.Bucket(x) == "head");
                    var tail = v.Count(x => model.Bucket(x) == "tail");
                    sb.AppendLine(CultureInfo.InvariantCulture,
                        $"| {set} | {v.Length} | {P(v, 5)} | {P(v, 25)} | {P(v, 50)} | {P(v, 75)} | {P(v, 95)} | {head} | {v.Length - head - tail} | {tail} | {auc:0.000} |");
                }

                sb.AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"| set | median and p95 of |ppl(first {MaxChars} chars) / ppl(whole) - 1| |");
                sb.AppendLine("|---|---:|");
                foreach (var s in PerplexityCorpus.Sets)
                {
                    var diffs = s.Documents.Where(d => d.Tuning == tuning).Select(d => (Whole: model.Perplexity(d.Text), Capped: model.Perplexity(d.Text, MaxChars)))
                        .Where(p => p.Whole is not null).Select(p => Math.Abs((p.Capped!.Value / p.Whole!.Value) - 1)).Order().ToArray();
                    if (diffs.Length > 0)
                    {
                        sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {diffs[diffs.Length / 2]:0.000} / {diffs[Math.Min(diffs.Length - 1, (int)(diffs.Length * 0.95))]:0.000} |");
                    }
                }

                sb.AppendLine();
                sb.AppendLine("| set | " + string.Join(" | ", Thresholds.Select(t => $"max {t}"))  + " |");
                sb.AppendLine("|---|" + string.Concat(Thresholds.Select(_ => "---:|")));
                foreach (var (set, isClean, v) in scored.Where(s => s.Values.Length > 0))
                {
                    // Clean sets: share kept; junk kinds: share removed.
                    var shares = Thresholds.Select(t => (isClean ? v.Count(x => x <= t) : v.Count(x => x > t)) / (double)v.Length);
                    sb.Append("| ").Append(set).Append(isClean ? " (kept)" : " (removed)").Append(" | ")
                        .AppendJoin(" | ", shares.Select(f => f.ToString("0.000", CultureInfo.InvariantCulture))).AppendLine(" |");
                }

                sb.AppendLine();
            }
        }

        output.WriteLine(sb.ToString());
        var dump = Environment.GetEnvironmentVariable("MOA_PPL_STUDY_OUT");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllText(dump, sb.ToString());
        }
    }

    private static readonly int MaxChars = new PerplexityOptions().MaxChars;

    private static readonly int[] Thresholds = [200, 300, 500, 1000, 2000];

    private static string P(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)].ToString("0.0", CultureInfo.InvariantCulture);
}
