using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Moa.Tabular.Deid;
using Moa.Tabular.Risk;

namespace Moa.Tabular.Reporting;

/// <summary>One item of the guideline's review checklist.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Korean">The item in Korean.</param>
/// <param name="English">The item in English.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Evidence">What the decision rests on.</param>
public sealed record ChecklistItem(string Id, string Korean, string English, bool Passed, string Evidence);

/// <summary>Risk figures for the report (per-record arrays left out).</summary>
/// <param name="Records">Records analysed.</param>
/// <param name="Suppressed">Records suppressed.</param>
/// <param name="Classes">Equivalence classes.</param>
/// <param name="MinClassSize">Smallest class (k).</param>
/// <param name="Prosecutor">Prosecutor risk.</param>
/// <param name="Journalist">Journalist risk.</param>
/// <param name="JournalistBasis">How journalist risk was obtained.</param>
/// <param name="Marketer">Marketer risk.</param>
/// <param name="SampleUniques">Sample uniques.</param>
/// <param name="PopulationUniques">Population uniques (estimate).</param>
/// <param name="PopulationUniquesBasis">How they were obtained.</param>
/// <param name="SpecialUniques">SUDA special uniques.</param>
/// <param name="Contributions">Which columns drive the risk.</param>
public sealed record RiskSummary(int Records, int Suppressed, int Classes, int MinClassSize, RiskFigures Prosecutor, RiskFigures Journalist, string JournalistBasis,
    double Marketer, int SampleUniques, double? PopulationUniques, string PopulationUniquesBasis, int SpecialUniques, IReadOnlyList<ColumnContribution> Contributions)
{
    /// <summary>The summary of a <see cref="RiskReport"/>.</summary>
    public static RiskSummary? Of(RiskReport? r) => r is null ? null : new RiskSummary(r.Records, r.Suppressed, r.Classes, r.MinClassSize, r.Prosecutor, r.Journalist,
        r.JournalistBasis, r.Marketer, r.SampleUniques, r.PopulationUniques, r.PopulationUniquesBasis, r.SpecialUniques, r.Contributions);
}

