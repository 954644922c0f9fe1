using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Text.Json;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Catalogue;

/// <summary>The catalogue's pages: the dataset list, a dataset's card, statistics, masked sample, files and versions (with the owner's withdraw and supersede forms), and the benchmarks.</summary>
internal static class CataloguePages
{
    public static void MapCataloguePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/datasets", async (HttpContext ctx, CatalogueService catalogue) =>
        {
            var sb = new StringBuilder("<table id=\"catalogue\"><thead><tr><th>")
                .Append(T(ctx, "nav.datasets")).Append("</th><th>").Append(T(ctx, "version")).Append("</th><th>").Append(T(ctx, "documents"))
                .Append("</th><th>").Append(T(ctx, "bytes")).Append("</th><th>").Append(T(ctx, "licence")).Append("</th></tr></thead><tbody>");
            foreach (var (d, v) in await catalogue.ListAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/datasets/{E(d.Slug)}\">{E(d.Name)}</a></td><td>{v.Version}</td><td>{v.Documents:N0}</td><td>{Pages.Size(v.Bytes)}</td><td>{E(d.Licence)}</td></tr>");
            }

            return Page(ctx, T(ctx, "datasets.title"), sb.Append("</tbody></table>").ToString());
        });
        app.MapGet("/datasets/{slug}", async (HttpContext ctx, string slug, CatalogueService catalogue, ApiCache cache) =>
        {
            if (ctx.User() is null)
            {
                // The public page has no per-user parts (no forms), so it is rendered once per language and catalogue change.
                var body = await cache.GetRawAsync($"page:{slug}:{Lang(ctx)}", async () =>
                {
                    var detail = await catalogue.GetAsync(slug).ConfigureAwait(false);
                    return detail is null ? null : Encoding.UTF8.GetBytes(Render(ctx, detail.Dataset.Name, DatasetBody(ctx, detail)));
                }).ConfigureAwait(false);
                return body is null ? throw HubException.NotFound($"dataset '{slug}' does not exist.") : Results.Bytes(body, "text/html; charset=utf-8");
            }

            var d = await catalogue.GetAsync(slug, ctx.User() is { IsOperator: true }).ConfigureAwait(false) ?? throw HubException.NotFound($"dataset '{slug}' does not exist.");
            return Page(ctx, d.Dataset.Name, DatasetBody(ctx, d));
        });
        app.MapPost("/datasets/{slug}/versions/{version:int}/{action}", async (HttpContext ctx, string slug, int version, string action, CatalogueService catalogue) =>
        {
            var user = ctx.RequireUser();
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            _ = action switch
            {
                "withdraw" => await catalogue.WithdrawAsync(user, slug, version, form["reason"].ToString()).ConfigureAwait(false),
                "supersede" => await catalogue.SupersedeAsync(user, slug, version, form["successorSlug"].ToString(),
                    int.TryParse(form["successorVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw HubException.Invalid("successorVersion: give the successor's version number.")).ConfigureAwait(false),
                _ => throw HubException.NotFound($"unknown action '{action}'."),
            };
            return Results.Redirect($"/datasets/{Uri.EscapeDataString(slug)}");
        });

        app.MapGet("/benchmarks", async (HttpContext ctx, CatalogueService catalogue) =>
        {
            var sb = new StringBuilder("<table id=\"benchmarks\"><thead><tr><th>Name</th><th>Task</th><th>Metric</th><th>Items</th><th>Subsets</th><th>Licence</th></tr></thead><tbody>");
            foreach (var b in await catalogue.ListBenchmarksAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(b.Name)} <small>{E(b.Version)}</small></td><td>{E(b.TaskType)}</td><td>{E(b.Metric)}</td><td>{b.Items:N0}</td><td>{E(b.Subsets.Replace(",", ", ", StringComparison.Ordinal))}</td><td>{E(b.Licence)}</td></tr>");
            }

            return Page(ctx, T(ctx, "benchmarks.title"), sb.Append("</tbody></table>").ToString());
        });
    }

    private static string DatasetBody(HttpContext ctx, DatasetDetail d)
    {
        var v = d.Latest;
        var sb = new StringBuilder();
        if (d.SupersededBy is { } next)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" id=\"superseded-by\">{T(ctx, "version.superseded.by")} <a href=\"/datasets/{E(next.Slug)}\">{E(next.Slug)} v{next.Version}</a></p>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"dataset-card\"><p>{E(d.Dataset.Description)}</p><dl>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "version")}</dt><dd id=\"dataset-version\">{v.Version} (moa {E(v.ToolVersion)}, config {E(v.ConfigHash.Length > 12 ? v.ConfigHash[..12] : v.ConfigHash)})</dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "licence")}</dt><dd id=\"dataset-licence\">{E(d.Dataset.Licence)}</dd><dt>{T(ctx, "documents")}</dt><dd>{v.Documents:N0}</dd><dt>{T(ctx, "bytes")}</dt><dd>{Pages.Size(v.Bytes)}</dd><dt>{T(ctx, "tokens")}</dt><dd>{v.Tokens:N0}</dd>");
        foreach (var t in TokenTotals.FromStats(d.Stats))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "tokens")} ({E(t.Tokenizer)})</dt><dd class=\"tokens\">{t.Total:N0}</dd>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "viewer")}</dt><dd><a id=\"viewer-link\" href=\"/datasets/{E(d.Dataset.Slug)}/viewer\">{T(ctx, "viewer")}</a></dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Croissant</dt><dd><a id=\"croissant-link\" href=\"/datasets/{E(d.Dataset.Slug)}/croissant.json\">croissant.json</a></dd></dl></section>");

        var stages = new List<(string Name, long In, long Out)>();
        var languages = new List<(string Name, long N)>();
        var reasons = new List<(string Name, long N)>();
        if (d.Stats.ValueKind == JsonValueKind.Object)
        {
            if (d.Stats.TryGetProperty("stages", out var st) && st.ValueKind == JsonValueKind.Array)
            {
                stages.AddRange(st.EnumerateArray().Select(s => (s.TryGetProperty("name", out var n) ? n.ToString() : "?", Num(s, "documents_in"), Num(s, "documents_out"))));
            }

            if (d.Stats.TryGetProperty("languages", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                languages.AddRange(l.EnumerateObject().Select(p => (p.Name, p.Value.TryGetInt64(out var n) ? n : 0)).OrderByDescending(p => p.Item2));
            }

            if (d.Stats.TryGetProperty("reasons", out var r) && r.ValueKind == JsonValueKind.Object)
            {
                reasons.AddRange(r.EnumerateObject().Select(p => (p.Name, p.Value.TryGetInt64(out var n) ? n : 0)).OrderByDescending(p => p.Item2));
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"stats\"><h2>{T(ctx, "stats")}</h2><div class=\"charts\">");
        var stageData = JsonSerializer.Serialize(new { labels = stages.Select(s => s.Name), series = new[] { new { label = "in", data = stages.Select(s => s.In) }, new { label = "out", data = stages.Select(s => s.Out) } } });
        var langData = JsonSerializer.Serialize(new { labels = languages.Select(s => s.Name), series = new[] { new { label = T(ctx, "languages"), data = languages.Select(s => s.N) } } });
        var reasonData = JsonSerializer.Serialize(new { labels = reasons.Select(s => s.Name), series = new[] { new { label = T(ctx, "reasons"), data = reasons.Select(s => s.N) } } });
        sb.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{T(ctx, "stages")}</figcaption><canvas id=\"chart-stages\" data-kind=\"bar\" data-chart=\"{E(stageData)}\"></canvas></figure>");
        sb.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{T(ctx, "languages")}</figcaption><canvas id=\"chart-languages\" data-kind=\"doughnut\" data-chart=\"{E(langData)}\"></canvas></figure>");
        sb.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{T(ctx, "reasons")}</figcaption><canvas id=\"chart-reasons\" data-kind=\"bar\" data-chart=\"{E(reasonData)}\"></canvas></figure></div>");
        sb.Append("<table><tr><th>stage</th><th>in</th><th>out</th></tr>");
        foreach (var s in stages)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Name)}</td><td>{s.In:N0}</td><td>{s.Out:N0}</td></tr>");
        }

        sb.Append("</table></section>");
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"sample\"><h2>{T(ctx, "sample")}</h2><table>");
        foreach (var r in d.Sample)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(r.Id)}</code></td><td>{E(r.Text)}</td></tr>");
        }

        sb.Append("</table></section>");
        var user = ctx.User();
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"files\"><h2>{T(ctx, "files")}</h2><p>{T(ctx, "download.hint")}</p><table><tr><th>path</th><th>sha256</th><th>{T(ctx, "bytes")}</th><th></th></tr>");
        var i = 0;
        foreach (var f in d.Files)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Path)}</td><td><code>{E(f.Sha256)}</code></td><td>{Pages.Size(f.Bytes)}</td><td>");
            if (user?.Role == HubRoles.Team)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/datasets/{E(d.Dataset.Slug)}/download\" class=\"inline\">{Csrf(ctx)}<input type=\"hidden\" name=\"version\" value=\"{v.Version}\"><input type=\"hidden\" name=\"path\" value=\"{E(f.Path)}\">");
                sb.Append(CultureInfo.InvariantCulture, $"<select name=\"purpose\" id=\"purpose-{i}\">{string.Concat(Purposes.All.Select(p => $"<option>{p}</option>"))}</select><button id=\"download-{i}\">{T(ctx, "download")}</button></form>");
            }

            sb.Append("</td></tr>");
            i++;
        }

        sb.Append("</table></section>");
        sb.Append(VersionsSection(ctx, d));
        sb.Append("<script src=\"/static/lib/chart.umd.min.js\"></script><script src=\"/static/hub.js\"></script>");
        return sb.ToString();
    }

    /// <summary>The version history; operators and the dataset's provider also get withdraw and supersede forms per version.</summary>
    private static string VersionsSection(HttpContext ctx, DatasetDetail d)
    {
        var user = ctx.User();
        var owner = user is not null && (user.IsOperator || (user.Role == HubRoles.Provider && d.Dataset.ProviderOrganisationId is { } org && org == user.OrganisationId));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"versions\"><h2>{T(ctx, "versions")}</h2><table><tr><th>{T(ctx, "version")}</th><th>{T(ctx, "state")}</th><th>{T(ctx, "documents")}</th><th></th></tr>");
        foreach (var v in d.Versions)
        {
            var state = v.WithdrawnAt is { } w
                ? $"{T(ctx, "version.withdrawn")} {Api.Iso(w)}: {E(v.WithdrawnReason ?? "")}"
                : d.Successors is not null && d.Successors.TryGetValue(v.Id, out var s) ? $"{T(ctx, "version.superseded")} → <a href=\"/datasets/{E(s.Slug)}\">{E(s.Slug)} v{s.Version}</a>" : T(ctx, "version.current");
            sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"version-{v.Version}\"><td>{v.Version}</td><td class=\"state\">{state}</td><td>{v.Documents:N0}</td><td>");
            if (owner && v.WithdrawnAt is null)
            {
                var action = $"/datasets/{E(d.Dataset.Slug)}/versions/{v.Version}";
                sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{action}/withdraw\" class=\"inline\">{Csrf(ctx)}<input name=\"reason\" required placeholder=\"{T(ctx, "reason")}\"><button id=\"withdraw-{v.Version}\">{T(ctx, "version.withdraw")}</button></form>");
                if (v.SupersededBy is null)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{action}/supersede\" class=\"inline\">{Csrf(ctx)}<input name=\"successorSlug\" required placeholder=\"slug\"><input name=\"successorVersion\" required inputmode=\"numeric\" size=\"3\" placeholder=\"{T(ctx, "version")}\"><button id=\"supersede-{v.Version}\">{T(ctx, "version.supersede")}</button></form>");
                }
            }

            sb.Append("</td></tr>");
        }

        return sb.Append("</table></section>").ToString();
    }

    private static long Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;
}
