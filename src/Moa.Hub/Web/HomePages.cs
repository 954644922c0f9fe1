using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Catalogue;
using Moa.Hub.Programme;
using Moa.Hub.Storage;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Web;

/// <summary>
/// The home page per role (operator: open calls, applications to review, agreements awaiting signatures, downloads and
/// tokens by organisation; provider: its applications, agreements and datasets; team: its agreements and the datasets
/// it may download).
/// </summary>
internal static class HomePages
{
    public static void MapHubHomePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext ctx, ProgrammeService programme, AgreementService agreements, CatalogueService catalogue, HubDatabase db, TimeProvider time) =>
        {
            var user = ctx.User();
            var intro = $"<p>{E(T(ctx, "home.intro"))}</p>";
            if (user is null)
            {
                return Page(ctx, T(ctx, "home.title"),
                    intro + $"<ul id=\"home-public\"><li><a href=\"/datasets\">{T(ctx, "nav.datasets")}</a></li><li><a href=\"/calls\">{T(ctx, "nav.calls")}</a></li><li><a href=\"/benchmarks\">{T(ctx, "nav.benchmarks")}</a></li><li><a href=\"/openapi/v1.json\">OpenAPI</a></li></ul>");
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var names = (await programme.ListOrganisationsAsync().ConfigureAwait(false)).ToDictionary(o => o.Id, o => o.Name);
            var sb = new StringBuilder();
            var myAgreements = await agreements.ListAsync(user).ConfigureAwait(false);
            if (user.IsOperator)
            {
                sb.Append("<div id=\"home-operator\">");
                var open = (await programme.ListCallsAsync().ConfigureAwait(false)).Where(c => c.Deadline > now).ToList();
                Section(sb, ctx, "home.open.calls", "home-calls", open.Select(c => $"<a href=\"/calls#call-{c.Id}\">{E(c.Title)}</a> — {T(ctx, "deadline")} {Api.Iso(c.Deadline)}"));
                var review = (await programme.ListApplicationsAsync(user).ConfigureAwait(false)).Where(a => a.State is ApplicationStates.Submitted or ApplicationStates.UnderReview).ToList();
                Section(sb, ctx, "home.to.review", "home-review", review.Select(a => $"<a href=\"/applications#application-{a.Id}\">#{a.Id} {E(a.Title)}</a> <span class=\"state\">{E(a.State)}</span>"));
                var unsigned = myAgreements.Where(a => a.EffectiveState(now) == AgreementStates.Draft).ToList();
                Section(sb, ctx, "home.awaiting.signatures", "home-unsigned", unsigned.Select(a =>
                    $"<a href=\"/agreements#agreement-{a.Id}\">{E(a.Title)}</a> — {T(ctx, "home.missing")}: {E(string.Join(", ", Parties.All.Where(p => a.Signatures.All(s => s.Party != p))))}"));
                sb.Append(await UsageTableAsync(ctx, db, names, now).ConfigureAwait(false));
                sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/users\" id=\"manage-users\">{T(ctx, "users.title")}</a> · <a href=\"/tokens\">{T(ctx, "tokens.title")}</a> · <a href=\"/audit\">{T(ctx, "nav.audit")}</a></p></div>");
            }
            else if (user.Role == HubRoles.Provider)
            {
                sb.Append("<div id=\"home-provider\">");
                var apps = await programme.ListApplicationsAsync(user).ConfigureAwait(false);
                Section(sb, ctx, "home.my.applications", "home-applications", apps.Select(a =>
                {
                    var pending = a.Members.Count(m => m.AcceptedAt is null);
                    var mine = a.Members.FirstOrDefault(m => m.OrganisationId == user.OrganisationId);
                    var note = mine?.AcceptedAt is null ? $" — <strong>{T(ctx, "home.please.accept")}</strong>" : pending > 0 ? $" — {T(ctx, "awaiting.consent")} ({pending})" : "";
                    return $"<a href=\"/applications#application-{a.Id}\">#{a.Id} {E(a.Title)}</a> <span class=\"state\">{E(a.State)}</span>{note}";
                }));
                Section(sb, ctx, "agreements.title", "home-agreements", myAgreements.Select(a => $"<a href=\"/agreements#agreement-{a.Id}\">{E(a.Title)}</a> — {E(names.GetValueOrDefault(a.TeamOrganisationId))} <span class=\"state\">{E(a.EffectiveState(now))}</span>"));
                var datasets = (await catalogue.ListAsync().ConfigureAwait(false)).Where(d => d.Dataset.ProviderOrganisationId == user.OrganisationId);
                Section(sb, ctx, "home.my.datasets", "home-datasets", datasets.Select(d => $"<a href=\"/datasets/{E(d.Dataset.Slug)}\">{E(d.Dataset.Name)}</a> v{d.Latest.Version} — {d.Latest.Documents:N0} {T(ctx, "documents")} ({T(ctx, "home.curation.report")})"));
                sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/calls\">{T(ctx, "apply")}</a> · <a href=\"/tokens\">{T(ctx, "tokens.title")}</a></p></div>");
            }
            else
            {
                sb.Append("<div id=\"home-team\">");
                Section(sb, ctx, "agreements.title", "home-agreements", myAgreements.Select(a => $"<a href=\"/agreements#agreement-{a.Id}\">{E(a.Title)}</a> — {E(names.GetValueOrDefault(a.ProviderOrganisationId))} <span class=\"state\">{E(a.EffectiveState(now))}</span>"));
                var usable = myAgreements.Where(a => a.EffectiveState(now) == AgreementStates.Active && now >= a.StartsAt)
                    .SelectMany(a => a.DatasetSlugs.Select(s => (Slug: s, a.PurposeList, a.EndsAt)))
                    .GroupBy(x => x.Slug, StringComparer.Ordinal)
                    .Select(g => $"<a href=\"/datasets/{E(g.Key)}\">{E(g.Key)}</a> — {E(string.Join(", ", g.SelectMany(x => x.PurposeList).Distinct()))} ({T(ctx, "home.until")} {Api.Iso(g.Max(x => x.EndsAt))})");
                Section(sb, ctx, "home.downloadable", "home-downloadable", usable);
                sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/datasets\">{T(ctx, "nav.datasets")}</a> · <a href=\"/benchmarks\">{T(ctx, "nav.benchmarks")}</a> · <a href=\"/tokens\">{T(ctx, "tokens.title")}</a></p></div>");
            }

            return Page(ctx, T(ctx, "home.title"), sb.ToString());
        });
    }

    private static void Section(StringBuilder sb, HttpContext ctx, string titleKey, string id, IEnumerable<string> items)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"{id}\"><h2>{T(ctx, titleKey)}</h2>");
        var any = false;
        foreach (var item in items)
        {
            sb.Append(any ? "" : "<ul>").Append("<li>").Append(item).Append("</li>");
            any = true;
        }

        sb.Append(any ? "</ul>" : $"<p class=\"empty\">{T(ctx, "home.none")}</p>").Append("</section>");
    }

    /// <summary>Downloads per organisation and month (last six months) and active API tokens per organisation.</summary>
    private static async Task<string> UsageTableAsync(HttpContext ctx, HubDatabase db, Dictionary<long, string> names, long now)
    {
        var since = DateTimeOffset.FromUnixTimeMilliseconds(now).AddMonths(-5);
        var start = new DateTimeOffset(since.Year, since.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var months = Enumerable.Range(0, 6).Select(i => start.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var downloads = (await conn.QueryAsync<(long? Org, long At)>(
            "SELECT u.organisation_id, d.at FROM downloads d JOIN users u ON u.id = d.user_id WHERE d.at >= @from", new { from = start.ToUnixTimeMilliseconds() }).ConfigureAwait(false)).AsList();
        var tokens = (await conn.QueryAsync<(long? Org, long N)>(
            "SELECT u.organisation_id, COUNT(*) FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.revoked_at IS NULL AND t.expires_at > @now GROUP BY u.organisation_id", new { now }).ConfigureAwait(false))
            .ToDictionary(x => x.Org ?? 0, x => x.N);
        var byOrg = downloads.GroupBy(d => d.Org ?? 0).ToDictionary(g => g.Key, g => g.GroupBy(d => DateTimeOffset.FromUnixTimeMilliseconds(d.At).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToDictionary(m => m.Key, m => m.Count(), StringComparer.Ordinal));
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"home-usage\"><h2>{T(ctx, "home.usage")}</h2><table><thead><tr><th>{T(ctx, "organisation")}</th>");
        foreach (var m in months)
        {
            sb.Append("<th>").Append(m).Append("</th>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<th>{T(ctx, "home.active.tokens")}</th></tr></thead><tbody>");
        foreach (var org in byOrg.Keys.Union(tokens.Keys).OrderBy(o => o))
        {
            var name = org == 0 ? T(ctx, "role.operator") : names.GetValueOrDefault(org, $"#{org}");
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)}</td>");
            foreach (var m in months)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td>{(byOrg.TryGetValue(org, out var bm) ? bm.GetValueOrDefault(m) : 0)}</td>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<td>{tokens.GetValueOrDefault(org)}</td></tr>");
        }

        return sb.Append("</tbody></table></section>").ToString();
    }
}
