using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Moa.Hub.Programme;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Accounts;

/// <summary>The account pages: sign-in and sign-out, the operator's user list with its actions, and API tokens (everyone signed in).</summary>
internal static class AccountsPages
{
    public static void MapAccountsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext ctx, string? returnUrl) => Page(ctx, T(ctx, "login"),
            $"<form method=\"post\" action=\"/login\" class=\"card\">{Csrf(ctx)}<input type=\"hidden\" name=\"returnUrl\" value=\"{E(returnUrl)}\">"
            + $"<label>{T(ctx, "email")} <input id=\"email\" name=\"email\" type=\"email\" required autocomplete=\"username\"></label>"
            + $"<label>{T(ctx, "password")} <input id=\"password\" name=\"password\" type=\"password\" required autocomplete=\"current-password\"></label>"
            + $"<label>{T(ctx, "totp.code")} <input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\"></label>"
            + $"<button id=\"login-submit\">{T(ctx, "login")}</button></form>"));
        app.MapPost("/login", async (HttpContext ctx, AccountService accounts) =>
        {
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            var user = await accounts.SignInAsync(form["email"].ToString(), form["password"].ToString(), Api.Remote(ctx), form["code"].ToString()).ConfigureAwait(false);
            var (sessionId, secret) = await accounts.CreateSessionAsync(user, Api.Remote(ctx)).ConfigureAwait(false);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionValidation.Principal(user, secret, sessionId)).ConfigureAwait(false);
            return Results.Redirect(LocalUrl.OrHome(form["returnUrl"].ToString()));
        });
        app.MapPost("/logout", async (HttpContext ctx, AccountService accounts) =>
        {
            await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            await accounts.EndSessionAsync(ctx.User.FindFirstValue(HubClaims.SessionSecret)).ConfigureAwait(false);
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/");
        });


        app.MapGet("/users", async (HttpContext ctx, AccountService accounts, ProgrammeService programme) =>
        {
            var names = (await programme.ListOrganisationsAsync().ConfigureAwait(false)).ToDictionary(o => o.Id, o => o.Name);
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<table id=\"users\"><thead><tr><th>#</th><th>{T(ctx, "email")}</th><th>{T(ctx, "role")}</th><th>{T(ctx, "organisation")}</th><th>{T(ctx, "state")}</th><th></th></tr></thead><tbody>");
            foreach (var u in await accounts.ListAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"user-{u.Id}\"><td>{u.Id}</td><td>{E(u.Email)}</td><td>{E(T(ctx, "role." + u.Role))}</td><td>{E(u.OrganisationId is { } o ? names.GetValueOrDefault(o) : "")}</td>");
                sb.Append(CultureInfo.InvariantCulture, $"<td class=\"state\">{(u.Disabled ? T(ctx, "disabled") : T(ctx, "enabled"))}</td><td>");
                sb.Append(u.Disabled
                    ? Pages.ActionForm(ctx, $"/users/{u.Id}/enable", T(ctx, "enable"), $"enable-{u.Id}")
                    : Pages.ActionForm(ctx, $"/users/{u.Id}/disable", T(ctx, "disable"), $"disable-{u.Id}"));
                if (u.Role == HubRoles.Operator)
                {
                    sb.Append(Pages.ActionForm(ctx, $"/users/{u.Id}/totp-reset", T(ctx, "totp.reset"), $"totp-reset-{u.Id}"));
                }

                sb.Append("</td></tr>");
            }

            return Page(ctx, T(ctx, "users.title"), sb.Append("</tbody></table>").ToString());
        }).RequirePolicy(HubPolicies.Operator, "manage users");
        app.MapPost("/users/{id:long}/{action}", async (HttpContext ctx, long id, string action, AccountService accounts) =>
        {
            var user = ctx.RequireUser();
            await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            if (action == "totp-reset")
            {
                await accounts.ResetTotpAsync(user, id).ConfigureAwait(false);
                return Results.Redirect("/users");
            }

            _ = action switch
            {
                "disable" => await accounts.SetDisabledAsync(user, id, disabled: true).ConfigureAwait(false),
                "enable" => await accounts.SetDisabledAsync(user, id, disabled: false).ConfigureAwait(false),
                _ => throw HubException.NotFound($"unknown action '{action}'."),
            };
            return Results.Redirect("/users");
        });


        app.MapGet("/tokens", async (HttpContext ctx, AccountService accounts) => Page(ctx, T(ctx, "tokens.title"), await TokensBody(ctx, accounts, null).ConfigureAwait(false)));
        app.MapPost("/tokens", async (HttpContext ctx, AccountService accounts) =>
        {
            var user = ctx.RequireUser();
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            var days = int.TryParse(form["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1;
            var issued = await accounts.IssueTokenAsync(user, form["name"].ToString(), form["scopes"].Select(s => s ?? "").ToList(), AccountService.TokenLifetime(days)).ConfigureAwait(false);
            return Page(ctx, T(ctx, "tokens.title"), await TokensBody(ctx, accounts, issued).ConfigureAwait(false));
        });
        app.MapPost("/tokens/{id:long}/revoke", async (HttpContext ctx, long id, AccountService accounts) =>
        {
            var user = ctx.RequireUser();
            await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            await accounts.RevokeTokenAsync(user, id).ConfigureAwait(false);
            return Results.Redirect("/tokens");
        });
    }

    private static async Task<string> TokensBody(HttpContext ctx, AccountService accounts, IssuedToken? issued)
    {
        var user = ctx.RequireUser();
        var sb = new StringBuilder();
        if (issued is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"card\">{T(ctx, "token.shown.once")}<br><code id=\"new-token\">{E(issued.Token)}</code></p>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<table id=\"tokens\"><thead><tr><th>#</th>{(user.IsOperator ? $"<th>{T(ctx, "email")}</th>" : "")}<th>{T(ctx, "title")}</th><th>prefix</th><th>scopes</th><th>{T(ctx, "home.until")}</th><th></th></tr></thead><tbody>");
        foreach (var t in await accounts.ListTokensAsync(user, all: user.IsOperator).ConfigureAwait(false))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"token-{t.Id}\"><td>{t.Id}</td>{(user.IsOperator ? $"<td>{E(t.Email)}</td>" : "")}<td>{E(t.Name)}</td><td><code>{E(t.Prefix)}</code></td><td>{E(t.Scopes)}</td><td>{Api.Iso(t.ExpiresAt)}</td><td>");
            sb.Append(t.RevokedAt is null ? Pages.ActionForm(ctx, $"/tokens/{t.Id}/revoke", T(ctx, "revoke"), $"revoke-token-{t.Id}") : E(T(ctx, "revoked")));
            sb.Append("</td></tr>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</tbody></table><form method=\"post\" action=\"/tokens\" class=\"card\" id=\"new-token-form\">{Csrf(ctx)}<h2>{T(ctx, "token.new")}</h2>");
        sb.Append(CultureInfo.InvariantCulture, $"<label>{T(ctx, "title")} <input name=\"name\" id=\"token-name\" required maxlength=\"200\"></label><fieldset><legend>scopes</legend>");
        foreach (var s in TokenScopes.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" name=\"scopes\" value=\"{s}\" id=\"token-scope-{s}\"{(s == TokenScopes.Read ? " checked" : "")}> {s}</label>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</fieldset><label>{T(ctx, "token.days")} <input name=\"days\" id=\"token-days\" type=\"number\" min=\"1\" max=\"366\" value=\"30\"></label><button id=\"token-create\">{T(ctx, "create")}</button></form>");
        return sb.ToString();
    }
}
