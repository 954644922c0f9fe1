using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Moa.Curation.Output;
using Moa.Curation.Statistics;
using Moa.Text.Reporting;

namespace Moa.Curation.Reporting;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS and SVG, no scripts or external files) about a run:
/// the removal funnel, reasons, length distributions, language mix, duplicate cluster sizes, the similarity of near
/// duplicates with their kept copy, example documents per removal reason (PII masked), PII, inputs and problems.
/// Headings are in Korean and English.
/// </summary>
public static class ReportWriter
{
    private const string Style = """
        :root{--fg:#1d2330;--muted:#5b6475;--line:#e3e7ee;--bg:#f6f8fb;--accent:#2f6fdf}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 "Noto Sans KR","NanumGothic","Apple SD Gothic Neo",system-ui,sans-serif;color:var(--fg);background:var(--bg)}
        header{background:#14213d;color:#fff;padding:22px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c9d3e6}
        main{max-width:1120px;margin:0 auto;padding:20px 24px 48px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:4px 0 20px}
        .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px}.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
        section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:0 0 16px}
        h2{font-size:17px;margin:0 0 10px}h2 small{color:var(--muted);font-weight:normal;margin-left:6px}
        .chart{max-width:100%;height:auto}.chart .lbl{font-size:12px;fill:#1d2330}.chart .val{font-size:12px;fill:#5b6475}.chart .axis{font-size:11px;fill:#5b6475}.chart .grid{stroke:#eef1f5}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:600}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.two{display:grid;grid-template-columns:1fr 1fr;gap:16px}@media(max-width:900px){.two{grid-template-columns:1fr}}
        td.text{white-space:pre-wrap;word-break:break-word;max-width:560px}pre{background:#f1f4f9;padding:12px;border-radius:8px;overflow:auto;font-size:12px}.empty{color:var(--muted)}
        """;

