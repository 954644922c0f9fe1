using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Synth;

/// <summary>The synthetic-release endpoints (API under <c>/api/synth</c>) and page (<c>/synth/{id}</c>), in Korean and English.</summary>
internal static class SynthApi
{
    public static void MapSynthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/synth");
        api.MapPost("/releases", async Task<Created<object>> (HttpContext ctx, SynthReleaseRequest req, SynthReleaseService releases) =>
        {
            var r = await releases.RegisterAsync(ctx.RequireScope(TokenScopes.Write), req).ConfigureAwait(false);
            return TypedResults.Created($"/api/synth/releases/{r.Id}", Summary(r));
        }).RequirePolicy(HubPolicies.ProviderOrOperator, "registers a synthetic release");
        api.MapGet("/releases/{id:long}", async Task<Results<Ok<ReleaseDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (HttpContext ctx, long id, SynthReleaseService releases) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            return await releases.GetAsync(id).ConfigureAwait(false) is { } r
                ? TypedResults.Ok(new ReleaseDetail(Summary(r), JsonDocument.Parse(r.ReportJson).RootElement))
                : Api.NotFound($"synthetic release {id} does not exist.");
        });
        api.MapPost("/releases/{id:long}/override", async Task<Ok<object>> (HttpContext ctx, long id, SynthOverrideRequest req, SynthReleaseService releases) =>
            TypedResults.Ok(Summary(await releases.OverrideAsync(ctx.RequireScope(TokenScopes.Write), id, req.Reason).ConfigureAwait(false))))
            .RequirePolicy(HubPolicies.Reviewer, "override a failed release gate");

        app.MapGet("/synth/{id:long}", async (HttpContext ctx, long id, SynthReleaseService releases) =>
        {
            var user = ctx.RequireUser();
            var r = await releases.GetAsync(id).ConfigureAwait(false) ?? throw HubException.NotFound($"synthetic release {id} does not exist.");
            var sb = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<p>{L(ctx, "데이터셋", "Dataset")}: <a href=\"/datasets/{E(r.DatasetSlug)}\">{E(r.DatasetSlug)}</a> · {L(ctx, "합성기", "Synthesizer")}: {E(r.Synthesizer)}</p>")
                .Append(CultureInfo.InvariantCulture, $"<p id=\"synth-state\" class=\"state-{r.State}\">{L(ctx, "공개 기준", "Release gate")}: {StateText(ctx, r.State)} ({r.GateChecked} {L(ctx, "개 기준 점검", "rules checked")})");
            if (r.OverriddenAt is { } at)
            {
                sb.Append(CultureInfo.InvariantCulture, $" · {SynthReleaseService.Iso(at)} · {L(ctx, "승인자", "Operator")} #{r.OverriddenBy} · {L(ctx, "사유", "Reason")}: {E(r.OverrideReason)}");
            }

            sb.Append("</p>");
            var reasons = r.Reasons;
            if (reasons.Count > 0)
            {
                sb.Append("<ul id=\"synth-reasons\">");
                foreach (var reason in reasons)
                {
                    sb.Append("<li class=\"error\">").Append(E(reason)).Append("</li>");
                }

                sb.Append("</ul>");
            }

            sb.Append("<table id=\"synth-figures\"><tbody>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "차분 프라이버시 (ε, δ)", "Differential privacy (ε, δ)")}</th><td>{(r.Epsilon is { } eps ? $"{F(eps)}, {r.Delta?.ToString("0.###e0", CultureInfo.InvariantCulture)}" : L(ctx, "보장 없음", "no guarantee"))}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "학습 행 / 합성 행", "Training rows / synthetic rows")}</th><td>{r.TrainRows:N0} / {r.SyntheticRows:N0}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "열 충실도", "Column fidelity")}</th><td>{F(r.ColumnFidelity)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "열 쌍 충실도", "Pair fidelity")}</th><td>{F(r.PairFidelity)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "유용성 (TSTR/TRTR)", "Utility (TSTR/TRTR)")}</th><td>{(r.UtilityRatio is { } u ? F(u) : "—")}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "완전 일치 비율", "Exact-match rate")}</th><td>{F(r.ExactMatchRate)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "DCR 암기 정도", "DCR memorisation")}</th><td>{F(r.DcrMemorisation)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "멤버십 추론 AUC", "Membership-inference AUC")}</th><td>{F(r.MembershipAuc)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "단일화 위험", "Singling-out risk")}</th><td>{F(r.SinglingOutRisk)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "연결 위험", "Linkability risk")}</th><td>{F(r.LinkabilityRisk)}</td></tr>")
                .Append("</tbody></table>")
                .Append(CultureInfo.InvariantCulture, $"<p><a href=\"/api/synth/releases/{r.Id}\">{L(ctx, "평가 보고서 (JSON)", "Evaluation report (JSON)")}</a> · SHA-256 <code>{E(r.ReportSha256)}</code></p>");
            if (user.IsOperator && r.State == SynthReleaseStates.Blocked)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p>{L(ctx, "운영자는 사유를 적어 기준 미달을 승인할 수 있습니다: POST /api/synth/releases/{r.Id}/override", $"An operator may override the failed gate with a written reason: POST /api/synth/releases/{r.Id}/override")}</p>");
            }

            return Page(ctx, L(ctx, $"합성데이터 공개 {r.Id}", $"Synthetic release {r.Id}"), sb.ToString());
        });
    }

    private static object Summary(SynthRelease r) => new
    {
        r.Id,
        dataset = r.DatasetSlug,
        r.State,
        r.Synthesizer,
        accounting = r.Epsilon is null ? null : new { epsilon = r.Epsilon, delta = r.Delta },
        rows = new { train = r.TrainRows, synthetic = r.SyntheticRows },
        fidelity = new { column = r.ColumnFidelity, pair = r.PairFidelity, utilityRatio = r.UtilityRatio },
        privacy = new { exactMatchRate = r.ExactMatchRate, dcrMemorisation = r.DcrMemorisation, membershipAuc = r.MembershipAuc, singlingOutRisk = r.SinglingOutRisk, linkabilityRisk = r.LinkabilityRisk },
        gate = new { passed = r.GatePassed, @checked = r.GateChecked, reasons = r.Reasons },
        r.ReportSha256,
        submittedBy = r.SubmittedBy,
        submittedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.SubmittedAt),
        overriddenBy = r.OverriddenBy,
        overriddenAt = r.OverriddenAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : (DateTimeOffset?)null,
        overrideReason = r.OverrideReason,
    };

    private static string L(HttpContext ctx, string ko, string en) => Lang(ctx) == "en" ? en : ko;

    private static string StateText(HttpContext ctx, string state) => state switch
    {
        SynthReleaseStates.Passed => L(ctx, "통과", "passed"),
        SynthReleaseStates.Overridden => L(ctx, "미달 (운영자 승인)", "failed, overridden by an operator"),
        _ => L(ctx, "미달 (공개 보류)", "failed, publication blocked"),
    };

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}

/// <summary>A synthetic release with its evaluation report as registered.</summary>
public sealed record ReleaseDetail(object Release, JsonElement Report);
