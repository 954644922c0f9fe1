using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Programme;

/// <summary>The programme's pages: calls with the provider's application form, applications with their consortium actions, and the operator's organisations.</summary>
internal static class ProgrammePages
{
    public static void MapProgrammePages(this IEndpointRouteBuilder app)
    {
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
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
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
                        ? Pages.ActionForm(ctx, $"/applications/{a.Id}/accept", T(ctx, "accept"), $"accept-{a.Id}")
                        : Pages.ActionForm(ctx, $"/applications/{a.Id}/submit", T(ctx, "submit"), $"submit-{a.Id}"));
                }

                if (user.Role == HubRoles.Provider && mine is not null && (mine.Role == MemberRoles.Lead || a.CreatedBy == user.Id)
                    && a.State is ApplicationStates.Draft or ApplicationStates.Submitted or ApplicationStates.UnderReview)
                {
                    sb.Append(Pages.ActionForm(ctx, $"/applications/{a.Id}/withdraw", T(ctx, "withdraw"), $"withdraw-{a.Id}"));
                }
                if (user.IsOperator && a.State == ApplicationStates.Submitted)
                {
                    sb.Append(Pages.ActionForm(ctx, $"/applications/{a.Id}/review", T(ctx, "review"), $"review-{a.Id}"));
                }

                if (user.IsOperator && a.State == ApplicationStates.UnderReview)
                {
                    sb.Append(Pages.ActionForm(ctx, $"/applications/{a.Id}/select", T(ctx, "select"), $"select-{a.Id}"));
                    sb.Append(Pages.ActionForm(ctx, $"/applications/{a.Id}/reject", T(ctx, "reject"), $"reject-{a.Id}", withReason: true));
                }

                sb.Append("</td></tr>");
            }

            return Page(ctx, T(ctx, "applications.title"), sb.Append("</tbody></table>").ToString());
        });
        app.MapPost("/applications/{id:long}/{action}", async (HttpContext ctx, long id, string action, ProgrammeService programme) =>
        {
            var user = ctx.RequireUser();
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
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

        app.MapGet("/organisations", async (HttpContext ctx, AccountService accounts, ProgrammeService programme) =>
        {
            var members = (await accounts.ListAsync().ConfigureAwait(false)).Where(u => u.OrganisationId is not null).GroupBy(u => u.OrganisationId!.Value).ToDictionary(g => g.Key, g => g.Count());
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture,
                $"<table id=\"organisations\"><thead><tr><th>#</th><th>{T(ctx, "organisation")}</th><th>{T(ctx, "organisation.kind")}</th><th>{T(ctx, "organisation.brn")}</th><th>{T(ctx, "organisation.members")}</th></tr></thead><tbody>");
            foreach (var o in await programme.ListOrganisationsAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<tr id=\"organisation-{o.Id}\"><td>{o.Id}</td><td><a href=\"/organisations/{o.Id}\">{E(o.Name)}</a></td><td>{E(o.Kind)}</td><td>{E(o.Brn)}</td><td>{members.GetValueOrDefault(o.Id)}</td></tr>");
            }

            return Page(ctx, T(ctx, "organisations.title"), sb.Append("</tbody></table>").ToString());
        }).RequirePolicy(HubPolicies.Operator, "manage organisations");
        app.MapGet("/organisations/{id:long}", async (HttpContext ctx, long id, AccountService accounts, ProgrammeService programme) =>
        {
            var org = (await programme.ListOrganisationsAsync().ConfigureAwait(false)).FirstOrDefault(o => o.Id == id)
                ?? throw HubException.NotFound($"organisation {id} does not exist.");
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture,
                $"<p>{T(ctx, "organisation.kind")}: {E(org.Kind)} · {T(ctx, "organisation.brn")}: {E(org.Brn)}</p><h2>{T(ctx, "organisation.members")}</h2>");
            sb.Append(CultureInfo.InvariantCulture, $"<table id=\"members\"><thead><tr><th>#</th><th>{T(ctx, "email")}</th><th>{T(ctx, "role")}</th><th>{T(ctx, "state")}</th></tr></thead><tbody>");
            foreach (var u in (await accounts.ListAsync().ConfigureAwait(false)).Where(u => u.OrganisationId == id))
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<tr id=\"user-{u.Id}\"><td><a href=\"/users#user-{u.Id}\">{u.Id}</a></td><td>{E(u.Email)}</td><td>{E(T(ctx, "role." + u.Role))}</td><td class=\"state\">{(u.Disabled ? T(ctx, "disabled") : T(ctx, "enabled"))}</td></tr>");
            }

            return Page(ctx, org.Name, sb.Append("</tbody></table>").ToString());
        }).RequirePolicy(HubPolicies.Operator, "manage organisations");
    }

    private static long OrganisationId(string? s, string field) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw HubException.Invalid($"{field}: '{s}' is not an organisation id (a positive whole number).");
}