    /// <summary>Writes the report for a finished run.</summary>
    public static void Write(Stream stream, CurationStats stats, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(manifest);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var ci = CultureInfo.InvariantCulture;
        w.Write("<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        w.Write("<title>Moa curation report · 정제 보고서</title><style>");
        w.Write(Style);
        w.Write("</style></head><body>");
        w.Write(string.Create(ci, $"<header><h1>정제 보고서 · Curation report</h1><p>moa {E(manifest.Version)} · config {E(Short(manifest.ConfigHash))} · {stats.Files.Count} input file(s)</p></header><main>"));

        // Headline figures
        w.Write("<div class=\"cards\" id=\"summary\">");
        Card(w, N(stats.DocumentsIn), "문서 입력 · documents in");
        Card(w, N(stats.DocumentsOut), $"문서 출력 · documents out ({Pct(stats.DocumentsOut, stats.DocumentsIn)})");
        Card(w, Mb(stats.BytesIn) + " MB", "입력 텍스트 · text in");
        Card(w, Mb(stats.BytesOut) + " MB", "출력 텍스트 · text out");
        Card(w, N(stats.TokensOut), $"토큰 · tokens ({stats.TokenCounter})");
        Card(w, stats.Timings.GetValueOrDefault("total").ToString("0.0", ci) + " s", "소요 시간 · time");
        w.Write("</div>");

        // Funnel
        Section(w, "funnel", "단계별 문서 수", "Removal funnel", () =>
        {
            var stages = stats.Stages.Where(s => s.DocumentsIn > 0).ToList();
            w.Write(SvgCharts.HorizontalBars([.. stages.Select(s => (s.Name, (double)s.DocumentsOut))], color: "#2f6fdf"));
            w.Write("<table><tr><th>stage</th><th>docs in</th><th>docs out</th><th>removed</th><th>MB in</th><th>MB out</th><th>CPU s</th></tr>");
            foreach (var s in stages)
            {
                w.Write(string.Create(ci, $"<tr><td>{E(s.Name)}</td><td class=n>{N(s.DocumentsIn)}</td><td class=n>{N(s.DocumentsOut)}</td><td class=n>{N(s.DocumentsIn - s.DocumentsOut)}</td><td class=n>{Mb(s.BytesIn)}</td><td class=n>{Mb(s.BytesOut)}</td><td class=n>{s.Seconds:0.00}</td></tr>"));
            }

            w.Write("</table>");
        });

        Section(w, "reasons", "제거 사유", "Why documents were removed", () =>
        {
            var reasons = stats.Reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(25).ToList();
            if (reasons.Count == 0)
            {
                w.Write("<p class=\"empty\">Nothing was removed. · 제거된 문서가 없습니다.</p>");
                return;
            }

            w.Write(SvgCharts.HorizontalBars([.. reasons.Select(r => (r.Key, (double)r.Value))]));
        });

        Section(w, "lengths", "문서 길이 분포", "Document length (characters, log scale bins)", () =>
        {
            var last = Math.Max(LastNonZero(stats.Lengths.In), LastNonZero(stats.Lengths.Out));
            var categories = Enumerable.Range(0, last + 1).Select(i => i == 0 ? "0-1" : Compact(1L << i)).ToList();
            w.Write(SvgCharts.GroupedColumns(categories,
            [
                ("input · 입력", stats.Lengths.In.Take(last + 1).Select(v => (double)v).ToList()),
                ("kept · 출력", stats.Lengths.Out.Take(last + 1).Select(v => (double)v).ToList()),
            ]));
        });

        Section(w, "tokens", "토큰 수", "Tokens of the kept documents, per tokenizer (stats.tokenizers)", () =>
        {
            if (stats.Tokens.Count == 0)
            {
                w.Write("<p class=\"empty\">No tokens were counted. · 토큰을 세지 않았습니다.</p>");
                return;
            }

            var languages = stats.Tokens.Values.SelectMany(t => t.ByLanguage.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var providers = stats.Tokens.Values.SelectMany(t => t.ByProvider.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            w.Write("<table><tr><th>tokenizer · 토크나이저</th><th>tokens · 토큰</th><th>bytes per token · 토큰당 바이트</th>");
            foreach (var l in languages)
            {
                w.Write($"<th>{E(l)}</th>");
            }

            foreach (var p in providers)
            {
                w.Write($"<th>{E(p)}</th>");
            }

            w.Write("</tr>");
            foreach (var (name, counts) in stats.Tokens)
            {
                var perToken = counts.Total == 0 ? "–" : (stats.BytesOut / (double)counts.Total).ToString("0.00", ci);
                w.Write(string.Create(ci, $"<tr><td>{E(name)}</td><td class=n>{N(counts.Total)}</td><td class=n>{perToken}</td>"));
                foreach (var l in languages)
                {
                    w.Write($"<td class=n>{N(counts.ByLanguage.GetValueOrDefault(l))}</td>");
                }

                foreach (var p in providers)
                {
                    w.Write($"<td class=n>{N(counts.ByProvider.GetValueOrDefault(p))}</td>");
                }

                w.Write("</tr>");
            }

            w.Write("</table><p class=\"empty\">Columns after the bytes per token: languages, then providers (meta.provider). · 토큰당 바이트 다음 열: 언어별, 제공기관별.</p>");
        });

        Section(w, "perplexity", "퍼플렉서티 분포", "Perplexity under the Korean reference model (documents that reached the quality stage)", () => WritePerplexity(w, stats.Perplexity));

        w.Write("<div class=\"two\">");
        Section(w, "languages", "언어 분포", "Language mix", () =>
        {
            var langs = stats.Languages.OrderByDescending(l => l.Value).Take(12).ToList();
            if (langs.Count == 0)
            {
                w.Write("<p class=\"empty\">Language identification was off. · 언어 식별을 하지 않았습니다.</p>");
                return;
            }

            var names = langs.Select(l => l.Key).ToList();
            w.Write(SvgCharts.GroupedColumns(names,
            [
                ("identified · 식별", langs.Select(l => (double)l.Value).ToList()),
                ("kept · 출력", names.Select(n => (double)stats.LanguagesOut.GetValueOrDefault(n)).ToList()),
            ], width: 520));
        });
        Section(w, "clusters", "중복 묶음 크기", "Duplicate cluster sizes", () =>
        {
            if (stats.DuplicateClusters.Count == 0)
            {
                w.Write("<p class=\"empty\">No duplicates found. · 중복이 없습니다.</p>");
                return;
            }

            var sizes = stats.DuplicateClusters.Take(20).ToList();
            w.Write(SvgCharts.GroupedColumns([.. sizes.Select(s => s.Key.ToString(ci))], [("clusters · 묶음", sizes.Select(s => (double)s.Value).ToList())], width: 520));
        });
        w.Write("</div>");

        Section(w, "similarity", "근접 중복 유사도", "Similarity of each near duplicate with the kept copy it points to", () =>
        {
            var near = stats.NearDedup;
            var removed = near.Similarity.Sum();
            w.Write(string.Create(ci, $"<p>{N(near.CandidatesVerified)} candidate pair(s) verified, {N(near.CandidatesRejected)} rejected below the minimum similarity; {N(removed)} near duplicate(s) removed. · 후보 쌍 {N(near.CandidatesVerified)}개 검증, {N(near.CandidatesRejected)}개 기각, 근접 중복 {N(removed)}건 제거. (Jaccard, 5-word shingles)</p>"));
            if (removed == 0)
            {
                return;
            }

            var first = Array.FindIndex(near.Similarity, v => v != 0);
            var bins = Enumerable.Range(first, near.Similarity.Length - first).ToList();
            w.Write(SvgCharts.GroupedColumns(
                [.. bins.Select(b => (b / (double)NearDedupStats.SimilarityBins).ToString("0.00", ci))],
                [("near duplicates · 근접 중복", bins.Select(b => (double)near.Similarity[b]).ToList())]));
        });

        Section(w, "examples", "제거 사례", "Examples of removed documents, per reason (PII masked)", () =>
        {
            if (stats.Examples.Count == 0)
            {
                w.Write("<p class=\"empty\">Nothing was removed. · 제거된 문서가 없습니다.</p>");
                return;
            }

            w.Write(string.Create(ci, $"<p>Up to {RemovalExamples.PerReason} documents per reason, chosen by the smallest hash of their id; text cut to {RemovalExamples.MaxChars} characters. · 사유별 최대 {RemovalExamples.PerReason}건(문서 id 해시 순), 본문 앞 {RemovalExamples.MaxChars}자.</p>"));
            w.Write("<table><tr><th>reason · 사유</th><th>id</th><th>text · 본문</th><th>measured · 측정값</th></tr>");
            foreach (var (reason, examples) in stats.Examples.OrderByDescending(e => stats.Reasons.GetValueOrDefault(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                foreach (var x in examples)
                {
                    var text = x.Text.Length == 0 ? "<span class=\"empty\">(text not kept · 본문 미보관)</span>" : E(x.Text) + (x.Truncated ? " …" : "");
                    w.Write(string.Create(ci, $"<tr class=\"example\"><td>{E(reason)}</td><td>{E(x.Id)}</td><td class=\"text\">{text}</td><td>{Measured(x)}</td></tr>"));
                }
            }

            w.Write("</table>");
        });

        Section(w, "pii", "개인정보 처리", "Personal information replaced", () =>
        {
            if (stats.Pii.Count == 0)
            {
                w.Write("<p class=\"empty\">No personal information found (or the PII stage was off). · 개인정보가 발견되지 않았습니다.</p>");
                return;
            }

            w.Write(SvgCharts.HorizontalBars([.. stats.Pii.OrderByDescending(p => p.Value).Select(p => (p.Key, (double)p.Value))], color: "#c2185b"));
        });

        Section(w, "inputs", "입력 파일", "Inputs", () =>
        {
            w.Write("<table><tr><th>file</th><th>format</th><th>MB</th><th>docs in</th><th>after filters</th><th>docs out</th><th>problems</th></tr>");
            foreach (var f in stats.Files.Take(500))
            {
                w.Write(string.Create(ci, $"<tr><td>{E(f.Path)}</td><td>{E(f.Format)}</td><td class=n>{Mb(f.Bytes)}</td><td class=n>{N(f.DocumentsIn)}</td><td class=n>{N(f.DocumentsFiltered)}</td><td class=n>{N(f.DocumentsOut)}</td><td class=n>{N(f.Issues)}</td></tr>"));
            }

            w.Write("</table>");
        });

        Section(w, "issues", "입력 오류", "Problems with the input", () =>
        {
            if (stats.Issues.Count == 0)
            {
                w.Write("<p class=\"empty\">None. · 없음.</p>");
                return;
            }

            w.Write(string.Create(ci, $"<p>{N(stats.Issues.Count)} problem(s): {E(string.Join(", ", stats.Issues.ByCode.Select(c => $"{c.Key} {c.Value}")))}</p>"));
            w.Write("<table><tr><th>file</th><th>line</th><th>code</th><th>message</th></tr>");
            foreach (var i in stats.Issues.First.Take(100))
            {
                w.Write(string.Create(ci, $"<tr><td>{E(i.File)}</td><td class=n>{(i.Line > 0 ? N(i.Line) : "")}</td><td>{E(i.Code)}</td><td>{E(i.Message)}</td></tr>"));
            }

            w.Write("</table>");
        });

        Section(w, "config", "설정", "Configuration", () =>
        {
            w.Write(string.Create(ci, $"<p>sha256 {E(manifest.ConfigHash)}</p><pre>{E(JsonSerializer.Serialize(manifest.Config, OutputJson.Options))}</pre>"));
        });
        w.Write("</main></body></html>");
    }

    private static string Measured(RemovalExample x)
    {
        var ci = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (x.Similarity is { } similarity)
        {
            parts.Add(string.Create(ci, $"similarity · 유사도 {similarity:0.000}"));
        }

        if (x.DuplicateOf is { } kept)
        {
            parts.Add($"kept copy · 보존 문서 {E(kept)}");
        }

        if (x.Value is { } value)
        {
            parts.Add(string.Create(ci, $"value · 측정값 {value:0.####}"));
        }

        if (x.Threshold is { } threshold)
        {
            parts.Add(string.Create(ci, $"threshold · 기준 {threshold:0.####}"));
        }

        if (x.Profile is { } profile)
        {
            parts.Add($"profile · 프로필 {E(profile)}");
        }

        return string.Join("<br>", parts);
    }

    private static void WritePerplexity(StreamWriter w, PerplexityStats p)
    {
        var ci = CultureInfo.InvariantCulture;
        var scored = p.Buckets.Values.Sum();
        if (scored == 0)
        {
            w.Write(string.Create(ci, $"<p class=\"empty\">No document was scored ({N(p.Unscored)} not Korean, or the perplexity signal was off). · 점수를 매긴 문서가 없습니다.</p>"));
            return;
        }

        var first = Array.FindIndex(p.Histogram, v => v != 0);
        var last = LastNonZero(p.Histogram);
        var bins = Enumerable.Range(first, last - first + 1).ToList();
        w.Write(SvgCharts.GroupedColumns(
            [.. bins.Select(b => PerplexityStats.BinStart(b).ToString(PerplexityStats.BinStart(b) < 10 ? "0.#" : "N0", ci))],
            [("documents · 문서 (perplexity, bins of √2)", bins.Select(b => (double)p.Histogram[b]).ToList())]));
        w.Write("<table><tr><th>bucket · 구간</th><th>perplexity</th><th>documents</th><th>share</th></tr>");
        foreach (var (bucket, range) in new[] { ("head", string.Create(ci, $"≤ {p.HeadCutoff:0.#}")), ("middle", string.Create(ci, $"{p.HeadCutoff:0.#} – {p.TailCutoff:0.#}")), ("tail", string.Create(ci, $"> {p.TailCutoff:0.#}")) })
        {
            var n = p.Buckets.GetValueOrDefault(bucket);
            w.Write(string.Create(ci, $"<tr><td>{bucket}</td><td>{E(range)}</td><td class=n>{N(n)}</td><td class=n>{Pct(n, scored)}</td></tr>"));
        }

        w.Write(string.Create(ci, $"<tr><td>not scored · 미채점</td><td>not Korean</td><td class=n>{N(p.Unscored)}</td><td></td></tr></table>"));
        w.Write(string.Create(ci, $"<p>Model {E(p.Model)}; cut-offs are the 33rd and 66th percentiles of Korean Wikipedia paragraphs it was not trained on. Lower is closer to encyclopaedic and news prose, not necessarily better. · 낮을수록 백과사전·뉴스 문체에 가깝습니다.</p>"));
    }

    private static void Card(StreamWriter w, string value, string label) =>
        w.Write($"<div class=\"card\"><b>{E(value)}</b><span>{E(label)}</span></div>");

    private static void Section(StreamWriter w, string id, string korean, string english, Action body)
    {
        w.Write($"<section id=\"{id}\"><h2>{E(korean)}<small>{E(english)}</small></h2>");
        body();
        w.Write("</section>");
    }

    private static int LastNonZero(long[] values)
    {
        for (var i = values.Length - 1; i >= 0; i--)
        {
            if (values[i] != 0)
            {
                return i;
            }
        }

        return 0;
    }

    private static string Compact(long v) => v >= 1 << 20 ? $"{v >> 20}M" : v >= 1024 ? $"{v >> 10}k" : v.ToString(CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(long part, long whole) => whole == 0 ? "0%" : (part / (double)whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
