using System.Globalization;
using System.Text;
using static Moa.Text.Reporting.SvgCharts;

namespace Moa.Evaluation.Analysis;

/// <summary>Renders an <see cref="ItemAnalysisReport"/> as one self-contained HTML page with inline SVG charts and no scripts.</summary>
public static class ItemAnalysisHtml
{
    /// <summary>Most flagged items listed in the page (all are in the JSON report).</summary>
    public const int MaxListedItems = 300;

    /// <summary>Writes the page to <paramref name="path"/>.</summary>
    public static void Write(ItemAnalysisReport report, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new MoaException($"{folder}: folder not found for the report; create it first.");
        }

        File.WriteAllText(path, Render(report), new UTF8Encoding(false));
    }

    /// <summary>The page as a string.</summary>
    public static string Render(ItemAnalysisReport report)
    {
        var html = new StringBuilder(1 << 16);
        var models = report.Models.Select(m => m.Model).ToList();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Item analysis: ").Append(Encode(report.Benchmark)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:24px;max-width:1200px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left}th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".legend span{display:inline-block;margin-right:14px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}")
            .Append(".flag{color:#b00020}.note{color:#555;font-size:13px}section{margin-bottom:28px}</style></head><body>\n");

        var allFail = report.AllFail.ToList();
        html.Append("<h1>Item analysis: ").Append(Encode(report.Benchmark)).Append("</h1>");
        html.Append(Invariant($"<p>{report.Items.Count:N0} items analysed across {models.Count} models; {allFail.Count:N0} items failed by every model (suspected wrong keys).</p>"));
        foreach (var note in report.Notes)
        {
            html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>");
        }

        html.Append("<section><h2>Models</h2><table><tr><th>Model</th><th>Items</th><th>Accuracy</th><th>Ignored results</th><th>Run</th></tr>");
        foreach (var m in report.Models)
        {
            html.Append(Invariant($"<tr><td>{Encode(m.Model)}</td><td class=\"n\">{m.Items:N0}</td><td class=\"n\">{m.Accuracy:P1}</td><td class=\"n\">{m.UnknownItems:N0}</td><td>{Encode(m.Run)}</td></tr>"));
        }

        html.Append("</table></section>");

        html.Append("<section><h2>Accuracy per sub-item</h2>").Append(Legend(models));
        html.Append(GroupedBars(
            [.. report.Subsets.Select(s => s.Subset)], models,
            (c, s) => report.Subsets[c].Accuracy.TryGetValue(models[s], out var a) ? a : null, "accuracy"));
        html.Append("<table><tr><th>Sub-item</th><th>Items</th><th>Mean difficulty (p)</th><th>Mean discrimination</th><th>All fail</th>");
        foreach (var model in models)
        {
            html.Append("<th>").Append(Encode(model)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var s in report.Subsets)
        {
            html.Append(Invariant($"<tr><td>{Encode(s.Subset)}</td><td class=\"n\">{s.Items:N0}</td><td class=\"n\">{s.MeanDifficulty:0.000}</td><td class=\"n\">{Number(s.MeanDiscrimination)}</td><td class=\"n\">{s.AllFail:N0}</td>"));
            foreach (var model in models)
            {
                html.Append("<td class=\"n\">").Append(s.Accuracy.TryGetValue(model, out var a) ? a.ToString("P1", CultureInfo.InvariantCulture) : "–").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></section>");

        html.Append("<section><h2>Difficulty</h2><p class=\"note\">Difficulty index p: share of models that got the item right (low = hard).</p>");
        html.Append(Histogram(report.Items.Select(i => i.Difficulty), 10, "difficulty p"));
        html.Append("</section><section><h2>Discrimination</h2><p class=\"note\">Point-biserial correlation of getting the item right with accuracy on the other items. Negative: stronger models fail it more often, so check the key. Red: flagged items.</p>");
        var points = report.Items.Where(i => i.Discrimination is not null).Take(20_000)
            .Select(i => (i.Difficulty, i.Discrimination!.Value, i.Flags.Count > 0 && !i.Flags.SequenceEqual([ItemAnalyzer.AllPassFlag]), $"{i.Id}: p={i.Difficulty:0.00}, r={i.Discrimination:0.00}"))
            .ToList();
        html.Append(Scatter(points, "difficulty p", "discrimination"));
        html.Append("</section>");

        html.Append("<section><h2>Answer-position bias</h2><p class=\"note\">Share of each model's choices per position against the share of keys at that position over the same items; a small p-value means the model favours a position.</p>");
        if (report.PositionBias.Count > 0)
        {
            var positions = report.PositionBias.Max(b => b.PredictedShare.Count);
            var labels = Enumerable.Range(0, positions).Select(j => ((char)('A' + Math.Min(j, 25))).ToString()).ToList();
            var series = new List<string> { "keys" };
            series.AddRange(report.PositionBias.Select(b => b.Model));
            html.Append(Legend(series));
            html.Append(GroupedBars(labels, series, (c, s) => s == 0
                ? report.PositionBias[0].KeyShare.ElementAtOrDefault(c)
                : report.PositionBias[s - 1].PredictedShare.ElementAtOrDefault(c), "share"));
            html.Append("<table><tr><th>Model</th><th>Predictions</th><th>Favoured position</th><th>p-value</th></tr>");
            foreach (var b in report.PositionBias)
            {
                var favoured = labels[b.FavouredPosition];
                html.Append(Invariant($"<tr><td>{Encode(b.Model)}</td><td class=\"n\">{b.Predictions:N0}</td><td>{favoured} ({b.PredictedShare[b.FavouredPosition]:P1} chosen, {b.KeyShare[b.FavouredPosition]:P1} keys)</td><td class=\"n{(b.PValue < 0.001 ? " flag" : string.Empty)}\">{b.PValue:0.###E0}</td></tr>"));
            }

            html.Append("</table>");
        }
        else
        {
            html.Append("<p>No multiple-choice predictions in the runs.</p>");
        }

        html.Append("</section><section><h2>Flagged items</h2>");
        var flagged = report.Items.Where(i => i.Flags.Contains(ItemAnalyzer.AllFailFlag) || i.Flags.Contains(ItemAnalyzer.NegativeDiscriminationFlag))
            .OrderBy(i => i.Flags.Contains(ItemAnalyzer.AllFailFlag) ? 0 : 1).ThenByDescending(i => i.ModalWrongCount).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        html.Append(Invariant($"<p>{flagged.Count:N0} items flagged{(flagged.Count > MaxListedItems ? $"; the first {MaxListedItems} are listed, all are in the JSON report" : string.Empty)}. When most models agree on the same other choice, the key is likely wrong.</p>"));
        html.Append("<table><tr><th>Item</th><th>Sub-item</th><th>Flags</th><th>Correct</th><th>Key</th><th>Most chosen wrong</th><th>Question</th></tr>");
        foreach (var i in flagged.Take(MaxListedItems))
        {
            var modal = i.ModalWrongChoice >= 0 ? Invariant($"{Letter(i.ModalWrongChoice)} ({i.ModalWrongCount} of {i.Models})") : "–";
            html.Append(Invariant($"<tr><td>{Encode(i.Id)}</td><td>{Encode(i.Subset)}</td><td class=\"flag\">{Encode(string.Join(", ", i.Flags))}</td><td class=\"n\">{i.Correct}/{i.Models}</td><td>{(i.Answer >= 0 ? Letter(i.Answer) : "text")}</td><td>{modal}</td><td>{Encode(i.Question)}</td></tr>"));
        }

        html.Append("</table></section>");
        html.Append("<p class=\"note\">Generated by moa bench analyze.</p></body></html>\n");
        return html.ToString();
    }

    private static string Legend(IReadOnlyList<string> series)
    {
        var html = new StringBuilder("<div class=\"legend\">");
        for (var s = 0; s < series.Count; s++)
        {
            html.Append(Invariant($"<span><i style=\"background:{Color(s)}\"></i>{Encode(series[s])}</span>"));
        }

        return html.Append("</div>").ToString();
    }

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is null ? "–" : value.Value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
