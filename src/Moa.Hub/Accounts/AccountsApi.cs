using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Web;

namespace Moa.Hub.Accounts;

public sealed record TokenRequest(string Email, string Password, string Name, string[]? Scopes, int? ExpiresInDays, string? Code = null);

public sealed record TotpCodeRequest(string Code);

public sealed record NewUserRequest(string Email, string DisplayName, string Role, string Password, long? OrganisationId);

public sealed record PasswordChangeRequest(string CurrentPassword, string NewPassword);

public sealed record PasswordResetRequest(string NewPassword);

public sealed record RoleChangeRequest(string Role, long? OrganisationId);

/// <summary>Sign-in tokens, the signed-in user's own account (<c>/api/me</c>, tokens, sessions) and the operator's account administration.</summary>
internal static class AccountsApi
{
    private const string SecondFactor = "enrol in the second factor (it is offered to the agency's accounts)";

    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Accounts");
        api.MapPost("/auth/token", async Task<Ok<IssuedToken>> (HttpContext ctx, TokenRequest req, AccountService accounts) =>
        {
            var lifetime = AccountService.TokenLifetime(req.ExpiresInDays);
            var user = await accounts.SignInAsync(req.Email, req.Password, Api.Remote(ctx), req.Code).ConfigureAwait(false);
            return TypedResults.Ok(await accounts.IssueTokenAsync(user, req.Name, req.Scopes ?? [TokenScopes.Read], lifetime).ConfigureAwait(false));
        });

        api.MapGet("/me", (HttpContext ctx) => TypedResults.Ok(ctx.RequireUser()));
        api.MapPost("/me/password", async Task<NoContent> (HttpContext ctx, PasswordChangeRequest req, AccountService accounts) =>
        {
            var user = ctx.RequireScope(TokenScopes.Write);
            await accounts.ChangePasswordAsync(user, req.CurrentPassword, req.NewPassword, ctx.User.HasClaim(HubClaims.ViaToken, "1") ? null : ctx.CredentialIdOf()).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        api.MapPost("/me/totp", async Task<Ok<TotpEnrolment>> (HttpContext ctx, AccountService accounts) =>
            TypedResults.Ok(await accounts.EnrolTotpAsync(ctx.RequireScope(TokenScopes.Write)).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, SecondFactor);
        api.MapPost("/me/totp/confirm", async Task<NoContent> (HttpContext ctx, TotpCodeRequest req, AccountService accounts) =>
        {
            await accounts.ConfirmTotpAsync(ctx.RequireScope(TokenScopes.Write), req.Code).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).RequirePolicy(HubPolicies.Operator, SecondFactor);

        api.MapGet("/tokens", async Task<Ok<IReadOnlyList<ApiTokenRow>>> (HttpContext ctx, bool? all, AccountService accounts) =>
            TypedResults.Ok(await accounts.ListTokensAsync(ctx.RequireScope(TokenScopes.Read), all == true).ConfigureAwait(false)));
        api.MapPost("/tokens", async Task<Ok<IssuedToken>> (HttpContext ctx, TokenRequest req, AccountService accounts) =>
        {
            var user = ctx.RequireScope(TokenScopes.Write);
            var lifetime = AccountService.TokenLifetime(req.ExpiresInDays);
            return TypedResults.Ok(await accounts.IssueTokenAsync(user, req.Name, req.Scopes ?? [TokenScopes.Read], lifetime, ctx.Ceiling()).ConfigureAwait(false));
        });
        api.MapDelete("/tokens/{id:long}", async Task<NoContent> (HttpContext ctx, long id, AccountService accounts) =>
        {
            await accounts.RevokeTokenAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

        api.MapGet("/sessions", async Task<Ok<IReadOnlyList<SessionRow>>> (HttpContext ctx, bool? all, AccountService accounts) =>
            TypedResults.Ok(await accounts.ListSessionsAsync(ctx.RequireScope(TokenScopes.Read), all == true).ConfigureAwait(false)));
        api.MapDelete("/sessions/{id:long}", async Task<NoContent> (HttpContext ctx, long id, AccountService accounts) =>
        {
            await accounts.RevokeSessionAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

        // The operator's account administration: the role is checked by policy before anything else.
        api.MapGet("/users", async Task<Ok<IReadOnlyList<UserSummary>>> (HttpContext ctx, AccountService accounts) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            return TypedResults.Ok(await accounts.ListAsync().ConfigureAwait(false));
        }).RequirePolicy(HubPolicies.Operator, "list users");
        api.MapPost("/users", async Task<Created<HubUser>> (HttpContext ctx, NewUserRequest req, AccountService accounts) =>
            TypedResults.Created("/api/users", await accounts.CreateUserAsync(ctx.RequireScope(TokenScopes.Write), req.Email, req.DisplayName, req.Role, req.Password, req.OrganisationId).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "create accounts");
        api.MapPost("/users/{id:long}/totp/reset", async Task<NoContent> (HttpContext ctx, long id, AccountService accounts) =>
        {
            await accounts.ResetTotpAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).RequirePolicy(HubPolicies.Operator, "reset second factors");
        api.MapPost("/users/{id:long}/disable", async Task<Ok<UserSummary>> (HttpContext ctx, long id, AccountService accounts) =>
            TypedResults.Ok(await accounts.SetDisabledAsync(ctx.RequireScope(TokenScopes.Write), id, disabled: true).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "disable or enable accounts");
        api.MapPost("/users/{id:long}/enable", async Task<Ok<UserSummary>> (HttpContext ctx, long id, AccountService accounts) =>
            TypedResults.Ok(await accounts.SetDisabledAsync(ctx.RequireScope(TokenScopes.Write), id, disabled: false).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "disable or enable accounts");
        api.MapPut("/users/{id:long}/role", async Task<Ok<UserSummary>> (HttpContext ctx, long id, RoleChangeRequest req, AccountService accounts) =>
            TypedResults.Ok(await accounts.ChangeRoleAsync(ctx.RequireScope(TokenScopes.Write), id, req.Role, req.OrganisationId).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "change roles");
        api.MapPost("/users/{id:long}/password", async Task<NoContent> (HttpContext ctx, long id, PasswordResetRequest req, AccountService accounts) =>
        {
            await accounts.ResetPasswordAsync(ctx.RequireScope(TokenScopes.Write), id, req.NewPassword).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).RequirePolicy(HubPolicies.Operator, "reset passwords");
    }
}
