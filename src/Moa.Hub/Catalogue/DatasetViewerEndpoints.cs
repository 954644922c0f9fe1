using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Catalogue;

/// <summary>
/// The dataset viewer's API (<c>/api/datasets/{slug}/rows</c>) and page (<c>/datasets/{slug}/viewer</c>).
/// </summary>
internal static class DatasetViewerEndpoints
{
    public static void MapDatasetViewer(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/datasets/{slug}/rows", async (HttpContext ctx, string slug, DatasetViewer viewer) =>
        {
            var query = Query(ctx);
            var user = ctx.User() is null ? null : ctx.RequireScope(TokenScopes.Read);
            return TypedResults.Ok(await viewer.ViewAsync(user, slug, query, Api.Remote(ctx)).ConfigureAwait(false));
        });

        app.MapGet("/datasets/{slug}/viewer", async (HttpContext ctx, string slug, DatasetViewer viewer) =>
        {
            var query = Query(ctx);
            var page = await viewer.ViewAsync(ctx.User(), slug, query, Api.Remote(ctx)).ConfigureAwait(false);
            return Page(ctx, $"{slug} · 데이터 보기 · viewer", Body(page, query));
        });
    }

    private static ViewerQuery Query(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        return DatasetViewer.Parse(q["version"], q["page"], q["page_size"], q["q"], q["filter"]);
    }

    private static string Body(ViewerPage page, ViewerQuery query)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var slug = Uri.EscapeDataString(page.Slug);
        sb.Append(ci, $"<h1>{E(page.Slug)} · v{page.Version}</h1><p><a href=\"/datasets/{slug}\">← 데이터셋 · dataset</a></p>");
        sb.Append(page.Mode == "full"
            ? string.Create(ci, $"<p class=\"notice\" id=\"viewer-mode\" data-mode=\"full\">협약 {page.AgreementId}에 따라 전체 행을 봅니다. 이 열람은 감사 기록에 남습니다. · Full rows under agreement {page.AgreementId}; this view is audited.</p>")
            : "<p class=\"notice\" id=\"viewer-mode\" data-mode=\"preview\">가명 처리된 예시만 공개됩니다. 전체 행은 유효한 협약을 맺은 팀만 볼 수 있습니다. · Public preview of masked samples only; full rows are for teams with an active agreement.</p>");
        sb.Append(ci, $"<form method=\"get\" id=\"viewer-search\"><input type=\"hidden\" name=\"version\" value=\"{page.Version}\">");
        sb.Append(ci, $"<label>검색 · search <input name=\"q\" value=\"{E(query.Search)}\" maxlength=\"200\"></label> ");
        sb.Append(ci, $"<label>필터 · filter (column:value, e.g. lang:ko) <input name=\"filter\" value=\"{E(query.Filters.FirstOrDefault())}\"></label> ");
        sb.Append("<button type=\"submit\">찾기 · search</button></form>");
        var first = page.Total == 0 ? 0 : ((long)(page.Page - 1) * page.PageSize) + 1;
        var last = ((long)(page.Page - 1) * page.PageSize) + page.Rows.Count;
        sb.Append(ci, $"<p id=\"viewer-count\">{first:N0}–{last:N0} / {page.Total:N0} 행 · rows</p>");
        sb.Append("<table id=\"viewer-rows\"><thead><tr><th>id</th><th>text</th><th>meta</th></tr></thead><tbody>");
        foreach (var row in page.Rows)
        {
            sb.Append(ci, $"<tr><td>{E(row.Id)}</td><td class=\"text\">{E(row.Text)}</td><td><code>{E(row.Meta?.GetRawText())}</code></td></tr>");
        }

        sb.Append("</tbody></table><nav class=\"pager\">");
        var link = new StringBuilder(string.Create(ci, $"/datasets/{slug}/viewer?version={page.Version}&page_size={page.PageSize}"));
        if (query.Search is { } s)
        {
            link.Append("&q=").Append(Uri.EscapeDataString(s));
        }

        foreach (var f in query.Filters)
        {
            link.Append("&filter=").Append(Uri.EscapeDataString(f));
        }

        if (page.Page > 1)
        {
            sb.Append(ci, $"<a rel=\"prev\" href=\"{E(link.ToString())}&page={page.Page - 1}\">← 이전 · previous</a> ");
        }

        if (last < page.Total)
        {
            sb.Append(ci, $"<a rel=\"next\" href=\"{E(link.ToString())}&page={page.Page + 1}\">다음 · next →</a>");
        }

        sb.Append("</nav>");
        return sb.ToString();
    }
}
