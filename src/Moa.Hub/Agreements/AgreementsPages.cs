using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moa.Hub.Accounts;
using Moa.Hub.Catalogue;
using Moa.Hub.Programme;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Agreements;

/// <summary>The agreements page: each agreement with its parties, terms and signatures, the signing and revoking forms, and the operator's drafting form.</summary>
internal static class AgreementsPages
{
    public static void MapAgreementsPages(this IEndpointRouteBuilder app)
    {
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
                    sb.Append(Pages.ActionForm(ctx, $"/agreements/{a.Id}/sign", T(ctx, "sign"), $"sign-{a.Id}"));
                }

                if (user.IsOperator && state is AgreementStates.Draft or AgreementStates.Active)
                {
                    sb.Append(Pages.ActionForm(ctx, $"/agreements/{a.Id}/revoke", T(ctx, "revoke"), $"revoke-{a.Id}", withReason: true));
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
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
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
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            _ = action switch
            {
                "sign" => await agreements.SignAsync(user, id).ConfigureAwait(false),
                "revoke" => await agreements.RevokeAsync(user, id, form["reason"].ToString()).ConfigureAwait(false),
                _ => throw HubException.NotFound($"unknown action '{action}'."),
            };
            return Results.Redirect("/agreements");
        });
    }

    private static string OrgSelect(string name, IEnumerable<Organisation> orgs) =>
        $"<select name=\"{name}\" id=\"agreement-{name}\">{string.Concat(orgs.Select(o => $"<option value=\"{o.Id}\">{E(o.Name)}</option>"))}</select>";

    private static long Long(string? s, string field) =>
        string.IsNullOrEmpty(s) ? 0
        : long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw HubException.Invalid($"{field}: '{s}' is not a whole number.");

    private static DateTimeOffset Date(string? s, string field) =>
        DateTimeOffset.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw HubException.Invalid($"{field}: '{s}' is not a date (yyyy-mm-dd).");
}