/// <summary>
/// The adequacy-review report (가명처리 적정성 검토 보고서), structured as the PIPC guideline's review: purpose and legal
/// basis, the items and the technique applied to each with its parameters, re-identification risk before and after with
/// the models used, residual risks and conditions of use, custody of the 추가정보, and the checklist with pass/fail.
/// Rendered as JSON (for the hub) and as one bilingual HTML page (for the reviewer).
/// </summary>
public sealed record AdequacyReport(
    string Tool,
    string Dataset,
    string Input,
    string InputSha256,
    string Output,
    DateTimeOffset Generated,
    string Purpose,
    string LegalBasis,
    string ConditionsOfUse,
    int Rows,
    int RowsOut,
    IReadOnlyList<TechniqueRecord> Items,
    IReadOnlyList<string> QuasiIdentifiers,
    IReadOnlyList<string> Models,
    double SuppressionLimit,
    string? SearchMethod,
    long? NodesTotal,
    long? NodesEvaluated,
    double? SearchSeconds,
    double RiskThreshold,
    RiskSummary? RiskBefore,
    RiskSummary? RiskAfter,
    UtilityReport Utility,
    IReadOnlyList<string> ResidualRisks,
    string KeyCustodian,
    string? KeyFingerprintFile,
    string? MappingFile,
    int MappingEntries,
    IReadOnlyList<ChecklistItem> Checklist)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly JsonSerializerOptions s_read = new(s_json)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        MaxDepth = 64,
    };

    /// <summary>
    /// SHA-256 (lower-case hex) of the output table file as written, so that whoever receives the table with the report
    /// can check that the report describes that file; null in reports written before the field existed.
    /// </summary>
    public string? OutputSha256 { get; init; }

    /// <summary>Whether every checklist item passed.</summary>
    public bool Passed => Checklist.All(c => c.Passed);

    /// <summary>
    /// Reads a report written by <see cref="ToJson"/>. Malformed JSON, a missing field or a value of the wrong type is a
    /// <see cref="MoaException"/> naming the field as <paramref name="root"/>.path (e.g. <c>report.risk_after.prosecutor.max</c>).
    /// </summary>
    public static AdequacyReport FromJson(string json, string root = "report")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new MoaException($"{root}: expected a JSON object as `moa deid run` writes.");
            }
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{root}: not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).", ex);
        }

        try
        {
            return JsonSerializer.Deserialize<AdequacyReport>(json, s_read)!;
        }
        catch (JsonException ex)
        {
            var at = root + (ex.Path is { Length: > 1 } path ? path[1..] : "");
            var missing = System.Text.RegularExpressions.Regex.Match(ex.Message, "missing required properties including: '([^']+)'");
            throw new MoaException(missing.Success
                ? $"{at}.{missing.Groups[1].Value}: missing; the report must carry it as `moa deid run` writes it."
                : $"{at}: null or of the wrong type (line {(ex.LineNumber ?? 0) + 1}).", ex);
        }
    }

    /// <summary>Builds the report of a run.</summary>
    public static AdequacyReport Build(DeidOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var spec = o.Spec;
        var after = o.RiskAfter;
        var residual = new List<string>();
        if (after is not null)
        {
            residual.Add(string.Create(CultureInfo.InvariantCulture,
                $"최대 재식별 위험(검사자 모델) {after.Prosecutor.Max:0.####}, 평균 {after.Prosecutor.Average:0.####}; 임계치 {after.Threshold:0.##} 초과 레코드 {after.Prosecutor.RecordsAboveThreshold:N0}건 / Highest prosecutor risk {after.Prosecutor.Max:0.####}, average {after.Prosecutor.Average:0.####}; {after.Prosecutor.RecordsAboveThreshold:N0} records above {after.Threshold:0.##}."));
            if (after.JournalistBasis == "prosecutor-bound")
            {
                residual.Add("모집단 정보가 없어 기자 모델 위험은 검사자 모델 값(상한)으로 보고함 / No population given: journalist risk is reported at the prosecutor bound.");
            }

            if (after.SampleUniques > 0)
            {
                residual.Add($"표본 유일 레코드 {after.SampleUniques:N0}건이 남음 / {after.SampleUniques:N0} sample uniques remain.");
            }
        }

        var sensitive = spec.Columns.Where(c => c.Role == "sensitive").Select(c => c.Name).ToList();
        var protectedSensitive = o.Models.Select(m => m.SensitiveAttribute).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var s in sensitive.Where(s => !protectedSensitive.Contains(s)))
        {
            residual.Add($"민감속성 '{s}'에 l-다양성/t-근접성이 적용되지 않아 동질성 공격 위험이 남음 / Sensitive attribute '{s}' has no l-diversity or t-closeness: attribute disclosure remains possible.");
        }

        foreach (var t in o.Techniques.Where(t => t.Technique == "noise"))
        {
            residual.Add($"'{t.Column}'의 잡음은 통계적 추정에 오차를 더함: {t.Detail} / Noise on '{t.Column}' adds estimation error: {t.Detail}.");
        }

        var identifiers = spec.Columns.Where(c => c.Role == "identifier").ToList();
        var handled = identifiers.All(c => c.Technique is "drop" or "pseudonym" or "mask" or "partial");
        var qiSpecs = spec.Columns.Where(c => c.Role == "quasi").ToList();
        var outputDir = Path.GetDirectoryName(o.OutputPath) ?? "";
        var keyApart = (o.KeyPath is null || Path.GetDirectoryName(o.KeyPath) != outputDir) && (o.MappingPath is null || Path.GetDirectoryName(o.MappingPath) != outputDir);
        var limit = spec.Privacy.SuppressionLimit;
        var checklist = new List<ChecklistItem>
        {
            new("purpose", "처리 목적과 법적 근거가 명시되었는가", "Purpose and legal basis are stated",
                spec.Purpose.Trim().Length > 0 && spec.LegalBasis.Trim().Length > 0, $"purpose: '{spec.Purpose}', legal basis: '{spec.LegalBasis}'"),
            new("direct-identifiers", "직접 식별자가 삭제 또는 가명처리되었는가", "Direct identifiers are removed or pseudonymised",
                handled, identifiers.Count == 0 ? "no column has the role identifier" : string.Join(", ", identifiers.Select(c => $"{c.Name}: {c.Technique}"))),
            new("quasi-identifiers", "준식별자가 지정되고 범주화되었는가", "Quasi-identifiers are declared and generalised",
                qiSpecs.Count > 0 && o.Search?.Best is not null, qiSpecs.Count == 0 ? "no quasi-identifiers declared" : string.Join(", ", o.Generalisation.Select(g => $"{g.Column}: level {g.Level}/{g.Height - 1}"))),
            new("privacy-models", "프라이버시 모델(k-익명성 등)을 충족하는가", "The privacy models hold",
                o.Search?.Best?.Anonymous == true, string.Join("; ", o.Models.Select(m => m.Name))),
            new("suppression", "삭제(억제)된 레코드가 허용 한도 이내인가", "Suppressed records are within the limit",
                (o.Search?.Best?.Suppressed ?? 0) <= limit * o.Input.RowCount + 1e-9, string.Create(CultureInfo.InvariantCulture, $"{o.Search?.Best?.Suppressed ?? 0:N0} of {o.Input.RowCount:N0} (limit {limit:P1})")),
            new("risk-threshold", "재식별 위험이 임계치 이하인가", "Re-identification risk is at or below the threshold",
                after is not null && after.Prosecutor.Max <= after.Threshold + 1e-12, after is null ? "no quasi-identifiers: risk not measured" : string.Create(CultureInfo.InvariantCulture, $"max prosecutor risk {after.Prosecutor.Max:0.####} vs threshold {after.Threshold:0.##}")),
            new("sample-uniques", "표본 유일 레코드가 남지 않았는가", "No sample-unique records remain",
                after is not null && after.SampleUniques == 0, after is null ? "not measured" : $"{after.SampleUniques:N0} sample uniques, {after.SpecialUniques:N0} special uniques"),
            new("sensitive", "민감정보에 속성 노출 방지 모델이 적용되었는가", "Sensitive attributes are protected against attribute disclosure",
                sensitive.All(protectedSensitive.Contains), sensitive.Count == 0 ? "no sensitive columns" : string.Join(", ", sensitive.Select(s => $"{s}: {(protectedSensitive.Contains(s) ? "protected" : "not protected")}"))),
            new("additional-information", "추가정보(키·매핑)가 가명정보와 분리 보관되는가", "Additional information (key, mapping) is kept apart from the data",
                keyApart, $"key: {o.KeyPath ?? "none"}, mapping: {o.MappingPath ?? "not written"}, custodian: '{spec.KeyCustodian}'"),
            new("parameters-recorded", "기법별 매개변수(잡음 등)가 기록되었는가", "Each technique's parameters (noise etc.) are recorded",
                o.Techniques.All(t => t.Technique is "keep" or "drop" || t.Parameters.Count > 0), $"{o.Techniques.Count} techniques recorded"),
            new("utility", "유용성이 평가되었는가", "Utility was measured",
                true, o.Utility.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{o.Utility.Metric} = {v:0.######}; {o.Utility.Queries.Count} pair queries checked") : "distributions compared"),
        };

        return new AdequacyReport(
            "moa deid 0.1",
            spec.Dataset.Length > 0 ? spec.Dataset : Path.GetFileName(o.Input.Source.Path ?? "table"),
            o.Input.Source.Path ?? "",
            o.InputSha256,
            o.OutputPath,
            o.When,
            spec.Purpose,
            spec.LegalBasis,
            spec.ConditionsOfUse,
            o.Input.RowCount,
            o.Output.RowCount,
            o.Techniques,
            o.QuasiIdentifiers,
            [.. o.Models.Select(m => m.Name)],
            limit,
            o.Search?.Method,
            o.Search?.NodesTotal,
            o.Search?.NodesEvaluated,
            o.Search?.Elapsed.TotalSeconds,
            spec.Risk.Threshold,
            RiskSummary.Of(o.RiskBefore),
            RiskSummary.Of(after),
            o.Utility,
            residual,
            spec.KeyCustodian,
            o.KeyPath,
            o.MappingPath,
            o.Mapping.Count,
            checklist);
    }

    /// <summary>The report as indented JSON (snake_case keys).</summary>
    public static string ToJson(AdequacyReport report) => JsonSerializer.Serialize(report, s_json) + "\n";

    /// <summary>The report as one self-contained bilingual HTML page.</summary>
    public static string ToHtml(AdequacyReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var h = new StringBuilder();
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        h.Append("<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>가명처리 적정성 검토 보고서 / Pseudonymisation adequacy review — ")
            .Append(E(r.Dataset)).Append("</title>\n<style>body{font-family:'Noto Sans KR','Nanum Gothic',sans-serif;max-width:1100px;margin:2em auto;color:#222}")
            .Append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef}")
            .Append(".pass{color:#060;font-weight:bold}.fail{color:#b00;font-weight:bold}.en{color:#555}</style></head><body>\n");
        h.Append("<h1>가명처리 적정성 검토 보고서<br><span class=\"en\">Pseudonymisation adequacy review</span></h1>\n");
        h.Append("<p>").Append(E(r.Dataset)).Append(" — ").Append(E(r.Generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(" — ").Append(E(r.Tool)).Append("</p>\n");
        h.Append("<p>종합 판정 / Overall: ").Append(r.Passed ? "<span class=\"pass\">적정 / adequate</span>" : "<span class=\"fail\">보완 필요 / needs work</span>").Append("</p>\n");

        h.Append("<h2>1. 처리 목적 및 법적 근거 <span class=\"en\">/ Purpose and legal basis</span></h2>\n<table>");
        Row(h, "처리 목적 / Purpose", E(r.Purpose));
        Row(h, "법적 근거 / Legal basis", E(r.LegalBasis));
        Row(h, "이용 조건 / Conditions of use", E(r.ConditionsOfUse));
        Row(h, "원본 / Input", $"{E(r.Input)} ({r.Rows:N0} 행/rows, sha256 {E(r.InputSha256[..16])}…)");
        Row(h, "결과 / Output", $"{E(r.Output)} ({r.RowsOut:N0} 행/rows)");
        h.Append("</table>\n");

        h.Append("<h2>2. 항목별 가명처리 기법 <span class=\"en\">/ Items and techniques</span></h2>\n<table><tr><th>항목 / Column</th><th>역할 / Role</th><th>기법 / Technique</th><th>매개변수 / Parameters</th><th>결과 / Effect</th></tr>\n");
        foreach (var t in r.Items)
        {
            h.Append("<tr><td>").Append(E(t.Column)).Append("</td><td>").Append(E(RoleName(t.Role))).Append("</td><td>").Append(E(TechniqueName(t.Technique)))
                .Append("</td><td>").Append(E(string.Join(", ", t.Parameters.Select(kv => $"{kv.Key}={kv.Value}")))).Append("</td><td>").Append(E(t.Detail)).Append("</td></tr>\n");
        }

        h.Append("</table>\n");

        h.Append("<h2>3. 재식별 위험 평가 <span class=\"en\">/ Re-identification risk</span></h2>\n");
        h.Append("<p>준식별자 / Quasi-identifiers: ").Append(E(string.Join(", ", r.QuasiIdentifiers))).Append("<br>프라이버시 모델 / Privacy models: ")
            .Append(E(string.Join("; ", r.Models))).Append("<br>억제 한도 / Suppression limit: ").Append(F(r.SuppressionLimit * 100)).Append("%");
        if (r.SearchMethod is not null)
        {
            h.Append("<br>탐색 / Search: ").Append(E(r.SearchMethod)).Append(", ").Append(r.NodesEvaluated?.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" / ").Append(r.NodesTotal?.ToString("N0", CultureInfo.InvariantCulture)).Append(" nodes evaluated, ").Append(F(r.SearchSeconds ?? 0)).Append(" s");
        }

        h.Append("</p>\n<table><tr><th>지표 / Figure</th><th>처리 전 / Before</th><th>처리 후 / After</th></tr>\n");
        RiskRow(h, "레코드 / Records", r.RiskBefore?.Records.ToString("N0", CultureInfo.InvariantCulture), r.RiskAfter?.Records.ToString("N0", CultureInfo.InvariantCulture));
        RiskRow(h, "동질집합 수 / Classes", r.RiskBefore?.Classes.ToString("N0", CultureInfo.InvariantCulture), r.RiskAfter?.Classes.ToString("N0", CultureInfo.InvariantCulture));
        RiskRow(h, "최소 동질집합 크기 (k) / Smallest class (k)", r.RiskBefore?.MinClassSize.ToString(CultureInfo.InvariantCulture), r.RiskAfter?.MinClassSize.ToString(CultureInfo.InvariantCulture));
        RiskRow(h, "검사자 위험 최대 / Prosecutor max", r.RiskBefore is null ? null : F(r.RiskBefore.Prosecutor.Max), r.RiskAfter is null ? null : F(r.RiskAfter.Prosecutor.Max));
        RiskRow(h, "검사자 위험 평균 / Prosecutor average", r.RiskBefore is null ? null : F(r.RiskBefore.Prosecutor.Average), r.RiskAfter is null ? null : F(r.RiskAfter.Prosecutor.Average));
        RiskRow(h, $"임계치({F(r.RiskThreshold)}) 초과 레코드 / Records above {F(r.RiskThreshold)}", r.RiskBefore?.Prosecutor.RecordsAboveThreshold.ToString("N0", CultureInfo.InvariantCulture), r.RiskAfter?.Prosecutor.RecordsAboveThreshold.ToString("N0", CultureInfo.InvariantCulture));
        RiskRow(h, "기자 위험 최대/평균 / Journalist max/avg", r.RiskBefore is null ? null : $"{F(r.RiskBefore.Journalist.Max)} / {F(r.RiskBefore.Journalist.Average)} ({r.RiskBefore.JournalistBasis})", r.RiskAfter is null ? null : $"{F(r.RiskAfter.Journalist.Max)} / {F(r.RiskAfter.Journalist.Average)} ({r.RiskAfter.JournalistBasis})");
        RiskRow(h, "마케터 위험 / Marketer", r.RiskBefore is null ? null : F(r.RiskBefore.Marketer), r.RiskAfter is null ? null : F(r.RiskAfter.Marketer));
        RiskRow(h, "표본 유일 / Sample uniques", r.RiskBefore?.SampleUniques.ToString("N0", CultureInfo.InvariantCulture), r.RiskAfter?.SampleUniques.ToString("N0", CultureInfo.InvariantCulture));
        RiskRow(h, "모집단 유일 추정 / Population uniques", r.RiskBefore?.PopulationUniques is { } pb ? $"{F(pb)} ({r.RiskBefore.PopulationUniquesBasis})" : "n/a", r.RiskAfter?.PopulationUniques is { } pa ? $"{F(pa)} ({r.RiskAfter.PopulationUniquesBasis})" : "n/a");
        RiskRow(h, "SUDA 특수 유일 / SUDA special uniques", r.RiskBefore?.SpecialUniques.ToString("N0", CultureInfo.InvariantCulture), r.RiskAfter?.SpecialUniques.ToString("N0", CultureInfo.InvariantCulture));
        h.Append("</table>\n");
        if (r.RiskBefore is { Contributions.Count: > 0 } before)
        {
            h.Append("<p>위험 기여 항목 (처리 전) / Columns driving the risk (before):</p><table><tr><th>항목 / Column</th><th>제외 시 표본 유일 / Uniques without it</th><th>SUDA 비중 / SUDA share</th></tr>\n");
            foreach (var c in before.Contributions)
            {
                h.Append("<tr><td>").Append(E(c.Column)).Append("</td><td>").Append(c.UniquesWithout.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>").Append(F(c.SudaShare)).Append("</td></tr>\n");
            }

            h.Append("</table>\n");
        }

        h.Append("<h2>4. 유용성 <span class=\"en\">/ Utility</span></h2>\n<p>").Append(E(r.Utility.Metric)).Append(" = ").Append(r.Utility.Value is { } u ? F(u) : "n/a")
            .Append("; 억제 레코드 / suppressed records: ").Append(r.Utility.SuppressedRecords.ToString("N0", CultureInfo.InvariantCulture)).Append("</p>\n");
        if (r.Utility.Queries.Count > 0)
        {
            h.Append("<table><tr><th>질의 (준식별자 쌍) / Query (QI pair)</th><th>그룹 / Groups</th><th>상대 오차 / Relative error</th><th>최대 오차 / Max error</th></tr>\n");
            foreach (var q in r.Utility.Queries)
            {
                h.Append("<tr><td>count by ").Append(E(q.A)).Append(" × ").Append(E(q.B)).Append("</td><td>").Append(q.Groups.ToString("N0", CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(F(q.RelativeError)).Append("</td><td>").Append(q.MaxAbsoluteError.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            h.Append("</table>\n");
        }

        h.Append("<table><tr><th>항목 / Column</th><th>값 종류 전→후 / Distinct before→after</th><th>상위 값 (전) / Top before</th><th>상위 값 (후) / Top after</th></tr>\n");
        foreach (var d in r.Utility.Distributions)
        {
            h.Append("<tr><td>").Append(E(d.Column)).Append("</td><td>").Append(d.DistinctBefore.ToString("N0", CultureInfo.InvariantCulture)).Append(" → ").Append(d.DistinctAfter.ToString("N0", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(string.Join(", ", d.TopBefore.Select(v => $"{v.Value} ({v.Count})")))).Append("</td><td>")
                .Append(E(string.Join(", ", d.TopAfter.Select(v => $"{v.Value} ({v.Count})")))).Append("</td></tr>\n");
        }

        h.Append("</table>\n");

        h.Append("<h2>5. 잔여 위험 및 이용 조건 <span class=\"en\">/ Residual risks and conditions of use</span></h2>\n<ul>");
        foreach (var item in r.ResidualRisks)
        {
            h.Append("<li>").Append(E(item)).Append("</li>");
        }

        h.Append("<li>").Append(E(r.ConditionsOfUse.Length > 0 ? r.ConditionsOfUse : "이용 조건 미기재 / no conditions of use stated")).Append("</li></ul>\n");

        h.Append("<h2>6. 추가정보 관리 <span class=\"en\">/ Custody of additional information</span></h2>\n<table>");
        Row(h, "관리 책임자 / Custodian", E(r.KeyCustodian));
        Row(h, "키 파일 / Key file", E(r.KeyFingerprintFile ?? "없음 / none"));
        Row(h, "매핑 파일 / Mapping file", E(r.MappingFile ?? "작성 안 함 / not written") + $" ({r.MappingEntries:N0} entries)");
        h.Append("</table>\n");

        h.Append("<h2>7. 검토 항목 <span class=\"en\">/ Review checklist</span></h2>\n<table><tr><th>항목 / Item</th><th>판정 / Result</th><th>근거 / Evidence</th></tr>\n");
        foreach (var c in r.Checklist)
        {
            h.Append("<tr><td>").Append(E(c.Korean)).Append("<br><span class=\"en\">").Append(E(c.English)).Append("</span></td><td>")
                .Append(c.Passed ? "<span class=\"pass\">적합 / pass</span>" : "<span class=\"fail\">부적합 / fail</span>").Append("</td><td>").Append(E(c.Evidence)).Append("</td></tr>\n");
        }

        h.Append("</table>\n<h2>8. 검토자 서명 <span class=\"en\">/ Reviewer's signature</span></h2>\n<p>검토자 / Reviewer: ____________ 일자 / Date: ____________ (허브에서 전자 서명 / signed in the hub)</p>\n</body></html>\n");
        return h.ToString();
    }

    private static void Row(StringBuilder h, string label, string value) =>
        h.Append("<tr><th>").Append(WebUtility.HtmlEncode(label)).Append("</th><td>").Append(value).Append("</td></tr>\n");

    private static void RiskRow(StringBuilder h, string label, string? before, string? after) =>
        h.Append("<tr><td>").Append(WebUtility.HtmlEncode(label)).Append("</td><td>").Append(WebUtility.HtmlEncode(before ?? "n/a")).Append("</td><td>").Append(WebUtility.HtmlEncode(after ?? "n/a")).Append("</td></tr>\n");

    private static string RoleName(string role) => role switch
    {
        "identifier" => "식별자 / identifier",
        "quasi" => "준식별자 / quasi-identifier",
        "sensitive" => "민감정보 / sensitive",
        _ => "기타 / insensitive",
    };

    private static string TechniqueName(string technique) => technique switch
    {
        "drop" => "삭제 / drop",
        "partial" => "부분삭제 / partial",
        "mask" => "마스킹 / mask",
        "pseudonym" => "가명 / keyed pseudonym",
        "generalize" => "범주화 / generalise",
        "round" => "라운딩 / round",
        "top_bottom" => "상·하단코딩 / top-bottom coding",
        "noise" => "잡음 / noise",
        "aggregate" => "총계 / aggregate",
        "suppress_rare" => "부분 억제 / local suppression",
        "suppress_records" => "레코드 억제 / record suppression",
        _ => "유지 / keep",
    };
}
