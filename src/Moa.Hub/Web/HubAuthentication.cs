using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moa.Hub.Accounts;

namespace Moa.Hub.Web;

/// <summary>Authenticates <c>Authorization: Bearer moa_…</c> personal API tokens (hashed in the database, scoped, expiring).</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountService accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MoaToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await accounts.AuthenticateTokenAsync(header["Bearer ".Length..].Trim()).ConfigureAwait(false);
        if (found is null)
        {
            return AuthenticateResult.Fail("the API token is unknown, expired or revoked.");
        }

        var claims = HubClaims.For(found.User).ToList();
        claims.AddRange((found.Scopes ?? []).Select(s => new Claim(HubClaims.Scope, s)));
        claims.Add(new Claim(HubClaims.ViaToken, "1"));
        claims.Add(new Claim(HubClaims.CredentialId, found.CredentialId.ToString(CultureInfo.InvariantCulture)));
        claims.Add(new Claim(HubClaims.ExpiresAt, found.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}

/// <summary>
/// Cookie sessions: the cookie holds only the session secret; every request looks the session and its user up (through
/// <see cref="AccountService"/>'s short-lived cache), so sign-out, revocation, disabling and role changes act at once and
/// a cookie minted by another hub instance (other keys, other database) is refused.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var accounts = ctx.HttpContext.RequestServices.GetRequiredService<AccountService>();
        var secret = ctx.Principal?.FindFirstValue(HubClaims.SessionSecret);
        var found = await accounts.AuthenticateSessionAsync(secret).ConfigureAwait(false);
        if (found is null)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return;
        }

        ctx.ReplacePrincipal(Principal(found.User, secret!, found.CredentialId));
    }

    public static ClaimsPrincipal Principal(HubUser user, string secret, long sessionId)
    {
        var claims = HubClaims.For(user).ToList();
        claims.Add(new Claim(HubClaims.SessionSecret, secret));
        claims.Add(new Claim(HubClaims.CredentialId, sessionId.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}

/// <summary>Claims the hub stores for a signed-in user, and the way back to a <see cref="HubUser"/>.</summary>
internal static class HubClaims
{
    public const string Organisation = "moa:org";
    public const string Scope = "moa:scope";
    public const string ViaToken = "moa:token";
    public const string SessionSecret = "moa:sid";
    public const string CredentialId = "moa:cid";
    public const string ExpiresAt = "moa:exp";

    /// <summary>The id of the session or token this request signed in with.</summary>
    public static long? CredentialIdOf(this HttpContext ctx) =>
        long.TryParse(ctx.User.FindFirstValue(CredentialId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>For a request signed in with an API token: the most a token it creates may hold.</summary>
    public static TokenCeiling? Ceiling(this HttpContext ctx) =>
        ctx.User.HasClaim(ViaToken, "1") && long.TryParse(ctx.User.FindFirstValue(ExpiresAt), NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            ? new TokenCeiling(ctx.User.FindAll(Scope).Select(c => c.Value).ToList(), DateTimeOffset.FromUnixTimeMilliseconds(exp))
            : null;

    public static IEnumerable<Claim> For(HubUser user)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Email, user.Email);
        yield return new Claim(ClaimTypes.Name, user.DisplayName);
        yield return new Claim(ClaimTypes.Role, user.Role);
        if (user.OrganisationId is { } org)
        {
            yield return new Claim(Organisation, org.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The signed-in user, or null for the public.</summary>
    public static HubUser? User(this HttpContext ctx)
    {
        var p = ctx.User;
        if (p.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var org = p.FindFirstValue(Organisation);
        return new HubUser(
            long.Parse(p.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture),
            p.FindFirstValue(ClaimTypes.Email) ?? "",
            p.FindFirstValue(ClaimTypes.Name) ?? "",
            p.FindFirstValue(ClaimTypes.Role) ?? "",
            org is null ? null : long.Parse(org, CultureInfo.InvariantCulture));
    }

    /// <summary>The signed-in user, or a 401 that says how to sign in.</summary>
    public static HubUser RequireUser(this HttpContext ctx) => ctx.User() ?? throw NotSignedIn(ctx);

    /// <summary>The 401 for a request without a (valid) sign-in: how to sign in, or that the token sent is not valid.</summary>
    public static HubException NotSignedIn(HttpContext ctx) =>
        new(HubErrorKind.Unauthenticated, ctx.Request.Headers.Authorization.Count > 0
            ? "not signed in: the API token is unknown, expired or revoked; create a new one."
            : "not signed in: sign in at /login, or send 'Authorization: Bearer <token>' (create one with POST /api/auth/token).");

    /// <summary>The signed-in user holding <paramref name="scope"/> (tokens carry scopes; a cookie session has them all).</summary>
    public static HubUser RequireScope(this HttpContext ctx, string scope)
    {
        var user = ctx.RequireUser();
        if (ctx.User.HasClaim(ViaToken, "1") && !ctx.User.HasClaim(Scope, scope))
        {
            throw HubException.Forbidden($"token scope missing: this API token lacks the '{scope}' scope; issue a token with it.");
        }

        return user;
    }
}
