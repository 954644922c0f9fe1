using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moa.Hub.Access;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Audit;
using Moa.Hub.Catalogue;
using Moa.Hub.Programme;
using Moa.Hub.Storage;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Web;

/// <summary>Server-rendered pages (Korean and English); every form carries an antiforgery token that is checked on post.</summary>
internal static class Pages
{
    public static void MapHubPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lang/{code}", (HttpContext ctx, string code) =>
        {
            ctx.Response.Cookies.Append("moa_lang", code == "en" ? "en" : "ko", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            var back = ctx.Request.Headers.Referer.ToString();
            return Results.Redirect(Uri.TryCreate(back, UriKind.Absolute, out var u) && u.Authority == ctx.Request.Host.Value ? u.PathAndQuery : "/");
        });

        app.MapGet("/login", (HttpContext ctx, string? returnUrl) => Page(ctx, T(ctx, "login"),
            $"<form method=\"post\" action=\"/login\" class=\"card\">{Csrf(ctx)}<input type=\"hidden\" name=\"returnUrl\" value=\"{E(returnUrl)}\">"
            + $"<label>{T(ctx, "email")} <input id=\"email\" name=\"email\" type=\"email\" required autocomplete=\"username\"></label>"
            + $"<label>{T(ctx, "password")} <input id=\"password\" name=\"password\" type=\"password\" required autocomplete=\"current-password\"></label>"
            + $"<label>{T(ctx, "totp.code")} <input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\"></label>"
            + $"<button id=\"login-submit\">{T(ctx, "login")}</button></form>"));
        app.MapPost("/login", async (HttpContext ctx, AccountService accounts) =>
        {
            var form = await ReadFormAsync(ctx).ConfigureAwait(false);
            var user = await accounts.SignInAsync(form["email"].ToString(), form["password"].ToString(), Api.Remote(ctx), form["code"].ToString()).ConfigureAwait(false);
            var (sessionId, secret) = await accounts.CreateSessionAsync(user, Api.Remote(ctx)).ConfigureAwait(false);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionValidation.Principal(user, secret, sessionId)).ConfigureAwait(false);
            return Results.Redirect(LocalUrl.OrHome(form["returnUrl"].ToString()));
        });
        app.MapPost("/logout", async (HttpContext ctx, AccountService accounts) =>
        {
            await ReadFormAsync(ctx).ConfigureAwait(false);
            await accounts.EndSessionAsync(ctx.User.FindFirstValue(HubClaims.SessionSecret)).ConfigureAwait(false);
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/");
        });

        app.MapGet("/datasets", async (HttpContext ctx, CatalogueService catalogue) =>
        {
            var sb = new StringBuilder("<table id=\"catalogue\"><thead><tr><th>")
                .Append(T(ctx, "nav.datasets")).Append("</th><th>").Append(T(ctx, "version")).Append("</th><th>").Append(T(ctx, "documents"))
                .Append("</th><th>").Append(T(ctx, "bytes")).Append("</th><th>").Append(T(ctx, "licence")).Append("</th></tr></thead><tbody>");
            foreach (var (d, v) in await catalogue.ListAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/datasets/{E(d.Slug)}\">{E(d.Name)}</a></td><td>{v.Version}</td><td>{v.Documents:N0}</td><td>{Size(v.Bytes)}</td><td>{E(d.Licence)}</td></tr>");
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
            var form = await ReadFormAsync(ctx).ConfigureAwait(false);
            _ = action switch
            {
                "withdraw" => await catalogue.WithdrawAsync(user, slug, version, form["reason"].ToString()).ConfigureAwait(false),
                "supersede" => await catalogue.SupersedeAsync(user, slug, version, form["successorSlug"].ToString(),
                    int.TryParse(form["successorVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw HubException.Invalid("successorVersion: give the successor's version number.")).ConfigureAwait(false),
                _ => throw HubException.NotFound($"unknown action '{action}'."),
            };
            return Results.Redirect($"/datasets/{Uri.EscapeDataString(slug)}");
        });
        app.MapPost("/datasets/{slug}/download", async (HttpContext ctx, string slug, DownloadService downloads) =>
        {
            var form = await ReadFormAsync(ctx).ConfigureAwait(false);
            var version = int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var link = await downloads.CreateLinkAsync(ctx.User(), slug, version, form["path"].ToString(), form["purpose"].ToString(), Api.BaseUrl(ctx), Api.Remote(ctx)).ConfigureAwait(false);
            return Results.Redirect(new Uri(link.Url).PathAndQuery);
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

        app.MapGet("/calls", async (HttpContext ctx, ProgrammeService programme) =>
        {
            var user = ctx.User();
            var orgs = user?.Role == HubRoles.Provider ? await programme.ListOrganisationsAsync().ConfigureAwait(false) : [];
            var sb = new StringBuilder();
            foreach (var c in await programme.ListCallsAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card call\" id=\"call-{c.Id}\"><h2>{E(c.Title)} ({c.Year})</h2><p>{E(c.Description)}</p><p>{T(ctx, "deadline")}: {Api.Iso(c.Deadline)}</p><table><tr><th>{T(ctx, "field")}</th><th>{T(ctx, "budget")}</th><th>#</th></tr>");
                foreach (var f in c.Fields)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Code)} · {E(f.Name)}</td><td>{f.BudgetKrw:N0}</td><td>{f.Slots}</td></tr>");
                }

                sb.Append("</table>");
                if (user?.Role == HubRoles.Provider)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/calls/{c.Id}/apply\" enctype=\"multipart/form-data\" class=\"apply\">{Csrf(ctx)}<h3>{T(ctx, "apply")}</h3>");
                    sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "title")} <input name=\"title\" id=\"apply-title\" required></label><label>{T(ctx, "field")} <select name=\"fieldCode\" id=\"apply-field\">");
                    foreach (var f in c.Fields)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(f.Code)}\">{E(f.Code)} · {E(f.Name)}</option>");
                    }

                    sb.Append(CultureInfo.InvariantCulture, $"</select></label><label>{T(ctx, "partners")} <select name=\"partners\" id=\"apply-partners\" multiple>");
                    var others = orgs.Where(o => o.Id != user.OrganisationId && o.Kind != "team").ToList();
                    foreach (var o in others)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{o.Id}\">{E(o.Name)}</option>");
                    }

                    sb.Append(CultureInfo.InvariantCulture, $"</select></label><label>{T(ctx, "demand")} <select name=\"demand\" id=\"apply-demand\" multiple>");
                    foreach (var o in others)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{o.Id}\">{E(o.Name)}</option>");
                    }

                    sb.Append("</select></label>");
                    foreach (var k in DocumentKinds.Required)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "doc." + k)} <input type=\"file\" name=\"{k}\" id=\"doc-{k}\" required></label>");
                    }

                    sb.Append(CultureInfo.InvariantCulture, $"<button id=\"apply-submit\">{T(ctx, "apply")}</button></form>");
                }

                sb.Append("</section>");
            }

            return Page(ctx, T(ctx, "calls.title"), sb.ToString());
        });
        app.MapPost("/calls/{id:long}/apply", async (HttpContext ctx, long id, ProgrammeService programme) =>
        {
            var user = ctx.RequireUser();
            var form = await ReadFormAsync(ctx).ConfigureAwait(false);
            var members = new List<NewMember> { new(user.OrganisationId ?? 0, MemberRoles.Lead) };
            members.AddRange(form["partners"].Select(p => new NewMember(OrganisationId(p, "partners"), MemberRoles.Participant)));
            members.AddRange(form["demand"].Where(d => !form["partners"].Contains(d)).Select(p => new NewMember(OrganisationId(p, "demand"), MemberRoles.Demand)));
            var application = await programme.CreateApplicationAsync(user, id, form["fieldCode"].ToString(), form["title"].ToString(), members).ConfigureAwait(false);
            foreach (var kind in DocumentKinds.Required)
            {
                var file = form.Files.GetFile(kind) ?? throw HubException.Invalid($"{kind}: the document is required.");
                await using var s = file.OpenReadStream();
                await programme.UploadDocumentAsync(user, application.Id, kind, file.FileName, s, ctx.RequestAborted).ConfigureAwait(false);
            }

            // The application goes in once every organisation named has accepted its role; until then it waits as a draft.
            if (members.All(m => m.OrganisationId == user.OrganisationId))
            {
                await programme.SubmitAsync(user, application.Id).ConfigureAwait(false);
            }

            return Results.Redirect("/applications");
        });

        app.MapGet("/applications", async (HttpContext ctx, ProgrammeService programme) =>
        {
            var user = ctx.RequireUser();
            var orgs = (await programme.ListOrganisationsAsync().ConfigureAwait(false)).ToDictionary(o => o.Id, o => o.Name);
            var sb = new StringBuilder($"<table id=\"applications\"><thead><tr><th>#</th><th>{T(ctx, "title")}</th><th>{T(ctx, "partners")}</th><th>{T(ctx, "state")}</th><th></th></tr></thead><tbody>");
            foreach (var a in await programme.ListApplicationsAsync(user).ConfigureAwait(false))
            {
                var members = string.Join(", ", a.Members.Select(m => $"{E(orgs.GetValueOrDefault(m.OrganisationId))} ({m.Role}{(m.AcceptedAt is null ? ", " + T(ctx, "awaiting.consent") : "")})"));
                sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"application-{a.Id}\"><td>{a.Id}</td><td>{E(a.Title)}</td><td>{members}</td><td class=\"state\">{E(a.State)}{(a.Reason is null ? "" : " — " + E(a.Reason))}</td><td>");
                var mine = a.Members.FirstOrDefault(m => m.OrganisationId == user.OrganisationId);
                if (user.Role == HubRoles.Provider && mine is not null && a.State == ApplicationStates.Draft)
                {
                    sb.Append(mine.AcceptedAt is null
                        ? ActionForm(ctx, $"/applications/{a.Id}/accept", T(ctx, "accept"), $"accept-{a.Id}")
                        : ActionForm(ctx, $"/applications/{a.Id}/submit", T(ctx, "submit"), $"submit-{a.Id}"));
                }

                if (user.Role == HubRoles.Provider && mine is not null && (mine.Role == MemberRoles.Lead || a.CreatedBy == user.Id)
                    && a.State is ApplicationStates.Draft or ApplicationStates.Submitted or ApplicationStates.UnderReview)
                {
                    sb.Append(ActionForm(ctx, $"/applications/{a.Id}/withdraw", T(ctx, "withdraw"), $"withdraw-{a.Id}"));
                }
                if (user.IsOperator && a.State == ApplicationStates.Submitted)
                {
                    sb.Append(ActionForm(ctx, $"/applications/{a.Id}/review", T(ctx, "review"), $"review-{a.Id}"));
                }

                if (user.IsOperator && a.State == ApplicationStates.UnderReview)
                {
                    sb.Append(ActionForm(ctx, $"/applications/{a.Id}/select", T(ctx, "select"), $"select-{a.Id}"));
                    sb.Append(ActionForm(ctx, $"/applications/{a.Id}/reject", T(ctx, "reject"), $"reject-{a.Id}", withReason: true));
                }

                sb.Append("</td></tr>");
            }

            return Page(ctx, T(ctx, "applications.title"), sb.Append("</tbody></table>").ToString());
        });
        app.MapPost("/applications/{id:long}/{action}", async (HttpContext ctx, long id, string action, ProgrammeService programme) =>
        {
            var user = ctx.RequireUser();
            var form = await ReadFormAsync(ctx).ConfigureAwait(false);
            _ = action switch
            {
                "accept" => await programme.AcceptMembershipAsync(user, id).ConfigureAwait(false),
                "submit" => await programme.SubmitAsync(user, id).ConfigureAwait(false),
                "withdraw" => await programme.WithdrawAsync(user, id).ConfigureAwait(false),
                "review" => await programme.StartReviewAsync(user, id).ConfigureAwait(false),
                "select" => await programme.SelectAsync(user, id).ConfigureAwait(false),
                "reject" => await programme.RejectAsync(user, id, form["reason"].ToString()).ConfigureAwait(false),
                _ => throw HubException.NotFound($"unknown action '{action}'."),
            };
            return Results.Redirect("/applications");
        });

        app.MapGet("/agreements", async (HttpContext ctx, AgreementService agreements, ProgrammeService programme, CatalogueService catalogue) =>
        {
            var user = ctx.RequireUser();
            var orgs = await programme.ListOrganisationsAsync().ConfigureAwait(false);
            var names = orgs.ToDictionary(o => o.Id, o => o.Name);
            var now = ctx.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
            var sb = new StringBuilder();
            foreach (var a in await agreements.ListAsync(user).ConfigureAwait(false))
            {
                var state = a.EffectiveState(now);
                sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card agreement\" id=\"agreement-{a.Id}\"><h2>{E(a.Title)} <span class=\"state\" id=\"agreement-{a.Id}-state\">{E(state)}</span></h2>");
                sb.Append(CultureInfo.InvariantCulture, $"<dl><dt>{T(ctx, "provider.org")}</dt><dd>{E(names.GetValueOrDefault(a.ProviderOrganisationId))}</dd><dt>{T(ctx, "team.org")}</dt><dd>{E(names.GetValueOrDefault(a.TeamOrganisationId))}</dd>");
                sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "datasets")}</dt><dd>{E(string.Join(", ", a.DatasetSlugs))}</dd><dt>{T(ctx, "purposes")}</dt><dd>{E(string.Join(", ", a.PurposeList))}</dd>");
                sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "commercial")}</dt><dd>{(a.Commercial == 1 ? "yes" : "no")}</dd><dt>{T(ctx, "period")}</dt><dd>{Api.Iso(a.StartsAt)} – {Api.Iso(a.EndsAt)}</dd>");
                sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "costs")}</dt><dd>{a.ProcessingSupportKrw:N0} / {a.CopyrightCompensationKrw:N0}</dd><dt>{T(ctx, "responsibilities")}</dt><dd>{E(a.Responsibilities)}</dd>");
                sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "signatures")}</dt><dd>{E(string.Join(", ", a.Signatures.Select(s => s.Party)))}</dd></dl>");
                if (a.StateReason is not null)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<p>{T(ctx, "reason")}: {E(a.StateReason)}</p>");
                }

                var party = user.Role switch
                {
                    HubRoles.Operator => Parties.Agency,
                    HubRoles.Provider when user.OrganisationId == a.ProviderOrganisationId => Parties.Provider,
                    HubRoles.Team when user.OrganisationId == a.TeamOrganisationId => Parties.Team,
                    _ => null,
                };
                if (state == AgreementStates.Draft && party is not null && a.Signatures.All(s => s.Party != party))
                {
                    sb.Append(ActionForm(ctx, $"/agreements/{a.Id}/sign", T(ctx, "sign"), $"sign-{a.Id}"));
                }

                if (user.IsOperator && state is AgreementStates.Draft or AgreementStates.Active)
                {
                    sb.Append(ActionForm(ctx, $"/agreements/{a.Id}/revoke", T(ctx, "revoke"), $"revoke-{a.Id}", withReason: true));
                }

                sb.Append("</section>");
            }

            if (user.IsOperator)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/agreements\" class=\"card\" id=\"new-agreement\">{Csrf(ctx)}<h2>{T(ctx, "new.agreement")}</h2>");
                sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "title")} <input name=\"title\" id=\"agreement-title\" required></label>");
                sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "provider.org")} {OrgSelect("provider", orgs.Where(o => o.Kind != "team"))}</label><label>{T(ctx, "team.org")} {OrgSelect("team", orgs.Where(o => o.Kind == "team"))}</label>");
                sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "datasets")} <select name=\"datasets\" id=\"agreement-datasets\" multiple required>");
                foreach (var (d, _) in await catalogue.ListAsync().ConfigureAwait(false))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(d.Slug)}\">{E(d.Name)}</option>");
                }

                sb.Append(CultureInfo.InvariantCulture, $"</select></label><fieldset><legend>{T(ctx, "purposes")}</legend>");
                foreach (var p in Purposes.All)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" name=\"purposes\" value=\"{p}\" id=\"purpose-{p}\"> {p}</label>");
                }

                var today = DateTimeOffset.FromUnixTimeMilliseconds(now);
                sb.Append(CultureInfo.InvariantCulture, $"</fieldset><label><input type=\"checkbox\" name=\"commercial\" value=\"1\"> {T(ctx, "commercial")}</label>");
                sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "period")} <input type=\"date\" name=\"starts\" value=\"{today:yyyy-MM-dd}\"> – <input type=\"date\" name=\"ends\" value=\"{today.AddYears(1):yyyy-MM-dd}\"></label>");
                sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "costs")} <input name=\"processing\" type=\"number\" min=\"0\" value=\"0\"> / <input name=\"copyright\" type=\"number\" min=\"0\" value=\"0\"></label>");
                sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "responsibilities")} <textarea name=\"responsibilities\"></textarea></label><button id=\"agreement-create\">{T(ctx, "create")}</button></form>");
            }

            return Page(ctx, T(ctx, "agreements.title"), sb.ToString());
        });
        app.MapPost("/agreements", async (HttpContext ctx, AgreementService agreements) =>
        {
            var user = ctx.RequireUser();
            var form = await ReadFormAsync(ctx).ConfigureAwait(false);
            var terms = new NewAgreement(
                form["title"].ToString(),
                Long(form["provider"], "provider"),
                Long(form["team"], "team"),
                form["datasets"].Select(s => s!).ToList(),
                form["purposes"].Select(s => s!).ToList(),
                form["commercial"] == "1",
                Date(form["starts"], "starts"),
                Date(form["ends"], "ends"),
                Long(form["processing"], "processing"),
                Long(form["copyright"], "copyright"),
                form["responsibilities"].ToString());
            await agreements.CreateAsync(user, terms).ConfigureAwait(false);
            return Results.Redirect("/agreements");
        });
        app.MapPost("/agreements/{id:long}/{action}", async (HttpContext ctx, long id, string action, AgreementService agreements) =>
        {
            var user = ctx.RequireUser();
            var form = await ReadFormAsync(ctx).ConfigureAwait(false);
            _ = action switch
            {
                "sign" => await agreements.SignAsync(user, id).ConfigureAwait(false),
                "revoke" => await agreements.RevokeAsync(user, id, form["reason"].ToString()).ConfigureAwait(false),
                _ => throw HubException.NotFound($"unknown action '{action}'."),
            };
            return Results.Redirect("/agreements");
        });

        app.MapGet("/audit", async (HttpContext ctx, HubDatabase db) =>
        {
            Api.RequireOperator(ctx.RequireUser(), "read the audit log");
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            var entries = await AuditLog.ReadAllAsync(conn).ConfigureAwait(false);
            var verdict = AuditVerifier.Verify(entries);
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p id=\"audit-verdict\" class=\"{(verdict.Ok ? "ok" : "error")}\">{E(verdict.Message)}</p><table id=\"audit\"><thead><tr><th>#</th><th>UTC</th><th>actor</th><th>action</th><th>subject</th><th>detail</th><th>hash</th></tr></thead><tbody>");
            foreach (var e in entries.Reverse().Take(300))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Seq}</td><td>{DateTimeOffset.FromUnixTimeMilliseconds(e.At):yyyy-MM-dd HH:mm:ss}</td><td>{E(e.Actor)}</td><td>{E(e.Action)}</td><td>{E(e.Subject)}</td><td><code>{E(e.Detail)}</code></td><td><code>{E(e.Hash[..12])}</code></td></tr>");
            }

            return Page(ctx, T(ctx, "audit.title"), sb.Append("</tbody></table>").ToString());
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
        sb.Append(CultureInfo.InvariantCulture, $"<dt>{T(ctx, "licence")}</dt><dd id=\"dataset-licence\">{E(d.Dataset.Licence)}</dd><dt>{T(ctx, "documents")}</dt><dd>{v.Documents:N0}</dd><dt>{T(ctx, "bytes")}</dt><dd>{Size(v.Bytes)}</dd><dt>{T(ctx, "tokens")}</dt><dd>{v.Tokens:N0}</dd>");
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
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Path)}</td><td><code>{E(f.Sha256)}</code></td><td>{Size(f.Bytes)}</td><td>");
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

    private static string OrgSelect(string name, IEnumerable<Organisation> orgs) =>
        $"<select name=\"{name}\" id=\"agreement-{name}\">{string.Concat(orgs.Select(o => $"<option value=\"{o.Id}\">{E(o.Name)}</option>"))}</select>";

    internal static string ActionForm(HttpContext ctx, string action, string label, string id, bool withReason = false) =>
        $"<form method=\"post\" action=\"{action}\" class=\"inline\">{Csrf(ctx)}"
        + (withReason ? $"<input name=\"reason\" id=\"{id}-reason\" placeholder=\"{T(ctx, "reason")}\" required>" : "")
        + $"<button id=\"{id}\">{E(label)}</button></form>";

    internal static async Task<IFormCollection> ReadFormAsync(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType)
        {
            throw new HubException(HubErrorKind.Invalid, "body: this page expects a form (application/x-www-form-urlencoded or multipart/form-data).");
        }

        await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx).ConfigureAwait(false);
        return await ctx.Request.ReadFormAsync().ConfigureAwait(false);
    }

    private static long OrganisationId(string? s, string field) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw HubException.Invalid($"{field}: '{s}' is not an organisation id (a positive whole number).");

    private static long Long(string? s, string field) =>
        string.IsNullOrEmpty(s) ? 0
        : long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw HubException.Invalid($"{field}: '{s}' is not a whole number.");

    private static DateTimeOffset Date(string? s, string field) =>
        DateTimeOffset.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw HubException.Invalid($"{field}: '{s}' is not a date (yyyy-mm-dd).");

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
