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

namespace Moa.Hub.Deid;

/// <summary>The adequacy-review endpoints (API under <c>/api/deid</c>) and pages (<c>/deid</c>), in Korean and English.</summary>
internal static class DeidApi
{
    private const string Decide = "approve or reject adequacy reviews";

    public static void MapDeidApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deid");
        api.MapGet("/reviews", async Task<Ok<IEnumerable<object>>> (HttpContext ctx, DeidReviewService reviews) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            return TypedResults.Ok((await reviews.ListAsync().ConfigureAwait(false)).Select(Summary));
        });
        api.MapPost("/reviews", async Task<Created<object>> (HttpContext ctx, DeidReviewRequest req, DeidReviewService reviews) =>
        {
            var r = await reviews.RegisterAsync(ctx.RequireScope(TokenScopes.Write), req).ConfigureAwait(false);
            return TypedResults.Created($"/api/deid/reviews/{r.Id}", Summary(r));
        }).RequirePolicy(HubPolicies.ProviderOrOperator, "registers an adequacy review");
        api.MapGet("/reviews/{id:long}", async Task<Results<Ok<ReviewDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (HttpContext ctx, long id, DeidReviewService reviews) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            if (await reviews.GetAsync(id).ConfigureAwait(false) is not { } r)
            {
                return Api.NotFound($"adequacy review {id} does not exist.");
            }

            var figures = DeidReviewService.ParseReport(r.ReportJson);
            return TypedResults.Ok(new ReviewDetail(Summary(r), r.ReportHtml is null ? null : $"/api/deid/reviews/{r.Id}/report.html", r.Spec, figures.Checklist, JsonDocument.Parse(r.ReportJson).RootElement));
        });
        api.MapGet("/reviews/{id:long}/report.html", async Task<Results<ContentHttpResult, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (HttpContext ctx, long id, DeidReviewService reviews) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            if (await reviews.GetAsync(id).ConfigureAwait(false) is not { } r)
            {
                return Api.NotFound($"adequacy review {id} does not exist.");
            }

            if (r.ReportHtml is null)
            {
                return Api.NotFound($"adequacy review {id} was registered without its HTML report; see /api/deid/reviews/{id} for the JSON.");
            }

            // The provider's HTML is shown sandboxed: no scripts, no requests, no access to the hub's origin.
            ctx.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            return TypedResults.Text(r.ReportHtml, "text/html; charset=utf-8");
        });
        api.MapGet("/reviews/{id:long}/table", async Task<PhysicalFileHttpResult> (HttpContext ctx, long id, string? purpose, DeidReviewService reviews, Access.DownloadService downloads) =>
        {
            // The pseudonymised table uploaded with the review: an approved review and an active agreement, audited.
            var user = ctx.RequireScope(TokenScopes.Download);
            var (path, name, sha) = await reviews.OpenTableAsync(user, id, purpose, downloads).ConfigureAwait(false);
            ctx.Response.Headers["X-Content-SHA256"] = sha;
            return TypedResults.PhysicalFile(path, "application/octet-stream", name);
        });
        api.MapPost("/reviews/{id:long}/{action}", async Task<Ok<object>> (HttpContext ctx, long id, string action, DeidDecisionRequest req, DeidReviewService reviews) =>
            TypedResults.Ok(Summary(await reviews.DecideAsync(ctx.RequireScope(TokenScopes.Write), id, Approve(action), req.Reason).ConfigureAwait(false))))
            .RequirePolicy(HubPolicies.Reviewer, Decide);

        app.MapGet("/deid", async (HttpContext ctx, DeidReviewService reviews) =>
        {
            ctx.RequireUser();
            var sb = new StringBuilder("<table id=\"deid-reviews\"><thead><tr><th>#</th><th>")
                .Append(L(ctx, "데이터셋", "Dataset")).Append("</th><th>").Append(L(ctx, "상태", "State")).Append("</th><th>")
                .Append(L(ctx, "재식별 위험 (처리 전 최대/평균)", "Risk before (max/avg)")).Append("</th><th>")
                .Append(L(ctx, "재식별 위험 (처리 후 최대/평균)", "Risk after (max/avg)")).Append("</th><th>k</th><th>")
                .Append(L(ctx, "점검표", "Checklist")).Append("</th></tr></thead><tbody>");
            foreach (var r in await reviews.ListAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/deid/{r.Id}\">{r.Id}</a></td><td><a href=\"/datasets/{E(r.DatasetSlug)}\">{E(r.DatasetSlug)}</a></td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"state-{r.State}\">{StateText(ctx, r.State)}</td><td>{P(r.RiskBeforeMax)} / {P(r.RiskBeforeAverage)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{P(r.RiskAfterMax)} / {P(r.RiskAfterAverage)}</td><td>{r.MinClassSize}</td><td>{r.ChecklistPassed}/{r.ChecklistItems}</td></tr>");
            }

            return Page(ctx, L(ctx, "가명처리 적정성 검토", "Adequacy reviews of pseudonymised tables"), sb.Append("</tbody></table>").ToString());
        });
        app.MapGet("/deid/{id:long}", async (HttpContext ctx, long id, DeidReviewService reviews) =>
        {
            var user = ctx.RequireUser();
            var r = await reviews.GetAsync(id).ConfigureAwait(false) ?? throw HubException.NotFound($"adequacy review {id} does not exist.");
            var figures = DeidReviewService.ParseReport(r.ReportJson);
            var sb = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<p>{L(ctx, "데이터셋", "Dataset")}: <a href=\"/datasets/{E(r.DatasetSlug)}\">{E(r.DatasetSlug)}</a> · {L(ctx, "이용 목적", "Purpose")}: {E(figures.Purpose)}</p>")
                .Append(CultureInfo.InvariantCulture, $"<p id=\"deid-state\" class=\"state-{r.State}\">{L(ctx, "상태", "State")}: {StateText(ctx, r.State)}");
            if (r.DecidedAt is { } at)
            {
                sb.Append(CultureInfo.InvariantCulture, $" · {DeidReviewService.Iso(at)} · {L(ctx, "검토자", "Reviewer")} #{r.DecidedBy} · {L(ctx, "사유", "Reason")}: {E(r.DecisionReason)}");
            }

            sb.Append("</p><table id=\"deid-risk\"><thead><tr><th></th><th>").Append(L(ctx, "처리 전", "Before")).Append("</th><th>").Append(L(ctx, "처리 후", "After"))
                .Append("</th></tr></thead><tbody>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "재식별 위험 최대 (검사자 모델)", "Prosecutor risk, max")}</th><td>{P(r.RiskBeforeMax)}</td><td>{P(r.RiskAfterMax)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "재식별 위험 평균 (검사자 모델)", "Prosecutor risk, average")}</th><td>{P(r.RiskBeforeAverage)}</td><td>{P(r.RiskAfterAverage)}</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><th>{L(ctx, "최소 동질집합 크기 (k)", "Smallest class (k)")}</th><td></td><td>{r.MinClassSize}</td></tr></tbody></table>")
                .Append("<h2>").Append(L(ctx, "점검표", "Checklist")).Append("</h2><table id=\"deid-checklist\"><thead><tr><th>")
                .Append(L(ctx, "항목", "Item")).Append("</th><th>").Append(L(ctx, "결과", "Result")).Append("</th><th>").Append(L(ctx, "근거", "Evidence")).Append("</th></tr></thead><tbody>");
            foreach (var c in figures.Checklist)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Lang(ctx) == "en" ? c.English : c.Korean)}</td><td class=\"{(c.Passed ? "ok" : "error")}\">{(c.Passed ? L(ctx, "적합", "pass") : L(ctx, "부적합", "fail"))}</td><td>{E(c.Evidence)}</td></tr>");
            }

            sb.Append("</tbody></table>");
            if (r.TableName is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p id=\"deid-table\">{L(ctx, "가명처리된 표", "Pseudonymised table")}: {E(r.TableName)} · {r.TableRows:N0} {L(ctx, "행", "rows")} · SHA-256 <code>{E(r.TableSha256)}</code> ")
                    .Append(L(ctx, "(보고서의 output_sha256과 일치; 승인된 검토와 유효한 협약이 있어야 내려받을 수 있음)", "(matches the report's output_sha256; downloadable under an approved review and an active agreement)")).Append("</p>");
            }

            if (r.ReportHtml is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/api/deid/reviews/{r.Id}/report.html\">{L(ctx, "보고서 전문 (HTML)", "Full report (HTML)")}</a></p>");
            }

            if (user.IsOperator && r.State == DeidReviewStates.Pending)
            {
                sb.Append("<p>")
                    .Append(Pages.ActionForm(ctx, $"/deid/{r.Id}/approve", L(ctx, "승인", "Approve"), "deid-approve", withReason: true))
                    .Append(Pages.ActionForm(ctx, $"/deid/{r.Id}/reject", L(ctx, "반려", "Reject"), "deid-reject", withReason: true))
                    .Append("</p>");
            }

            return Page(ctx, L(ctx, $"적정성 검토 {r.Id}", $"Adequacy review {r.Id}"), sb.ToString());
        });
        app.MapPost("/deid/{id:long}/{action}", async (HttpContext ctx, long id, string action, DeidReviewService reviews) =>
        {
            var user = ctx.RequireUser();
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            await reviews.DecideAsync(user, id, Approve(action), form["reason"].ToString()).ConfigureAwait(false);
            return TypedResults.Redirect($"/deid/{id}");
        }).RequirePolicy(HubPolicies.Reviewer, Decide);
    }

    private static bool Approve(string action) => action switch
    {
        "approve" => true,
        "reject" => false,
        _ => throw HubException.NotFound($"unknown action '{action}'; use approve or reject."),
    };

    private static object Summary(DeidReview r) => new
    {
        r.Id,
        dataset = r.DatasetSlug,
        r.State,
        riskBefore = new { max = r.RiskBeforeMax, average = r.RiskBeforeAverage },
        riskAfter = new { max = r.RiskAfterMax, average = r.RiskAfterAverage },
        k = r.MinClassSize,
        checklist = new { passed = r.ChecklistPassed, items = r.ChecklistItems },
        r.ReportSha256,
        submittedBy = r.SubmittedBy,
        submittedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.SubmittedAt),
        decidedBy = r.DecidedBy,
        decidedAt = r.DecidedAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : (DateTimeOffset?)null,
        reason = r.DecisionReason,
        table = r.TableName is null ? null : new { name = r.TableName, sha256 = r.TableSha256, bytes = r.TableBytes, rows = r.TableRows, url = $"/api/deid/reviews/{r.Id}/table" },
    };

    private static string L(HttpContext ctx, string ko, string en) => Lang(ctx) == "en" ? en : ko;

    private static string StateText(HttpContext ctx, string state) => state switch
    {
        DeidReviewStates.Approved => L(ctx, "승인", "approved"),
        DeidReviewStates.Rejected => L(ctx, "반려", "rejected"),
        _ => L(ctx, "검토 대기", "pending"),
    };

    private static string P(double risk) => risk.ToString("0.0000", CultureInfo.InvariantCulture);
}

/// <summary>An adequacy review with its specification, checklist and the report as registered.</summary>
public sealed record ReviewDetail(object Review, string? Html, string Spec, IReadOnlyList<DeidChecklistItem> Checklist, JsonElement Report);
