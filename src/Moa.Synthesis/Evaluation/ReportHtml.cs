using System.Globalization;
using System.Net;
using System.Text;
using Moa.Text.Reporting;

namespace Moa.Synthesis.Evaluation;

/// <summary>
/// The evaluation as one self-contained page for a data steward (inline CSS and SVG, no scripts): the gate verdict,
/// fidelity with a heat map of pairwise differences, utility, privacy attacks and the privacy accounting.
/// Headings and explanations are in Korean and English.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        :root{--fg:#1d2330;--muted:#5b6475;--line:#e3e7ee;--bg:#f6f8fb}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 "Noto Sans KR","NanumGothic",system-ui,sans-serif;color:var(--fg);background:var(--bg)}
        header{background:#14213d;color:#fff;padding:22px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c9d3e6}
        main{max-width:1120px;margin:0 auto;padding:20px 24px 48px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:4px 0 20px}
        .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px}.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
        section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:0 0 16px}
        h2{font-size:17px;margin:0 0 10px}h2 small{color:var(--muted);font-weight:normal;margin-left:6px}p.note{color:var(--muted);font-size:13px;margin:4px 0 10px}
        .chart{max-width:100%;height:auto}.chart .lbl{font-size:12px;fill:#1d2330}.chart .val{font-size:12px;fill:#5b6475}.chart .axis{font-size:11px;fill:#5b6475}.chart .grid{stroke:#eef1f5}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line)}th{color:var(--muted);font-weight:600}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.pass{color:#1b7f4b;font-weight:700}.fail{color:#c0392b;font-weight:700}
        """;

    public static string Render(SynthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ci = CultureInfo.InvariantCulture;
        var w = new StringBuilder();
        w.Append("<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        w.Append("<title>합성 데이터 평가 · Synthetic data evaluation</title><style>").Append(Style).Append("</style></head><body>");
        w.Append(ci, $"<header><h1>합성 데이터 평가 · Synthetic data evaluation</h1><p>{E(report.Synthesizer)} · real {report.TrainRows:N0} · holdout {report.HoldoutRows:N0} · synthetic {report.SyntheticRows:N0}</p></header><main>");

        w.Append("<div class=\"cards\" id=\"summary\">");
        if (report.Gate is { } gate)
        {
            Card(w, gate.Passed ? "<span class=\"pass\">통과 PASS</span>" : "<span class=\"fail\">불합격 FAIL</span>", $"공개 기준 · release gate ({gate.Checked} rules)", raw: true);
        }

        Card(w, F(report.ColumnFidelity), "열 충실도 · column fidelity");
        Card(w, F(report.PairFidelity), "쌍 충실도 · pair fidelity");
        if (report.Utility is { } u)
        {
            Card(w, F(u.Ratio), "TSTR/TRTR 정확도 비 · accuracy ratio");
        }

        Card(w, F(report.Privacy.MembershipAuc), "구성원 추론 AUC · membership AUC");
        Card(w, report.Accounting is { } acc ? string.Create(ci, $"ε={acc.Epsilon:0.###}") : "—", "차분 프라이버시 · differential privacy");
        w.Append("</div>");

        if (report.Gate is { Passed: false } failed)
        {
            Section(w, "gate", "공개 기준 불합격 사유", "Why the release gate failed", () =>
            {
                w.Append("<ul>");
                foreach (var r in failed.Reasons)
                {
                    w.Append("<li>").Append(E(r)).Append("</li>");
                }

                w.Append("</ul>");
            });
        }

        Section(w, "columns", "열별 분포 유사도", "Per-column similarity", () =>
        {
            Note(w, "1 = 실제 데이터와 같은 분포. 수치·날짜는 1 − KS 통계량, 범주는 1 − 총변동거리.", "1 = same distribution as the real data. Numbers and dates: 1 − Kolmogorov–Smirnov statistic; categories: 1 − total variation distance.");
            w.Append(SvgCharts.HorizontalBars([.. report.Columns.Select(c => (c.Column, c.Score))], "0.000", color: "#2f6fdf"));
            w.Append("<table><tr><th>열 · column</th><th>유형 · kind</th><th>지표 · metric</th><th>점수 · score</th><th>결측 실제 · missing real</th><th>결측 합성 · missing synthetic</th></tr>");
            foreach (var c in report.Columns)
            {
                w.Append(ci, $"<tr><td>{E(c.Column)}</td><td>{E(c.Kind)}</td><td>{E(c.Metric)}</td><td class=\"n\">{F(c.Score)}</td><td class=\"n\">{P(c.MissingReal)}</td><td class=\"n\">{P(c.MissingSynthetic)}</td></tr>");
            }

            w.Append("</table>");
        });

        Section(w, "pairs", "열 쌍 관계의 차이", "Differences in pairwise relations", () =>
        {
            Note(w, "칸의 색이 짙을수록 두 열의 관계(상관 또는 교차표)가 실제와 다릅니다 (1 − 유사도).", "The darker a cell, the more the relation of two columns (correlation or contingency table) differs from the real data (1 − similarity).");
            var names = report.Columns.Select(c => c.Column).ToList();
            var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
            var matrix = new double[names.Count, names.Count];
            foreach (var p in report.Pairs)
            {
                if (index.TryGetValue(p.A, out var a) && index.TryGetValue(p.B, out var b))
                {
                    matrix[a, b] = matrix[b, a] = 1 - p.Score;
                }
            }

            var max = Math.Max(0.05, report.Pairs.Select(p => 1 - p.Score).DefaultIfEmpty(0).Max());
            w.Append(SvgCharts.Heatmap(names, (i, j) => i == j ? double.NaN : matrix[i, j], max));
            var worst = report.Pairs.OrderBy(p => p.Score).Take(5).ToList();
            if (worst.Count > 0)
            {
                w.Append("<table><tr><th>가장 다른 쌍 · least similar pairs</th><th>지표 · metric</th><th>점수 · score</th></tr>");
                foreach (var p in worst)
                {
                    w.Append(ci, $"<tr><td>{E(p.A)} × {E(p.B)}</td><td>{E(p.Metric)}</td><td class=\"n\">{F(p.Score)}</td></tr>");
                }

                w.Append("</table>");
            }
        });

        if (report.Utility is { } util)
        {
            Section(w, "utility", "활용도 (합성으로 학습, 실제로 평가)", "Utility: train on synthetic, test on real", () =>
            {
                Note(w, $"목표 열 '{util.Target}'을 예측하는 {util.Classifier}를 합성 데이터와 실제 데이터로 각각 학습해 실제 홀드아웃에서 정확도를 비교합니다.",
                    $"A {util.Classifier} predicting '{util.Target}' is trained on synthetic rows and on real rows; both are tested on the real holdout.");
                w.Append("<table><tr><th>학습 데이터 · trained on</th><th>정확도 · accuracy</th></tr>");
                w.Append(ci, $"<tr><td>실제 · real (TRTR)</td><td class=\"n\">{F(util.TrainRealAccuracy)}</td></tr>");
                w.Append(ci, $"<tr><td>합성 · synthetic (TSTR)</td><td class=\"n\">{F(util.TrainSyntheticAccuracy)}</td></tr>");
                w.Append(ci, $"<tr><td>최빈값 예측 · majority class</td><td class=\"n\">{F(util.MajorityAccuracy)}</td></tr>");
                w.Append(ci, $"<tr><td>최빈값 대비 향상 유지율 · lift kept over the majority class</td><td class=\"n\">{F(util.Lift)}</td></tr></table>");
            });
        }

        var pr = report.Privacy;
        Section(w, "privacy", "프라이버시 위험", "Privacy risk", () =>
        {
            Note(w, "기준선은 모델이 보지 않은 실제 홀드아웃 행입니다. 합성 행이 홀드아웃보다 학습 행에 더 가깝다면 학습 데이터를 기억한 것입니다.",
                "The baseline is real holdout rows the model never saw. Synthetic rows that sit closer to training rows than holdout rows do are memorised ones.");
            w.Append("<table><tr><th>지표 · measure</th><th>합성 · synthetic</th><th>기준선 · holdout baseline</th></tr>");
            Row(w, "최근접 거리 중앙값 · median distance to closest record", F(pr.DcrSyntheticMedian), F(pr.DcrHoldoutMedian));
            Row(w, "학습 행에 더 가까운 비율 · share closest to a training rather than a holdout row", P(pr.DcrCloserToTrainShare), P(pr.DcrCloserToTrainExpected));
            Row(w, "DCR 기억 지표 · DCR memorisation (0 = none, 1 = all)", F(pr.DcrMemorisation), "0.000");
            Row(w, "완전 일치율 · exact-match rate", P(pr.ExactMatchRate), P(pr.ExactMatchBaseline));
            Row(w, "근접 일치율 (속성 1개 이내) · near-match rate (within one attribute)", P(pr.NearMatchRate), P(pr.NearMatchBaseline));
            Row(w, "구성원 추론 AUC · membership-inference AUC", F(pr.MembershipAuc), "0.500");
            Row(w, $"단독 식별 · singling out ({pr.SinglingOut.Attacks} attacks): success / risk", $"{P(pr.SinglingOut.MainSuccess)} / {F(pr.SinglingOut.Risk)}", P(pr.SinglingOut.ControlSuccess));
            Row(w, $"연결 · linkability ({pr.Linkability.Attacks} targets): success / risk", $"{P(pr.Linkability.MainSuccess)} / {F(pr.Linkability.Risk)}", P(pr.Linkability.ControlSuccess));
            w.Append("</table>");
            Note(w, $"거리 지표는 {pr.Queries:N0}개 표본 행 기준. 공격 위험 = (성공률 − 대조군 성공률) / (1 − 대조군 성공률).",
                $"Distance figures use {pr.Queries:N0} sampled query rows. Attack risk = (success − control success) / (1 − control success), as in anonymeter. {pr.Linkability.Detail}.");
        });

        if (report.Deid is { } deid)
        {
            Section(w, "deid", "재식별 위험 (moa deid 척도)", "Re-identification risk (the moa deid scale)", () =>
            {
                Note(w, $"준식별자 {string.Join(", ", deid.QuasiIdentifiers)} 기준. 가명처리 공개본과 같은 척도로 비교합니다.",
                    $"Over the quasi-identifiers {string.Join(", ", deid.QuasiIdentifiers)}, on the same scale as a pseudonymised release (threshold {F(deid.Threshold)}).");
                w.Append("<table><tr><th>위험 · risk</th><th>합성 · synthetic</th><th>실제 학습 데이터 · real training data</th></tr>");
                Row(w, "검사자 최대 · prosecutor max", F(deid.Synthetic.ProsecutorMax), F(deid.Real.ProsecutorMax));
                Row(w, "검사자 평균 · prosecutor average", F(deid.Synthetic.ProsecutorAverage), F(deid.Real.ProsecutorAverage));
                Row(w, "기자 최대 · journalist max", F(deid.Synthetic.JournalistMax), F(deid.Real.JournalistMax));
                Row(w, "마케터 · marketer", F(deid.Synthetic.Marketer), F(deid.Real.Marketer));
                Row(w, "표본 유일 · sample uniques", deid.Synthetic.SampleUniques.ToString("N0", CultureInfo.InvariantCulture), deid.Real.SampleUniques.ToString("N0", CultureInfo.InvariantCulture));
                w.Append("</table>");
            });
        }

        if (report.Accounting is { } a)
        {
            Section(w, "accounting", "차분 프라이버시 회계", "Differential-privacy accounting", () =>
            {
                Note(w, "합성기는 아래 예산 안에서만 데이터를 보았습니다. 도메인(범주 목록, 수치 범위)은 공개 정보로 가정합니다.",
                    "The synthesizer saw the data only through the measurements below. Domains (category lists, numeric bounds) are assumed public.");
                w.Append("<table>");
                if (a.PrivBayes is { } pb)
                {
                    Row(w, "mechanism", E(a.Mechanism), "");
                    Row(w, "ε (pure)", string.Create(ci, $"{a.Epsilon:0.####}"), E(a.Conversion));
                    Row(w, "network", string.Create(ci, $"{pb.SelectionRounds} × ε={pb.EpsilonPerRound:0.####}"), string.Create(ci, $"sensitivity {pb.Sensitivity:0.#####E+0} (binary {pb.SensitivityBinary:0.#####E+0})"));
                    Row(w, "conditionals", string.Create(ci, $"{pb.Measurements} × Laplace b={pb.LaplaceScale:0.###}"), string.Create(ci, $"ε={pb.EpsilonConditionals:0.####}"));
                    Row(w, "network", E(string.Join("; ", pb.Network)), "");
                    Row(w, "public domain", E(string.Join("; ", a.PublicDomain)), "");
                    w.Append("</table>");
                    return;
                }

                Row(w, "ε, δ", string.Create(ci, $"{a.Epsilon:0.####}, {a.Delta:0.#####E+0}"), "");
                Row(w, "ρ (zCDP)", string.Create(ci, $"{a.Rho:0.######} (spent {a.RhoSpent:0.######})"), E(a.Conversion));
                Row(w, "1-way", string.Create(ci, $"{a.OneWayMeasurements} × σ={a.SigmaOneWay:0.###}"), string.Create(ci, $"ρ={a.RhoOneWay:0.######}"));
                Row(w, "selection", string.Create(ci, $"{a.SelectionRounds} × ε={a.SelectionEpsilonPerRound:0.####}"), string.Create(ci, $"ρ={a.RhoSelection:0.######}"));
                Row(w, "2-way", string.Create(ci, $"{a.TwoWayMeasurements} × σ={a.SigmaTwoWay:0.###}"), string.Create(ci, $"ρ={a.RhoTwoWay:0.######}"));
                Row(w, "pairs", E(string.Join("; ", a.SelectedPairs.Select(p => string.Join(" × ", p)))), "");
                Row(w, "public domain", E(string.Join("; ", a.PublicDomain)), "");
                w.Append("</table>");
            });
        }

        w.Append("</main></body></html>");
        return w.ToString();
    }

    private static void Row(StringBuilder w, string label, string a, string b) =>
        w.Append("<tr><td>").Append(E(label)).Append("</td><td class=\"n\">").Append(a).Append("</td><td class=\"n\">").Append(b).Append("</td></tr>");

    private static void Card(StringBuilder w, string value, string label, bool raw = false) =>
        w.Append("<div class=\"card\"><b>").Append(raw ? value : E(value)).Append("</b><span>").Append(E(label)).Append("</span></div>");

    private static void Note(StringBuilder w, string korean, string english) =>
        w.Append("<p class=\"note\">").Append(E(korean)).Append("<br>").Append(E(english)).Append("</p>");

    private static void Section(StringBuilder w, string id, string korean, string english, Action body)
    {
        w.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\"><h2>{E(korean)}<small>{E(english)}</small></h2>");
        body();
        w.Append("</section>");
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
